import { randomUUID } from "node:crypto";
import { ROLES, type Role } from "@luodi/core";
import {
  connect,
  findMember,
  findOrganization,
  findUserByEmail,
  insertAuditEntries,
  insertMembers,
  insertUser,
  listDepartments,
  migrateToLatest,
} from "@luodi/db";
import { hashPassword, sqlitePathOf } from "@luodi/server";
import { type Command, Option } from "commander";
import { addDatabaseOptions, CliError, configFromFlags, type DatabaseFlags } from "../config-options.ts";

type UserAddFlags = DatabaseFlags & {
  email: string;
  name: string;
  password: string;
  orgId?: string;
  role: Role;
  departmentId?: string;
};

/** `luodi user add`: creates a login and its membership directly in the database (no server needed). */
export function registerUserCommand(program: Command): void {
  const user = program.command("user").description("manage people directly in the database");
  const add = user
    .command("add")
    .description("add a person to an organization (the only or oldest one unless --org-id is given)")
    .requiredOption("--email <email>", "login email")
    .requiredOption("--name <name>", "display name")
    .requiredOption("--password <password>", "password (at least 8 characters)")
    .option("--org-id <id>", "organization to join (default: the first one)")
    .addOption(new Option("--role <role>", "role in the organization").choices(ROLES).default("member"))
    .option("--department-id <id>", "department (default: the root department)");
  addDatabaseOptions(add).action(async (flags: UserAddFlags) => {
    const email = flags.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new CliError(`not an email address: ${flags.email}`);
    if (flags.password.length < 8) throw new CliError("the password needs at least 8 characters");
    const config = configFromFlags(flags);
    const handle = connect({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathOf(config) });
    try {
      await migrateToLatest(handle.db);
      const passwordHash = await hashPassword(flags.password, config);
      const now = config.now().toISOString();
      const result = await handle.db.transaction().execute(async (trx) => {
        const orgId = flags.orgId ?? (await firstOrganizationId(trx));
        if (!orgId)
          throw new CliError("there is no organization yet: open the web app or run `luodi demo` first");
        const org = await findOrganization(trx, orgId);
        if (!org) throw new CliError(`no organization with id ${orgId}`);
        const departments = await listDepartments(trx, orgId);
        const departmentId = flags.departmentId ?? departments.find((d) => d.parentId === null)?.id;
        if (!departmentId || !departments.some((d) => d.id === departmentId)) {
          throw new CliError(`no department with id ${flags.departmentId ?? "(root)"} in ${org.name}`);
        }
        const existing = await findUserByEmail(trx, email);
        if (existing && (await findMember(trx, orgId, existing.id))) {
          throw new CliError(`${email} is already a member of ${org.name}`);
        }
        const userId = existing?.id ?? randomUUID();
        if (!existing) {
          await insertUser(trx, {
            id: userId,
            email,
            name: flags.name,
            passwordHash: passwordHash,
            locale: null,
            createdAt: now,
            updatedAt: now,
          });
        }
        await insertMembers(trx, [
          {
            orgId: orgId,
            userId: userId,
            role: flags.role,
            departmentId: departmentId,
            managerId: null,
            title: null,
            status: "active",
            version: 1,
            createdAt: now,
            updatedAt: now,
          },
        ]);
        // The same entry the server writes when an admin adds a member, with no actor: it came from the shell.
        await insertAuditEntries(trx, [
          {
            orgId: orgId,
            id: randomUUID(),
            actorId: null,
            action: "member.create",
            entityType: "member",
            entityId: userId,
            objectiveId: null,
            reason: null,
            before: null,
            after: JSON.stringify({ email, name: flags.name, role: flags.role, departmentId, source: "cli" }),
            createdAt: now,
          },
        ]);
        return { orgName: org.name, userId, isNewUser: !existing };
      });
      process.stdout.write(
        `${result.isNewUser ? "Added" : "Linked existing user"} ${email} (${result.userId}) to ${result.orgName} as ${flags.role}\n`,
      );
      if (!result.isNewUser) process.stdout.write("The existing password was kept.\n");
    } finally {
      await handle.destroy();
    }
  });
}

// The oldest organization; @luodi/db has no repository function that lists organizations yet.
async function firstOrganizationId(db: Parameters<typeof findOrganization>[0]): Promise<string | undefined> {
  const row = await db
    .selectFrom("organization")
    .select("id")
    .orderBy("createdAt")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

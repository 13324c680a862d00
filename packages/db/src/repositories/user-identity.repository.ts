import type { Insertable, Selectable } from "kysely";
import type { OidcLoginRequestTable, UserIdentityTable } from "../schema.ts";
import type { Executor } from "./executor.ts";
import type { OrganizationRow } from "./organization.repository.ts";

type UserIdentityRow = Selectable<UserIdentityTable>;
type OidcLoginRequestRow = Selectable<OidcLoginRequestTable>;

/** The user an identity provider's subject is linked to, if any. */
export async function findUserIdentity(
  db: Executor,
  issuer: string,
  subject: string,
): Promise<UserIdentityRow | undefined> {
  return db
    .selectFrom("userIdentity")
    .selectAll()
    .where("issuer", "=", issuer)
    .where("subject", "=", subject)
    .executeTakeFirst();
}

export async function insertUserIdentity(db: Executor, row: Insertable<UserIdentityTable>): Promise<void> {
  await db.insertInto("userIdentity").values(row).execute();
}

export async function touchUserIdentity(
  db: Executor,
  issuer: string,
  subject: string,
  at: string,
): Promise<void> {
  await db
    .updateTable("userIdentity")
    .set({ lastLoginAt: at })
    .where("issuer", "=", issuer)
    .where("subject", "=", subject)
    .execute();
}

export async function insertOidcLoginRequest(
  db: Executor,
  row: Insertable<OidcLoginRequestTable>,
): Promise<void> {
  await db.insertInto("oidcLoginRequest").values(row).execute();
}

/**
 * Takes a sign-in under way out of the table, once: the row is deleted and returned, so a callback replayed
 * (or two racing with the same state) finds nothing the second time.
 */
export async function takeOidcLoginRequest(
  db: Executor,
  id: string,
): Promise<OidcLoginRequestRow | undefined> {
  return db.deleteFrom("oidcLoginRequest").where("id", "=", id).returningAll().executeTakeFirst();
}

/** Forgets sign-ins that were never finished. */
export async function deleteExpiredOidcLoginRequests(db: Executor, now: string): Promise<void> {
  await db.deleteFrom("oidcLoginRequest").where("expiresAt", "<=", now).execute();
}

/**
 * The organization single sign-on serves: the one set up first (a server runs one organization; a demo
 * database may hold more, and SSO then keeps to the first).
 */
export async function findFirstOrganization(db: Executor): Promise<OrganizationRow | undefined> {
  return db
    .selectFrom("organization")
    .selectAll()
    .orderBy("createdAt")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
}

/** The organization's root department (the one named after it at setup). */
export async function findRootDepartmentId(db: Executor, orgId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("department")
    .select("id")
    .where("orgId", "=", orgId)
    .where("parentId", "is", null)
    .where("deletedAt", "is", null)
    .orderBy("createdAt")
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

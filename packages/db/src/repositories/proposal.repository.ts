import type { ProposalInvolvement, ProposalStatus } from "@luodi/core";
import type { Insertable, Selectable, Updateable } from "kysely";
import type { ProposalTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

/** A proposal with its proposer's name and how many back it. */
export type ProposalRow = Selectable<ProposalTable> & { proposerName: string; backerCount: number };

/** Which proposals to read: all filters are optional and combine. */
export type ProposalFilter = {
  id?: string | undefined;
  ids?: readonly string[] | undefined;
  cycleId?: string | undefined;
  status?: ProposalStatus | undefined;
  statuses?: readonly ProposalStatus[] | undefined;
  parentObjectiveId?: string | undefined;
  parentKeyResultId?: string | undefined;
  /** Those this person made, backed, joined or spun off (as the proposer whose initiative became a department). */
  person?: { userId: string; involvement: ProposalInvolvement } | undefined;
};

/** Stores a new proposal. */
export async function insertProposal(db: Executor, row: Insertable<ProposalTable>): Promise<void> {
  await db.insertInto("proposal").values(row).execute();
}

/**
 * The proposals that pass the filter, newest first, with proposer names and backer counts. The board's
 * visibility rule (the caller may see the parent) is applied by the service, so this reads the candidates
 * whole; a cycle holds hundreds of proposals, not millions.
 */
export async function listProposals(
  db: Executor,
  orgId: string,
  filter: ProposalFilter,
): Promise<ProposalRow[]> {
  let query = db
    .selectFrom("proposal")
    .innerJoin("user as proposer", "proposer.id", "proposal.proposerId")
    .selectAll("proposal")
    .select((eb) => [
      "proposer.name as proposerName",
      eb
        .selectFrom("proposalBacker")
        .select((b) => b.fn.countAll<number>().as("n"))
        .whereRef("proposalBacker.orgId", "=", "proposal.orgId")
        .whereRef("proposalBacker.proposalId", "=", "proposal.id")
        .as("backerCount"),
    ])
    .where("proposal.orgId", "=", orgId);
  if (filter.id !== undefined) query = query.where("proposal.id", "=", filter.id);
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) return [];
    query = query.where("proposal.id", "in", [...filter.ids]);
  }
  if (filter.cycleId !== undefined) query = query.where("proposal.cycleId", "=", filter.cycleId);
  if (filter.status !== undefined) query = query.where("proposal.status", "=", filter.status);
  if (filter.statuses !== undefined) query = query.where("proposal.status", "in", [...filter.statuses]);
  if (filter.parentObjectiveId !== undefined)
    query = query.where("proposal.parentObjectiveId", "=", filter.parentObjectiveId);
  if (filter.parentKeyResultId !== undefined)
    query = query.where("proposal.parentKeyResultId", "=", filter.parentKeyResultId);
  const person = filter.person;
  if (person) {
    switch (person.involvement) {
      case "made":
        query = query.where("proposal.proposerId", "=", person.userId);
        break;
      case "spun_off":
        query = query
          .where("proposal.proposerId", "=", person.userId)
          .where("proposal.spinOffDepartmentId", "is not", null);
        break;
      case "backed":
      case "joined": {
        const table = person.involvement === "backed" ? "proposalBacker" : "proposalMember";
        query = query.where("proposal.id", "in", (eb) =>
          eb
            .selectFrom(table)
            .select(`${table}.proposalId`)
            .where(`${table}.orgId`, "=", orgId)
            .where(`${table}.userId`, "=", person.userId),
        );
        break;
      }
    }
  }
  const rows = await query.orderBy("proposal.id", "desc").execute();
  return rows.map((row) => ({ ...row, backerCount: Number(row.backerCount ?? 0) }));
}

/** One proposal, or undefined. */
export async function findProposal(
  db: Executor,
  orgId: string,
  id: string,
): Promise<ProposalRow | undefined> {
  return (await listProposals(db, orgId, { id }))[0];
}

/**
 * Locks a proposal's row for the rest of the transaction on PostgreSQL (SQLite runs one writer at a time),
 * so two decisions, or a decision and a withdrawal, are serialized and the second sees the first.
 */
export async function lockProposal(db: Executor, orgId: string, id: string): Promise<void> {
  await db
    .selectFrom("proposal")
    .select("id")
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .forUpdate()
    .execute();
}

/** Changes a proposal. */
export async function updateProposal(
  db: Executor,
  orgId: string,
  id: string,
  patch: Updateable<ProposalTable>,
): Promise<void> {
  await db.updateTable("proposal").set(patch).where("orgId", "=", orgId).where("id", "=", id).execute();
}

/** The backers or the team of proposals, with names, in the order they joined. */
export async function listProposalPeople(
  db: Executor,
  orgId: string,
  role: "backer" | "member",
  proposalIds: readonly string[],
): Promise<Array<{ proposalId: string; userId: string; name: string; createdAt: string }>> {
  if (proposalIds.length === 0) return [];
  const table = role === "backer" ? "proposalBacker" : "proposalMember";
  return db
    .selectFrom(table)
    .innerJoin("user", "user.id", `${table}.userId`)
    .select([`${table}.proposalId`, `${table}.userId`, "user.name", `${table}.createdAt`])
    .where(`${table}.orgId`, "=", orgId)
    .where(`${table}.proposalId`, "in", [...proposalIds])
    .orderBy(`${table}.createdAt`)
    .orderBy(`${table}.userId`)
    .execute();
}

/** Adds a backer or a team member; a second time changes nothing. True when it was new. */
export async function addProposalPerson(
  db: Executor,
  orgId: string,
  role: "backer" | "member",
  row: { proposalId: string; userId: string; createdAt: string },
): Promise<boolean> {
  const table = role === "backer" ? "proposalBacker" : "proposalMember";
  const result = await db
    .insertInto(table)
    .values({ orgId, ...row })
    .onConflict((oc) => oc.columns(["orgId", "proposalId", "userId"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes a backer or a team member. True when there was one to remove. */
export async function removeProposalPerson(
  db: Executor,
  orgId: string,
  role: "backer" | "member",
  proposalId: string,
  userId: string,
): Promise<boolean> {
  const table = role === "backer" ? "proposalBacker" : "proposalMember";
  const result = await db
    .deleteFrom(table)
    .where("orgId", "=", orgId)
    .where("proposalId", "=", proposalId)
    .where("userId", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Which of these proposals someone backs and which they are on the team of. */
export async function proposalInvolvementOf(
  db: Executor,
  orgId: string,
  userId: string,
  proposalIds: readonly string[],
): Promise<{ backed: Set<string>; joined: Set<string> }> {
  if (proposalIds.length === 0) return { backed: new Set(), joined: new Set() };
  const [backed, joined] = await Promise.all(
    (["proposalBacker", "proposalMember"] as const).map((table) =>
      db
        .selectFrom(table)
        .select(`${table}.proposalId`)
        .where(`${table}.orgId`, "=", orgId)
        .where(`${table}.userId`, "=", userId)
        .where(`${table}.proposalId`, "in", [...proposalIds])
        .execute(),
    ),
  );
  return {
    backed: new Set((backed ?? []).map((r) => r.proposalId)),
    joined: new Set((joined ?? []).map((r) => r.proposalId)),
  };
}

/** The names of these people, by id. */
export async function listUserNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("user")
    .select(["id", "name"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Every check-in of these objectives' KRs, oldest first: the race's progress over time. */
export async function listRaceCheckIns(
  db: Executor,
  orgId: string,
  objectiveIds: readonly string[],
): Promise<Array<{ objectiveId: string; keyResultId: string; progress: number; createdAt: string }>> {
  if (objectiveIds.length === 0) return [];
  return db
    .selectFrom("checkIn")
    .select(["objectiveId", "keyResultId", "progress", "createdAt"])
    .where("orgId", "=", orgId)
    .where("objectiveId", "in", [...objectiveIds])
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
}

import { KEY_RESULT_HEALTH_LINES } from "@luodi/core";
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { Database, KeyResultTable, ObjectiveTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

/*
 * What a meeting's agenda reads (server/meetings/meeting-agenda.ts). Each section asks the database for
 * its few most pressing items: the cycle's key results are filtered, ranked and cut where they lie, so a
 * company of tens of thousands of KRs sends back a page of rows, not all of them.
 */

/** The objectives an agenda covers. */
export type AgendaScope = {
  cycleId: string;
  /**
   * The departments of the meeting's subtree (its own among them), or null for the whole company. An
   * objective belongs to a department as meeting-agenda.ts says: a department objective to its department,
   * a company one to its department or else the root, a personal one to its owner's department.
   */
  departmentIds: readonly string[] | null;
  /** Where a company objective without a department belongs. */
  rootDepartmentId: string;
};

type Status = ObjectiveTable["status"];
type WithObjective = Database & { o: ObjectiveTable };
type WithKeyResult = WithObjective & { kr: KeyResultTable };

/** A KR without a confidence ranks after every given one (an agenda lists the least confident first). */
const NO_CONFIDENCE_RANK = 11;

/** The scope's objectives of these statuses, in the cycle, not deleted (as `o`). */
function whereObjectives(
  eb: ExpressionBuilder<WithObjective, "o">,
  orgId: string,
  scope: AgendaScope,
  statuses: readonly Status[],
): Expression<SqlBool> {
  const conditions = [
    eb("o.orgId", "=", orgId),
    eb("o.cycleId", "=", scope.cycleId),
    eb("o.deletedAt", "is", null),
    eb("o.status", "in", [...statuses]),
  ];
  const ids = scope.departmentIds;
  if (ids !== null) {
    // An empty subtree holds nothing; `in ()` is no SQL.
    const departments = ids.length > 0 ? [...ids] : [""];
    conditions.push(
      eb.or([
        eb.and([
          eb("o.level", "=", "company"),
          eb(eb.fn.coalesce("o.ownerDepartmentId", eb.val(scope.rootDepartmentId)), "in", departments),
        ]),
        eb.and([eb("o.level", "=", "department"), eb("o.ownerDepartmentId", "in", departments)]),
        eb.and([
          eb("o.level", "not in", ["company", "department"]),
          eb(
            "o.ownerUserId",
            "in",
            eb
              .selectFrom("membership as m")
              .select("m.userId")
              .where("m.orgId", "=", orgId)
              .where("m.departmentId", "in", departments),
          ),
        ]),
      ]),
    );
  }
  return eb.and(conditions);
}

/** The scope's key results (as `kr`) of objectives (as `o`) in these statuses, neither deleted. */
function scopedKeyResults(db: Executor, orgId: string, scope: AgendaScope, statuses: readonly Status[]) {
  return db
    .selectFrom("objective as o")
    .innerJoin("keyResult as kr", (join) =>
      join.onRef("kr.orgId", "=", "o.orgId").onRef("kr.objectiveId", "=", "o.id"),
    )
    .where((eb) => whereObjectives(eb, orgId, scope, statuses))
    .where("kr.deletedAt", "is", null);
}

/**
 * The health conditions of core's {@link KEY_RESULT_HEALTH_LINES} over `kr`, at this elapsed share of the
 * cycle: not done, and (for at_risk) not off track. A test holds them to core's keyResultHealth.
 */
function whereHealth(
  eb: ExpressionBuilder<WithKeyResult, "o" | "kr">,
  health: "off_track" | "at_risk",
  elapsed: number,
): Expression<SqlBool> {
  const { doneAt, offTrack, atRisk } = KEY_RESULT_HEALTH_LINES;
  const past = (line: { confidenceAtMost: number; lagOver: number }) =>
    eb.or([
      eb.and([eb("kr.confidence", "is not", null), eb("kr.confidence", "<=", line.confidenceAtMost)]),
      eb("kr.progress", "<", elapsed - line.lagOver),
    ]);
  const notDone = eb("kr.progress", "<", doneAt);
  return health === "off_track"
    ? eb.and([notDone, past(offTrack)])
    : eb.and([notDone, eb.not(past(offTrack)), past(atRisk)]);
}

/** One KR an agenda lists, with its objective. */
export type AgendaKeyResultRow = {
  objectiveId: string;
  objectiveTitle: string;
  objectiveOwnerId: string | null;
  keyResultId: string;
  keyResultTitle: string;
  keyResultOwnerId: string | null;
  progress: number;
  confidence: number | null;
  lastCheckInAt: string | null;
};

/** These KRs with their objectives, in the order of `ids`. */
async function keyResultsByIds(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<AgendaKeyResultRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("keyResult as kr")
    .innerJoin("objective as o", (join) =>
      join.onRef("o.orgId", "=", "kr.orgId").onRef("o.id", "=", "kr.objectiveId"),
    )
    .select([
      "o.id as objectiveId",
      "o.title as objectiveTitle",
      "o.ownerUserId as objectiveOwnerId",
      "kr.id as keyResultId",
      "kr.title as keyResultTitle",
      "kr.ownerUserId as keyResultOwnerId",
      "kr.progress",
      "kr.confidence",
      "kr.lastCheckInAt",
    ])
    .where("kr.orgId", "=", orgId)
    .where("kr.id", "in", [...ids])
    .execute();
  const byId = new Map(rows.map((row) => [row.keyResultId, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/*
 * The sections below rank on the columns the agenda indexes hold (20261207164500-add-agenda-indexes.ts)
 * and read titles only for the page they keep.
 */

/**
 * The scope's published KRs of one health (domain.md) at `elapsed`, the least confident first, then the
 * least progressed, then in the order of the tree (objective, position): the first `limit`.
 */
export async function agendaKeyResultsOfHealth(
  db: Executor,
  orgId: string,
  scope: AgendaScope,
  options: { health: "off_track" | "at_risk"; elapsed: number; limit: number },
): Promise<AgendaKeyResultRow[]> {
  const ranked = await scopedKeyResults(db, orgId, scope, ["published"])
    .where((eb) => whereHealth(eb, options.health, options.elapsed))
    .select("kr.id")
    .orderBy((eb) => eb.fn.coalesce("kr.confidence", eb.val(NO_CONFIDENCE_RANK)))
    .orderBy("kr.progress")
    .orderBy("o.id")
    .orderBy("kr.position")
    .orderBy("kr.id")
    .limit(options.limit)
    .execute();
  return keyResultsByIds(
    db,
    orgId,
    ranked.map((row) => row.id),
  );
}

/**
 * The active people answering for the scope's published KRs (the KR's owner, else its objective's) with no
 * check-in on any of them since `weekStart`, each with their latest one (null: never), the longest without
 * one first. Everyone tied with the `limit`-th is returned too: the caller breaks ties by name, in its
 * language's order, which SQL does not share.
 */
export async function agendaMissingCheckIns(
  db: Executor,
  orgId: string,
  scope: AgendaScope,
  options: { weekStart: string; limit: number },
): Promise<Array<{ userId: string; lastCheckInAt: string | null }>> {
  const ranked = scopedKeyResults(db, orgId, scope, ["published"])
    .select((eb) => {
      const last = eb.fn.max("kr.lastCheckInAt");
      return [
        eb.fn.coalesce("kr.ownerUserId", "o.ownerUserId").as("userId"),
        last.as("lastCheckInAt"),
        eb.fn
          .agg<number>("rank")
          .over((over) => over.orderBy(eb.fn.coalesce(last, eb.val(""))))
          .as("place"),
      ];
    })
    .where((eb) =>
      eb(
        eb.fn.coalesce("kr.ownerUserId", "o.ownerUserId"),
        "in",
        eb
          .selectFrom("membership as m")
          .select("m.userId")
          .where("m.orgId", "=", orgId)
          .where("m.status", "=", "active"),
      ),
    )
    .groupBy((eb) => eb.fn.coalesce("kr.ownerUserId", "o.ownerUserId"))
    .having((eb) =>
      eb.or([
        eb(eb.fn.max("kr.lastCheckInAt"), "is", null),
        eb(eb.fn.max("kr.lastCheckInAt"), "<", options.weekStart),
      ]),
    )
    .as("ranked");
  const rows = await db
    .selectFrom(ranked)
    .select(["ranked.userId", "ranked.lastCheckInAt"])
    .where("ranked.place", "<=", options.limit)
    .execute();
  return rows.flatMap((row) =>
    row.userId === null ? [] : [{ userId: row.userId, lastCheckInAt: row.lastCheckInAt }],
  );
}

/**
 * The scope's published KRs checked in after `from`, by how far their progress moved since then (their
 * current progress against their last check-in until `from`, 0 without one), unmoved ones left out: the
 * `limit` biggest, ties in the order of the tree. One indexed look-up per KR finds where it stood.
 */
export async function agendaProgressChanges(
  db: Executor,
  orgId: string,
  scope: AgendaScope,
  options: { from: string; limit: number },
): Promise<Array<AgendaKeyResultRow & { change: number }>> {
  // Materialized, so each KR's look-up runs once, not again for the filter and the order.
  const ranked = await db
    .with(
      (cte) => cte("moved").materialized(),
      () =>
        scopedKeyResults(db, orgId, scope, ["published"])
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom("checkIn as c")
                .select("c.keyResultId")
                .where("c.orgId", "=", orgId)
                .whereRef("c.keyResultId", "=", "kr.id")
                .where("c.createdAt", ">", options.from),
            ),
          )
          .select(["o.id as objectiveId", "kr.id as keyResultId", "kr.position"])
          .select((eb) =>
            eb(
              "kr.progress",
              "-",
              eb.fn.coalesce(
                eb
                  .selectFrom("checkIn as b")
                  .select("b.progress")
                  .where("b.orgId", "=", orgId)
                  .whereRef("b.keyResultId", "=", "kr.id")
                  .where("b.createdAt", "<=", options.from)
                  .orderBy("b.createdAt", "desc")
                  .limit(1),
                eb.val(0),
              ),
            ).as("change"),
          ),
    )
    .selectFrom("moved")
    .select(["keyResultId", "change"])
    .where("change", "<>", 0)
    .orderBy((eb) => eb.fn("abs", ["change"]), "desc")
    .orderBy("objectiveId")
    .orderBy("position")
    .orderBy("keyResultId")
    .limit(options.limit)
    .execute();
  const changeOf = new Map(ranked.map((row) => [row.keyResultId, row.change]));
  const rows = await keyResultsByIds(
    db,
    orgId,
    ranked.map((row) => row.keyResultId),
  );
  return rows.map((row) => ({ ...row, change: changeOf.get(row.keyResultId) ?? 0 }));
}

/** One objective an agenda lists. */
type AgendaObjectiveRow = {
  id: string;
  title: string;
  ownerUserId: string | null;
};

/** The scope's objectives waiting for approval (submitted), in the order of the tree: the first `limit`. */
export async function agendaSubmittedObjectives(
  db: Executor,
  orgId: string,
  scope: AgendaScope,
  limit: number,
): Promise<AgendaObjectiveRow[]> {
  return db
    .selectFrom("objective as o")
    .where((eb) => whereObjectives(eb, orgId, scope, ["submitted"]))
    .select(["o.id", "o.title", "o.ownerUserId"])
    .orderBy("o.id")
    .limit(limit)
    .execute();
}

/**
 * The adjustments waiting for decision on the scope's objectives of these statuses, oldest first, with
 * the requester's name and the KR's title (null when it is deleted): the first `limit`.
 */
export async function agendaPendingAdjustments(
  db: Executor,
  orgId: string,
  scope: AgendaScope,
  options: { statuses: readonly Status[]; limit: number },
) {
  return db
    .selectFrom("adjustment as a")
    .innerJoin("objective as o", (join) =>
      join.onRef("o.orgId", "=", "a.orgId").onRef("o.id", "=", "a.objectiveId"),
    )
    .leftJoin("keyResult as kr", (join) =>
      join
        .onRef("kr.orgId", "=", "a.orgId")
        .onRef("kr.id", "=", "a.keyResultId")
        .onRef("kr.objectiveId", "=", "a.objectiveId")
        .on("kr.deletedAt", "is", null),
    )
    .leftJoin("user as u", "u.id", "a.requestedBy")
    .where((eb) => whereObjectives(eb, orgId, scope, options.statuses))
    .where("a.status", "=", "pending")
    .select([
      "a.id",
      "a.objectiveId",
      "o.title as objectiveTitle",
      "a.keyResultId",
      "kr.title as keyResultTitle",
      "a.reason",
      "a.requestedBy",
      "u.name as requestedByName",
    ])
    .orderBy("a.createdAt")
    .orderBy("a.id")
    .limit(options.limit)
    .execute();
}

/**
 * The scope's drafts that nothing above them links (core's isUnalignedDraft: not a company objective, no
 * parent objective or KR), in the order of the tree: the first `limit`. A test holds this to core's rule.
 */
export async function agendaUnalignedDrafts(
  db: Executor,
  orgId: string,
  scope: AgendaScope,
  limit: number,
): Promise<AgendaObjectiveRow[]> {
  return db
    .selectFrom("objective as o")
    .where((eb) => whereObjectives(eb, orgId, scope, ["draft"]))
    .where("o.level", "<>", "company")
    .where("o.parentObjectiveId", "is", null)
    .where("o.parentKeyResultId", "is", null)
    .select(["o.id", "o.title", "o.ownerUserId"])
    .orderBy("o.id")
    .limit(limit)
    .execute();
}

/** A draft the coach reviews, with what it reads: the description and the KRs in order. */
type AgendaDraftRow = AgendaObjectiveRow & {
  description: string;
  keyResults: Array<Pick<KeyResultTable, "title" | "type" | "startValue" | "targetValue">>;
};

/** The scope's most recently edited drafts (ties in the order of the tree): the first `limit`. */
export async function agendaRecentDrafts(
  db: Executor,
  orgId: string,
  scope: AgendaScope,
  limit: number,
): Promise<AgendaDraftRow[]> {
  const drafts = await db
    .selectFrom("objective as o")
    .where((eb) => whereObjectives(eb, orgId, scope, ["draft"]))
    .select(["o.id", "o.title", "o.ownerUserId", "o.description"])
    .orderBy("o.updatedAt", "desc")
    .orderBy("o.id")
    .limit(limit)
    .execute();
  if (drafts.length === 0) return [];
  const keyResults = await db
    .selectFrom("keyResult")
    .select(["objectiveId", "title", "type", "startValue", "targetValue"])
    .where("orgId", "=", orgId)
    .where("deletedAt", "is", null)
    .where(
      "objectiveId",
      "in",
      drafts.map((d) => d.id),
    )
    .orderBy("objectiveId")
    .orderBy("position")
    .orderBy("id")
    .execute();
  return drafts.map((draft) => ({
    ...draft,
    keyResults: keyResults
      .filter((kr) => kr.objectiveId === draft.id)
      .map(({ title, type, startValue, targetValue }) => ({ title, type, startValue, targetValue })),
  }));
}

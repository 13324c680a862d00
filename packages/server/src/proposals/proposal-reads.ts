import {
  AppError,
  isWithinDepartment,
  owningDepartment,
  type ProposalAnswer,
  type ProposalInvolvement,
  type ProposalPageAnswer,
  type ProposalStatus,
  proposalAbilities,
} from "@luodi/core";
import {
  type Executor,
  findKeyResults,
  findObjectives,
  listDepartments,
  listProposalPeople,
  listProposals,
  listUserNames,
  type ObjectiveRow,
  type ProposalRow,
  proposalInvolvementOf,
  readJson,
} from "@luodi/db";
import { reviewWithinBudget } from "../coach/coach-runner.ts";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";
import { groupBy } from "../services/group-by.ts";
import { renderMarkdown } from "../services/markdown.ts";
import { canViewProposal, loadProposalFor, policyProposalOf } from "./proposal-access.ts";

/** The board's query, as the route validated it. */
export type ProposalListQuery = {
  limit: number;
  cursor?: string | undefined;
  cycleId?: string | undefined;
  status?: ProposalStatus | undefined;
  parentKeyResultId?: string | undefined;
  parentObjectiveId?: string | undefined;
  departmentId?: string | undefined;
  userId?: string | undefined;
  involvement?: ProposalInvolvement | undefined;
  sort?: "newest" | "most_backed" | undefined;
};

/** The proposals the caller may see, with their parents (hidden ones and those of deleted parents left out). */
export async function visibleProposals(
  caller: Caller,
  db: Executor,
  rows: readonly ProposalRow[],
): Promise<Array<{ row: ProposalRow; parent: ObjectiveRow }>> {
  const orgId = caller.auth.org.id;
  const parents = new Map(
    (await findObjectives(db, orgId, [...new Set(rows.map((r) => r.parentObjectiveId))])).map((o) => [
      o.id,
      o,
    ]),
  );
  const graph = await graphOf(caller, db);
  return rows.flatMap((row) => {
    const parent = parents.get(row.parentObjectiveId);
    return parent && canViewProposal(caller, row, parent, graph) ? [{ row, parent }] : [];
  });
}

// The board's order and its cursor: newest by id; most backed by backer count, then newest.
function sortKey(row: ProposalRow, sort: "newest" | "most_backed"): string {
  return sort === "newest" ? row.id : `${String(row.backerCount).padStart(10, "0")}|${row.id}`;
}

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, "base64url").toString();
  if (!/^(\d{10}\|)?[\w-]{1,64}$/.test(key))
    throw new AppError("request.invalid", {}, [{ path: "query.cursor" }]);
  return key;
}

/** One page of the board: the cycle's proposals the caller may see, filtered and ordered. */
export async function listProposalsFor(
  caller: Caller,
  query: ProposalListQuery,
): Promise<ProposalPageAnswer> {
  const { db } = caller.ctx;
  const orgId = caller.auth.org.id;
  if (query.involvement && !query.userId)
    throw new AppError("request.invalid", {}, [
      { path: "query.userId", message: "involvement needs userId" },
    ]);
  const sort = query.sort ?? "newest";
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const rows = await listProposals(db, orgId, {
    cycleId: query.cycleId,
    status: query.status,
    parentKeyResultId: query.parentKeyResultId,
    parentObjectiveId: query.parentObjectiveId,
    person: query.userId ? { userId: query.userId, involvement: query.involvement ?? "made" } : undefined,
  });
  let visible = await visibleProposals(caller, db, rows);
  if (query.departmentId) {
    const graph = await graphOf(caller, db);
    const departmentId = query.departmentId;
    visible = visible.filter(({ parent }) => {
      const owner = owningDepartment(policyObjectiveOf(parent), graph);
      return owner !== null && isWithinDepartment(graph, owner, departmentId);
    });
  }
  const ordered = visible
    .map((entry) => ({ ...entry, key: sortKey(entry.row, sort) }))
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .filter((entry) => after === undefined || entry.key < after);
  const page = ordered.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await presentProposals(caller, db, page),
    nextCursor: ordered.length > query.limit && last ? Buffer.from(last.key).toString("base64url") : null,
  };
}

/** One proposal as the caller sees it (404 when hidden). */
export async function proposalFor(
  caller: Caller,
  id: string,
  db: Executor = caller.ctx.db,
): Promise<ProposalAnswer> {
  const { proposal, parent } = await loadProposalFor(caller, db, id);
  const [answer] = await presentProposals(caller, db, [{ row: proposal, parent }]);
  if (!answer) throw new AppError("proposal.not_found");
  return answer;
}

/** Proposals as answers: names, parents, the team, the caller's own involvement and abilities, the coach. */
async function presentProposals(
  caller: Caller,
  db: Executor,
  entries: ReadonlyArray<{ row: ProposalRow; parent: ObjectiveRow }>,
): Promise<ProposalAnswer[]> {
  if (entries.length === 0) return [];
  const orgId = caller.auth.org.id;
  const ids = entries.map((e) => e.row.id);
  const [teams, mine, departments, parentKeyResults, graph] = await Promise.all([
    listProposalPeople(db, orgId, "member", ids).then((people) => groupBy(people, (p) => p.proposalId)),
    proposalInvolvementOf(db, orgId, caller.auth.user.id, ids),
    listDepartments(db, orgId).then((rows) => new Map(rows.map((d) => [d.id, d]))),
    findKeyResults(
      db,
      orgId,
      entries.flatMap((e) => (e.row.parentKeyResultId ? [e.row.parentKeyResultId] : [])),
    ).then((rows) => new Map(rows.map((kr) => [kr.id, kr]))),
    graphOf(caller, db),
  ]);
  const drafts = new Map(entries.map((e) => [e.row.id, readJson(e.row.keyResults)]));
  const names = await listUserNames(db, [
    ...entries.flatMap((e) => [e.row.decidedBy, e.row.spunOffBy].filter((id): id is string => id !== null)),
    ...[...drafts.values()].flatMap((krs) => krs.flatMap((kr) => (kr.ownerUserId ? [kr.ownerUserId] : []))),
  ]);
  const person = (id: string) => ({ id, name: names.get(id) ?? "" });
  return Promise.all(
    entries.map(async ({ row, parent }): Promise<ProposalAnswer> => {
      const keyResults = drafts.get(row.id) ?? [];
      const parentDepartmentId = owningDepartment(policyObjectiveOf(parent), graph);
      const parentDepartment = parentDepartmentId ? departments.get(parentDepartmentId) : undefined;
      const parentKeyResult = row.parentKeyResultId ? parentKeyResults.get(row.parentKeyResultId) : undefined;
      const spinOffDepartment = row.spinOffDepartmentId
        ? departments.get(row.spinOffDepartmentId)
        : undefined;
      const team = (teams.get(row.id) ?? []).map((p) => ({ id: p.userId, name: p.name }));
      const backed = mine.backed.has(row.id);
      const joined = mine.joined.has(row.id);
      const coach = await reviewWithinBudget(
        {
          objective: { title: row.title },
          keyResults: keyResults.map((kr) => ({
            title: kr.title,
            type: kr.type,
            startValue: kr.startValue,
            targetValue: kr.targetValue,
            unit: kr.unit,
          })),
          ownerObjectiveCount: null,
        },
        caller.locale,
        caller.ctx.config.coachTimeBudgetMs,
      );
      return {
        id: row.id,
        cycleId: row.cycleId,
        title: row.title,
        pitch: row.pitch,
        pitchHtml: renderMarkdown(row.pitch),
        status: row.status,
        proposer: { id: row.proposerId, name: row.proposerName },
        parent: {
          objective: { id: parent.id, title: parent.title, level: parent.level },
          keyResult: parentKeyResult ? { id: parentKeyResult.id, title: parentKeyResult.title } : null,
          department: parentDepartment ? { id: parentDepartment.id, name: parentDepartment.name } : null,
        },
        keyResults: keyResults.map((kr) => ({
          title: kr.title,
          type: kr.type,
          unit: kr.unit,
          startValue: kr.startValue,
          targetValue: kr.targetValue,
          owner: kr.ownerUserId ? person(kr.ownerUserId) : null,
        })),
        coach,
        backerCount: row.backerCount,
        backedByMe: backed,
        team,
        joinedByMe: joined,
        decision:
          row.decidedBy && row.decidedAt
            ? { by: person(row.decidedBy), at: row.decidedAt, reason: row.decisionReason }
            : null,
        objectiveId: row.objectiveId,
        spinOff:
          spinOffDepartment && row.spunOffAt && row.spunOffBy
            ? {
                department: { id: spinOffDepartment.id, name: spinOffDepartment.name },
                at: row.spunOffAt,
                by: person(row.spunOffBy),
              }
            : null,
        createdAt: row.createdAt,
        abilities: proposalAbilities(caller.auth.actor, policyProposalOf(row, parent), graph, {
          backed,
          joined,
        }),
      };
    }),
  );
}

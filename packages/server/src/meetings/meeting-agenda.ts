import {
  AGENDA_COACH_REVIEWS,
  AGENDA_QUESTIONS,
  AGENDA_SECTION_LIMIT,
  type AgendaAnswer,
  type AgendaRecord,
  type AgendaRecordItem,
  canViewObjective,
  checkInWeek,
  confidenceTrend,
  elapsedFraction,
  isWithinDepartment,
  type OrgGraph,
} from "@luodi/core";
import {
  type AgendaKeyResultRow,
  type AgendaScope,
  agendaKeyResultsOfHealth,
  agendaMissingCheckIns,
  agendaPendingAdjustments,
  agendaProgressChanges,
  agendaRecentDrafts,
  agendaSubmittedObjectives,
  agendaUnalignedDrafts,
  checkInTrendsOf,
  type Executor,
  findCycle,
  findObjectives,
  lastMeetingStart,
  listQuestions,
  type MeetingRow,
  openProposalsOfCycle,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";
import { coachFindings } from "../objectives/objective-views.ts";
import { groupBy } from "../services/group-by.ts";
import { mustExist } from "../services/must-exist.ts";

const DAY_MS = 86_400_000;
/** Without an earlier meeting of the same kind and scope, changes are counted over this many days. */
const CHANGE_WINDOW_DAYS = 14;
/** How many of the biggest changes the agenda lists. */
const BIGGEST_CHANGES = 10;

const EMPTY_ITEM: AgendaRecordItem = {
  objectiveId: null,
  objectiveTitle: null,
  keyResultId: null,
  keyResultTitle: null,
  userId: null,
  userName: null,
  health: null,
  progress: null,
  confidence: null,
  progressChange: null,
  lastCheckInAt: null,
};

/**
 * Orders ISO timestamps as text. localeCompare would ask ICU for each comparison, which over a company's
 * people costs more than the rest of the agenda together.
 */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of String#localeCompare (the default locale), without setting ICU up on every call. */
const byName = new Intl.Collator().compare;

/** The `limit` first items in `compare`'s order (stable), without sorting them all. */
function firstInOrder<T>(items: readonly T[], limit: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    const last = kept.at(-1);
    if (kept.length >= limit && (last === undefined || compare(item, last) >= 0)) continue;
    // After the last kept item that does not come after it: equal items keep their arrival order.
    let at = kept.length;
    while (at > 0 && compare(item, kept[at - 1] as T) < 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

// The department an objective belongs to: a personal one's owner's, a company one's the root.
function departmentOf(
  row: { level: string; ownerDepartmentId: string | null; objectiveOwnerId: string | null },
  graph: OrgGraph,
): string | null {
  if (row.level === "company") return row.ownerDepartmentId ?? graph.rootDepartmentId;
  if (row.level === "department") return row.ownerDepartmentId;
  return row.objectiveOwnerId === null
    ? null
    : (graph.members.get(row.objectiveOwnerId)?.departmentId ?? null);
}

/**
 * The objectives a meeting covers, for the database to filter by: the whole company, or the departments of
 * a department's subtree by core's isWithinDepartment (the department itself always among them).
 */
function agendaScopeOf(meeting: MeetingRow, graph: OrgGraph): AgendaScope {
  const scope = meeting.departmentId;
  return {
    cycleId: meeting.cycleId,
    rootDepartmentId: graph.rootDepartmentId,
    departmentIds:
      scope === null
        ? null
        : [
            scope,
            ...[...graph.departments.keys()].filter(
              (id) => id !== scope && isWithinDepartment(graph, id, scope),
            ),
          ],
  };
}

/**
 * The agenda of a meeting computed from live data, for everyone (each viewer sees it filtered by
 * {@link presentAgenda}): the scope's key results off track and at risk (health by domain.md, worst
 * confidence first), the people with key results under way and no check-in this check-in week, the biggest
 * progress changes since the last meeting of the same kind and scope (or 14 days), the objectives waiting
 * for approval and the adjustments waiting for decision; for a planning meeting (规划会) the unaligned drafts
 * and the coach's errors on drafts; the scope's open proposals (赛马); for CEO 面对面 the top-voted open
 * questions. Each section lists at most AGENDA_SECTION_LIMIT items, the most pressing first. Listed KRs
 * carry their latest check-in note and confidence trend.
 *
 * Each section asks the database for its own few items (agenda.repository.ts), filtered, ranked and cut
 * there, so the cost follows the page, not the tens of thousands of KRs of a large company's cycle.
 */
export async function computeAgenda(
  caller: Caller,
  db: Executor,
  meeting: MeetingRow,
): Promise<AgendaRecord> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  const now = ctx.config.now();
  const planning = meeting.kind === "planning";
  const [graph, cycle, since, proposals] = await Promise.all([
    graphOf(caller, db),
    findCycle(db, orgId, meeting.cycleId),
    lastMeetingStart(db, orgId, meeting),
    openProposalsOfCycle(db, orgId, meeting.cycleId),
  ]);
  const cycleRow = mustExist(cycle, "cycle");
  const scope = agendaScopeOf(meeting, graph);
  const elapsed = elapsedFraction(cycleRow, now, auth.org.timezone);
  // Biggest changes: current progress against the last check-in before `from` (0 without one).
  const from = since ?? new Date(now.getTime() - CHANGE_WINDOW_DAYS * DAY_MS).toISOString();
  // Missing check-ins: only while the cycle takes them.
  const weekStart =
    cycleRow.phase === "in_progress"
      ? new Date(checkInWeek(auth.settings, auth.org.timezone, now).startMs).toISOString()
      : null;
  const nameOf = (id: string | null) => (id === null ? null : (graph.members.get(id)?.name ?? null));
  const limit = AGENDA_SECTION_LIMIT;
  const [offTrackRows, atRiskRows, missingRows, changeRows, submitted, adjustments, planningSections] =
    await Promise.all([
      agendaKeyResultsOfHealth(db, orgId, scope, { health: "off_track", elapsed, limit }),
      agendaKeyResultsOfHealth(db, orgId, scope, { health: "at_risk", elapsed, limit }),
      weekStart === null ? [] : agendaMissingCheckIns(db, orgId, scope, { weekStart, limit }),
      agendaProgressChanges(db, orgId, scope, { from, limit: BIGGEST_CHANGES }),
      agendaSubmittedObjectives(db, orgId, scope, limit),
      agendaPendingAdjustments(db, orgId, scope, {
        statuses: planning ? ["draft", "submitted", "published"] : ["submitted", "published"],
        limit,
      }),
      planning ? planningAgenda(caller, db, scope, nameOf) : [],
    ]);
  const itemOf = (row: AgendaKeyResultRow, extra: Partial<AgendaRecordItem> = {}): AgendaRecordItem => {
    const ownerId = row.keyResultOwnerId ?? row.objectiveOwnerId;
    return {
      objectiveId: row.objectiveId,
      objectiveTitle: row.objectiveTitle,
      keyResultId: row.keyResultId,
      keyResultTitle: row.keyResultTitle,
      userId: ownerId,
      userName: nameOf(ownerId),
      health: null,
      progress: row.progress,
      confidence: row.confidence,
      progressChange: null,
      lastCheckInAt: row.lastCheckInAt,
      ...extra,
    };
  };

  const offTrack = offTrackRows.map((row) => itemOf(row, { health: "off_track" }));
  const atRisk = atRiskRows.map((row) => itemOf(row, { health: "at_risk" }));
  // The longest without a check-in first (never first of all), then by name.
  const missing = firstInOrder(
    missingRows.map(({ userId, lastCheckInAt }) => ({
      ...EMPTY_ITEM,
      userId,
      userName: nameOf(userId),
      lastCheckInAt,
    })),
    limit,
    // Namesakes by id, so the cut at the limit does not depend on the order the database grouped them in.
    (a, b) =>
      byText(a.lastCheckInAt ?? "", b.lastCheckInAt ?? "") ||
      byName(a.userName ?? "", b.userName ?? "") ||
      byText(a.userId ?? "", b.userId ?? ""),
  );
  const biggest = changeRows.map((row) => itemOf(row, { progressChange: row.change }));

  const pending: AgendaRecordItem[] = submitted.map((objective) => ({
    ...EMPTY_ITEM,
    objectiveId: objective.id,
    objectiveTitle: objective.title,
    userId: objective.ownerUserId,
    userName: nameOf(objective.ownerUserId),
  }));
  // Adjustments waiting for decision, on the scope's objectives.
  for (const adjustment of adjustments) {
    pending.push({
      ...EMPTY_ITEM,
      objectiveId: adjustment.objectiveId,
      objectiveTitle: adjustment.objectiveTitle,
      keyResultId: adjustment.keyResultId,
      keyResultTitle: adjustment.keyResultId === null ? null : adjustment.keyResultTitle,
      userId: adjustment.requestedBy,
      userName: adjustment.requestedByName,
      adjustmentId: adjustment.id,
      adjustmentReason: adjustment.reason,
    });
  }

  // Open proposals (赛马) serving an objective of the scope, the oldest first.
  const isInScope = (row: {
    level: string;
    ownerDepartmentId: string | null;
    objectiveOwnerId: string | null;
  }) => {
    if (meeting.departmentId === null) return true;
    const dept = departmentOf(row, graph);
    return dept !== null && isWithinDepartment(graph, dept, meeting.departmentId);
  };
  const openProposals: AgendaRecordItem[] = proposals.filter(isInScope).map((proposal) => ({
    ...EMPTY_ITEM,
    objectiveId: proposal.objectiveId,
    objectiveTitle: proposal.objectiveTitle,
    keyResultId: proposal.keyResultId,
    keyResultTitle: proposal.keyResultTitle,
    userId: proposal.proposerId,
    userName: proposal.proposerName,
    proposalId: proposal.id,
    proposalTitle: proposal.title,
  }));

  // The latest note and the confidence trend of the KRs the agenda lists (and only theirs).
  const listed = [...offTrack, ...atRisk, ...biggest];
  const trends = groupBy(
    await checkInTrendsOf(db, orgId, [
      ...new Set(listed.flatMap((item) => (item.keyResultId ? [item.keyResultId] : []))),
    ]),
    (c) => c.keyResultId,
  );
  for (const item of listed) {
    const theirs = (item.keyResultId && trends.get(item.keyResultId)) || [];
    item.note = theirs.at(-1)?.note || null;
    item.confidenceTrend = confidenceTrend(theirs.map((c) => c.confidence));
  }

  return {
    generatedAt: now.toISOString(),
    sections: [
      { kind: "off_track", items: offTrack },
      { kind: "at_risk", items: atRisk },
      { kind: "missing_check_ins", items: missing },
      { kind: "biggest_changes", items: biggest },
      { kind: "pending_approvals", items: pending.slice(0, AGENDA_SECTION_LIMIT) },
      ...planningSections,
      { kind: "proposals", items: openProposals.slice(0, AGENDA_SECTION_LIMIT) },
      ...(meeting.kind === "ceo_qa" ? [await questionsSection(db, orgId)] : []),
    ],
  };
}

/**
 * The top-voted open questions of CEO 面对面. Never the author: an anonymous question has none, and a named
 * one is listed by its words. Votes are not among the writes that refresh cached reads, so a live agenda
 * takes this section fresh on every read (meeting-reads.ts).
 */
export async function questionsSection(
  db: Executor,
  orgId: string,
): Promise<AgendaRecord["sections"][number]> {
  const questions = await listQuestions(db, orgId, { limit: AGENDA_QUESTIONS, open: true });
  return {
    kind: "questions",
    items: questions.map((q) => ({
      ...EMPTY_ITEM,
      questionId: q.id,
      questionBody: q.body,
      voteCount: q.voteCount,
    })),
  };
}

/**
 * What a planning meeting (规划会) adds: the scope's drafts that align to nothing above them, and the
 * coach's errors on the scope's drafts (the most recently edited {@link AGENDA_COACH_REVIEWS}, each within
 * the coach's budgets; one beyond them is left out rather than holding the agenda up).
 */
async function planningAgenda(
  caller: Caller,
  db: Executor,
  scope: AgendaScope,
  nameOf: (id: string | null) => string | null,
): Promise<AgendaRecord["sections"]> {
  const orgId = caller.auth.org.id;
  const [unaligned, reviewed] = await Promise.all([
    agendaUnalignedDrafts(db, orgId, scope, AGENDA_SECTION_LIMIT),
    agendaRecentDrafts(db, orgId, scope, AGENDA_COACH_REVIEWS),
  ]);
  const objectiveItem = (objective: { id: string; title: string; ownerUserId: string | null }) => ({
    ...EMPTY_ITEM,
    objectiveId: objective.id,
    objectiveTitle: objective.title,
    userId: objective.ownerUserId,
    userName: nameOf(objective.ownerUserId),
  });
  const reviews = await Promise.all(
    reviewed.map(async (draft) => {
      const findings = await coachFindings(
        caller,
        { title: draft.title, description: draft.description },
        draft.keyResults,
      );
      const errors = (findings ?? []).filter((f) => f.severity === "error");
      return errors.length === 0
        ? []
        : [
            {
              ...objectiveItem(draft),
              coachErrors: errors.map((f) => ({ code: f.code, target: f.target, message: f.message })),
            },
          ];
    }),
  );
  return [
    { kind: "unaligned_drafts", items: unaligned.map(objectiveItem) },
    { kind: "coach_errors", items: reviews.flat() },
  ];
}

/**
 * An agenda as the caller sees it: items that link an objective show only while the caller may see that
 * objective (a frozen agenda is filtered at read time too, with today's visibility).
 */
export async function presentAgenda(
  caller: Caller,
  db: Executor,
  record: AgendaRecord,
  frozen: boolean,
): Promise<AgendaAnswer> {
  const ids = [
    ...new Set(
      record.sections.flatMap((s) => s.items.flatMap((i) => (i.objectiveId ? [i.objectiveId] : []))),
    ),
  ];
  const [objectives, graph] = await Promise.all([
    findObjectives(db, caller.auth.org.id, ids),
    graphOf(caller, db),
  ]);
  const visible = new Set(
    objectives
      .filter((o) => canViewObjective(caller.auth.actor, policyObjectiveOf(o), graph))
      .map((o) => o.id),
  );
  return {
    frozen,
    generatedAt: record.generatedAt,
    sections: record.sections.map((section) => ({
      kind: section.kind,
      items: section.items
        .filter((item) => item.objectiveId === null || visible.has(item.objectiveId))
        .map((item) => ({
          objective:
            item.objectiveId === null ? null : { id: item.objectiveId, title: item.objectiveTitle ?? "" },
          keyResult:
            item.keyResultId === null || item.objectiveId === null
              ? null
              : { id: item.keyResultId, objectiveId: item.objectiveId, title: item.keyResultTitle ?? "" },
          person: item.userId === null ? null : { id: item.userId, name: item.userName ?? "" },
          question:
            item.questionId == null
              ? null
              : { id: item.questionId, body: item.questionBody ?? "", voteCount: item.voteCount ?? 0 },
          health: item.health,
          progress: item.progress,
          confidence: item.confidence,
          progressChange: item.progressChange,
          lastCheckInAt: item.lastCheckInAt,
          note: item.note ?? null,
          confidenceTrend: item.confidenceTrend ?? [],
          adjustment:
            item.adjustmentId == null ? null : { id: item.adjustmentId, reason: item.adjustmentReason ?? "" },
          proposal: item.proposalId == null ? null : { id: item.proposalId, title: item.proposalTitle ?? "" },
          coachErrors: item.coachErrors ?? [],
        })),
    })),
  };
}

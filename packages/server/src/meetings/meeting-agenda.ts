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
  isUnalignedDraft,
  isWithinDepartment,
  keyResultHealthIn,
  type OrgGraph,
} from "@luodi/core";
import {
  agendaKeyResultsOf,
  checkInTrendsOf,
  type Executor,
  findCycle,
  findObjectives,
  lastMeetingStart,
  listQuestions,
  type MeetingRow,
  openProposalsOfCycle,
  pendingAdjustmentsOfCycle,
  progressChangesSince,
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
 * Orders ISO timestamps as text. localeCompare would ask ICU for each of the hundred thousand comparisons a
 * company's agenda sorts, which cost more than the rest of the agenda together.
 */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type AgendaRow = Awaited<ReturnType<typeof agendaKeyResultsOf>>[number];

// The department an objective belongs to: a personal one's owner's, a company one's the root.
function departmentOf(
  row: Pick<AgendaRow, "level" | "ownerDepartmentId" | "objectiveOwnerId">,
  graph: OrgGraph,
): string | null {
  if (row.level === "company") return row.ownerDepartmentId ?? graph.rootDepartmentId;
  if (row.level === "department") return row.ownerDepartmentId;
  return row.objectiveOwnerId === null
    ? null
    : (graph.members.get(row.objectiveOwnerId)?.departmentId ?? null);
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
  const [graph, cycle, rows, since, adjustments, proposals] = await Promise.all([
    graphOf(caller, db),
    findCycle(db, orgId, meeting.cycleId),
    agendaKeyResultsOf(db, orgId, meeting.cycleId, { drafts: planning }),
    lastMeetingStart(db, orgId, meeting),
    pendingAdjustmentsOfCycle(db, orgId, meeting.cycleId),
    openProposalsOfCycle(db, orgId, meeting.cycleId),
  ]);
  // Biggest changes: current progress against the last check-in before `from` (0 without one).
  const from = since ?? new Date(now.getTime() - CHANGE_WINDOW_DAYS * DAY_MS).toISOString();
  const changedSince = await progressChangesSince(db, orgId, from);
  const cycleRow = mustExist(cycle, "cycle");
  const scope = meeting.departmentId;
  const isInScope = (row: Pick<AgendaRow, "level" | "ownerDepartmentId" | "objectiveOwnerId">) => {
    if (scope === null) return true;
    const dept = departmentOf(row, graph);
    return dept !== null && isWithinDepartment(graph, dept, scope);
  };
  const inScope = rows.filter(isInScope);
  const elapsed = elapsedFraction(cycleRow, now, auth.org.timezone);
  const nameOf = (id: string | null) => (id === null ? null : (graph.members.get(id)?.name ?? null));
  const itemOf = (row: AgendaRow, extra: Partial<AgendaRecordItem> = {}): AgendaRecordItem => {
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

  const published = inScope.filter((row) => row.status === "published" && row.keyResultId !== null);
  const withHealth = published.map((row) => ({
    row,
    health: keyResultHealthIn(row.status, {
      progress: row.progress ?? 0,
      confidence: row.confidence,
      elapsed,
    }),
  }));
  const byConcern = (a: { row: AgendaRow }, b: { row: AgendaRow }) =>
    (a.row.confidence ?? 11) - (b.row.confidence ?? 11) || (a.row.progress ?? 0) - (b.row.progress ?? 0);
  const ofHealth = (health: "off_track" | "at_risk") =>
    withHealth
      .filter((h) => h.health === health)
      .sort(byConcern)
      .slice(0, AGENDA_SECTION_LIMIT)
      .map((h) => itemOf(h.row, { health: h.health }));

  // Missing check-ins: only while the cycle takes them.
  const missing: AgendaRecordItem[] = [];
  if (cycleRow.phase === "in_progress") {
    const weekStart = new Date(checkInWeek(auth.settings, auth.org.timezone, now).startMs).toISOString();
    const byOwner = groupBy(
      published.filter((row) => (row.keyResultOwnerId ?? row.objectiveOwnerId) !== null),
      (row) => (row.keyResultOwnerId ?? row.objectiveOwnerId) as string,
    );
    for (const [userId, theirs] of byOwner) {
      if (graph.members.get(userId)?.status !== "active") continue;
      if (theirs.some((row) => row.lastCheckInAt !== null && row.lastCheckInAt >= weekStart)) continue;
      const last =
        theirs
          .map((row) => row.lastCheckInAt ?? "")
          .sort()
          .at(-1) || null;
      missing.push({ ...EMPTY_ITEM, userId, userName: nameOf(userId), lastCheckInAt: last });
    }
    // The longest without a check-in first (never first of all), then by name.
    missing.sort(
      (a, b) =>
        byText(a.lastCheckInAt ?? "", b.lastCheckInAt ?? "") ||
        (a.userName ?? "").localeCompare(b.userName ?? ""),
    );
    missing.splice(AGENDA_SECTION_LIMIT);
  }

  const beforeOf = new Map(changedSince.map((c) => [c.keyResultId, c.before ?? 0]));
  const changes = published.flatMap((row) => {
    const before = beforeOf.get(row.keyResultId as string);
    if (before === undefined) return [];
    const change = (row.progress ?? 0) - before;
    return change === 0 ? [] : [{ row, change }];
  });
  changes.sort((a, b) => Math.abs(b.change) - Math.abs(a.change));

  const pending = inScope
    .filter(
      (row, index, all) =>
        row.status === "submitted" && all.findIndex((r) => r.objectiveId === row.objectiveId) === index,
    )
    .map((row) =>
      itemOf(row, {
        keyResultId: null,
        keyResultTitle: null,
        userId: row.objectiveOwnerId,
        userName: nameOf(row.objectiveOwnerId),
        progress: null,
        confidence: null,
        lastCheckInAt: null,
      }),
    );
  // Adjustments waiting for decision, on the scope's objectives.
  const scopeObjectives = new Map(inScope.map((row) => [row.objectiveId, row]));
  const krTitles = new Map(
    inScope.flatMap((row) => (row.keyResultId ? [[row.keyResultId, row.keyResultTitle]] : [])),
  );
  for (const adjustment of adjustments) {
    const row = scopeObjectives.get(adjustment.objectiveId);
    if (!row) continue;
    pending.push({
      ...EMPTY_ITEM,
      objectiveId: row.objectiveId,
      objectiveTitle: row.objectiveTitle,
      keyResultId: adjustment.keyResultId,
      keyResultTitle: adjustment.keyResultId === null ? null : (krTitles.get(adjustment.keyResultId) ?? null),
      userId: adjustment.requestedBy,
      userName: adjustment.requestedByName,
      adjustmentId: adjustment.id,
      adjustmentReason: adjustment.reason,
    });
  }

  const planningSections = planning ? await planningAgenda(caller, db, inScope, nameOf) : [];
  // Open proposals (赛马) serving an objective of the scope, the oldest first.
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

  const offTrack = ofHealth("off_track");
  const atRisk = ofHealth("at_risk");
  const biggest = changes
    .slice(0, BIGGEST_CHANGES)
    .map(({ row, change }) => itemOf(row, { progressChange: change }));
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
  inScope: readonly AgendaRow[],
  nameOf: (id: string | null) => string | null,
): Promise<AgendaRecord["sections"]> {
  const drafts = [
    ...groupBy(
      inScope.filter((row) => row.status === "draft"),
      (row) => row.objectiveId,
    ).values(),
  ];
  const objectiveItem = (row: AgendaRow): AgendaRecordItem => ({
    ...EMPTY_ITEM,
    objectiveId: row.objectiveId,
    objectiveTitle: row.objectiveTitle,
    userId: row.objectiveOwnerId,
    userName: nameOf(row.objectiveOwnerId),
  });
  const unaligned = drafts.flatMap((rows) => {
    const head = rows[0];
    return head && isUnalignedDraft(head) ? [objectiveItem(head)] : [];
  });
  const reviewed = drafts
    .sort((a, b) => byText(b[0]?.objectiveUpdatedAt ?? "", a[0]?.objectiveUpdatedAt ?? ""))
    .slice(0, AGENDA_COACH_REVIEWS);
  // Descriptions are context for the coach, read only for the drafts it reviews.
  const descriptions = new Map(
    (
      await findObjectives(
        db,
        caller.auth.org.id,
        reviewed.flatMap((rows) => (rows[0] ? [rows[0].objectiveId] : [])),
      )
    ).map((o) => [o.id, o.description]),
  );
  const reviews = await Promise.all(
    reviewed.map(async (rows) => {
      const head = rows[0] as AgendaRow;
      const findings = await coachFindings(
        caller,
        { title: head.objectiveTitle, description: descriptions.get(head.objectiveId) ?? null },
        rows.flatMap((row) =>
          row.keyResultTitle === null
            ? []
            : [
                {
                  title: row.keyResultTitle,
                  type: row.keyResultType,
                  startValue: row.startValue,
                  targetValue: row.targetValue,
                },
              ],
        ),
      );
      const errors = (findings ?? []).filter((f) => f.severity === "error");
      return errors.length === 0
        ? []
        : [
            {
              ...objectiveItem(head),
              coachErrors: errors.map((f) => ({ code: f.code, target: f.target, message: f.message })),
            },
          ];
    }),
  );
  return [
    { kind: "unaligned_drafts", items: unaligned.slice(0, AGENDA_SECTION_LIMIT) },
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

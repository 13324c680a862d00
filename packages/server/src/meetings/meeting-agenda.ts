import {
  AGENDA_QUESTIONS,
  type AgendaAnswer,
  type AgendaRecord,
  type AgendaRecordItem,
  canViewObjective,
  checkInWeek,
  elapsedFraction,
  isWithinDepartment,
  keyResultHealthIn,
  type OrgGraph,
} from "@luodi/core";
import {
  agendaKeyResultsOf,
  checkInProgressOf,
  type Executor,
  findCycle,
  findObjectives,
  lastMeetingStart,
  listQuestions,
  type MeetingRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";
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

type AgendaRow = Awaited<ReturnType<typeof agendaKeyResultsOf>>[number];

// The department an objective belongs to: a personal one's owner's, a company one's the root.
function departmentOf(row: AgendaRow, graph: OrgGraph): string | null {
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
 * progress changes since the last meeting of the same kind and scope (or 14 days), and the objectives
 * waiting for approval.
 */
export async function computeAgenda(
  caller: Caller,
  db: Executor,
  meeting: MeetingRow,
): Promise<AgendaRecord> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  const now = ctx.config.now();
  const [graph, cycle, rows, since] = await Promise.all([
    graphOf(caller, db),
    findCycle(db, orgId, meeting.cycleId),
    agendaKeyResultsOf(db, orgId, meeting.cycleId),
    lastMeetingStart(db, orgId, meeting),
  ]);
  const cycleRow = mustExist(cycle, "cycle");
  const scope = meeting.departmentId;
  const inScope = rows.filter((row) => {
    if (scope === null) return true;
    const dept = departmentOf(row, graph);
    return dept !== null && isWithinDepartment(graph, dept, scope);
  });
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
    missing.sort((a, b) => (a.userName ?? "").localeCompare(b.userName ?? ""));
  }

  // Biggest changes: current progress against the last check-in before `from` (0 without one).
  const from = since ?? new Date(now.getTime() - CHANGE_WINDOW_DAYS * DAY_MS).toISOString();
  const checkIns = groupBy(
    await checkInProgressOf(
      db,
      orgId,
      published.map((row) => row.keyResultId as string),
    ),
    (c) => c.keyResultId,
  );
  const changes = published.flatMap((row) => {
    const theirs = checkIns.get(row.keyResultId as string) ?? [];
    if (!theirs.some((c) => c.createdAt > from)) return [];
    const before = theirs.filter((c) => c.createdAt <= from).at(-1)?.progress ?? 0;
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

  const questions =
    meeting.kind === "ceo_qa" ? await listQuestions(db, orgId, { limit: AGENDA_QUESTIONS, open: true }) : [];

  return {
    generatedAt: now.toISOString(),
    sections: [
      { kind: "off_track", items: ofHealth("off_track") },
      { kind: "at_risk", items: ofHealth("at_risk") },
      { kind: "missing_check_ins", items: missing },
      {
        kind: "biggest_changes",
        items: changes
          .slice(0, BIGGEST_CHANGES)
          .map(({ row, change }) => itemOf(row, { progressChange: change })),
      },
      { kind: "pending_approvals", items: pending },
      ...(meeting.kind === "ceo_qa"
        ? [
            {
              kind: "questions" as const,
              // Never the author: an anonymous question has none, and a named one is listed by its words.
              items: questions.map((q) => ({
                ...EMPTY_ITEM,
                questionId: q.id,
                questionBody: q.body,
                voteCount: q.voteCount,
              })),
            },
          ]
        : []),
    ],
  };
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
        })),
    })),
  };
}

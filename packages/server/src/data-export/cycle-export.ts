import { AppError, canViewObjective, type Locale } from "@luodi/core";
import {
  type CheckInRow,
  type CycleRow,
  type DepartmentRow,
  findCycle,
  type KeyResultRow,
  listCheckInsOfObjectives,
  listDepartments,
  listKeyResultsOfObjectives,
  listMembers,
  listObjectives,
  type ObjectiveRow,
  readJson,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";
import { groupBy } from "../services/group-by.ts";

/** What a cycle's export holds: the objectives the caller may see, their KRs and check-ins. */
export type CycleExport = {
  cycle: CycleRow;
  objectives: Array<{
    row: ObjectiveRow;
    /** The owner as the import template names it: an email, or a department path (研发中心/平台部). */
    owner: string;
    keyResults: Array<{ row: KeyResultRow; ownerEmail: string | null }>;
    checkIns: Array<CheckInRow & { authorEmail: string | null }>;
  }>;
};

/** Department paths below the root, the way people and the import template write them. */
function departmentPaths(departments: readonly DepartmentRow[]): Map<string, string> {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const paths = new Map<string, string>();
  for (const department of departments) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (
      let d: DepartmentRow | undefined = department;
      d && !seen.has(d.id);
      d = byId.get(d.parentId ?? "")
    ) {
      seen.add(d.id);
      // The root is the company itself: a path starts below it, unless it is the root's own.
      if (d.parentId === null && names.length > 0) break;
      names.unshift(d.name);
    }
    paths.set(department.id, names.join("/"));
  }
  return paths;
}

/** Reads a cycle for its export, keeping only what the caller may see (404 for a cycle of no one's). */
export async function collectCycleExport(caller: Caller, cycleId: string): Promise<CycleExport> {
  const { db } = caller.ctx;
  const orgId = caller.auth.org.id;
  const cycle = await findCycle(db, orgId, cycleId);
  if (!cycle) throw new AppError("cycle.not_found");
  const graph = await graphOf(caller);
  const objectives = (await listObjectives(db, orgId, { cycleId })).filter((row) =>
    canViewObjective(caller.auth.actor, policyObjectiveOf(row), graph),
  );
  const ids = objectives.map((o) => o.id);
  const [keyResults, checkIns, members, departments] = await Promise.all([
    listKeyResultsOfObjectives(db, orgId, ids).then((rows) => groupBy(rows, (kr) => kr.objectiveId)),
    listCheckInsOfObjectives(db, orgId, ids).then((rows) => groupBy(rows, (c) => c.objectiveId)),
    listMembers(db, orgId).then((rows) => new Map(rows.map((m) => [m.userId, m.email]))),
    listDepartments(db, orgId),
  ]);
  const paths = departmentPaths(departments);
  const liveKeyResults = new Set([...keyResults.values()].flat().map((kr) => kr.id));
  return {
    cycle,
    objectives: objectives.map((row) => ({
      row,
      owner: row.ownerUserId
        ? (members.get(row.ownerUserId) ?? "")
        : (paths.get(row.ownerDepartmentId ?? graph.rootDepartmentId) ?? ""),
      keyResults: (keyResults.get(row.id) ?? []).map((kr) => ({
        row: kr,
        ownerEmail: kr.ownerUserId ? (members.get(kr.ownerUserId) ?? null) : null,
      })),
      checkIns: (checkIns.get(row.id) ?? []).filter((c) => liveKeyResults.has(c.keyResultId)),
    })),
  };
}

/** The export's column headers in each language; the first ten are the import template's. */
const HEADERS = {
  en: {
    externalId: "external_id",
    cycle: "cycle",
    level: "level",
    owner: "owner",
    objective: "objective",
    keyResult: "key_result",
    type: "type",
    start: "start",
    target: "target",
    unit: "unit",
    kind: "kind",
    current: "current",
    progress: "progress",
    confidence: "confidence",
    selfScore: "self_score",
    managerScore: "manager_score",
    score: "score",
    objectiveScore: "objective_score",
    keyResultOwner: "key_result_owner",
    objectiveExternalId: "objective_external_id",
    author: "author",
    value: "value",
    note: "note",
    at: "at",
    wentWell: "went_well",
    wentBadly: "went_badly",
    lessons: "lessons",
    nextSteps: "next_steps",
    sheets: {
      objectives: "Objectives",
      keyResults: "Key results",
      checkIns: "Check-ins",
      scores: "Scores",
      reviews: "Reviews",
    },
  },
  "zh-CN": {
    externalId: "外部编号",
    cycle: "周期",
    level: "层级",
    owner: "负责人",
    objective: "目标",
    keyResult: "关键结果",
    type: "类型",
    start: "起始值",
    target: "目标值",
    unit: "单位",
    kind: "目标类型",
    current: "当前值",
    progress: "进度",
    confidence: "信心指数",
    selfScore: "自评分",
    managerScore: "上级评分",
    score: "评分",
    objectiveScore: "目标评分",
    keyResultOwner: "关键结果负责人",
    objectiveExternalId: "目标外部编号",
    author: "填写人",
    value: "数值",
    note: "说明",
    at: "时间",
    wentWell: "做得好的",
    wentBadly: "做得不好的",
    lessons: "经验教训",
    nextSteps: "下一步",
    sheets: {
      objectives: "目标",
      keyResults: "关键结果",
      checkIns: "进展记录",
      scores: "评分",
      reviews: "复盘",
    },
  },
} as const;

type Cell = string | number | null;
/** A table of an export: a sheet of the workbook, or the rows of a CSV file. */
/**
 * A sheet of the export. Its rows may be produced as they are written (a 10,000-person company's check-ins
 * are hundreds of thousands), so they are iterated once, never indexed.
 */
export type Table = { name: string; header: string[]; rows: Iterable<Cell[]> };

/** Rows made from items only when they are read. */
function* rowsOf<T>(items: Iterable<T>, toRows: (item: T) => Iterable<Cell[]>): Generator<Cell[]> {
  for (const item of items) yield* toRows(item);
}

/** The export as tables, headers in the organization's language. */
export function exportTables(data: CycleExport, locale: Locale): Table[] {
  const h = HEADERS[locale];
  const flat = data.objectives.flatMap((o) => o.keyResults.map((kr) => ({ objective: o, kr })));
  const krTitle = new Map(flat.map(({ kr }) => [kr.row.id, kr.row.title]));
  return [
    {
      name: h.sheets.objectives,
      header: [h.externalId, h.cycle, h.level, h.owner, h.objective, h.kind, h.progress, h.objectiveScore],
      rows: rowsOf(data.objectives, (o) => [
        [
          o.row.externalId ?? o.row.id,
          data.cycle.name,
          o.row.level,
          o.owner,
          o.row.title,
          o.row.kind,
          o.row.progress,
          o.row.score,
        ],
      ]),
    },
    {
      name: h.sheets.keyResults,
      header: [
        h.externalId,
        h.cycle,
        h.level,
        h.owner,
        h.objective,
        h.keyResult,
        h.type,
        h.start,
        h.target,
        h.unit,
        h.current,
        h.progress,
        h.confidence,
        h.keyResultOwner,
        h.objectiveExternalId,
      ],
      // External ids are what an import matches on: a row imported from elsewhere keeps its own.
      rows: rowsOf(flat, ({ objective, kr }) => [
        [
          kr.row.externalId ?? kr.row.id,
          data.cycle.name,
          objective.row.level,
          objective.owner,
          objective.row.title,
          kr.row.title,
          kr.row.type,
          kr.row.startValue,
          kr.row.targetValue,
          kr.row.unit,
          kr.row.currentValue,
          kr.row.progress,
          kr.row.confidence,
          kr.ownerEmail,
          objective.row.externalId ?? objective.row.id,
        ],
      ]),
    },
    {
      name: h.sheets.checkIns,
      header: [h.objective, h.keyResult, h.author, h.value, h.confidence, h.note, h.at],
      rows: rowsOf(data.objectives, (o) =>
        o.checkIns.map((c) => [
          o.row.title,
          krTitle.get(c.keyResultId) ?? "",
          c.authorEmail,
          c.value,
          c.confidence,
          c.note,
          c.createdAt,
        ]),
      ),
    },
    {
      name: h.sheets.scores,
      header: [h.objective, h.keyResult, h.selfScore, h.managerScore, h.score, h.objectiveScore],
      rows: rowsOf(flat, ({ objective, kr }) => [
        [
          objective.row.title,
          kr.row.title,
          kr.row.selfScore,
          kr.row.managerScore,
          kr.row.score,
          objective.row.score,
        ],
      ]),
    },
    {
      name: h.sheets.reviews,
      header: [h.objective, h.owner, h.wentWell, h.wentBadly, h.lessons, h.nextSteps],
      rows: rowsOf(data.objectives, (o) => {
        if (o.row.review === null) return [];
        const review = readJson(o.row.review);
        return [[o.row.title, o.owner, review.wentWell, review.wentBadly, review.lessons, review.nextSteps]];
      }),
    },
  ];
}

/** The appraisal export's headers (考核协同): per person, what HR systems read. No pay is computed. */
const APPRAISAL_HEADERS = {
  en: {
    sheet: "Appraisal",
    person: "person",
    email: "email",
    department: "department",
    objective: "objective",
    kind: "kind",
    keyResult: "key_result",
    selfScore: "self_score",
    managerScore: "manager_score",
    finalScore: "final_score",
    comment: "score_comment",
    objectiveScore: "objective_score",
    review: "review",
  },
  "zh-CN": {
    sheet: "考核",
    person: "姓名",
    email: "邮箱",
    department: "部门",
    objective: "目标",
    kind: "目标类型",
    keyResult: "关键结果",
    selfScore: "自评分",
    managerScore: "上级评分",
    finalScore: "最终评分",
    comment: "评分说明",
    objectiveScore: "目标评分",
    review: "复盘",
  },
} as const;

/**
 * The appraisal table (考核协同): one row per person and KR of the objectives they own — self, manager and
 * final scores, the scoring comment, the objective's score and 复盘 — sorted by person. Scores are an input
 * to a performance review, never its formula: nothing here weighs, ranks or pays.
 */
export async function appraisalTable(caller: Caller, data: CycleExport): Promise<Table> {
  const h = APPRAISAL_HEADERS[caller.auth.org.locale];
  const members = new Map((await listMembers(caller.ctx.db, caller.auth.org.id)).map((m) => [m.userId, m]));
  const departments = departmentPaths(await listDepartments(caller.ctx.db, caller.auth.org.id));
  const rows: Cell[][] = [];
  const personal = data.objectives
    .filter((o) => o.row.level === "personal" && o.row.ownerUserId !== null)
    .sort((a, b) =>
      (members.get(a.row.ownerUserId ?? "")?.name ?? "").localeCompare(
        members.get(b.row.ownerUserId ?? "")?.name ?? "",
      ),
    );
  for (const objective of personal) {
    const person = members.get(objective.row.ownerUserId ?? "");
    const review = objective.row.review === null ? null : readJson(objective.row.review);
    const reviewText = review
      ? [review.wentWell, review.wentBadly, review.lessons, review.nextSteps].filter(Boolean).join("\n")
      : null;
    for (const kr of objective.keyResults) {
      rows.push([
        person?.name ?? "",
        person?.email ?? "",
        person?.departmentId ? (departments.get(person.departmentId) ?? "") : "",
        objective.row.title,
        objective.row.kind,
        kr.row.title,
        kr.row.selfScore,
        kr.row.managerScore,
        kr.row.score,
        kr.row.scoreComment,
        objective.row.score,
        reviewText,
      ]);
    }
  }
  return {
    name: h.sheet,
    header: [
      h.person,
      h.email,
      h.department,
      h.objective,
      h.kind,
      h.keyResult,
      h.selfScore,
      h.managerScore,
      h.finalScore,
      h.comment,
      h.objectiveScore,
      h.review,
    ],
    rows,
  };
}

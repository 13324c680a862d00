import type { Locale } from "../domain/types.ts";

type Term = Readonly<Record<Locale, string>>;

/*
 * The words error messages use for the domain's values. A message names a phase, a status, a direction…
 * by a param that holds the value's code ("scoring", "increase"); the message shows it in the caller's
 * language, never the code: 「方向为「增长」时…」, not 「方向为「increase」时…」. The words are the ones the
 * web app's catalogues use for the same values.
 */
const PHASES: Record<string, Term> = {
  planning: { en: "planning", "zh-CN": "制定" },
  aligning: { en: "aligning", "zh-CN": "对齐" },
  in_progress: { en: "in progress", "zh-CN": "执行" },
  scoring: { en: "scoring", "zh-CN": "评分" },
  reviewing: { en: "retrospective", "zh-CN": "复盘" },
  closed: { en: "closed", "zh-CN": "已结束" },
};

const STATUSES: Record<string, Term> = {
  draft: { en: "a draft", "zh-CN": "草稿" },
  submitted: { en: "awaiting approval", "zh-CN": "待审批" },
  published: { en: "published", "zh-CN": "已发布" },
  closed: { en: "closed", "zh-CN": "已关闭" },
  pending: { en: "pending", "zh-CN": "待审批" },
  approved: { en: "approved", "zh-CN": "已批准" },
  rejected: { en: "rejected", "zh-CN": "已驳回" },
  decided: { en: "decided", "zh-CN": "已处理" },
};

const VOCABULARIES: Record<string, Record<string, Term>> = {
  phase: PHASES,
  status: STATUSES,
  direction: {
    increase: { en: "increase", "zh-CN": "增长" },
    decrease: { en: "decrease", "zh-CN": "降低" },
  },
  relation: {
    above: { en: "above", "zh-CN": "高于" },
    below: { en: "below", "zh-CN": "低于" },
  },
  level: {
    company: { en: "company", "zh-CN": "公司" },
    department: { en: "department", "zh-CN": "部门" },
    personal: { en: "personal", "zh-CN": "个人" },
  },
  krType: {
    number: { en: "number", "zh-CN": "数值" },
    percentage: { en: "percentage", "zh-CN": "百分比" },
    currency: { en: "currency", "zh-CN": "金额" },
    milestone: { en: "milestone", "zh-CN": "里程碑" },
    boolean: { en: "done / not done", "zh-CN": "完成 / 未完成" },
    rollup: { en: "roll-up", "zh-CN": "下级汇总" },
  },
  action: {
    submit: { en: "submit", "zh-CN": "提交审批" },
    approve: { en: "approve", "zh-CN": "批准" },
    reject: { en: "send back", "zh-CN": "驳回" },
    publish: { en: "publish", "zh-CN": "发布" },
    close: { en: "close", "zh-CN": "关闭" },
    reopen: { en: "reopen", "zh-CN": "重新打开" },
  },
  field: {
    title: { en: "a title", "zh-CN": "标题" },
    type: { en: "a type", "zh-CN": "类型" },
    targetValue: { en: "a target value", "zh-CN": "目标值" },
    "startValue/targetValue": { en: "a start and a target value", "zh-CN": "起始值和目标值" },
    milestones: { en: "at least one milestone", "zh-CN": "至少一个里程碑" },
    aggregation: { en: "an aggregation (progress or sum)", "zh-CN": "汇总方式（进度或求和）" },
  },
  owner: {
    "the company": { en: "the company", "zh-CN": "公司" },
    ownerDepartmentId: { en: "a department (ownerDepartmentId)", "zh-CN": "所属部门" },
    ownerUserId: { en: "an owner (ownerUserId)", "zh-CN": "负责人" },
  },
};

/** Which vocabulary each placeholder name of the error messages reads its value from. */
const PLACEHOLDER_VOCABULARY: Record<string, string> = {
  phase: "phase",
  from: "phase",
  next: "phase",
  status: "status",
  direction: "direction",
  relation: "relation",
  level: "level",
  type: "krType",
  action: "action",
  fields: "field",
  owner: "owner",
};

/**
 * A message param as the caller reads it: a domain value named by a placeholder with a vocabulary is
 * shown in the locale's word; anything else (numbers, names, seconds) as it is.
 */
export function termOf(placeholder: string, value: unknown, locale: Locale): string {
  const vocabulary = VOCABULARIES[PLACEHOLDER_VOCABULARY[placeholder] ?? ""];
  const term = typeof value === "string" ? vocabulary?.[value] : undefined;
  return term ? term[locale] : String(value);
}

import type { Locale } from "../domain/types.ts";

type ErrorSpec = { status: number; en: string; "zh-CN": string };

/**
 * Every error the product can answer with: its HTTP status and its message in each locale.
 * Messages may hold `{name}` placeholders filled from the error's params.
 */
export const ERROR_CODES = {
  /** The request body, query or path failed validation; details name each field. */
  "request.invalid": { status: 400, en: "The request is invalid.", "zh-CN": "请求无效。" },
  /** The body is not valid JSON. */
  "request.malformed_json": {
    status: 400,
    en: "The request body is not valid JSON.",
    "zh-CN": "请求体不是有效的 JSON。",
  },
  /** The body is larger than the server accepts. */
  "request.too_large": { status: 413, en: "The request body is too large.", "zh-CN": "请求体过大。" },
  /** A route that does not exist. */
  "route.not_found": { status: 404, en: "There is no such endpoint.", "zh-CN": "接口不存在。" },
  /** Anything the server did not expect; always a bug. */
  "internal.error": {
    status: 500,
    en: "Something went wrong on our side.",
    "zh-CN": "服务器内部错误。",
  },

  /** Setup was asked for when an organization already exists. */
  "setup.done": {
    status: 409,
    en: "Luodi is already set up.",
    "zh-CN": "系统已完成初始化。",
  },
  /** Wrong email or password (one answer for both, so emails cannot be probed). */
  "auth.invalid": { status: 401, en: "Wrong email or password.", "zh-CN": "邮箱或密码错误。" },
  /** No valid session or token was sent. */
  "auth.required": { status: 401, en: "Please sign in.", "zh-CN": "请先登录。" },
  /** Too many failed sign-ins in a short time. */
  "auth.throttled": {
    status: 429,
    en: "Too many attempts. Try again in {seconds} seconds.",
    "zh-CN": "尝试次数过多，请在 {seconds} 秒后重试。",
  },
  /** The member is deactivated and may no longer sign in. */
  "auth.deactivated": {
    status: 403,
    en: "This account is deactivated.",
    "zh-CN": "该账号已停用。",
  },
  /** The actor lacks the right for this action. */
  "permission.denied": {
    status: 403,
    en: "You are not allowed to do this.",
    "zh-CN": "你没有执行此操作的权限。",
  },
  /** X-Org-Id names an organization the user does not belong to. */
  "organization.not_found": {
    status: 404,
    en: "Organization not found.",
    "zh-CN": "组织不存在。",
  },
  /** A write sent a version older than the stored one. */
  "version.conflict": {
    status: 409,
    en: "Someone else changed this in the meantime (version {current}). Reload and try again.",
    "zh-CN": "内容已被他人修改（当前版本 {current}），请刷新后重试。",
  },
  /** A whole-object write (PUT) without the version it is based on in `If-Match`. */
  "version.required": {
    status: 400,
    en: "Send the version you edited in the If-Match header.",
    "zh-CN": "请在 If-Match 请求头中提供所编辑内容的版本号。",
  },

  "user.email_taken": {
    status: 409,
    en: "This email is already in use in this organization.",
    "zh-CN": "该邮箱已在本组织中使用。",
  },
  "member.not_found": { status: 404, en: "Member not found.", "zh-CN": "成员不存在。" },
  /** A manager link that would make someone their own manager, directly or indirectly. */
  "member.manager_loop": {
    status: 422,
    en: "This manager would create a reporting loop.",
    "zh-CN": "该上级设置会形成汇报环路。",
  },
  /** The last owner cannot lose the role or be deactivated. */
  "member.last_owner": {
    status: 422,
    en: "The organization needs at least one active owner.",
    "zh-CN": "组织至少需要一位在职的所有者。",
  },
  "department.not_found": { status: 404, en: "Department not found.", "zh-CN": "部门不存在。" },
  /** A parent that would put a department under itself. */
  "department.loop": {
    status: 422,
    en: "A department cannot be moved under itself.",
    "zh-CN": "部门不能移动到自身之下。",
  },
  /** Deleting a department that still has members, sub-departments or OKRs. */
  "department.not_empty": {
    status: 422,
    en: "The department still has members, sub-departments or OKRs.",
    "zh-CN": "该部门仍有成员、子部门或 OKR，无法删除。",
  },
  /** The root department (the company) cannot be deleted or moved. */
  "department.root": {
    status: 422,
    en: "The company's root department cannot be deleted or moved.",
    "zh-CN": "公司根部门不能删除或移动。",
  },

  "cycle.not_found": { status: 404, en: "Cycle not found.", "zh-CN": "周期不存在。" },
  /** The end date is before the start date. */
  "cycle.dates": {
    status: 422,
    en: "The cycle must end on or after its start.",
    "zh-CN": "周期结束日期不能早于开始日期。",
  },
  /** A cycle outside the parent cycle it claims to sit in. */
  "cycle.outside_parent": {
    status: 422,
    en: "The cycle must lie within its parent cycle.",
    "zh-CN": "周期必须位于其上级周期之内。",
  },
  /** A phase change that is not exactly one step forward. */
  "cycle.phase_order": {
    status: 422,
    en: "A cycle moves forward one phase at a time: from {from} the next phase is {next}.",
    "zh-CN": "周期只能逐步向前推进：{from} 之后是 {next}。",
  },
  /** An action that belongs to another phase of the cycle (scoring, review, writes to a closed cycle). */
  "cycle.wrong_phase": {
    status: 422,
    en: "This cannot be done while the cycle is in the {phase} phase.",
    "zh-CN": "周期处于「{phase}」阶段，不能执行此操作。",
  },

  "objective.not_found": { status: 404, en: "Objective not found.", "zh-CN": "目标不存在。" },
  /** The owner fields do not match the level (company/department need a department, personal a user). */
  "objective.owner_mismatch": {
    status: 422,
    en: "A {level} objective needs {owner}.",
    "zh-CN": "{level}目标需要指定{owner}。",
  },
  /** Editing a published objective after aligning without saying why. */
  "objective.reason_required": {
    status: 422,
    en: "The cycle is past aligning: say why you adjust this (reason).",
    "zh-CN": "周期已过对齐阶段，调整需要填写原因。",
  },
  /** The owner already has the most objectives the organization allows in this cycle. */
  "objective.limit": {
    status: 422,
    en: "An owner may have at most {max} objectives in a cycle.",
    "zh-CN": "每个负责人在一个周期内最多 {max} 个目标。",
  },
  /** No pending or past adjustment with this id in the organization. */
  "adjustment.not_found": { status: 404, en: "Adjustment not found.", "zh-CN": "调整申请不存在。" },
  /** Approving or rejecting an adjustment that was already decided. */
  "adjustment.decided": {
    status: 422,
    en: "This adjustment was already {status}.",
    "zh-CN": "该调整申请已处理（{status}）。",
  },
  /** Restoring an objective that is not deleted. */
  "objective.not_deleted": {
    status: 422,
    en: "This objective is not deleted.",
    "zh-CN": "该目标未被删除。",
  },
  /** A workflow action that the current status does not allow. */
  "workflow.invalid_transition": {
    status: 422,
    en: "Cannot {action} an objective that is {status}.",
    "zh-CN": "当前状态为「{status}」的目标不能执行「{action}」。",
  },

  "key_result.not_found": { status: 404, en: "Key result not found.", "zh-CN": "关键结果不存在。" },
  /** Numeric KR whose target equals its start: progress would be undefined. */
  "kr.target_equals_start": {
    status: 422,
    en: "The target must differ from the start value.",
    "zh-CN": "目标值不能等于起始值。",
  },
  /** Numeric KR without a target, or fields that do not belong to the type. */
  "kr.fields": {
    status: 422,
    en: "A {type} key result needs {fields}.",
    "zh-CN": "{type}类型的关键结果需要{fields}。",
  },
  /** The direction contradicts the start and target (e.g. increase with a target below the start). */
  "kr.direction": {
    status: 422,
    en: "With direction {direction}, the target must be {relation} the start.",
    "zh-CN": "方向为「{direction}」时，目标值必须{relation}起始值。",
  },
  /** A check-in without the value its numeric or done/not-done KR needs. */
  "check_in.value_required": {
    status: 422,
    en: "Give the new value of this key result.",
    "zh-CN": "请填写该关键结果的最新数值。",
  },
  /** A value on a milestone KR, or milestones on another type. */
  "check_in.wrong_kind": {
    status: 422,
    en: "A milestone key result is updated by ticking its milestones; any other by its value.",
    "zh-CN": "里程碑型关键结果通过勾选里程碑更新，其他类型通过填写数值更新。",
  },
  /** A milestone id that belongs to another KR. */
  "check_in.unknown_milestone": {
    status: 422,
    en: "This milestone is not one of the key result's.",
    "zh-CN": "该里程碑不属于这个关键结果。",
  },
  /** A done/not-done KR given something other than 0 or 1. */
  "check_in.boolean_value": {
    status: 422,
    en: "A done/not-done key result takes 0 (not done) or 1 (done).",
    "zh-CN": "完成型关键结果只能填 0（未完成）或 1（已完成）。",
  },
  /** A check-in on an objective that is closed. */
  "check_in.closed": {
    status: 422,
    en: "The objective is closed; its key results take no more check-ins.",
    "zh-CN": "目标已关闭，不能再更新进展。",
  },
  /** A value check-in on a rollup KR: its value comes from below. */
  "check_in.rollup": {
    status: 422,
    en: "A rollup key result takes its value from below; check in on the contributing key results.",
    "zh-CN": "汇总型关键结果的数值来自下级，请在下级关键结果上更新进展。",
  },
  /** Carrying a KR forward into an objective whose cycle does not come after the KR's. */
  "kr.carry_forward_cycle": {
    status: 422,
    en: "A key result is carried forward into a later cycle.",
    "zh-CN": "关键结果只能延续到之后的周期。",
  },
  /** A save that changes the type (or the aggregation) of an existing key result. */
  "kr.type_fixed": {
    status: 422,
    en: "A key result keeps its type; add a new key result instead.",
    "zh-CN": "关键结果的类型不能修改，请新增一个关键结果。",
  },
  /** A save that names a milestone id the key result does not have. */
  "kr.unknown_milestone": {
    status: 422,
    en: "This milestone is not one of the key result's.",
    "zh-CN": "该里程碑不属于这个关键结果。",
  },
  /** A sum contribution to a KR that is not a sum rollup. */
  "kr.parent_not_sum": {
    status: 422,
    en: "A key result can only contribute to a rollup key result that sums.",
    "zh-CN": "只能向「求和」汇总型关键结果贡献数值。",
  },
  /** A score outside 0..1 or not in steps of 0.1. */
  "score.invalid": {
    status: 422,
    en: "A score is a number from 0 to 1 in steps of 0.1.",
    "zh-CN": "评分为 0 到 1 之间、步长 0.1 的数值。",
  },

  /** An alignment that would close a loop. */
  "alignment.loop": {
    status: 422,
    en: "This alignment would create a loop.",
    "zh-CN": "该对齐会形成环路。",
  },
  /** An alignment that points sideways or down. */
  "alignment.level": {
    status: 422,
    en: "An objective can only align upward: to a higher level, an enclosing cycle, a parent department or a manager.",
    "zh-CN": "目标只能向上对齐：更高层级、包含它的周期、上级部门或上级领导。",
  },
  /** An alignment into a cycle that is neither the child's nor one enclosing it. */
  "alignment.period": {
    status: 422,
    en: "The parent must be in the same cycle or in a cycle that encloses it.",
    "zh-CN": "对齐对象必须在同一周期或包含它的周期内。",
  },
  /** Both a parent objective and a parent KR were given. */
  "alignment.one_parent": {
    status: 422,
    en: "An objective aligns to one parent: an objective or a key result, not both.",
    "zh-CN": "一个目标只能对齐一个上级：目标或关键结果，不能同时指定。",
  },
} as const satisfies Record<string, ErrorSpec>;

/** A stable dotted error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** HTTP status for a code. */
export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

/** The message for a code in a locale, with `{name}` placeholders filled. */
export function messageOf(code: ErrorCode, locale: Locale, params: Record<string, unknown> = {}): string {
  const template: string = ERROR_CODES[code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

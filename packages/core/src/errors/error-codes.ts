import type { Locale } from "../domain/types.ts";
import { termOf } from "./terms.ts";

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
  /** An `Idempotency-Key` sent again within 24 hours with another request (another body or path). */
  "idempotency.key_reused": {
    status: 422,
    en: "This Idempotency-Key was already used for another request; send a new key with a new request.",
    "zh-CN": "该 Idempotency-Key 已用于另一个请求，新的请求请使用新的键。",
  },
  /**
   * An `Idempotency-Key` sent again with the same create, whose first answer held a secret shown once (an API
   * token, an invitation link): nothing more is made, and the secret is not kept to be shown again.
   */
  "idempotency.secret_not_replayed": {
    status: 409,
    en: "This Idempotency-Key already made {ids}; its secret was shown once and is not shown again. Revoke or resend it if it was lost.",
    "zh-CN": "该 Idempotency-Key 已创建 {ids}；其密钥只显示一次，不会再次显示。如已丢失，请撤销或重新发送。",
  },
  /** Detail of `request.invalid`: an `Idempotency-Key` that is not 1 to 255 visible ASCII characters. */
  "idempotency.key_invalid": {
    status: 400,
    en: "Send an Idempotency-Key of 1 to 255 visible ASCII characters, such as a UUID.",
    "zh-CN": "Idempotency-Key 须为 1 到 255 个可见 ASCII 字符，例如 UUID。",
  },
  /** No API token of the caller's with this id that still works (someone else's, revoked, or never made). */
  "token.not_found": { status: 404, en: "API token not found.", "zh-CN": "API 令牌不存在。" },
  /** Creating an API token while the caller already has the most one person may have. */
  "token.limit": {
    status: 422,
    en: "You already have {max} API tokens, the most one person may have; revoke one you no longer use first.",
    "zh-CN": "每人最多可有 {max} 个 API 令牌，请先撤销一个不再使用的令牌。",
  },
  /** Detail of `request.invalid`: an API token's expiry that is not in the future. */
  "token.expiry_past": {
    status: 400,
    en: "Choose an expiry in the future.",
    "zh-CN": "请选择一个将来的到期时间。",
  },
  /** The member is deactivated and may no longer sign in. */
  "auth.deactivated": {
    status: 403,
    en: "This account is deactivated.",
    "zh-CN": "该账号已停用。",
  },
  /** Password sign-in was tried by a member while the organization signs in through single sign-on only. */
  "auth.password_login_disabled": {
    status: 403,
    en: "Password sign-in is turned off for this organization. Use “Sign in with {name}”.",
    "zh-CN": "本组织已关闭密码登录，请使用“使用 {name} 登录”。",
  },
  /** A single sign-on route was called on a server without OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET. */
  "auth.sso_not_configured": {
    status: 404,
    en: "Single sign-on is not set up on this server.",
    "zh-CN": "此服务器未配置单点登录。",
  },
  /**
   * A single sign-on callback whose `state` is missing, does not match this browser's, was used already or
   * has expired (a forged or replayed callback, or a sign-in left open too long).
   */
  "auth.sso_state": {
    status: 400,
    en: "This sign-in has expired or was not started in this browser. Please sign in again.",
    "zh-CN": "本次登录已过期或并非在此浏览器中发起，请重新登录。",
  },
  /** The identity provider refused or failed the sign-in (denied, bad code, an ID token that does not verify). */
  "auth.sso_failed": {
    status: 400,
    en: "Single sign-on did not complete. Please try again, or ask your administrator.",
    "zh-CN": "单点登录未能完成，请重试或联系管理员。",
  },
  /** The identity provider shared no email, or one it has not verified: nobody can be matched or created. */
  "auth.sso_email_unverified": {
    status: 403,
    en: "Your identity provider did not confirm a verified email address, so you cannot be signed in. Ask your administrator to verify your email there.",
    "zh-CN": "身份提供方未提供已验证的邮箱，无法为你登录。请联系管理员在身份提供方验证你的邮箱。",
  },
  /** The identity provider could not be reached (discovery or the token exchange failed on the network). */
  "auth.sso_unavailable": {
    status: 502,
    en: "The identity provider cannot be reached right now. Please try again in a moment.",
    "zh-CN": "暂时无法连接身份提供方，请稍后重试。",
  },
  /** Password sign-in was being turned off on a server where single sign-on is not configured. */
  "settings.sso_required": {
    status: 422,
    en: "Set up single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET) before turning password sign-in off.",
    "zh-CN": "请先配置单点登录（OIDC_ISSUER、OIDC_CLIENT_ID、OIDC_CLIENT_SECRET），再关闭密码登录。",
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

  /** A nudge for someone who is not below the caller in the manager chain (or not an active member). */
  "team.not_report": {
    status: 422,
    en: "You can only remind people who report to you, directly or through your team.",
    "zh-CN": "只能提醒你的下属（直接或间接汇报给你的人）。",
  },
  /** Switching off the in-app notice of a kind someone waits on (a mention, an approval request). */
  "notification.in_app_required": {
    status: 422,
    en: "Mentions and approval requests always reach your notification list; only their email and chat messages can be switched off.",
    "zh-CN": "被提及和待审批的通知总会出现在通知列表中，只能关闭它们的邮件和群消息。",
  },
  /** Quiet hours not written as HH:MM on a 24-hour clock. */
  "notification.quiet_hours": {
    status: 422,
    en: "Write the time as HH:MM on a 24-hour clock, such as 22:00.",
    "zh-CN": "请用 24 小时制的 HH:MM 格式填写时间，例如 22:00。",
  },

  /** No outbound webhook with this id in the organization. */
  "webhook.not_found": { status: 404, en: "Webhook not found.", "zh-CN": "Webhook 不存在。" },
  /** No delivery with this id for this webhook. */
  "webhook.delivery_not_found": {
    status: 404,
    en: "Webhook delivery not found.",
    "zh-CN": "Webhook 投递记录不存在。",
  },
  /** An organization already has as many webhooks as it may. */
  "webhook.limit": {
    status: 422,
    en: "An organization can have at most {max} webhooks; remove one first.",
    "zh-CN": "每个组织最多可设置 {max} 个 Webhook，请先删除一个。",
  },

  /** No chat channel (integration) with this id in the organization. */
  "integration.not_found": { status: 404, en: "Chat channel not found.", "zh-CN": "消息集成不存在。" },
  /**
   * A webhook URL that is not http(s), or whose host is or resolves to an address of this machine, a private
   * network, a link-local range or a cloud metadata service (unless ALLOW_PRIVATE_WEBHOOKS is set).
   */
  "integration.webhook_forbidden": {
    status: 422,
    en: "The webhook must be an http or https address on the public internet; addresses of this server, of a private network or of a cloud metadata service are refused.",
    "zh-CN": "Webhook 地址必须是公网上的 http 或 https 地址；本机、内网和云服务器元数据地址一律不允许。",
  },
  /** A webhook URL whose host name does not resolve (a typo, or DNS that cannot be reached). */
  "integration.webhook_unresolved": {
    status: 422,
    en: "The webhook's host name {host} could not be found; check the address.",
    "zh-CN": "找不到 Webhook 地址中的主机 {host}，请检查地址是否正确。",
  },
  /** A secret for a platform whose robots sign nothing (WeCom, Slack, Teams): only Feishu and DingTalk do. */
  "integration.secret_not_supported": {
    status: 422,
    en: "Only Feishu and DingTalk robots take a signing secret; leave it empty for this platform.",
    "zh-CN": "只有飞书和钉钉机器人支持签名密钥，该平台请留空。",
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
  /** Adding a key result to an objective that already holds the most it may (MAX_KEY_RESULTS_PER_OBJECTIVE). */
  "objective.key_result_limit": {
    status: 422,
    en: "An objective may have at most {max} key results.",
    "zh-CN": "每个目标最多 {max} 个关键结果。",
  },
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
    en: "With the direction “{direction}”, the target must be {relation} the start value.",
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
  /** A milestone key result given more milestones than it may hold (MAX_MILESTONES_PER_KEY_RESULT). */
  "kr.milestone_limit": {
    status: 422,
    en: "A key result may have at most {max} milestones.",
    "zh-CN": "每个关键结果最多 {max} 个里程碑。",
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

  /** A check-in outside the phases that take them (only `aligning` and `in_progress` do). */
  "check_in.phase": {
    status: 422,
    en: "Check-ins are open while the cycle is aligning or in progress; it is in the {phase} phase now.",
    "zh-CN": "只有在对齐和执行阶段才能更新进展，当前周期处于「{phase}」阶段。",
  },
  /** A check-in on an objective that is not published (a draft, or one waiting for approval). */
  "check_in.not_published": {
    status: 422,
    en: "Only published objectives take check-ins; this one is {status}.",
    "zh-CN": "只有已发布的目标才能更新进展，该目标当前为「{status}」。",
  },
  /** A check-in that does not exist, or whose KR's objective the caller may not see. */
  "check_in.not_found": { status: 404, en: "Check-in not found.", "zh-CN": "进展更新不存在。" },
  /** A comment that does not exist, or is on something the caller may not see. */
  "comment.not_found": { status: 404, en: "Comment not found.", "zh-CN": "评论不存在。" },
  /** Editing or deleting someone else's comment (only its author and admins may). */
  "comment.forbidden": {
    status: 403,
    en: "Only the author of a comment or an admin may change it.",
    "zh-CN": "只有评论的作者或管理员可以修改它。",
  },
  /** A reply whose `parentId` is a comment on something else. */
  "comment.parent_mismatch": {
    status: 422,
    en: "A reply answers a comment on the same objective, key result or check-in.",
    "zh-CN": "回复只能针对同一目标、关键结果或进展更新下的评论。",
  },
  /** Editing, reacting to or replying to a comment that was deleted. */
  "comment.deleted": {
    status: 422,
    en: "This comment was deleted.",
    "zh-CN": "该评论已被删除。",
  },
  /** A reaction outside the allowed emoji. */
  "reaction.unknown_emoji": {
    status: 422,
    en: "React with one of {allowed}.",
    "zh-CN": "只能使用以下表情回应：{allowed}。",
  },
  /** A comment or praise longer than the product keeps (counted in characters). */
  "text.too_long": {
    status: 422,
    en: "Write at most {max} characters ({length} now).",
    "zh-CN": "最多 {max} 个字符（当前 {length} 个）。",
  },
  /** A 1:1 that does not exist or that the caller does not take part in (only its two participants see it). */
  "one_on_one.not_found": { status: 404, en: "1:1 not found.", "zh-CN": "一对一不存在。" },
  /** Starting a 1:1 with someone who is neither below nor above the caller in the manager chain. */
  "one_on_one.not_related": {
    status: 403,
    en: "You can hold 1:1s only with the people who report to you and with your managers.",
    "zh-CN": "只能与你的下属或你的上级进行一对一。",
  },
  /** `POST /one-on-ones` naming both or neither of `reportUserId` and `managerUserId`. */
  "one_on_one.other_person_required": {
    status: 422,
    en: "Name the other person: either reportUserId or managerUserId.",
    "zh-CN": "请指定对方：reportUserId 或 managerUserId 二选一。",
  },
  /** An agenda or action item that is not part of this 1:1. */
  "one_on_one.item_not_found": { status: 404, en: "Item not found.", "zh-CN": "条目不存在。" },
  /** An action item owned by someone who does not take part in the 1:1. */
  "one_on_one.owner_not_participant": {
    status: 422,
    en: "An action item belongs to one of the two participants.",
    "zh-CN": "待办只能分配给一对一的双方之一。",
  },
  /** More agenda items or action items than one 1:1 may hold. */
  "one_on_one.too_many_items": {
    status: 422,
    en: "A 1:1 holds at most {max} agenda items and {max} action items.",
    "zh-CN": "一次一对一最多 {max} 个议程和 {max} 个待办。",
  },
  /** Detail of `request.invalid`: a text that must say something is empty or only spaces. */
  "text.blank": { status: 400, en: "Write something here.", "zh-CN": "请填写内容。" },
  /** Praise for someone who is not an active member of the organization. */
  "recognition.unknown_recipient": {
    status: 422,
    en: "Praise goes to active members of the organization.",
    "zh-CN": "只能表扬本组织的在职成员。",
  },
  /** Praise whose only recipient is its author. */
  "recognition.self_only": {
    status: 422,
    en: "Praise someone besides yourself.",
    "zh-CN": "请表扬除自己以外的同事。",
  },
  /** Praise linked to a key result of another objective than the one it names. */
  "recognition.link_mismatch": {
    status: 422,
    en: "The key result belongs to another objective.",
    "zh-CN": "该关键结果不属于所选目标。",
  },
  /** A meeting that does not exist or that the caller may not see. */
  "meeting.not_found": { status: 404, en: "Meeting not found.", "zh-CN": "会议不存在。" },
  /** A status change other than one step forward (scheduled → in_progress → ended). */
  "meeting.invalid_transition": {
    status: 409,
    en: "A meeting goes from scheduled to in progress to ended, one step at a time ({from} → {to}).",
    "zh-CN": "会议只能依次从“已安排”到“进行中”再到“已结束”（{from} → {to}）。",
  },
  /** A calendar feed link whose secret opens no feed (never made, rotated or turned off). */
  "calendar.feed_not_found": {
    status: 404,
    en: "This calendar link is no longer valid. Make a new one in your profile.",
    "zh-CN": "此日历链接已失效，请在个人资料中重新生成。",
  },
  /** An action item that does not exist, or whose meeting the caller may not see. */
  "meeting.action_item_not_found": { status: 404, en: "Action item not found.", "zh-CN": "待办事项不存在。" },
  /** A question for CEO 面对面 that does not exist. */
  "question.not_found": { status: 404, en: "Question not found.", "zh-CN": "问题不存在。" },
  /** An attendee or an action item's owner who is not an active member of the organization. */
  "meeting.unknown_attendee": {
    status: 422,
    en: "Choose active members of the organization.",
    "zh-CN": "请选择本组织的在职成员。",
  },
  /** A proposal (提案) that does not exist, or whose parent the caller may not see. */
  "proposal.not_found": { status: 404, en: "Proposal not found.", "zh-CN": "提案不存在。" },
  /** A change to a proposal that was already accepted, rejected or withdrawn. */
  "proposal.not_open": {
    status: 409,
    en: "This proposal has already been decided or withdrawn; it can no longer change.",
    "zh-CN": "该提案已被决定或撤回，不能再更改。",
  },
  /** The proposer backing or joining their own proposal: they lead it already. */
  "proposal.own": {
    status: 422,
    en: "You lead this proposal; back and join other people's.",
    "zh-CN": "这是你发起的提案，你已是负责人；可以支持或加入他人的提案。",
  },
  /** Backing a proposal twice. */
  "proposal.already_backed": {
    status: 409,
    en: "You already back this proposal.",
    "zh-CN": "你已支持过该提案。",
  },
  /** Taking back a vote that was never given. */
  "proposal.not_backed": { status: 409, en: "You do not back this proposal.", "zh-CN": "你尚未支持该提案。" },
  /** Joining a proposal's team twice. */
  "proposal.already_joined": {
    status: 409,
    en: "You are already on this proposal's team.",
    "zh-CN": "你已在该提案的团队中。",
  },
  /** Leaving a team one is not on. */
  "proposal.not_joined": {
    status: 409,
    en: "You are not on this proposal's team.",
    "zh-CN": "你不在该提案的团队中。",
  },
  /** A proposal that names both a parent KR and a parent objective, or neither. */
  "proposal.one_parent": {
    status: 422,
    en: "Choose the one key result or objective this proposal serves.",
    "zh-CN": "请选择该提案服务的一个关键结果或目标。",
  },
  /** Spinning off a proposal that is not accepted, or that was spun off already. */
  "proposal.not_spinnable": {
    status: 409,
    en: "Only an accepted proposal that has not been spun off yet can become its own department.",
    "zh-CN": "只有已通过且尚未独立的提案才能独立成军。",
  },
  /** A spin-off moving someone who is not the proposer or on the proposal's team. */
  "proposal.not_on_team": {
    status: 422,
    en: "Only the proposal's team can move into the new department.",
    "zh-CN": "只能将提案团队的成员调入新部门。",
  },
  /** A spin-off moving someone who leads a department: it would be left without its leader. */
  "proposal.member_leads_department": {
    status: 422,
    en: "{name} leads the department {department}; choose its new leader first.",
    "zh-CN": "{name}是部门“{department}”的负责人，请先为该部门指定新的负责人。",
  },
  /** A department name already used in the organization. */
  "department.name_taken": {
    status: 409,
    en: "There is already a department named {name}.",
    "zh-CN": "已存在名为“{name}”的部门。",
  },
  /** A talent review that does not exist, or that the caller may not open (including anyone placed on it). */
  "talent_review.not_found": { status: 404, en: "Talent review not found.", "zh-CN": "人才盘点不存在。" },
  /** A change to a finalized talent review. */
  "talent_review.final": {
    status: 409,
    en: "This talent review is final; it can no longer change.",
    "zh-CN": "该人才盘点已定稿，不能再修改。",
  },
  /** A status change other than the next step (draft → calibrating → final). */
  "talent_review.invalid_transition": {
    status: 409,
    en: "A talent review goes from draft to calibrating to final, one step at a time.",
    "zh-CN": "人才盘点只能依次从“草稿”到“校准中”再到“定稿”。",
  },
  /** A placement of someone the review does not cover (outside its subtree, inactive, or running it). */
  "talent_review.not_placeable": {
    status: 422,
    en: "This person is not part of the review's department, or runs the review.",
    "zh-CN": "此人不在本次盘点的部门范围内，或是盘点的负责人。",
  },
  /** Evidence that is not one of the placed person's objectives. */
  "talent_review.unknown_evidence": {
    status: 422,
    en: "Evidence must be objectives of the person placed.",
    "zh-CN": "依据须为被盘点者本人的目标。",
  },
  /** An invitation or password link that does not exist, was used already, or has expired. */
  "link.invalid": {
    status: 404,
    en: "This link is invalid or has expired. Ask for a new one.",
    "zh-CN": "该链接无效或已过期，请重新获取。",
  },
  /** An admin reset of a person who also belongs to another organization: only they may reset it. */
  "password_reset.other_organization": {
    status: 422,
    en: "This person also belongs to another organization; they can reset their password themselves with “Forgot password”.",
    "zh-CN": "此人同时属于其他组织，请让其在登录页通过「忘记密码」自行重设。",
  },
  /** Detail of `request.invalid`: a text, id or query value holding a control character (NUL and the like). */
  "text.control_character": {
    status: 400,
    en: "Contains the control character {character} (at character {position}); remove it.",
    "zh-CN": "包含控制字符 {character}（第 {position} 个字符），请删除。",
  },
  /** Detail of `request.invalid`: a new password shorter than the minimum (counted in characters). */
  "password.too_short": {
    status: 400,
    en: "Use at least {min} characters; a few words make a strong password that is easy to remember.",
    "zh-CN": "密码至少需要 {min} 个字符；几个词连成的句子既安全又好记。",
  },
  /** Detail of `request.invalid`: a new password longer than the maximum. */
  "password.too_long": {
    status: 400,
    en: "Use at most {max} characters.",
    "zh-CN": "密码最多 {max} 个字符。",
  },
  /** Detail of `request.invalid`: a new password on the list of common passwords (or one of them with digits added). */
  "password.common": {
    status: 400,
    en: "This password is among the most common ones and is guessed first; choose another.",
    "zh-CN": "该密码属于最常见的密码，最容易被猜中，请换一个。",
  },
  /** Detail of `request.invalid`: a new password made of one repeated character or pattern, or a run (1234567890). */
  "password.repetitive": {
    status: 400,
    en: "This password is a repetition or a sequence (such as aaaaaaaaaa or 1234567890); choose another.",
    "zh-CN": "该密码是重复或连续的字符（如 aaaaaaaaaa、1234567890），请换一个。",
  },
  /** Detail of `request.invalid`: a new password made of the person's email or name, or of the service's name. */
  "password.personal": {
    status: 400,
    en: "Do not build the password from your email, your name or the name of this service.",
    "zh-CN": "密码不能由你的邮箱、姓名或本系统的名称构成。",
  },
  /** A write authenticated by the session cookie that comes from another origin (CSRF). */
  "request.cross_origin": {
    status: 403,
    en: "This request comes from another site and was refused. Open Luodi itself and try again.",
    "zh-CN": "该请求来自其他网站，已被拒绝。请在落地系统中重新操作。",
  },
  /** A body in a media type the endpoint does not read (it reads application/json). */
  "request.unsupported_media_type": {
    status: 415,
    en: "Send the body as application/json.",
    "zh-CN": "请求体请使用 application/json 格式。",
  },
  /** A URL, or an id in it, longer than the server reads. */
  "request.url_too_long": {
    status: 414,
    en: "The address is too long.",
    "zh-CN": "请求地址过长。",
  },
  /** A URL that cannot be decoded (a malformed %-escape or a character not allowed in a URL). */
  "request.bad_url": {
    status: 400,
    en: "The address is not a valid URL.",
    "zh-CN": "请求地址无效。",
  },
  /** Request headers (cookies, the request line) larger than the server reads. */
  "request.headers_too_large": {
    status: 431,
    en: "The request headers are too large.",
    "zh-CN": "请求头过大。",
  },
  /** A request that did not arrive completely in time. */
  "request.timeout": {
    status: 408,
    en: "The request took too long to arrive.",
    "zh-CN": "请求发送超时。",
  },
  /** A coach review whose texts together exceed what the coach reads in one request. */
  "coach.too_large": {
    status: 413,
    en: "The coach reads at most {max} characters at once; shorten the objective or its key results.",
    "zh-CN": "教练一次最多阅读 {max} 个字符，请精简目标或关键结果。",
  },
  /** A coach review that did not finish within the coach's time budget (a busy server or an unusual text). */
  "coach.over_budget": {
    status: 422,
    en: "The coach could not finish this review in time ({ms} ms); try again, or shorten the text.",
    "zh-CN": "教练未能在限定时间（{ms} 毫秒）内完成点评，请重试或精简内容。",
  },
  /** POST /import without a file in the multipart field `file`. */
  "import.no_file": {
    status: 400,
    en: 'Send the file to import in the multipart field "file".',
    "zh-CN": "请在 multipart 字段 “file” 中上传要导入的文件。",
  },
  /** An import file larger than the server reads. */
  "import.too_large": {
    status: 413,
    en: "The file is larger than {max} MB; split it into smaller files.",
    "zh-CN": "文件超过 {max} MB，请拆分成较小的文件。",
  },
  /** An import with more rows than one import takes (or an xlsx that unpacks to more than it may). */
  "import.too_many_rows": {
    status: 413,
    en: "The file has more than {max} rows; split it into smaller files.",
    "zh-CN": "文件超过 {max} 行，请拆分成较小的文件。",
  },
  /** An xlsx whose contents unpack to far more than its size (a zip bomb), refused before it is read. */
  "import.unpacked_too_large": {
    status: 413,
    en: "The workbook unpacks to more than {max} MB; it cannot be an OKR sheet. Save it again as a plain xlsx.",
    "zh-CN": "该工作簿解压后超过 {max} MB，不像是 OKR 表格，请重新另存为普通 xlsx 文件。",
  },
  /** A file that is none of the formats import reads. */
  "import.unsupported_format": {
    status: 422,
    en: "Import reads xlsx, CSV (UTF-8 or GB18030), JSON as Luodi exports it, and Markdown outlines; this file is {format}.",
    "zh-CN": "导入支持 xlsx、CSV（UTF-8 或 GB18030）、落地导出的 JSON 和 Markdown 大纲；该文件是{format}。",
  },
  /** A file of a supported format that cannot be read (a broken workbook, malformed CSV or JSON). */
  "import.unreadable": {
    status: 400,
    en: "The file cannot be read as {format}: {reason}",
    "zh-CN": "无法按{format}读取该文件：{reason}",
  },
  /** A text file in an encoding other than UTF-8, UTF-16 with a byte-order mark, or GB18030. */
  "import.encoding": {
    status: 400,
    en: "The file is not text in UTF-8 or GB18030; save it as “CSV UTF-8”.",
    "zh-CN": "文件不是 UTF-8 或 GB18030 编码的文本，请另存为“CSV UTF-8”。",
  },
  /** A real import whose rows have errors: nothing was written; the dry run lists every row. */
  "import.invalid": {
    status: 422,
    en: "{count} problems in the file; nothing was imported. Run a dry run to see every row.",
    "zh-CN": "文件中有 {count} 处问题，未导入任何内容。请先试运行查看每一行。",
  },
  /** Row error: a required column is missing from the header row. */
  "import.column_missing": {
    status: 422,
    en: "The header row has no “{column}” column.",
    "zh-CN": "表头缺少“{column}”列。",
  },
  /** Row error: a header the import does not know. */
  "import.column_unknown": {
    status: 422,
    en: "Unknown column “{column}”; the columns are: {expected}.",
    "zh-CN": "无法识别的列“{column}”；可用的列为：{expected}。",
  },
  /** Row error: the same column twice in the header row. */
  "import.column_duplicate": {
    status: 422,
    en: "The column “{column}” appears twice.",
    "zh-CN": "“{column}”列重复出现。",
  },
  /** Row error: a required cell is empty. */
  "import.required": { status: 422, en: "This cell is required.", "zh-CN": "该单元格不能为空。" },
  /** Row error: a text longer than the field takes. */
  "import.too_long": {
    status: 422,
    en: "At most {max} characters.",
    "zh-CN": "最多 {max} 个字符。",
  },
  /** Row error: a text with control characters or otherwise not a single line of text. */
  "import.invalid_text": {
    status: 422,
    en: "This text contains characters that are not allowed.",
    "zh-CN": "该文本包含不允许的字符。",
  },
  /** Row error: a level that is not company, department or personal. */
  "import.level": {
    status: 422,
    en: "“{value}” is not a level: write company, department or personal (公司, 部门, 个人).",
    "zh-CN": "“{value}”不是有效的层级，请填写 公司、部门 或 个人（company、department、personal）。",
  },
  /** Row error: a key result type the import does not know. */
  "import.type": {
    status: 422,
    en: "“{value}” is not a key result type: write number, percentage, currency or boolean (数值, 百分比, 金额, 是否).",
    "zh-CN": "“{value}”不是有效的关键结果类型，请填写 数值、百分比、金额 或 是否。",
  },
  /** Row error: a milestone or roll-up key result, which a row cannot describe. */
  "import.type_unsupported": {
    status: 422,
    en: "{type} key results cannot be imported from a row; import it as number or boolean and change it in Luodi.",
    "zh-CN": "{type}类型的关键结果无法按行导入，请先按数值或是否导入，再在落地中修改。",
  },
  /** Row error: a start or target that is not a number. */
  "import.number": {
    status: 422,
    en: "“{value}” is not a number.",
    "zh-CN": "“{value}”不是数字。",
  },
  /** Row error: a date where a number belongs (a cell Excel formatted as a date). */
  "import.date_as_number": {
    status: 422,
    en: "This cell is a date ({value}), not a number: format it as a number in Excel.",
    "zh-CN": "该单元格是日期（{value}），不是数字，请在 Excel 中将其格式设为数字。",
  },
  /** Row error: a formula whose value the file does not carry. */
  "import.formula": {
    status: 422,
    en: "This cell holds a formula ({formula}) without a computed value: open and save the file in Excel, or paste values only.",
    "zh-CN": "该单元格是公式（{formula}），没有计算结果：请在 Excel 中打开并保存，或只粘贴数值。",
  },
  /** Row error: a spreadsheet error value (#DIV/0!, #REF!…). */
  "import.cell_error": {
    status: 422,
    en: "This cell shows the error {value}.",
    "zh-CN": "该单元格显示错误 {value}。",
  },
  /** Row error: cells merged across several columns, which cannot say which column they belong to. */
  "import.merged_cells": {
    status: 422,
    en: "Cells {range} are merged across columns; unmerge them and fill each cell.",
    "zh-CN": "单元格 {range} 跨列合并，请取消合并并填写每个单元格。",
  },
  /** Row error: an external id used by an earlier row of the file. */
  "import.duplicate_external_id": {
    status: 422,
    en: "The external id “{value}” is already used on row {first}.",
    "zh-CN": "外部编号“{value}”已在第 {first} 行使用。",
  },
  /** Row error: a key result without an objective above it. */
  "import.no_objective": {
    status: 422,
    en: "This key result has no objective: fill in the objective column.",
    "zh-CN": "该关键结果没有所属目标，请填写目标列。",
  },
  /** Row error: rows of one objective (one objective external id) that disagree on a cell. */
  "import.objective_mismatch": {
    status: 422,
    en: "Rows of the same objective disagree: row {first} says “{value}”.",
    "zh-CN": "同一目标的各行不一致：第 {first} 行为“{value}”。",
  },
  /** Row error: more key results for one objective than an objective holds. */
  "import.too_many_key_results": {
    status: 422,
    en: "An objective holds at most {max} key results.",
    "zh-CN": "一个目标最多有 {max} 个关键结果。",
  },
  /** Row error: a cycle name that no cycle of the organization has. */
  "import.cycle_unknown": {
    status: 422,
    en: "There is no cycle named “{value}”.",
    "zh-CN": "不存在名为“{value}”的周期。",
  },
  /** Row error: a cycle whose phase no longer takes new or changed plans. */
  "import.cycle_closed": {
    status: 422,
    en: "The cycle “{value}” no longer takes plans (it is {phase}).",
    "zh-CN": "周期“{value}”已不能修改计划（当前阶段：{phase}）。",
  },
  /** Row error: an owner email that is no active member of the organization. */
  "import.owner_unknown": {
    status: 422,
    en: "No active member has the email “{value}”.",
    "zh-CN": "没有邮箱为“{value}”的在职成员。",
  },
  /** Row error: a department path that names no department. */
  "import.department_unknown": {
    status: 422,
    en: "There is no department “{value}” (write its path, such as 研发中心/平台部).",
    "zh-CN": "不存在部门“{value}”（请填写部门路径，例如 研发中心/平台部）。",
  },
  /** Row error: an owner that does not fit the level (an email for a department objective…). */
  "import.owner_level": {
    status: 422,
    en: "“{value}” cannot own a {level} objective: a personal objective's owner is an email, a department's a department path, the company's is left empty.",
    "zh-CN": "“{value}”不能作为{level}目标的负责人：个人目标填邮箱，部门目标填部门路径，公司目标留空。",
  },
  /** Row error: an objective the importer may not write (domain.md, who may do what). */
  "import.permission": {
    status: 422,
    en: "You may not write objectives for “{value}”.",
    "zh-CN": "你无权为“{value}”制定目标。",
  },
  /** Row error: more objectives for one owner in a cycle than the organization allows. */
  "import.objective_limit": {
    status: 422,
    en: "“{value}” would have more than {max} objectives in this cycle.",
    "zh-CN": "“{value}”在该周期的目标将超过 {max} 个。",
  },
  /** Row error: an external id already used by something the row cannot be (hidden, or of another owner or cycle). */
  "import.external_id_taken": {
    status: 422,
    en: "The external id “{value}” already belongs to another objective or key result.",
    "zh-CN": "外部编号“{value}”已属于另一个目标或关键结果。",
  },
  /** Row error: an existing key result whose type the file changes. */
  "import.type_fixed": {
    status: 422,
    en: "This key result is already of type {type}; a type cannot change.",
    "zh-CN": "该关键结果已是{type}类型，类型不能更改。",
  },
} as const satisfies Record<string, ErrorSpec>;

/** A stable dotted error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** True when a string is one of the codes above (a check's issue naming the message to answer with). */
export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}

/** HTTP status for a code. */
export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

/**
 * The message for a code in a locale, with `{name}` placeholders filled; a param naming a domain value
 * (a phase, a status, a direction…) is shown in the locale's word for it (terms.ts), never as its code.
 */
export function messageOf(code: ErrorCode, locale: Locale, params: Record<string, unknown> = {}): string {
  const template: string = ERROR_CODES[code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? termOf(name, params[name], locale) : whole,
  );
}

import type { NotificationChannel, NotificationKind } from "@luodi/core";

/*
 * The catalogue keys of notification kinds and channels, spelled out so the i18n test sees every key in use
 * (see components/labels.ts for the same pattern).
 */

/** The sentence of a notification: "{{actor}} mentioned you on “{{title}}”". */
export const NOTIFICATION_TEXT_KEYS = {
  mention: "notifications.kind.mention",
  comment: "notifications.kind.comment",
  check_in_reminder: "notifications.kind.check_in_reminder",
  phase_changed: "notifications.kind.phase_changed",
  phase_deadline: "notifications.kind.phase_deadline",
  approval_requested: "notifications.kind.approval_requested",
  approval_decided: "notifications.kind.approval_decided",
  adjustment_requested: "notifications.kind.adjustment_requested",
  kr_at_risk: "notifications.kind.kr_at_risk",
  digest: "notifications.kind.digest",
  recognition: "notifications.kind.recognition",
  meeting_action_item: "notifications.kind.meeting_action_item",
  proposal_backed: "notifications.kind.proposal_backed",
  proposal_decided: "notifications.kind.proposal_decided",
} as const satisfies Record<NotificationKind, string>;

/** The name of a kind of notification, as the settings list it. */
export const NOTIFICATION_KIND_KEYS = {
  mention: "notifications.kindName.mention",
  comment: "notifications.kindName.comment",
  check_in_reminder: "notifications.kindName.check_in_reminder",
  phase_changed: "notifications.kindName.phase_changed",
  phase_deadline: "notifications.kindName.phase_deadline",
  approval_requested: "notifications.kindName.approval_requested",
  approval_decided: "notifications.kindName.approval_decided",
  adjustment_requested: "notifications.kindName.adjustment_requested",
  kr_at_risk: "notifications.kindName.kr_at_risk",
  digest: "notifications.kindName.digest",
  recognition: "notifications.kindName.recognition",
  meeting_action_item: "notifications.kindName.meeting_action_item",
  proposal_backed: "notifications.kindName.proposal_backed",
  proposal_decided: "notifications.kindName.proposal_decided",
} as const satisfies Record<NotificationKind, string>;

export const NOTIFICATION_CHANNEL_KEYS = {
  inApp: "notifications.channel.inApp",
  email: "notifications.channel.email",
  chat: "notifications.channel.chat",
} as const satisfies Record<NotificationChannel, string>;

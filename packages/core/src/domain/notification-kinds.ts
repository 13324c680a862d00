import { localDayOf, localTimeMs, zoneOffsetMs } from "./zone-time.ts";

/** What a notification is about (api.md, *Conversations and feedback*): the contract's kinds. */
export const NOTIFICATION_KINDS = [
  "mention",
  "comment",
  "check_in_reminder",
  "phase_changed",
  "phase_deadline",
  "approval_requested",
  "approval_decided",
  "adjustment_requested",
  "kr_at_risk",
  "digest",
  "recognition",
  "meeting_action_item",
  "proposal_backed",
  "proposal_decided",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where a notification may reach its person: in the app, by email, in the team's chat group. */
export const NOTIFICATION_CHANNELS = ["inApp", "email", "chat"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** The things a notification points at. */
export const NOTIFICATION_SUBJECT_TYPES = [
  "objective",
  "key_result",
  "check_in",
  "comment",
  "recognition",
  "cycle",
  "meeting",
  "proposal",
  "question",
  "team",
  "one_on_one",
] as const;
export type NotificationSubjectType = (typeof NOTIFICATION_SUBJECT_TYPES)[number];

/** Quiet hours on the organization's clock, "HH:MM"; `start` after `end` spans midnight (22:00–08:00). */
export type QuietHours = { start: string; end: string };

/** A person's choices: per kind, the channels that are off (everything else is on), and quiet hours. */
export type NotificationSettings = {
  off: Partial<Record<NotificationKind, NotificationChannel[]>>;
  quietHours: QuietHours | null;
};

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = { off: {}, quietHours: null };

/**
 * Whether a person wants a kind on a channel. Everything is on until switched off, so a new kind reaches
 * people from the day it exists; the in-app list of a mention or an approval request, which someone is
 * waiting on, cannot be switched off (the bell is where a person finds what is asked of them).
 */
export function wantsNotification(
  settings: NotificationSettings,
  kind: NotificationKind,
  channel: NotificationChannel,
): boolean {
  if (channel === "inApp" && ALWAYS_IN_APP.has(kind)) return true;
  return !(settings.off[kind] ?? []).includes(channel);
}

const ALWAYS_IN_APP: ReadonlySet<NotificationKind> = new Set(["mention", "approval_requested"]);

/** Whether a kind's in-app channel can be switched off (the settings screen greys the others). */
export function canSilenceInApp(kind: NotificationKind): boolean {
  return !ALWAYS_IN_APP.has(kind);
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * When an email or chat message may go out: `at` itself, or the end of the quiet hours it falls in, on the
 * organization's clock. In-app notifications are never held: they wait silently in the list anyway.
 */
export function deliveryTime(at: Date, quietHours: QuietHours | null, timeZone: string): Date {
  if (!quietHours) return at;
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  if (start === end) return at;
  const wall = new Date(at.getTime() + zoneOffsetMs(at.getTime(), timeZone));
  const now = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return at;
  // The end is today on the local clock, or tomorrow when the quiet hours span midnight and it is evening.
  const today = localDayOf(at.getTime(), timeZone);
  const day = { ...today, day: today.day + (now >= end ? 1 : 0) };
  return new Date(localTimeMs(day, Math.floor(end / 60), timeZone) + (end % 60) * 60_000);
}

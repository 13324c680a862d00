import type { Locale, NotificationKind } from "@luodi/core";

/** What a notification says outside the app (email, chat): a headline, and the words of the action. */
export type NotificationWords = { headline: string; action: string };

type Facts = { actor: string; title: string };

/**
 * The catalogue of the headlines, one entry per language and kind (the web app has its own, in its i18n
 * files): the actor and the subject's title are what people typed, put in by the channel's own escaping.
 */
const HEADLINES: Record<Locale, Record<NotificationKind, (facts: Facts) => string>> = {
  "zh-CN": {
    mention: ({ actor, title }) => `${actor} 在「${title}」中提到了你`,
    comment: ({ actor, title }) => `${actor} 评论了「${title}」`,
    check_in_reminder: () => "本周还没有更新 OKR 进展，花一分钟更新一下吧",
    phase_changed: ({ title }) => `周期「${title}」进入了新阶段`,
    phase_deadline: ({ title }) => `周期「${title}」的当前阶段即将结束`,
    approval_requested: ({ actor, title }) => `${actor} 提交了「${title}」，等待你审批`,
    approval_decided: ({ actor, title }) => `${actor} 审批了「${title}」`,
    adjustment_requested: ({ actor, title }) => `${actor} 申请调整「${title}」，等待你审批`,
    kr_at_risk: ({ title }) => `关键结果「${title}」有风险`,
    digest: ({ title }) => `团队 OKR 周报：${title}`,
    recognition: ({ actor }) => `${actor} 表扬了你`,
    meeting_action_item: ({ actor, title }) => `${actor} 给你分配了会议待办「${title}」`,
    proposal_backed: ({ actor, title }) => `${actor} 支持了你的提案「${title}」`,
    proposal_decided: ({ title }) => `提案「${title}」有了决定`,
  },
  en: {
    mention: ({ actor, title }) => `${actor} mentioned you on “${title}”`,
    comment: ({ actor, title }) => `${actor} commented on “${title}”`,
    check_in_reminder: () => "Your OKRs have no update this week yet: it takes a minute",
    phase_changed: ({ title }) => `The cycle “${title}” moved to a new phase`,
    phase_deadline: ({ title }) => `The current phase of “${title}” ends soon`,
    approval_requested: ({ actor, title }) => `${actor} submitted “${title}” for your approval`,
    approval_decided: ({ actor, title }) => `${actor} decided on “${title}”`,
    adjustment_requested: ({ actor, title }) => `${actor} asks to adjust “${title}”: your approval is needed`,
    kr_at_risk: ({ title }) => `The key result “${title}” is at risk`,
    digest: ({ title }) => `Your team's OKR week: ${title}`,
    recognition: ({ actor }) => `${actor} recognised you`,
    meeting_action_item: ({ actor, title }) => `${actor} gave you the action item “${title}”`,
    proposal_backed: ({ actor, title }) => `${actor} backed your proposal “${title}”`,
    proposal_decided: ({ title }) => `Your proposal “${title}” was decided`,
  },
};

const ACTION: Record<Locale, string> = { "zh-CN": "在落地中查看", en: "Open in Luodi" };
const SOMEONE: Record<Locale, string> = { "zh-CN": "有人", en: "Someone" };

export function notificationWords(
  locale: Locale,
  kind: NotificationKind,
  facts: { actor: string | null; title: string },
): NotificationWords {
  return {
    headline: HEADLINES[locale][kind]({ actor: facts.actor ?? SOMEONE[locale], title: facts.title }),
    action: ACTION[locale],
  };
}

/**
 * The headline of a message posted to a team's chat group: the person's headline, addressed to the people
 * it concerns by name ("Sam Sales, Eve: Pat mentioned you on …"), since the whole group reads it.
 */
export function chatHeadline(
  locale: Locale,
  kind: NotificationKind,
  facts: { actor: string | null; title: string; people: string[] },
): string {
  const { headline } = notificationWords(locale, kind, facts);
  const names = facts.people.slice(0, 5).join(locale === "zh-CN" ? "、" : ", ");
  const more = facts.people.length > 5 ? (locale === "zh-CN" ? " 等" : " and others") : "";
  return locale === "zh-CN" ? `@${names}${more}：${headline}` : `@${names}${more}: ${headline}`;
}

/** The week a digest covers, as its title: "Week of 12 April" / "4月12日这一周". */
export function digestTitle(locale: Locale, day: { year: number; month: number; day: number }): string {
  return locale === "zh-CN"
    ? `${day.month}月${day.day}日这一周`
    : `week of ${day.day} ${MONTHS[day.month - 1]}`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A digest's numbers in one or two sentences of the organization's language. */
export function digestExcerpt(
  locale: Locale,
  facts: { updated: number; total: number; atRisk: number; offTrack: number; silent: string[] },
): string {
  if (locale === "zh-CN") {
    const silent =
      facts.silent.length > 0 ? `本周没有更新：${facts.silent.join("、")}。` : "每个人都更新了进展。";
    return `团队 ${facts.total} 个关键结果中有 ${facts.updated} 个本周有更新，${facts.atRisk} 个有风险，${facts.offTrack} 个偏离轨道。${silent}`;
  }
  const kr = (n: number) => `${n} key result${n === 1 ? "" : "s"}`;
  const silent =
    facts.silent.length > 0 ? ` No check-in this week: ${facts.silent.join(", ")}.` : " Everyone checked in.";
  return `Your team updated ${facts.updated} of ${kr(facts.total)} this week; ${facts.atRisk} at risk, ${facts.offTrack} off track.${silent}`;
}

/** What a phase change says beyond its headline: the phase the cycle is now in. */
export function phaseExcerpt(locale: Locale, phase: string): string {
  return locale === "zh-CN" ? `现在进入「${phase}」阶段。` : `The cycle is now in ${phase}.`;
}

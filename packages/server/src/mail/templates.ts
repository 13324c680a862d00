import type { Locale } from "@luodi/core";
import type { MailMessage } from "./mailer.ts";

/** Text put into HTML: the names in an email are what people typed. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function when(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(
    new Date(iso),
  );
}

/** A short email with one call to action: paragraphs, the link as a button and as text, a closing note. */
function compose(input: {
  to: string;
  subject: string;
  lang: Locale;
  paragraphs: string[];
  action: string;
  url: string;
  note: string;
}): MailMessage {
  const text = [...input.paragraphs, `${input.action}: ${input.url}`, input.note].join("\n\n");
  const html = `<!doctype html>
<html lang="${input.lang}"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>
<body style="font-family: -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Segoe UI', sans-serif; color: #1f1f1f; line-height: 1.6; max-width: 560px; margin: 24px auto; padding: 0 16px;">
${input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<p><a href="${escapeHtml(input.url)}" style="display: inline-block; background: #1677ff; color: #fff; padding: 10px 20px; border-radius: 6px; text-decoration: none;">${escapeHtml(input.action)}</a></p>
<p style="font-size: 13px; color: #595959;">${escapeHtml(input.url)}</p>
<p style="font-size: 13px; color: #595959;">${escapeHtml(input.note)}</p>
</body></html>`;
  return { to: input.to, subject: input.subject, text, html };
}

/** The words of one email: each function fills in what the person or the organization typed. */
type MailText = {
  subject: string;
  paragraphs: string[];
  action: string;
  note: string;
};

type InvitationFacts = { name: string; organization: string; inviter: string; until: string };
type ResetFacts = { name: string; until: string; admin?: string | undefined };

/**
 * The catalogue of email texts, one entry per language, as core's error table holds error messages: the
 * structure of every email is the same (compose), only the words differ.
 */
const MAIL_TEXTS: Record<
  Locale,
  { invitation: (facts: InvitationFacts) => MailText; passwordReset: (facts: ResetFacts) => MailText }
> = {
  "zh-CN": {
    invitation: ({ name, organization, inviter, until }) => ({
      subject: `${inviter} 邀请你加入「${organization}」的 OKR（落地）`,
      paragraphs: [
        `${name}，你好：`,
        `${inviter} 邀请你加入「${organization}」，在落地上一起制定和跟进 OKR。`,
        "打开下面的链接，设置你的密码即可登录。",
      ],
      action: "接受邀请",
      note: `链接只能使用一次，${until} 前有效。如果你不认识邀请人，忽略这封邮件即可。`,
    }),
    passwordReset: ({ name, until, admin }) => ({
      subject: "设置新的落地登录密码",
      paragraphs: [
        `${name}，你好：`,
        admin ? `管理员 ${admin} 重设了你的落地密码，原密码已不能登录。` : "我们收到了重设你落地密码的请求。",
        "打开下面的链接，设置新的密码。",
      ],
      action: "设置新密码",
      note: `链接只能使用一次，${until} 前有效。${admin ? "" : "如果不是你本人操作，忽略这封邮件即可，你的密码不会改变。"}`,
    }),
  },
  en: {
    invitation: ({ name, organization, inviter, until }) => ({
      subject: `${inviter} invited you to ${organization}'s OKRs on Luodi`,
      paragraphs: [
        `Hello ${name},`,
        `${inviter} invited you to join ${organization} on Luodi, where you set and follow your OKRs together.`,
        "Open the link below and choose your password to sign in.",
      ],
      action: "Accept the invitation",
      note: `The link works once, until ${until}. If you do not know who invited you, ignore this email.`,
    }),
    passwordReset: ({ name, until, admin }) => ({
      subject: "Set a new password for Luodi",
      paragraphs: [
        `Hello ${name},`,
        admin
          ? `${admin}, an administrator, reset your Luodi password: the old one no longer signs in.`
          : "We were asked to reset your Luodi password.",
        "Open the link below to choose a new one.",
      ],
      action: "Set a new password",
      note: `The link works once, until ${until}.${admin ? "" : " If you did not ask for it, ignore this email: your password stays as it is."}`,
    }),
  },
};

/** The email inviting someone to an organization, in their language. */
export function invitationMail(input: {
  to: string;
  locale: Locale;
  timeZone: string;
  name: string;
  organization: string;
  inviter: string;
  url: string;
  expiresAt: string;
}): MailMessage {
  const until = when(input.expiresAt, input.locale, input.timeZone);
  const words = MAIL_TEXTS[input.locale].invitation({ ...input, until });
  return compose({ to: input.to, lang: input.locale, url: input.url, ...words });
}

/** The email with a link to set a new password, in the person's language. */
export function passwordResetMail(input: {
  to: string;
  locale: Locale;
  timeZone: string;
  name: string;
  url: string;
  expiresAt: string;
  /** Set when an admin reset the password (the old one no longer signs in). */
  admin?: string | undefined;
}): MailMessage {
  const until = when(input.expiresAt, input.locale, input.timeZone);
  const words = MAIL_TEXTS[input.locale].passwordReset({ ...input, until });
  return compose({ to: input.to, lang: input.locale, url: input.url, ...words });
}

const NOTIFICATION_NOTE: Record<Locale, (settingsUrl: string) => string> = {
  "zh-CN": (url) => `你收到这封邮件，是因为落地的通知设置允许邮件提醒。在这里修改：${url}`,
  en: (url) => `You get this email because your Luodi notification settings allow it. Change them at ${url}`,
};

/** A notification by email, in the person's language: the headline, the words that caused it, a link. */
export function notificationMail(input: {
  to: string;
  locale: Locale;
  headline: string;
  excerpt: string | null;
  action: string;
  url: string;
  settingsUrl: string;
}): MailMessage {
  return compose({
    to: input.to,
    subject: input.headline,
    lang: input.locale,
    paragraphs: input.excerpt ? [input.headline, input.excerpt] : [input.headline],
    action: input.action,
    url: input.url,
    note: NOTIFICATION_NOTE[input.locale](input.settingsUrl),
  });
}

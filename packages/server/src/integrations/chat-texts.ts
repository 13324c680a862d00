import type { Locale } from "@luodi/core";

/**
 * The words of chat messages, one entry per language (as mail/templates.ts holds the emails'): the label
 * of the button that leads back to Luodi, and the test message an admin sends to a new channel.
 */
export const CHAT_TEXTS: Record<
  Locale,
  {
    open: string;
    test: (facts: { organization: string; channel: string }) => { title: string; text: string };
  }
> = {
  "zh-CN": {
    open: "在落地中查看",
    test: ({ organization, channel }) => ({
      title: "落地测试消息",
      text: `「${organization}」的消息集成「${channel}」已连通，所选的通知今后会发到这个群。`,
    }),
  },
  en: {
    open: "Open in Luodi",
    test: ({ organization, channel }) => ({
      title: "Luodi test message",
      text: `${organization}'s chat channel “${channel}” is connected: the notifications chosen for it will be posted in this chat.`,
    }),
  },
};

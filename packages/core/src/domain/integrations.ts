/**
 * The chat platforms an organization's channels post to: Feishu/Lark custom bots, DingTalk custom robots,
 * WeCom (企业微信) group robots, Slack incoming webhooks and Microsoft Teams workflow (Power Automate) webhooks.
 */
export const INTEGRATION_KINDS = ["feishu", "dingtalk", "wecom", "slack", "teams"] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

/**
 * Whether a platform's robot checks a signature made with a secret (飞书「签名校验」, 钉钉「加签」). WeCom,
 * Slack and Teams have none: their webhook URL is the only credential.
 */
export function integrationTakesSecret(kind: IntegrationKind): boolean {
  return kind === "feishu" || kind === "dingtalk";
}

import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type ChatMessage, chatLink, formatChatRequest } from "./chat-message.ts";

/*
 * Each platform's request against its documentation. The signatures are computed here again with
 * node:crypto from the documented algorithm, and checked against fixed vectors computed outside Node
 * (`openssl dgst -sha256 -mac HMAC` and Python's hmac module agreed on them).
 */

const AT = new Date("2020-09-06T02:47:53.000Z"); // 1599360473 s
const message: ChatMessage = {
  title: "Q2 check-in is due",
  text: "Three key results have no check-in this week.\nUpdate them before Friday.",
  url: "https://okr.example.com/objectives/o1",
  locale: "en",
};
const hostile: ChatMessage = {
  title: "<at id=all></at> [win](https://evil.example) <!channel> *bold* <@U123>",
  text: 'Ping <!here> and <at user_id="ou_1">x</at>, see [this](https://evil.example) `code` # heading ~strike~ _it_ <@all>',
  url: "https://okr.example.com/objectives/o1",
  locale: "zh-CN",
};

const bodyOf = (request: { body: string }) => JSON.parse(request.body);

describe("Feishu / Lark custom bot", () => {
  const webhookUrl = "https://open.feishu.cn/open-apis/bot/v2/hook/0d5c3f2e";

  it("posts an interactive card with the title, the text as lark_md and a button back to Luodi", () => {
    const request = formatChatRequest({ kind: "feishu", webhookUrl, secret: null }, message, AT);
    expect(request.url).toBe(webhookUrl);
    expect(request.headers["content-type"]).toMatch(/^application\/json/);
    expect(bodyOf(request)).toEqual({
      msg_type: "interactive",
      card: {
        header: { title: { tag: "plain_text", content: "Q2 check-in is due" }, template: "blue" },
        elements: [
          {
            tag: "div",
            text: {
              tag: "lark_md",
              content: "Three key results have no check-in this week.\nUpdate them before Friday.",
            },
          },
          {
            tag: "action",
            actions: [
              {
                tag: "button",
                text: { tag: "plain_text", content: "Open in Luodi" },
                url: "https://okr.example.com/objectives/o1",
                type: "primary",
              },
            ],
          },
        ],
      },
    });
  });

  it("signs with timestamp (seconds) and base64(HMAC-SHA256 keyed by timestamp\\nsecret over nothing))", () => {
    const secret = "demo-secret";
    const body = bodyOf(formatChatRequest({ kind: "feishu", webhookUrl, secret }, message, AT));
    expect(body.timestamp).toBe("1599360473");
    const expected = createHmac("sha256", `1599360473\n${secret}`).update(Buffer.alloc(0)).digest("base64");
    expect(body.sign).toBe(expected);
    // The fixed vector, computed with openssl.
    expect(body.sign).toBe("3/MaVZ8JLIy4TUG+7KSFJqvUkTKd+HWY8g+56DZWq8s=");
    expect(body.msg_type).toBe("interactive");
  });

  it("writes the button in the message's language and escapes lark_md so no mention or link comes through", () => {
    const body = bodyOf(formatChatRequest({ kind: "feishu", webhookUrl, secret: null }, hostile, AT));
    expect(body.card.elements[1].actions[0].text.content).toBe("在落地中查看");
    // The header is plain text: shown as typed, interpreted by nothing.
    expect(body.card.header.title.content).toBe(hostile.title);
    const content: string = body.card.elements[0].text.content;
    // Nothing but the entities themselves is left of the markup characters.
    expect(content.replace(/&#\d+;/g, "")).not.toMatch(/[<>[\]()*`_~#&]/);
    expect(content).toContain('&#60;at user&#95;id="ou&#95;1"&#62;');
    expect(content).toContain("&#91;this&#93;&#40;https://evil.example&#41;");
  });
});

describe("DingTalk custom robot", () => {
  const webhookUrl = "https://oapi.dingtalk.com/robot/send?access_token=6f1c0b";

  it("posts an action card with markdown text and one button", () => {
    const request = formatChatRequest({ kind: "dingtalk", webhookUrl, secret: null }, message, AT);
    expect(request.url).toBe(webhookUrl);
    expect(bodyOf(request)).toEqual({
      msgtype: "actionCard",
      actionCard: {
        title: "Q2 check-in is due",
        text: "### Q2 check-in is due\n\nThree key results have no check-in this week.\n\nUpdate them before Friday.",
        btnOrientation: "0",
        singleTitle: "Open in Luodi",
        singleURL: "https://okr.example.com/objectives/o1",
      },
    });
  });

  it("signs in the query: timestamp in ms, sign = urlEncode(base64(HMAC-SHA256 keyed by the secret over timestamp\\nsecret))", () => {
    const secret = "SECdemo";
    const request = formatChatRequest(
      { kind: "dingtalk", webhookUrl, secret },
      message,
      new Date(1599360473000),
    );
    const expected = encodeURIComponent(
      createHmac("sha256", secret).update(`1599360473000\n${secret}`).digest("base64"),
    );
    expect(request.url).toBe(`${webhookUrl}&timestamp=1599360473000&sign=${expected}`);
    // The fixed vector, computed with openssl and Python's quote_plus.
    expect(request.url).toContain("&sign=tGWkA5eQOQNCNPDgphtxIoNLO%2B%2FgD8Lcb705KQoRzeY%3D");
    expect(request.body).not.toContain(secret);
  });

  it("turns markup characters into full-width ones, so typed text links and styles nothing", () => {
    const body = bodyOf(formatChatRequest({ kind: "dingtalk", webhookUrl, secret: null }, hostile, AT));
    const text: string = body.actionCard.text;
    expect(text.slice(4)).not.toMatch(/[<>[\]*`_~#]/);
    expect(text).toContain("［this］(https://evil.example)");
    expect(body.actionCard.singleTitle).toBe("在落地中查看");
    expect(body.at).toBeUndefined();
  });
});

describe("WeCom group robot", () => {
  const webhookUrl = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6";

  it("posts markdown: the title in bold, the text and a link back", () => {
    const request = formatChatRequest({ kind: "wecom", webhookUrl, secret: null }, message, AT);
    expect(request.url).toBe(webhookUrl);
    expect(bodyOf(request)).toEqual({
      msgtype: "markdown",
      markdown: {
        content:
          "**Q2 check-in is due**\nThree key results have no check-in this week.\nUpdate them before Friday.\n[Open in Luodi](https://okr.example.com/objectives/o1)",
      },
    });
  });

  it("stays within 4096 bytes of UTF-8 and keeps the link", () => {
    const long = { ...message, text: "进展".repeat(3000), locale: "zh-CN" as const };
    const content: string = bodyOf(formatChatRequest({ kind: "wecom", webhookUrl, secret: null }, long, AT))
      .markdown.content;
    expect(Buffer.byteLength(content, "utf8")).toBeLessThanOrEqual(4096);
    expect(content).toContain("…");
    expect(content.endsWith("[在落地中查看](https://okr.example.com/objectives/o1)")).toBe(true);
  });

  it("leaves no <@userid> mention or link in typed text", () => {
    const content: string = bodyOf(
      formatChatRequest({ kind: "wecom", webhookUrl, secret: null }, hostile, AT),
    ).markdown.content;
    const typed = content.slice(0, content.lastIndexOf("\n["));
    expect(typed.replaceAll("**", "")).not.toMatch(/[<>[\]*`_~#]/);
    expect(typed).toContain("＜@all＞");
  });
});

describe("Slack incoming webhook", () => {
  const webhookUrl = "https://hooks.slack.com/services/T000/B000/XXXXXXXX";

  it("posts Block Kit: a header, a mrkdwn section and a button, with text as the fallback", () => {
    const request = formatChatRequest({ kind: "slack", webhookUrl, secret: null }, message, AT);
    expect(request.url).toBe(webhookUrl);
    expect(bodyOf(request)).toEqual({
      text: "Q2 check-in is due: Three key results have no check-in this week.\nUpdate them before Friday.",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Q2 check-in is due", emoji: true } },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "Three key results have no check-in this week.\nUpdate them before Friday.",
          },
        },
        {
          type: "actions",
          elements: [
            {
              type: "button",
              text: { type: "plain_text", text: "Open in Luodi" },
              url: "https://okr.example.com/objectives/o1",
            },
          ],
        },
      ],
    });
  });

  it("escapes &, < and > in mrkdwn, so <!channel>, <@U…> and <url|text> stay text", () => {
    const body = bodyOf(formatChatRequest({ kind: "slack", webhookUrl, secret: null }, hostile, AT));
    const section: string = body.blocks[1].text.text;
    expect(section).not.toMatch(/[<>]/);
    expect(section).toContain("&lt;!here&gt;");
    expect(body.text).toContain("&lt;!channel&gt;");
    expect(body.text).not.toMatch(/[<>]/);
    expect(body.blocks[0].text.text.length).toBeLessThanOrEqual(150);
  });
});

describe("Microsoft Teams workflow webhook", () => {
  const webhookUrl =
    "https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=s";

  it("posts a message with one Adaptive Card 1.4 attachment and an Action.OpenUrl", () => {
    const request = formatChatRequest({ kind: "teams", webhookUrl, secret: null }, message, AT);
    expect(request.url).toBe(webhookUrl);
    expect(bodyOf(request)).toEqual({
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          contentUrl: null,
          content: {
            $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
            type: "AdaptiveCard",
            version: "1.4",
            body: [
              { type: "TextBlock", text: "Q2 check-in is due", size: "Large", weight: "Bolder", wrap: true },
              {
                type: "TextBlock",
                text: "Three key results have no check-in this week.\n\nUpdate them before Friday.",
                wrap: true,
              },
            ],
            actions: [
              {
                type: "Action.OpenUrl",
                title: "Open in Luodi",
                url: "https://okr.example.com/objectives/o1",
              },
            ],
          },
        },
      ],
    });
  });

  it("backslash-escapes markdown, so typed text makes no link or <at> mention", () => {
    const card = bodyOf(formatChatRequest({ kind: "teams", webhookUrl, secret: null }, hostile, AT))
      .attachments[0].content;
    expect(card.body[0].text).toBe(
      "\\<at id=all\\>\\</at\\> \\[win\\]\\(https://evil.example\\) \\<\\!channel\\> \\*bold\\* \\<@U123\\>",
    );
    expect(card.body[1].text).toContain("\\[this\\]\\(https://evil.example\\)");
    expect(card.actions[0].title).toBe("在落地中查看");
  });
});

describe("links back", () => {
  it("lead to PUBLIC_URL, or to http://localhost:3000 without one", () => {
    expect(chatLink({ publicUrl: "https://okr.example.com/" }, "/admin")).toBe(
      "https://okr.example.com/admin",
    );
    expect(chatLink({ publicUrl: undefined }, "/admin")).toBe("http://localhost:3000/admin");
  });
});

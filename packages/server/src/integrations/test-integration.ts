import { AppError } from "@luodi/core";
import { findIntegration } from "@luodi/db";
import type { Caller } from "../context.ts";
import { chatLink } from "./chat-message.ts";
import { CHAT_TEXTS } from "./chat-texts.ts";
import { assertIntegrationAdmin } from "./integration-writes.ts";
import { type ChatDelivery, sendChatMessage } from "./send-chat-message.ts";

/**
 * Sends a test message to a channel (enabled or not), in the organization's language, linking to the
 * admin page of chat channels; answers how it went, the platform's refusal included.
 */
export async function testIntegration(caller: Caller, id: string): Promise<ChatDelivery> {
  assertIntegrationAdmin(caller);
  const { ctx, auth } = caller;
  const row = await findIntegration(ctx.db, auth.org.id, id);
  if (!row) throw new AppError("integration.not_found");
  const locale = auth.org.locale;
  const words = CHAT_TEXTS[locale].test({ organization: auth.org.name, channel: row.name });
  return sendChatMessage(ctx, row, {
    ...words,
    url: chatLink(ctx.config, "/admin?tab=integrations"),
    locale,
  });
}

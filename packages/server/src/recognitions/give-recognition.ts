import { AppError, assertTextLength, mentionsAsText, RECOGNITION_MAX_LENGTH } from "@luodi/core";
import { insertRecognition } from "@luodi/db";
import type { Caller } from "../context.ts";
import { loadKeyResultFor } from "../key-results/key-result-access.ts";
import { notify } from "../notifications/notify.ts";
import { graphOf, loadObjectiveFor } from "../objectives/objective-access.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";

/** What praise says, to whom, and what it is for. */
export type RecognitionInput = {
  toUserIds: string[];
  message: string;
  objectiveId?: string | undefined;
  keyResultId?: string | undefined;
};

/**
 * Praises (表扬) 1 to 20 active members — not only oneself —, optionally for an objective or a key result
 * the caller may see (404 otherwise, as if it did not exist). Praise is public to the organization; those
 * praised hear of it.
 */
export async function giveRecognition(caller: Caller, input: RecognitionInput): Promise<string> {
  assertTextLength(input.message, RECOGNITION_MAX_LENGTH, "message");
  const { ctx, auth } = caller;
  return inTransaction(ctx, async (trx) => {
    const graph = await graphOf(caller, trx);
    const recipients = [...new Set(input.toUserIds)];
    recipients.forEach((userId, index) => {
      if (graph.members.get(userId)?.status !== "active")
        throw new AppError("recognition.unknown_recipient", {}, [{ path: `toUserIds.${index}` }]);
    });
    if (recipients.every((userId) => userId === auth.user.id))
      throw new AppError("recognition.self_only", {}, [{ path: "toUserIds" }]);
    let objectiveId = input.objectiveId ?? null;
    if (input.keyResultId !== undefined) {
      const { keyResult } = await loadKeyResultFor(caller, trx, input.keyResultId);
      if (objectiveId !== null && objectiveId !== keyResult.objectiveId)
        throw new AppError("recognition.link_mismatch", {}, [{ path: "keyResultId" }]);
      objectiveId = keyResult.objectiveId;
    } else if (objectiveId !== null) {
      await loadObjectiveFor(caller, trx, objectiveId);
    }
    const id = newId();
    const now = ctx.config.now().toISOString();
    await insertRecognition(
      trx,
      {
        orgId: auth.org.id,
        id,
        authorId: auth.user.id,
        message: input.message,
        objectiveId,
        keyResultId: input.keyResultId ?? null,
        createdAt: now,
      },
      recipients,
    );
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "recognition.create",
        entityType: "recognition",
        entityId: id,
        after: { toUserIds: recipients, objectiveId, keyResultId: input.keyResultId ?? null },
        at: now,
      },
    ]);
    // The notice names the praise by its words, never by the objective it is for: not everyone praised may see that.
    const text = mentionsAsText(input.message);
    await notify(caller, trx, {
      kind: "recognition",
      recipientIds: recipients,
      subject: { type: "recognition", id, title: text },
      excerpt: text,
      link: "/recognitions",
    });
    return id;
  });
}

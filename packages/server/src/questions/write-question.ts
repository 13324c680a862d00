import { AppError, assertTextLength, canAnswerQuestion, QUESTION_MAX_LENGTH } from "@luodi/core";
import {
  addQuestionVote,
  answerQuestion,
  type Executor,
  insertQuestion,
  listQuestions,
  removeQuestionVote,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { loadMeetingFor } from "../meetings/meeting-access.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";

/**
 * Asks a question for CEO 面对面, optionally for a meeting the caller may see. An anonymous question keeps
 * no author anywhere — not in the row, not in the audit log (its entry has no actor) — so no one can
 * recover who asked it.
 */
export async function askQuestion(
  caller: Caller,
  input: { body: string; anonymous: boolean; meetingId?: string | undefined },
): Promise<string> {
  assertTextLength(input.body, QUESTION_MAX_LENGTH, "body");
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  return inTransaction(ctx, async (trx) => {
    if (input.meetingId !== undefined) await loadMeetingFor(caller, trx, input.meetingId);
    const id = newId();
    const now = ctx.config.now().toISOString();
    const authorId = input.anonymous ? null : auth.user.id;
    await insertQuestion(trx, {
      orgId,
      id,
      body: input.body,
      authorId,
      meetingId: input.meetingId ?? null,
      answer: null,
      answeredBy: null,
      answeredAt: null,
      createdAt: now,
    });
    await recordAudit(trx, [
      {
        orgId,
        actorId: authorId,
        action: "question.create",
        entityType: "question",
        entityId: id,
        after: { anonymous: input.anonymous, meetingId: input.meetingId ?? null },
        at: now,
      },
    ]);
    return id;
  });
}

async function mustFind(caller: Caller, trx: Executor, id: string) {
  const [question] = await listQuestions(trx, caller.auth.org.id, { limit: 1, id });
  if (!question) throw new AppError("question.not_found");
  return question;
}

/** Votes for a question, or takes the vote back; one vote each, however many times it is asked. */
export async function voteQuestion(caller: Caller, id: string, vote: boolean): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    await mustFind(caller, trx, id);
    const changed = vote
      ? await addQuestionVote(trx, orgId, id, auth.user.id)
      : await removeQuestionVote(trx, orgId, id, auth.user.id);
    if (!changed) return;
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: vote ? "question.vote" : "question.unvote",
        entityType: "question",
        entityId: id,
        at: ctx.config.now().toISOString(),
      },
    ]);
  });
}

/** Answers a question (the CEO — the organization's owner — or an admin); a new answer replaces the last. */
export async function answerQuestionAs(caller: Caller, id: string, body: string): Promise<void> {
  assertTextLength(body, QUESTION_MAX_LENGTH, "body");
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const question = await mustFind(caller, trx, id);
    if (!canAnswerQuestion(auth.actor)) throw new AppError("permission.denied");
    const now = ctx.config.now().toISOString();
    await answerQuestion(trx, orgId, id, { answer: body, answeredBy: auth.user.id, answeredAt: now });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "question.answer",
        entityType: "question",
        entityId: id,
        before: { answer: question.answer },
        after: { answer: body },
        at: now,
      },
    ]);
  });
}

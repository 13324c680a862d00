import { canAnswerQuestion, type QuestionAnswer, type QuestionPageAnswer } from "@luodi/core";
import { type Executor, listQuestions, type QuestionRow, questionsVotedBy } from "@luodi/db";
import type { Caller } from "../context.ts";
import { renderMarkdown } from "../services/markdown.ts";
import { mustExist } from "../services/must-exist.ts";

/** One page of questions, newest first (`open`: the unanswered, most votes first). */
export async function listQuestionsFor(
  caller: Caller,
  page: {
    limit: number;
    cursor?: string | undefined;
    meetingId?: string | undefined;
    open?: "true" | "false" | undefined;
  },
): Promise<QuestionPageAnswer> {
  const rows = await listQuestions(caller.ctx.db, caller.auth.org.id, {
    limit: page.limit + 1,
    before: page.open === "true" ? undefined : page.cursor,
    meetingId: page.meetingId,
    open: page.open === "true",
  });
  const items = await presentQuestions(caller, caller.ctx.db, rows.slice(0, page.limit));
  // Ranked by votes, the open list is one page (no cursor across a ranking that moves).
  const more = page.open !== "true" && rows.length > page.limit;
  return { items, nextCursor: more ? (items.at(-1)?.id ?? null) : null };
}

/** One question as the caller sees it, or 404. */
export async function questionFor(
  caller: Caller,
  id: string,
  db: Executor = caller.ctx.db,
): Promise<QuestionAnswer> {
  const rows = await listQuestions(db, caller.auth.org.id, { limit: 1, id });
  const [answer] = await presentQuestions(caller, db, rows);
  return mustExist(answer, "question");
}

async function presentQuestions(
  caller: Caller,
  db: Executor,
  rows: QuestionRow[],
): Promise<QuestionAnswer[]> {
  const { actor } = caller.auth;
  const voted = await questionsVotedBy(
    db,
    caller.auth.org.id,
    actor.userId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    bodyHtml: renderMarkdown(row.body),
    anonymous: row.authorId === null,
    // An anonymous question has no author stored: nothing here can name one.
    author: row.authorId === null ? null : { id: row.authorId, name: row.authorName ?? "" },
    meetingId: row.meetingId,
    voteCount: row.voteCount,
    votedByMe: voted.has(row.id),
    answer:
      row.answer === null || row.answeredBy === null || row.answeredAt === null
        ? null
        : {
            body: row.answer,
            bodyHtml: renderMarkdown(row.answer),
            answeredBy: { id: row.answeredBy, name: row.answeredByName ?? "" },
            answeredAt: row.answeredAt,
          },
    createdAt: row.createdAt,
    abilities: { vote: true, answer: canAnswerQuestion(actor) },
  }));
}

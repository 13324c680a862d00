import type { Insertable, Selectable } from "kysely";
import type { QuestionTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

/** A question with its author's name (null when anonymous: no author is stored) and its vote count. */
export type QuestionRow = Selectable<QuestionTable> & {
  authorName: string | null;
  answeredByName: string | null;
  voteCount: number;
};

/** Stores a question. */
export async function insertQuestion(db: Executor, row: Insertable<QuestionTable>): Promise<void> {
  await db.insertInto("question").values(row).execute();
}

/**
 * Questions, newest first before `before` (ids are time-ordered), or one (`id`); `meetingId` keeps one
 * meeting's; `open` keeps the unanswered ones, most votes first.
 */
export async function listQuestions(
  db: Executor,
  orgId: string,
  page: {
    limit: number;
    before?: string | undefined;
    id?: string;
    meetingId?: string | undefined;
    open?: boolean;
  },
): Promise<QuestionRow[]> {
  let query = db
    .selectFrom("question")
    .leftJoin("user as author", "author.id", "question.authorId")
    .leftJoin("user as answerer", "answerer.id", "question.answeredBy")
    .selectAll("question")
    .select((eb) => [
      "author.name as authorName",
      "answerer.name as answeredByName",
      eb
        .selectFrom("questionVote")
        .select((v) => v.fn.countAll<number>().as("n"))
        .whereRef("questionVote.orgId", "=", "question.orgId")
        .whereRef("questionVote.questionId", "=", "question.id")
        .as("voteCount"),
    ])
    .where("question.orgId", "=", orgId);
  if (page.before) query = query.where("question.id", "<", page.before);
  if (page.id) query = query.where("question.id", "=", page.id);
  if (page.meetingId) query = query.where("question.meetingId", "=", page.meetingId);
  if (page.open) query = query.where("question.answer", "is", null).orderBy("voteCount", "desc");
  const rows = await query.orderBy("question.id", "desc").limit(page.limit).execute();
  return rows.map((row) => ({ ...row, voteCount: Number(row.voteCount ?? 0) }));
}

/** Which of these questions someone voted for. */
export async function questionsVotedBy(
  db: Executor,
  orgId: string,
  userId: string,
  questionIds: readonly string[],
): Promise<Set<string>> {
  if (questionIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("questionVote")
    .select("questionId")
    .where("orgId", "=", orgId)
    .where("userId", "=", userId)
    .where("questionId", "in", [...questionIds])
    .execute();
  return new Set(rows.map((r) => r.questionId));
}

/** Records someone's vote; a second vote by the same person changes nothing. True when it was new. */
export async function addQuestionVote(db: Executor, orgId: string, questionId: string, userId: string) {
  const result = await db
    .insertInto("questionVote")
    .values({ orgId, questionId, userId })
    .onConflict((oc) => oc.columns(["orgId", "questionId", "userId"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Takes someone's vote back. True when there was one. */
export async function removeQuestionVote(db: Executor, orgId: string, questionId: string, userId: string) {
  const result = await db
    .deleteFrom("questionVote")
    .where("orgId", "=", orgId)
    .where("questionId", "=", questionId)
    .where("userId", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Writes the answer to a question. */
export async function answerQuestion(
  db: Executor,
  orgId: string,
  id: string,
  answer: { answer: string; answeredBy: string; answeredAt: string },
): Promise<void> {
  await db.updateTable("question").set(answer).where("orgId", "=", orgId).where("id", "=", id).execute();
}

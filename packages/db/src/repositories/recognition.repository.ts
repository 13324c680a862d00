import type { Insertable, Selectable } from "kysely";
import type { RecognitionTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

export type RecognitionRow = Selectable<RecognitionTable> & { authorName: string };

/** Stores praise and whom it is for. */
export async function insertRecognition(
  db: Executor,
  row: Insertable<RecognitionTable>,
  recipientIds: readonly string[],
): Promise<void> {
  await db.insertInto("recognition").values(row).execute();
  await db
    .insertInto("recognitionRecipient")
    .values(recipientIds.map((userId) => ({ orgId: row.orgId, recognitionId: row.id, userId })))
    .execute();
}

/**
 * One page of the organization's praise, newest first, before `before` (ids are time-ordered);
 * `recipientId` keeps what that person received, `id` one praise.
 */
export async function listRecognitions(
  db: Executor,
  orgId: string,
  page: { limit: number; before?: string | undefined; recipientId?: string | undefined; id?: string },
): Promise<RecognitionRow[]> {
  let query = db
    .selectFrom("recognition")
    .innerJoin("user", "user.id", "recognition.authorId")
    .selectAll("recognition")
    .select("user.name as authorName")
    .where("recognition.orgId", "=", orgId);
  if (page.before) query = query.where("recognition.id", "<", page.before);
  if (page.id) query = query.where("recognition.id", "=", page.id);
  const recipientId = page.recipientId;
  if (recipientId)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("recognitionRecipient")
          .select("recognitionRecipient.userId")
          .whereRef("recognitionRecipient.orgId", "=", "recognition.orgId")
          .whereRef("recognitionRecipient.recognitionId", "=", "recognition.id")
          .where("recognitionRecipient.userId", "=", recipientId),
      ),
    );
  return query.orderBy("recognition.id", "desc").limit(page.limit).execute();
}

/** Whom each praise is for, with their names. */
export async function listRecognitionRecipients(
  db: Executor,
  orgId: string,
  recognitionIds: readonly string[],
): Promise<Array<{ recognitionId: string; userId: string; name: string }>> {
  if (recognitionIds.length === 0) return [];
  return db
    .selectFrom("recognitionRecipient")
    .innerJoin("user", "user.id", "recognitionRecipient.userId")
    .select(["recognitionRecipient.recognitionId", "recognitionRecipient.userId", "user.name"])
    .where("recognitionRecipient.orgId", "=", orgId)
    .where("recognitionRecipient.recognitionId", "in", [...recognitionIds])
    .orderBy("user.name")
    .execute();
}

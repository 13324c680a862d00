import {
  AppError,
  type CommentSubjectType,
  canEditComment,
  canViewObjective,
  type OrgGraph,
} from "@luodi/core";
import { type CommentRow, type Executor, findCheckIn, findComment, type ObjectiveRow } from "@luodi/db";
import type { Caller } from "../context.ts";
import { loadKeyResultFor } from "../key-results/key-result-access.ts";
import { ownersOf } from "../notifications/workflow-notices.ts";
import { loadObjectiveFor, policyObjectiveOf } from "../objectives/objective-access.ts";

/** What a comment is written on, as the caller may see it. */
export type CommentSubject = {
  type: CommentSubjectType;
  id: string;
  /** The objective whose visibility decides who may see the comments (a KR's, a check-in's KR's). */
  objective: ObjectiveRow;
  graph: OrgGraph;
  /** How notifications name it: the objective's or the KR's title. */
  title: string;
  /** Who hears of new comments on it: its owner (a KR's owner, a check-in's author). */
  ownerIds: string[];
};

/** The error a hidden or missing subject answers with, the same for both. */
const NOT_FOUND = {
  objective: "objective.not_found",
  key_result: "key_result.not_found",
  check_in: "check_in.not_found",
} as const;

/**
 * The subject of comments as the caller may see it: 404 when it does not exist or is hidden from them,
 * with the code of a missing one (`check_in.not_found` for a check-in whose objective is hidden).
 */
export async function loadCommentSubjectFor(
  caller: Caller,
  db: Executor,
  type: CommentSubjectType,
  id: string,
): Promise<CommentSubject> {
  if (type === "objective") {
    const { objective, graph } = await loadObjectiveFor(caller, db, id);
    const ownerIds = ownersOf(policyObjectiveOf(objective), graph);
    return { type, id, objective, graph, title: objective.title, ownerIds };
  }
  const checkIn = type === "check_in" ? await findCheckIn(db, caller.auth.org.id, id) : null;
  if (type === "check_in" && !checkIn) throw new AppError(NOT_FOUND[type]);
  try {
    const { keyResult, objective, graph } = await loadKeyResultFor(caller, db, checkIn?.keyResultId ?? id);
    const ownerIds = checkIn
      ? [checkIn.authorId]
      : keyResult.ownerUserId
        ? [keyResult.ownerUserId]
        : ownersOf(policyObjectiveOf(objective), graph);
    return { type, id, objective, graph, title: keyResult.title, ownerIds };
  } catch (error) {
    if (error instanceof AppError && error.code === "key_result.not_found")
      throw new AppError(NOT_FOUND[type]);
    throw error;
  }
}

/**
 * A comment and its subject as the caller may see them: 404 `comment.not_found` when it does not exist or
 * is on something hidden from them, so comments cannot be probed either.
 */
export async function loadCommentFor(
  caller: Caller,
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ comment: CommentRow; subject: CommentSubject }> {
  const comment = await findComment(db, caller.auth.org.id, id, {
    forUpdate: (options.lock ?? false) && caller.ctx.dialect === "postgres",
  });
  if (!comment) throw new AppError("comment.not_found");
  try {
    const subject = await loadCommentSubjectFor(caller, db, comment.subjectType, comment.subjectId);
    return { comment, subject };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw new AppError("comment.not_found");
    throw error;
  }
}

/** Of these people, the active members who may see the subject: only they may hear of its comments. */
export function audienceOf(subject: CommentSubject, userIds: Iterable<string>): Set<string> {
  const objective = policyObjectiveOf(subject.objective);
  const audience = new Set<string>();
  for (const userId of userIds) {
    const member = subject.graph.members.get(userId);
    if (
      member?.status === "active" &&
      canViewObjective({ userId, role: member.role }, objective, subject.graph)
    )
      audience.add(userId);
  }
  return audience;
}

/** Edits and deletes: only on a comment still standing, by its author or an admin. */
export function assertCommentEditable(caller: Caller, comment: CommentRow): void {
  if (comment.deletedAt !== null) throw new AppError("comment.deleted");
  if (!canEditComment(caller.auth.actor, comment)) throw new AppError("comment.forbidden");
}

import {
  canAccessTalentReview,
  placeableInReview,
  type TalentReviewAnswer,
  type TalentReviewPageAnswer,
} from "@luodi/core";
import {
  type Executor,
  findObjectives,
  listDepartments,
  listTalentPlacementHistory,
  listTalentPlacements,
  listTalentReviews,
  listUserNames,
  readJson,
  type TalentReviewRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf } from "../objectives/objective-access.ts";
import { recordAudit } from "../services/audit.ts";
import { groupBy } from "../services/group-by.ts";
import { loadTalentReviewFor } from "./talent-review-access.ts";

/** The reviews the caller may open, newest first, without their placements (those are read one review at a time). */
export async function listTalentReviewsFor(
  caller: Caller,
  query: { limit: number; cursor?: string | undefined; cycleId?: string | undefined },
): Promise<TalentReviewPageAnswer> {
  const { db } = caller.ctx;
  const orgId = caller.auth.org.id;
  const rows = (await listTalentReviews(db, orgId, { cycleId: query.cycleId })).filter(
    (r) => query.cursor === undefined || r.id < query.cursor,
  );
  const placed = groupBy(
    await listTalentPlacements(
      db,
      orgId,
      rows.map((r) => r.id),
    ),
    (p) => p.reviewId,
  );
  const graph = await graphOf(caller);
  const visible = rows.filter((r) =>
    canAccessTalentReview(
      caller.auth.actor,
      { departmentId: r.departmentId, placedUserIds: (placed.get(r.id) ?? []).map((p) => p.userId) },
      graph,
    ),
  );
  const page = visible.slice(0, query.limit);
  const [departments, names] = await Promise.all([
    listDepartments(db, orgId).then((all) => new Map(all.map((d) => [d.id, d]))),
    listUserNames(
      db,
      page.flatMap((r) => [r.createdBy, ...(r.finalizedBy ? [r.finalizedBy] : [])]),
    ),
  ]);
  const person = (id: string) => ({ id, name: names.get(id) ?? "" });
  return {
    items: page.map((r) => ({
      ...summary(r, departments.get(r.departmentId)?.name ?? "", person),
      abilities: { update: r.status !== "final" },
    })),
    nextCursor: visible.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

function summary(
  row: TalentReviewRow,
  departmentName: string,
  person: (id: string) => { id: string; name: string },
) {
  return {
    id: row.id,
    cycleId: row.cycleId,
    department: { id: row.departmentId, name: departmentName },
    title: row.title,
    status: row.status,
    createdBy: person(row.createdBy),
    createdAt: row.createdAt,
    finalizedAt: row.finalizedAt,
    finalizedBy: row.finalizedBy ? person(row.finalizedBy) : null,
  };
}

/**
 * One review with its grid and the trail of every placement. Reading it is confidential, so every read is
 * written to the audit log (who, which review), in the same request.
 */
export async function talentReviewFor(
  caller: Caller,
  id: string,
  db: Executor = caller.ctx.db,
): Promise<TalentReviewAnswer> {
  const orgId = caller.auth.org.id;
  const { review, placements, graph } = await loadTalentReviewFor(caller, db, id);
  const history = await listTalentPlacementHistory(db, orgId, id);
  const placeable = placeableInReview(graph, review.departmentId);
  const evidenceIds = [...new Set(placements.flatMap((p) => readJson(p.evidence)))];
  const [departments, names, evidence] = await Promise.all([
    listDepartments(db, orgId),
    listUserNames(db, [
      review.createdBy,
      ...(review.finalizedBy ? [review.finalizedBy] : []),
      ...placeable,
      ...history.flatMap((h) => [h.userId, h.placedBy]),
    ]),
    findObjectives(db, orgId, evidenceIds).then((rows) => new Map(rows.map((o) => [o.id, o.title]))),
  ]);
  const person = (userId: string) => ({ id: userId, name: names.get(userId) ?? "" });
  await recordAudit(db, [
    {
      orgId,
      actorId: caller.auth.user.id,
      action: "talent_review.read",
      entityType: "talent_review",
      entityId: id,
      at: caller.ctx.config.now().toISOString(),
    },
  ]);
  return {
    ...summary(review, departments.find((d) => d.id === review.departmentId)?.name ?? "", person),
    placeable: placeable.map(person).sort((a, b) => a.name.localeCompare(b.name)),
    placements: placements
      .map((p) => ({
        person: person(p.userId),
        performance: p.performance,
        potential: p.potential,
        reason: p.reason,
        evidence: readJson(p.evidence).flatMap((objectiveId) => {
          const title = evidence.get(objectiveId);
          return title === undefined ? [] : [{ id: objectiveId, title }];
        }),
        placedBy: person(p.placedBy),
        placedAt: p.placedAt,
      }))
      .sort((a, b) => a.person.name.localeCompare(b.person.name)),
    history: history.map((h) => ({
      person: person(h.userId),
      performance: h.performance,
      potential: h.potential,
      reason: h.reason,
      placedBy: person(h.placedBy),
      placedAt: h.placedAt,
    })),
    abilities: { update: review.status !== "final" },
  };
}

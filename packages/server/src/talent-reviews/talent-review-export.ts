import { AppError, canManageOrg, type Locale } from "@luodi/core";
import type { Caller } from "../context.ts";
import type { Table } from "../data-export/cycle-export.ts";
import { loadTalentReviewFor } from "./talent-review-access.ts";
import { talentReviewFor } from "./talent-review-reads.ts";

const HEADERS = {
  en: ["person", "performance", "potential", "reason", "evidence", "placed_by", "placed_at"],
  "zh-CN": ["姓名", "绩效", "潜力", "理由", "依据", "评定人", "评定时间"],
} as const satisfies Record<Locale, readonly string[]>;

/**
 * A talent review as a table for admins (the issue: "exported only by admins"): each person's place with its
 * reason and evidence. The read goes through the review's own rules and is audited like any other.
 */
export async function talentReviewTable(caller: Caller, id: string): Promise<Table> {
  // Hidden (or unknown) first, so the export says no more than the review does; then admins only.
  await loadTalentReviewFor(caller, caller.ctx.db, id);
  if (!canManageOrg(caller.auth.actor)) throw new AppError("permission.denied");
  const review = await talentReviewFor(caller, id);
  return {
    name: review.title.slice(0, 31) || "review",
    header: [...HEADERS[caller.auth.org.locale]],
    rows: review.placements.map((p) => [
      p.person.name,
      p.performance,
      p.potential,
      p.reason,
      p.evidence.map((e) => e.title).join("\n"),
      p.placedBy.name,
      p.placedAt,
    ]),
  };
}

import type { TalentReview } from "@luodi/client";

type Status = TalentReview["status"];

export const STATUS_KEYS = {
  draft: "talentReview.status.draft",
  calibrating: "talentReview.status.calibrating",
  final: "talentReview.status.final",
} as const satisfies Record<Status, string>;

export const STATUS_COLORS: Record<Status, string> = {
  draft: "default",
  calibrating: "processing",
  final: "success",
};

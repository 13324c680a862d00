import { describe, expect, it } from "vitest";
import { webhookEventOf } from "./webhooks.ts";

describe("webhookEventOf", () => {
  it.each([
    [
      {
        action: "objective.publish",
        entityType: "objective",
        objectiveId: "o",
        before: { status: "draft" },
        after: { status: "published" },
      },
      "objective.published",
    ],
    [
      {
        action: "objective.approve",
        entityType: "objective",
        objectiveId: "o",
        before: { status: "submitted" },
        after: { status: "published" },
      },
      "objective.published",
    ],
    [
      {
        action: "objective.approve",
        entityType: "objective",
        objectiveId: "o",
        before: { status: "submitted" },
        after: { status: "approved" },
      },
      "objective.updated",
    ],
    [
      {
        action: "objective.update",
        entityType: "objective",
        objectiveId: "o",
        before: { title: "a" },
        after: { title: "b" },
      },
      "objective.updated",
    ],
    [
      {
        action: "objective.close",
        entityType: "objective",
        objectiveId: "o",
        before: { status: "published" },
        after: { status: "closed" },
      },
      "objective.updated",
    ],
    [{ action: "key_result.create", entityType: "key_result", objectiveId: "o" }, "objective.updated"],
    [{ action: "adjustment.approve", entityType: "adjustment", objectiveId: "o" }, "objective.updated"],
    [{ action: "key_result.check_in", entityType: "key_result", objectiveId: "o" }, "check_in.created"],
    [
      {
        action: "cycle.phase",
        entityType: "cycle",
        before: { phase: "planning" },
        after: { phase: "aligning" },
      },
      "cycle.phase_changed",
    ],
    [{ action: "comment.create", entityType: "comment" }, "comment.created"],
  ] as const)("%o is %s", (change, event) => {
    expect(webhookEventOf(change)).toBe(event);
  });

  it.each([
    { action: "comment.update", entityType: "comment" },
    { action: "talent_review.read", entityType: "talent_review" },
    { action: "cycle.update", entityType: "cycle" },
    { action: "member.update", entityType: "member" },
    { action: "objective.create", entityType: "objective", objectiveId: "o", after: { status: "draft" } },
    // An objective change without its objective (none is written so) tells nobody anything.
    { action: "objective.update", entityType: "objective", objectiveId: null },
  ])("%o is no event", (change) => {
    expect(webhookEventOf(change)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode, messageOf } from "./error-codes.ts";

describe("error messages name domain values in the caller's language", () => {
  it("shows the direction and the relation as words, never as codes", () => {
    const params = { direction: "increase", relation: "above" };
    expect(messageOf("kr.direction", "zh-CN", params)).toBe("方向为「增长」时，目标值必须高于起始值。");
    expect(messageOf("kr.direction", "en", params)).toBe(
      "With the direction “increase”, the target must be above the start value.",
    );
  });

  it("translates phases, statuses, levels, KR types, actions and fields", () => {
    expect(messageOf("check_in.phase", "zh-CN", { phase: "scoring" })).toContain("「评分」");
    expect(messageOf("check_in.not_published", "zh-CN", { status: "draft" })).toContain("「草稿」");
    expect(messageOf("cycle.phase_order", "zh-CN", { from: "planning", next: "aligning" })).toBe(
      "周期只能逐步向前推进：制定 之后是 对齐。",
    );
    expect(messageOf("workflow.invalid_transition", "zh-CN", { action: "publish", status: "closed" })).toBe(
      "当前状态为「已关闭」的目标不能执行「发布」。",
    );
    expect(messageOf("kr.fields", "zh-CN", { type: "milestone", fields: "milestones" })).toBe(
      "里程碑类型的关键结果需要至少一个里程碑。",
    );
    expect(messageOf("objective.owner_mismatch", "zh-CN", { level: "personal", owner: "ownerUserId" })).toBe(
      "个人目标需要指定负责人。",
    );
  });

  it("leaves numbers and unknown values as they are", () => {
    expect(messageOf("auth.throttled", "zh-CN", { seconds: 30 })).toContain("30 秒");
    expect(messageOf("cycle.wrong_phase", "en", { phase: "—" })).toContain("the — phase");
  });

  it("has no Latin code left in a Chinese message of a rule about phases or KRs", () => {
    const samples: Partial<Record<ErrorCode, Record<string, unknown>>> = {
      "cycle.wrong_phase": { phase: "in_progress" },
      "check_in.phase": { phase: "reviewing" },
      "kr.direction": { direction: "decrease", relation: "below" },
      "adjustment.decided": { status: "approved" },
    };
    for (const [code, params] of Object.entries(samples)) {
      expect(code in ERROR_CODES).toBe(true);
      expect(messageOf(code as ErrorCode, "zh-CN", params)).not.toMatch(/[a-z_]{3,}/);
    }
  });
});

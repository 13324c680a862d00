import type { Department, TalentReview } from "@luodi/client";
import { describe, expect, it } from "vitest";
import { BOX_KEYS, boxKey, layoutGrid, nextStatus, reviewableDepartments } from "./grid-model.ts";

const person = (id: string, name: string) => ({ id, name });

function placement(id: string, name: string, performance: number, potential: number) {
  return {
    person: person(id, name),
    performance,
    potential,
    reason: "why",
    evidence: [],
    placedBy: person("lead", "Lead"),
    placedAt: "2026-12-07T10:00:00.000Z",
  };
}

describe("the nine boxes", () => {
  it("names each of the nine by performance and potential, star at the top right", () => {
    expect(boxKey(3, 3)).toBe("talentReview.box.star");
    expect(boxKey(1, 1)).toBe("talentReview.box.underperformer");
    expect(boxKey(1, 3)).toBe("talentReview.box.roughDiamond");
    expect(boxKey(3, 1)).toBe("talentReview.box.trustedProfessional");
    expect(new Set(Object.values(BOX_KEYS)).size).toBe(9);
  });

  it("has no box outside 1–3", () => {
    expect(() => boxKey(0, 2)).toThrow(RangeError);
    expect(() => boxKey(2, 4)).toThrow(RangeError);
  });
});

describe("the grid's layout", () => {
  it("puts the placed in their boxes by name and leaves the others in the tray", () => {
    const review = {
      placeable: [person("a", "Ann"), person("b", "Bo"), person("c", "Cy"), person("d", "Di")],
      placements: [placement("c", "Cy", 3, 3), placement("a", "Ann", 3, 3), placement("b", "Bo", 1, 2)],
    } as Pick<TalentReview, "placeable" | "placements">;
    const { boxes, tray } = layoutGrid(review);
    expect(boxes.get("33")?.map((p) => p.person.name)).toEqual(["Ann", "Cy"]);
    expect(boxes.get("12")?.map((p) => p.person.name)).toEqual(["Bo"]);
    expect(boxes.get("22")).toBeUndefined();
    expect(tray.map((p) => p.name)).toEqual(["Di"]);
  });
});

describe("the status steps", () => {
  it("go draft → calibrating → final, and stop there", () => {
    expect(nextStatus("draft")).toBe("calibrating");
    expect(nextStatus("calibrating")).toBe("final");
    expect(nextStatus("final")).toBeNull();
  });
});

describe("the departments one may review", () => {
  const dept = (id: string, parentId: string | null, leaderId: string | null) =>
    ({ id, name: id, parentId, leaderId, version: 1 }) as Department;
  const departments = [dept("root", null, "ceo"), dept("sales", "root", "mia"), dept("east", "sales", "eve")];

  it("are those a leader leads and all below them", () => {
    expect(reviewableDepartments(departments, "mia", false).map((d) => d.id)).toEqual(["sales", "east"]);
    expect(reviewableDepartments(departments, "eve", false).map((d) => d.id)).toEqual(["east"]);
    expect(reviewableDepartments(departments, "ceo", false)).toHaveLength(3);
  });

  it("are none for someone who leads nothing, and all for an admin", () => {
    expect(reviewableDepartments(departments, "max", false)).toEqual([]);
    expect(reviewableDepartments(departments, "max", true)).toHaveLength(3);
  });
});

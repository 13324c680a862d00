import type { Department, TalentReview } from "@luodi/client";

/*
 * The 人才九宫格 (nine-box grid) of a talent review: performance across, potential up. Pure functions, so the
 * page only draws what these decide.
 */

/** A grid level, from 1 (low) to 3 (high), as the API takes them. */
export type Level = 1 | 2 | 3;

/** The rows top to bottom: high potential first, as the grid is read. */
export const POTENTIAL_ROWS: readonly Level[] = [3, 2, 1];

/** The columns left to right: low performance first. */
export const PERFORMANCE_COLUMNS: readonly Level[] = [1, 2, 3];

/** The nine boxes' names as 人才九宫格 names them, keyed `${performance}${potential}`. */
export const BOX_KEYS = {
  "33": "talentReview.box.star",
  "23": "talentReview.box.highPotential",
  "13": "talentReview.box.roughDiamond",
  "32": "talentReview.box.highPerformer",
  "22": "talentReview.box.core",
  "12": "talentReview.box.inconsistent",
  "31": "talentReview.box.trustedProfessional",
  "21": "talentReview.box.effective",
  "11": "talentReview.box.underperformer",
} as const satisfies Record<`${Level}${Level}`, string>;

/** The translation key of the box at a performance and a potential. */
export function boxKey(performance: number, potential: number): (typeof BOX_KEYS)[keyof typeof BOX_KEYS] {
  const key = `${performance}${potential}`;
  if (!(key in BOX_KEYS))
    throw new RangeError(`No box at performance ${performance}, potential ${potential}`);
  return BOX_KEYS[key as keyof typeof BOX_KEYS];
}

type Placement = TalentReview["placements"][number];
type Person = TalentReview["placeable"][number];

/** The people placed in each box, by name, and those still in the tray (placeable, not placed), by name. */
export function layoutGrid(review: Pick<TalentReview, "placeable" | "placements">): {
  boxes: Map<string, Placement[]>;
  tray: Person[];
} {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const boxes = new Map<string, Placement[]>();
  for (const p of [...review.placements].sort((a, b) => byName(a.person, b.person))) {
    const key = `${p.performance}${p.potential}`;
    boxes.set(key, [...(boxes.get(key) ?? []), p]);
  }
  const placed = new Set(review.placements.map((p) => p.person.id));
  const tray = review.placeable.filter((p) => !placed.has(p.id)).sort(byName);
  return { boxes, tray };
}

/** The status after this one, or null once final (one step at a time: draft → calibrating → final). */
export function nextStatus(status: TalentReview["status"]): "calibrating" | "final" | null {
  if (status === "draft") return "calibrating";
  if (status === "calibrating") return "final";
  return null;
}

/**
 * The departments a user may open a review of: every one for admins; otherwise those they lead and all
 * below them (the server's rule: leaders of the department or above).
 */
export function reviewableDepartments(
  departments: readonly Department[],
  userId: string,
  admin: boolean,
): Department[] {
  if (admin) return [...departments];
  const byId = new Map(departments.map((d) => [d.id, d]));
  const ledAbove = (d: Department | undefined, seen = new Set<string>()): boolean => {
    if (!d || seen.has(d.id)) return false;
    if (d.leaderId === userId) return true;
    seen.add(d.id);
    return ledAbove(d.parentId ? byId.get(d.parentId) : undefined, seen);
  };
  return departments.filter((d) => ledAbove(d));
}

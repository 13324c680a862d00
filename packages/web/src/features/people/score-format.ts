/**
 * A score (stored 0–1) as the organization shows it: 0.7 (an average may read 0.65), or 70 on a 0–100 scale;
 * a whole score keeps one decimal on the 0–1 scale (1.0, 0.0) so it reads as a score, not a count.
 */
export function formatScore(score: number, scale: "0-1" | "0-100"): string {
  if (scale === "0-100") return String(Math.round(score * 1000) / 10);
  const shown = Math.round(score * 100) / 100;
  return Number.isInteger(shown) ? shown.toFixed(1) : String(shown);
}

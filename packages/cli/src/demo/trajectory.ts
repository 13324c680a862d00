import type { Random } from "./prng.ts";

/**
 * How a demo KR fares this cycle. The demo only chooses where values go; progress and health are then
 * derived from them by core (directly, or by the server for the realistic demo).
 */
export type Trajectory = "ahead" | "on_track" | "at_risk" | "off_track" | "done";

/** Share of the way from start to target a KR with this trajectory has made when `elapsed` of the cycle has passed. */
export function plannedShare(trajectory: Trajectory, elapsed: number, jitter = 0): number {
  const share = (() => {
    switch (trajectory) {
      case "done":
        return elapsed * 1.7 + 0.05;
      case "ahead":
        return elapsed * 1.2 + 0.05 + jitter;
      case "on_track":
        return elapsed + 0.02 + jitter;
      case "at_risk":
        return elapsed - 0.17 + jitter;
      case "off_track":
        return elapsed * 0.4 + jitter;
    }
  })();
  return Math.min(1, Math.max(0, share));
}

/** A confidence (0–10) for a check-in of a KR with this trajectory; `late` is how far into the run (0–1). */
export function plannedConfidence(trajectory: Trajectory, late: number, random: Random): number {
  switch (trajectory) {
    case "done":
      return random.int(9, 10);
    case "ahead":
      return random.int(8, 9);
    case "on_track":
      return random.int(7, 9);
    case "at_risk":
      return late < 0.4 ? random.int(6, 7) : random.int(5, 6);
    case "off_track":
      return late < 0.3 ? random.int(5, 6) : late < 0.7 ? random.int(3, 5) : random.int(2, 3);
  }
}

/** Draws a trajectory with the mix a real organization shows: mostly on track, some at risk, a few off. */
export function drawTrajectory(random: Random): Trajectory {
  const x = random.next();
  if (x < 0.08) return "done";
  if (x < 0.18) return "ahead";
  if (x < 0.6) return "on_track";
  if (x < 0.85) return "at_risk";
  return "off_track";
}

/**
 * A measured value `share` of the way from start to target, as decimal text with as many decimals as the
 * start and target use (at least `minDecimals`), so check-ins look like what people type.
 */
export function valueAt(start: number, target: number, share: number, minDecimals = 0): string {
  const decimals = Math.max(minDecimals, decimalsOf(start), decimalsOf(target));
  const value = start + (target - start) * share;
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  // toFixed then strip trailing zeros: canonical decimal text, never an exponent for our magnitudes.
  const text = rounded.toFixed(decimals);
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

function decimalsOf(n: number): number {
  const text = String(n);
  const dot = text.indexOf(".");
  return dot === -1 ? 0 : text.length - dot - 1;
}

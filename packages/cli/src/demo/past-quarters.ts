import type { DemoDataset, DemoKeyResult, DemoObjective } from "./dataset.ts";
import type { InjectClient } from "./inject-client.ts";
import type { Random } from "./prng.ts";
import { valueAt } from "./trajectory.ts";

/*
 * The two quarters before the current one, closed and scored, so that people's OKR records, team insights
 * and their flags have history to show. Each person with a personal objective this quarter ran a similar one
 * in each past quarter (its measured KRs), checked it in a few times, and scored it; most land between 0.5
 * and 0.8, one person always reaches 1.0 (sandbagging) and one always stays under 0.3 (overreach).
 */

const DAY_MS = 86_400_000;

/** A past quarter: its name and dates. */
export type PastQuarter = { year: number; quarter: number; startDate: string; endDate: string };

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The `count` quarters before the one starting at `currentStart` (YYYY-MM-01), oldest first. */
export function previousQuarters(currentStart: string, count: number): PastQuarter[] {
  const year = Number(currentStart.slice(0, 4));
  const firstMonth = Number(currentStart.slice(5, 7));
  const quarters: PastQuarter[] = [];
  for (let back = count; back >= 1; back--) {
    const monthIndex = year * 12 + (firstMonth - 1) - back * 3;
    const y = Math.floor(monthIndex / 12);
    const first = (monthIndex % 12) + 1;
    const last = first + 2;
    const lastDay = new Date(Date.UTC(y, last, 0)).getUTCDate();
    quarters.push({
      year: y,
      quarter: Math.floor((first - 1) / 3) + 1,
      startDate: `${y}-${pad(first)}-01`,
      endDate: `${y}-${pad(last)}-${pad(lastDay)}`,
    });
  }
  return quarters;
}

/** How a person's past quarters went: the self scores their KRs end with. */
type Pattern = "steady" | "sandbagging" | "overreach";

const MEASURED = new Set(["number", "percentage", "currency"]);

function isMeasured(kr: DemoKeyResult): boolean {
  return MEASURED.has(kr.type) && kr.start !== undefined && kr.target !== undefined && !kr.contributesTo;
}

/** What the past quarters need from the demo being built. */
export type PastQuartersContext = {
  api: InjectClient;
  data: DemoDataset;
  ceoEmail: string;
  emailOf: (personKey: string) => string;
  userId: (personKey: string) => string;
  /** Moves the server's clock forward to `ms` (never back). */
  setClock: (ms: number) => void;
  random: Random;
  log: (line: string) => void;
};

/** Writes the past quarters; returns how many objectives they hold. */
export async function writePastQuarters(
  context: PastQuartersContext,
  quarters: readonly PastQuarter[],
): Promise<number> {
  const { api, data, ceoEmail, random } = context;
  // One past objective per person: their first personal objective of this quarter, measured KRs only.
  const templates = new Map<string, DemoObjective>();
  for (const objective of data.objectives) {
    if (objective.cycle !== "quarter" || objective.level !== "personal" || templates.has(objective.owner))
      continue;
    if (objective.keyResults.some(isMeasured)) templates.set(objective.owner, objective);
  }
  const owners = [...templates.keys()];
  const patternOf = (index: number): Pattern =>
    index === 2 ? "sandbagging" : index === 5 ? "overreach" : "steady";
  let written = 0;
  for (const quarter of quarters) {
    context.log(`past quarter ${quarter.year} Q${quarter.quarter}`);
    const start = Date.parse(`${quarter.startDate}T02:00:00Z`);
    const end = Date.parse(`${quarter.endDate}T02:00:00Z`);
    context.setClock(start - 5 * DAY_MS);
    const cycle = await api.call<{ id: string }>(ceoEmail, "POST", "/cycles", {
      name: data.cycleNames.quarter(quarter.year, quarter.quarter),
      kind: "quarter",
      startDate: quarter.startDate,
      endDate: quarter.endDate,
    });
    const created: Array<{ owner: string; id: string; krs: Array<{ id: string; spec: DemoKeyResult }> }> = [];
    for (const owner of owners) {
      const template = templates.get(owner);
      if (!template) continue;
      const measured = template.keyResults.filter(isMeasured);
      const email = context.emailOf(owner);
      const answer = await api.call<{ id: string; keyResults: Array<{ id: string }> }>(
        email,
        "POST",
        "/objectives",
        {
          cycleId: cycle.id,
          level: "personal",
          ownerUserId: context.userId(owner),
          title: template.title,
          kind: random.chance(0.3) ? "committed" : "aspirational",
          keyResults: measured.map((kr) => ({
            title: kr.title,
            type: kr.type,
            ...(kr.unit ? { unit: kr.unit } : {}),
            startValue: kr.start,
            targetValue: kr.target,
            ...(kr.direction ? { direction: kr.direction } : {}),
          })),
        },
      );
      await api.call(email, "POST", `/objectives/${answer.id}/publish`);
      created.push({
        owner,
        id: answer.id,
        krs: measured.map((spec, i) => ({ id: answer.keyResults[i]?.id ?? "", spec })),
      });
      written += 1;
    }
    for (const phase of ["aligning", "in_progress"]) {
      context.setClock(start + (phase === "aligning" ? -DAY_MS : 0));
      await api.call(ceoEmail, "POST", `/cycles/${cycle.id}/phase`, { phase });
    }
    // Two check-ins over the quarter, climbing to where each person's score lands.
    const finalShare = new Map<string, number>();
    for (const entry of created) {
      const pattern = patternOf(owners.indexOf(entry.owner));
      for (const kr of entry.krs) {
        const share =
          pattern === "sandbagging"
            ? 1
            : pattern === "overreach"
              ? random.pick([0.1, 0.2])
              : random.pick([0.5, 0.6, 0.6, 0.7, 0.7, 0.8]);
        finalShare.set(kr.id, share);
      }
    }
    for (const week of [4, 11]) {
      const at = start + week * 7 * DAY_MS;
      for (const [i, entry] of created.entries()) {
        for (const kr of entry.krs) {
          context.setClock(at + i * 1000);
          const share = ((finalShare.get(kr.id) ?? 0) * week) / 11;
          await api.call(context.emailOf(entry.owner), "POST", `/key-results/${kr.id}/check-ins`, {
            value: valueAt(kr.spec.start ?? 0, kr.spec.target ?? 0, share),
            confidence: Math.max(1, Math.min(10, Math.round(3 + share * 7))),
          });
        }
      }
    }
    context.setClock(end - 10 * DAY_MS);
    await api.call(ceoEmail, "POST", `/cycles/${cycle.id}/phase`, { phase: "scoring" });
    for (const entry of created) {
      await api.call(context.emailOf(entry.owner), "POST", `/objectives/${entry.id}/score`, {
        keyResults: entry.krs.map((kr) => ({ id: kr.id, selfScore: finalShare.get(kr.id) ?? 0 })),
      });
    }
    context.setClock(end - 9 * DAY_MS);
    await api.call(ceoEmail, "POST", `/cycles/${cycle.id}/phase`, { phase: "reviewing" });
    context.setClock(end - 8 * DAY_MS);
    await api.call(ceoEmail, "POST", `/cycles/${cycle.id}/phase`, { phase: "closed" });
  }
  return written;
}

import type { DemoDataset, DemoKeyResult, DemoObjective } from "./dataset.ts";
import type { InjectClient } from "./inject-client.ts";
import type { Random } from "./prng.ts";
import { valueAt } from "./trajectory.ts";

/*
 * The two quarters before the current one, closed and scored, so that people's OKR records, team insights
 * and their flags have history to show. Each person with a personal objective this quarter ran a similar one
 * in each past quarter (its measured KRs), checked it in a few times, and scored it; most land between 0.5
 * and 0.8, one person always reaches 1.0 (sandbagging) and one always stays under 0.3 (overreach). Around
 * them, what else a record reads: each quarter someone proposes an initiative serving their manager's
 * objective, backed and joined by colleagues, and the CEO accepts it (it runs and is scored like the rest);
 * another proposal is turned down; a few people are praised; most objectives get their 复盘.
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

/** The words the past quarters add, in the demo's language. */
const TEXTS = {
  "zh-CN": {
    proposal: (title: string) => `提案：${title}（试点）`,
    pitch: "用一个季度验证这个做法，跑通后推广到全组。",
    rejectReason: "本季度资源已排满，下季度再议。",
    praise: "这个季度的推进又稳又快，谢谢！",
    peerPraise: "关键时刻帮我补位，感谢！",
    review: {
      wentWell: "节奏稳定，每两周复盘一次。",
      wentBadly: "前期估算偏乐观。",
      lessons: "目标拆到周，风险早暴露。",
      nextSteps: "下季度继续，提前对齐资源。",
    },
  },
  en: {
    proposal: (title: string) => `Proposal: ${title} (pilot)`,
    pitch: "Try it for one quarter; if it works, roll it out to the whole team.",
    rejectReason: "This quarter is fully booked; let's revisit next quarter.",
    praise: "Steady, fast progress all quarter. Thank you!",
    peerPraise: "Thanks for stepping in when it mattered!",
    review: {
      wentWell: "A steady rhythm, with a check every two weeks.",
      wentBadly: "Early estimates were too optimistic.",
      lessons: "Break goals down by week so risks show early.",
      nextSteps: "Carry on next quarter and line up resources sooner.",
    },
  },
} as const;

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
    const created: PastObjective[] = [];
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
    context.setClock(start + 2 * 7 * DAY_MS);
    const accepted = await writeProposals(context, cycle.id, created, quarters.indexOf(quarter), patternOf);
    if (accepted) {
      created.push(accepted);
      written += 1;
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
      if (week === 11) {
        context.setClock(start + 7 * 7 * DAY_MS);
        await writePraise(context, created);
      }
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
    // Most write their 复盘; every third leaves it.
    for (const [i, entry] of created.entries()) {
      if (i % 3 === 2) continue;
      await api.call(
        context.emailOf(entry.owner),
        "PUT",
        `/objectives/${entry.id}/review`,
        TEXTS[data.locale].review,
      );
    }
    context.setClock(end - 8 * DAY_MS);
    await api.call(ceoEmail, "POST", `/cycles/${cycle.id}/phase`, { phase: "closed" });
  }
  return written;
}

type PastObjective = { owner: string; id: string; krs: Array<{ id: string; spec: DemoKeyResult }> };

/**
 * Two proposals of the quarter, each serving the proposer's manager's objective (a personal objective may
 * align only up the chain): the first accepted — its objective is returned to run with the rest —, the
 * second turned down. Each is backed by two colleagues and joined by one. Steady people only, so the
 * sandbagging and overreach patterns stay what they are.
 */
async function writeProposals(
  context: PastQuartersContext,
  cycleId: string,
  created: readonly PastObjective[],
  quarterIndex: number,
  patternOf: (index: number) => Pattern,
): Promise<PastObjective | null> {
  const { api, data, ceoEmail } = context;
  const texts = TEXTS[data.locale];
  const managerOf = new Map(data.people.map((p) => [p.key, p.manager]));
  const owners = created.map((c) => c.owner);
  const steady = created.filter((c) => patternOf(owners.indexOf(c.owner)) === "steady");
  const pairs = steady.flatMap((entry) => {
    const manager = managerOf.get(entry.owner);
    const parent = created.find((c) => c.owner === manager);
    return parent && entry.krs[0] ? [{ entry, parent }] : [];
  });
  let accepted: PastObjective | null = null;
  for (const [n, decision] of (["accept", "reject"] as const).entries()) {
    const pair = pairs[(quarterIndex * 2 + n) % Math.max(1, pairs.length)];
    const kr = pair?.entry.krs[0];
    if (!pair || !kr) continue;
    const proposerEmail = context.emailOf(pair.entry.owner);
    const proposal = await api.call<{ id: string }>(proposerEmail, "POST", "/proposals", {
      cycleId,
      title: texts.proposal(kr.spec.title),
      pitch: texts.pitch,
      parentObjectiveId: pair.parent.id,
      keyResults: [
        {
          title: kr.spec.title,
          type: kr.spec.type,
          ...(kr.spec.unit ? { unit: kr.spec.unit } : {}),
          startValue: kr.spec.start,
          targetValue: kr.spec.target,
          ...(kr.spec.direction ? { direction: kr.spec.direction } : {}),
          ownerUserId: context.userId(pair.entry.owner),
        },
      ],
    });
    const others = steady.filter((c) => c !== pair.entry);
    const pick = (k: number) => others[(quarterIndex * 5 + n * 3 + k) % others.length]?.owner;
    for (const [k, step] of (["back", "back", "join"] as const).entries()) {
      const who = pick(k);
      if (who) await api.call(context.emailOf(who), "POST", `/proposals/${proposal.id}/${step}`);
    }
    if (decision === "reject") {
      await api.call(ceoEmail, "POST", `/proposals/${proposal.id}/reject`, { reason: texts.rejectReason });
      continue;
    }
    const decided = await api.call<{ objectiveId: string | null }>(
      ceoEmail,
      "POST",
      `/proposals/${proposal.id}/accept`,
    );
    const objective = await api.call<{ id: string; keyResults: Array<{ id: string }> }>(
      ceoEmail,
      "GET",
      `/objectives/${decided.objectiveId}`,
    );
    accepted = {
      owner: pair.entry.owner,
      id: objective.id,
      krs: objective.keyResults.map((k) => ({ id: k.id, spec: kr.spec })),
    };
  }
  return accepted;
}

/** Praise of the quarter: the CEO thanks two people at once, and one colleague thanks another. */
async function writePraise(context: PastQuartersContext, created: readonly PastObjective[]): Promise<void> {
  const { api, data, ceoEmail } = context;
  const texts = TEXTS[data.locale];
  const owners = [...new Set(created.map((c) => c.owner))];
  const [first, second, third, fourth] = owners;
  if (!first || !second || !third || !fourth) return;
  await api.call(ceoEmail, "POST", "/recognitions", {
    toUserIds: [context.userId(first), context.userId(third)],
    message: texts.praise,
  });
  await api.call(context.emailOf(fourth), "POST", "/recognitions", {
    toUserIds: [context.userId(second)],
    message: texts.peerPraise,
  });
}

import { elapsedFraction, type Locale } from "@luodi/core";
import type { DatabaseHandle } from "@luodi/db";
import { buildApp, type ServerConfig } from "@luodi/server";
import { checkInInstants, demoCalendar } from "./calendar.ts";
import { demoDataset } from "./data.ts";
import type { DemoDataset, DemoKeyResult, DemoObjective, DemoPerson } from "./dataset.ts";
import { InjectClient } from "./inject-client.ts";
import { previousQuarters, writePastQuarters } from "./past-quarters.ts";
import { createRandom, type Random } from "./prng.ts";
import { plannedConfidence, plannedShare, type Trajectory, valueAt } from "./trajectory.ts";

/** How to run the realistic demo. */
export type RealisticDemoOptions = {
  /** Server configuration; its clock is replaced by the demo's own. */
  config: ServerConfig;
  /** An open, migrated database without an organization. */
  database: DatabaseHandle;
  locale: Locale;
  /** The real "now" the demo ends at (default: the wall clock). */
  now?: Date;
  /** Seed of the choices the data leaves open (who skips a check-in, small wobbles in values). */
  seed?: number;
  /** Progress lines (default: silent). */
  log?: (line: string) => void;
};

type DemoLogin = { name: string; email: string; title: string; role: string };

export type RealisticDemoResult = {
  organizationName: string;
  password: string;
  logins: DemoLogin[];
  annualCycleId: string;
  quarterCycleId: string;
  counts: {
    members: number;
    departments: number;
    objectives: number;
    /** Objectives of the two closed past quarters. */
    pastObjectives: number;
    keyResults: number;
    checkIns: number;
  };
};

/** Weeks of check-in history the demo writes. */
const DEMO_WEEKS = 8;

/** Closed, scored quarters before the current one. */
const PAST_QUARTERS = 2;

const DAY_MS = 86_400_000;

type KeyResultAnswer = { id: string; type: string; milestones?: { id: string }[] };
type ObjectiveAnswer = { id: string; keyResults: KeyResultAnswer[] };
type CreatedKr = {
  key: string;
  id: string;
  spec: DemoKeyResult;
  objective: DemoObjective;
  authorEmail: string;
  milestoneIds: string[];
};

/**
 * Builds the realistic demo organization through the real HTTP API, in-process: setup → departments →
 * members → cycles → objectives with KRs → alignment → publish → eight weeks of check-ins. The server's
 * clock is moved week by week so the history carries its true dates.
 */
export async function runRealisticDemo(options: RealisticDemoOptions): Promise<RealisticDemoResult> {
  const data = demoDataset(options.locale);
  const log = options.log ?? (() => {});
  const random = createRandom(options.seed ?? 8);
  const realNow = options.now ?? new Date();
  const timezone = data.organization.timezone;
  const calendar = demoCalendar(realNow, timezone);
  const instants = checkInInstants(realNow, calendar.current.startDate, DEMO_WEEKS);
  // Planning happened a week before the quarter began (or before the first check-in, when earlier); the
  // organization itself was set up before the two past quarters it has a record of.
  const planning = Math.min(
    Date.parse(`${calendar.current.startDate}T02:00:00Z`) - 7 * DAY_MS,
    (instants[0]?.getTime() ?? realNow.getTime()) - DAY_MS,
  );
  const pastQuarters = previousQuarters(calendar.current.startDate, PAST_QUARTERS);
  let clock = Math.min(
    planning,
    Date.parse(`${pastQuarters[0]?.startDate ?? calendar.current.startDate}T02:00:00Z`) - 14 * DAY_MS,
  );
  const tick = (ms = 1000) => {
    clock += ms;
  };
  const app = await buildApp(
    { ...options.config, now: () => new Date(clock) },
    { database: options.database },
  );
  try {
    const api = new InjectClient(app, data.password);
    const people = new Map<string, DemoPerson>([
      [data.ceo.key, data.ceo],
      ...data.people.map((p) => [p.key, p] as const),
    ]);
    const emailOf = (key: string): string => {
      const person = people.get(key);
      if (!person) throw new Error(`demo data: unknown person ${key}`);
      return person.email;
    };
    const ceo = data.ceo.email;

    // Setup: the organization, its root department and the CEO as owner.
    log("setup");
    const setup = await api.raw("POST", "/setup", {
      organization: { name: data.organization.name, locale: data.locale, timezone },
      admin: { email: ceo, name: data.ceo.name, password: data.password },
    });
    if (setup.statusCode !== 201 || !setup.sessionToken) {
      throw new Error(`setup failed (${setup.statusCode}): ${setup.body}`);
    }
    api.adoptSession(ceo, setup.sessionToken);
    const { user: ceoUser } = JSON.parse(setup.body) as { user: { id: string } };
    tick();
    await api.call(ceo, "PATCH", "/org", {
      mission: data.organization.mission,
      vision: data.organization.vision,
      strategy: data.organization.strategy,
    });

    // Departments, then the people (managers first), then each department's leader.
    log("departments");
    const departmentIds = new Map<string, string>();
    const root = (await api.call<{ id: string; parentId: string | null }[]>(ceo, "GET", "/departments")).find(
      (d) => d.parentId === null,
    );
    if (!root) throw new Error("setup made no root department");
    departmentIds.set("root", root.id);
    for (const department of data.departments) {
      tick();
      const created = await api.call<{ id: string }>(ceo, "POST", "/departments", {
        name: department.name,
        parentId: departmentIds.get(department.parent ?? "root"),
      });
      departmentIds.set(department.key, created.id);
    }
    const departmentId = (key: string): string => {
      const id = departmentIds.get(key);
      if (!id) throw new Error(`demo data: unknown department ${key}`);
      return id;
    };

    log("members");
    const userIds = new Map<string, string>([[data.ceo.key, ceoUser.id]]);
    tick();
    await api.call(ceo, "PATCH", `/members/${ceoUser.id}`, { title: data.ceo.title });
    for (const person of data.people) {
      tick();
      const created = await api.call<{ userId: string }>(ceo, "POST", "/members", {
        email: person.email,
        name: person.name,
        password: data.password,
        role: person.role ?? "member",
        departmentId: departmentId(person.department),
        managerId: person.manager ? userIds.get(person.manager) : null,
        title: person.title,
      });
      userIds.set(person.key, created.userId);
    }
    const userId = (key: string): string => {
      const id = userIds.get(key);
      if (!id) throw new Error(`demo data: unknown person ${key}`);
      return id;
    };
    for (const department of data.departments) {
      tick();
      await api.call(ceo, "PATCH", `/departments/${departmentId(department.key)}`, {
        leaderId: userId(department.leader),
      });
    }

    // The past quarters, closed and scored: the history people's records and team insights read.
    const pastObjectives = await writePastQuarters(
      {
        api,
        data,
        ceoEmail: ceo,
        emailOf,
        userId,
        setClock: (ms) => {
          clock = Math.max(clock + 1, ms);
        },
        // Its own stream: the current quarter's data stays what the seed made it before past quarters existed.
        random: createRandom((options.seed ?? 8) + 1000),
        log,
      },
      pastQuarters,
    );
    clock = Math.max(clock + 1, planning);

    // Cycles: this year and the current quarter inside it.
    log("cycles");
    tick();
    const annual = await api.call<{ id: string }>(ceo, "POST", "/cycles", {
      name: data.cycleNames.annual(calendar.year),
      kind: "annual",
      ...calendar.annual,
    });
    tick();
    const quarter = await api.call<{ id: string }>(ceo, "POST", "/cycles", {
      name: data.cycleNames.quarter(calendar.year, calendar.quarter),
      kind: "quarter",
      ...calendar.current,
      parentId: annual.id,
    });
    const cycleIdOf = (objective: DemoObjective) => (objective.cycle === "annual" ? annual.id : quarter.id);

    // Objectives with their KRs, each written by someone allowed to: the CEO for the company, a
    // department's leader for it, each person for their own.
    log("objectives");
    const leaderOf = new Map(data.departments.map((d) => [d.key, d.leader]));
    leaderOf.set("root", data.ceo.key);
    const writerOf = (objective: DemoObjective): string =>
      objective.level === "personal" ? objective.owner : (leaderOf.get(objective.owner) ?? data.ceo.key);
    const objectiveIds = new Map<string, string>();
    const keyResultIds = new Map<string, string>();
    const createdKrs: CreatedKr[] = [];
    for (const objective of data.objectives) {
      tick(60_000);
      const writer = emailOf(writerOf(objective));
      const created = await api.call<ObjectiveAnswer>(writer, "POST", "/objectives", {
        cycleId: cycleIdOf(objective),
        level: objective.level,
        ...(objective.level === "personal"
          ? { ownerUserId: userId(objective.owner) }
          : objective.level === "department"
            ? { ownerDepartmentId: departmentId(objective.owner) }
            : {}),
        title: objective.title,
        ...(objective.description ? { description: objective.description } : {}),
        visibility: objective.visibility ?? "public",
        keyResults: objective.keyResults.map((kr) => ({
          title: kr.title,
          type: kr.type,
          ...(kr.unit ? { unit: kr.unit } : {}),
          ...(kr.start !== undefined ? { startValue: kr.start } : {}),
          ...(kr.target !== undefined ? { targetValue: kr.target } : {}),
          ...(kr.direction ? { direction: kr.direction } : {}),
          ...(kr.aggregation ? { aggregation: kr.aggregation } : {}),
          ...(kr.milestones ? { milestones: kr.milestones.map((title) => ({ title })) } : {}),
          ...(kr.contributesTo ? { parentKeyResultId: keyResultIds.get(kr.contributesTo) } : {}),
          ownerUserId: userId(kr.owner ?? writerOf(objective)),
        })),
      });
      objectiveIds.set(objective.key, created.id);
      objective.keyResults.forEach((kr, i) => {
        const answer = created.keyResults[i];
        if (!answer) throw new Error(`the server returned no KR ${kr.key}`);
        keyResultIds.set(kr.key, answer.id);
        createdKrs.push({
          key: kr.key,
          id: answer.id,
          spec: kr,
          objective,
          authorEmail: emailOf(kr.owner ?? writerOf(objective)),
          milestoneIds: (answer.milestones ?? []).map((m) => m.id),
        });
      });
    }

    // Align (upward links and cross-team support), then publish, then start the cycles.
    log("alignment");
    await advance(api, ceo, quarter.id, ["aligning"], tick);
    const idOf = (map: Map<string, string>, key: string) => {
      const id = map.get(key);
      if (!id) throw new Error(`demo data: unknown key ${key}`);
      return id;
    };
    for (const objective of data.objectives) {
      if (!objective.alignTo && !objective.supports) continue;
      tick(30_000);
      await api.call(
        emailOf(writerOf(objective)),
        "PUT",
        `/objectives/${idOf(objectiveIds, objective.key)}/alignment`,
        {
          ...(objective.alignTo && "objective" in objective.alignTo
            ? { parentObjectiveId: idOf(objectiveIds, objective.alignTo.objective) }
            : {}),
          ...(objective.alignTo && "keyResult" in objective.alignTo
            ? { parentKeyResultId: idOf(keyResultIds, objective.alignTo.keyResult) }
            : {}),
          ...(objective.supports
            ? { supports: objective.supports.map((key) => idOf(objectiveIds, key)) }
            : {}),
        },
      );
    }
    log("publish");
    for (const objective of data.objectives) {
      tick(10_000);
      await api.call(
        emailOf(writerOf(objective)),
        "POST",
        `/objectives/${idOf(objectiveIds, objective.key)}/publish`,
      );
    }
    await advance(api, ceo, annual.id, ["aligning", "in_progress"], tick);
    await advance(api, ceo, quarter.id, ["in_progress"], tick);

    // Eight weeks of check-ins, each week at its own time.
    const checkIns = await writeCheckIns(api, data, createdKrs, instants, random, {
      setClock: (ms) => {
        clock = Math.max(clock + 1, ms);
      },
      elapsed: (objective, at) =>
        elapsedFraction(objective.cycle === "annual" ? calendar.annual : calendar.current, at, timezone),
      log,
    });
    clock = Math.max(clock, realNow.getTime());

    const featured = [
      data.ceo,
      ...data.featuredLogins.map((key) => people.get(key)).filter((p) => p !== undefined),
    ];
    return {
      organizationName: data.organization.name,
      password: data.password,
      logins: featured.map((p) => ({
        name: p.name,
        email: p.email,
        title: p.title,
        role: p.key === data.ceo.key ? "owner" : (p.role ?? "member"),
      })),
      annualCycleId: annual.id,
      quarterCycleId: quarter.id,
      counts: {
        members: data.people.length + 1,
        departments: data.departments.length + 1,
        objectives: data.objectives.length,
        pastObjectives,
        keyResults: createdKrs.length,
        checkIns,
      },
    };
  } finally {
    await app.close();
  }
}

async function advance(
  api: InjectClient,
  admin: string,
  cycleId: string,
  phases: readonly string[],
  tick: (ms?: number) => void,
): Promise<void> {
  for (const phase of phases) {
    tick(60_000);
    await api.call(admin, "POST", `/cycles/${cycleId}/phase`, { phase });
  }
}

type CheckInContext = {
  setClock: (ms: number) => void;
  elapsed: (objective: DemoObjective, at: Date) => number;
  log: (line: string) => void;
};

// Who checks in how often: the company's and departments' KRs nearly every week, people's most weeks,
// and this week's round is still under way.
function checksInThisWeek(kr: CreatedKr, week: number, weeks: number, random: Random): boolean {
  const isLastWeek = week === weeks - 1;
  if (kr.objective.cycle === "annual") return week % 2 === 1 || isLastWeek;
  const base = kr.objective.level === "personal" ? 0.82 : 0.93;
  return random.chance(isLastWeek ? base - 0.2 : base);
}

async function writeCheckIns(
  api: InjectClient,
  data: DemoDataset,
  krs: readonly CreatedKr[],
  instants: readonly Date[],
  random: Random,
  context: CheckInContext,
): Promise<number> {
  let written = 0;
  const leavesBelow = measuredLeavesBelow(data);
  const wobble = new Map<string, number>();
  const noteIndex = new Map<string, number>();
  for (let week = 0; week < instants.length; week++) {
    const at = instants[week];
    if (!at) continue;
    context.log(`check-ins, week ${week + 1} of ${instants.length}`);
    // Roll-up owners update their confidence first, and only in a week when something below them is
    // measured afterwards. The server recomputes a roll-up from its inputs when an input changes, but a
    // check-in on the roll-up itself currently recomputes it without loading them (reported as a server
    // bug), leaving 0 until a check-in below restores the number.
    const due = krs.filter(
      (kr) =>
        (week === 0 && kr.spec.type !== "rollup") || checksInThisWeek(kr, week, instants.length, random),
    );
    const measured = new Set(due.filter((kr) => kr.spec.type !== "rollup").map((kr) => kr.key));
    const ordered = [
      ...due.filter(
        (kr) =>
          kr.spec.type === "rollup" && [...(leavesBelow.get(kr.key) ?? [])].some((key) => measured.has(key)),
      ),
      ...due.filter((kr) => kr.spec.type !== "rollup"),
    ];
    // The round ends at the week's instant; the last week's ends at "now".
    const spacing = 20_000;
    for (const [i, kr] of ordered.entries()) {
      const when = at.getTime() - (ordered.length - i) * spacing;
      context.setClock(when);
      const late = (week + 1) / instants.length;
      const elapsed = context.elapsed(kr.objective, new Date(when));
      const jitter = (wobble.get(kr.key) ?? 0) * 0.6 + (random.next() - 0.5) * 0.04;
      wobble.set(kr.key, jitter);
      const share = plannedShare(kr.spec.trajectory, elapsed, jitter);
      const confidence = plannedConfidence(kr.spec.trajectory, late, random);
      const n = noteIndex.get(kr.key) ?? 0;
      noteIndex.set(kr.key, n + 1);
      const body = checkInBody(data, kr, share, confidence, n, random);
      await api.call(kr.authorEmail, "POST", `/key-results/${kr.id}/check-ins`, body);
      written += 1;
    }
  }
  return written;
}

/** For each roll-up KR (by key), the measured KRs whose values flow into it, however deep. */
export function measuredLeavesBelow(data: DemoDataset): Map<string, Set<string>> {
  const krs = new Map(
    data.objectives.flatMap((o) => o.keyResults.map((kr) => [kr.key, { kr, objective: o }] as const)),
  );
  const inputs = new Map<string, string[]>();
  const addInput = (parent: string, child: string) =>
    inputs.set(parent, [...(inputs.get(parent) ?? []), child]);
  for (const { kr } of krs.values()) if (kr.contributesTo) addInput(kr.contributesTo, kr.key);
  for (const objective of data.objectives) {
    if (objective.alignTo && "keyResult" in objective.alignTo) {
      for (const kr of objective.keyResults) addInput(objective.alignTo.keyResult, kr.key);
    }
  }
  const below = new Map<string, Set<string>>();
  const walk = (key: string, seen: Set<string>): Set<string> => {
    const known = below.get(key);
    if (known) return known;
    const leaves = new Set<string>();
    for (const child of inputs.get(key) ?? []) {
      if (seen.has(child)) continue;
      if (krs.get(child)?.kr.type === "rollup")
        for (const leaf of walk(child, new Set([...seen, child]))) leaves.add(leaf);
      else leaves.add(child);
    }
    below.set(key, leaves);
    return leaves;
  };
  for (const [key, { kr }] of krs) if (kr.type === "rollup") walk(key, new Set([key]));
  return below;
}

function checkInBody(
  data: DemoDataset,
  kr: CreatedKr,
  share: number,
  confidence: number,
  n: number,
  random: Random,
): Record<string, unknown> {
  const spec = kr.spec;
  const own = spec.notes?.[n];
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
  switch (spec.type) {
    case "milestone": {
      const total = kr.milestoneIds.length;
      const done = Math.min(total, Math.floor(share * total + 1e-9));
      const pool = done >= total ? data.notes.milestone.done : data.notes.milestone.progressing;
      const last = done > 0 ? (spec.milestones?.[done - 1] ?? "") : "";
      return {
        milestonesDone: kr.milestoneIds.slice(0, done),
        confidence,
        note: own ?? fill(random.pick(pool), { done: String(done), total: String(total), last }),
      };
    }
    case "boolean": {
      const done = share >= 1;
      return {
        value: done ? "1" : "0",
        confidence,
        note: own ?? random.pick(done ? data.notes.boolean.done : data.notes.boolean.pending),
      };
    }
    case "rollup": {
      const worried = spec.trajectory === "at_risk" || spec.trajectory === "off_track";
      return {
        confidence,
        note: own ?? random.pick(worried ? data.notes.rollup.worried : data.notes.rollup.good),
      };
    }
    default: {
      const start = spec.start ?? 0;
      const target = spec.target ?? 0;
      const value = valueAt(start, target, share);
      const trajectory: Trajectory = share >= 1 ? "done" : spec.trajectory;
      const note =
        own ??
        fill(random.pick(data.notes.measured[trajectory]), {
          value: formatMeasure(value, spec.unit, data.locale),
          target: formatMeasure(String(target), spec.unit, data.locale),
        });
      return { value, confidence, note };
    }
  }
}

/** A measure as people write it: grouped digits and the unit ("4,500 万元", "87.5%", "$1,200,000"). */
function formatMeasure(value: string, unit: string | undefined, locale: Locale): string {
  const [whole = "0", fraction] = value.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const number = fraction ? `${grouped}.${fraction}` : grouped;
  if (!unit) return number;
  if (unit === "%") return `${number}%`;
  if (unit === "USD" && locale === "en") return `$${number}`;
  return `${number} ${unit}`;
}

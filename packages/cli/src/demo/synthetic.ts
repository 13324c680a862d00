import {
  type Aggregation,
  type CycleKind,
  DEFAULT_ORG_SETTINGS,
  type Direction,
  elapsedFraction,
  type Health,
  type KeyResultType,
  keyResultHealth,
  keyResultProgress,
  type Locale,
  type ObjectiveLevel,
  objectiveHealth,
  type Role,
  type RollupKr,
  type RollupObjective,
  recomputeAll,
  type Visibility,
} from "@luodi/core";
import {
  type AuditLogTable,
  type CheckInTable,
  type CycleTable,
  type Database,
  type DepartmentTable,
  type Executor,
  insertAuditEntries,
  insertCheckIns,
  insertCycle,
  insertDepartments,
  insertKeyResults,
  insertMembers,
  insertMilestones,
  insertObjectives,
  insertOrganization,
  insertUsers,
  type KeyResultTable,
  type MembershipTable,
  type MilestoneTable,
  type ObjectiveSupportTable,
  type ObjectiveTable,
  type OrganizationTable,
  type UserTable,
} from "@luodi/db";
import type { Insertable, Kysely } from "kysely";
import { checkInInstants, demoCalendar } from "./calendar.ts";
import { createRandom, type Random } from "./prng.ts";
import { syntheticVocabulary } from "./synthetic-vocabulary.ts";
import { drawTrajectory, plannedConfidence, plannedShare, type Trajectory, valueAt } from "./trajectory.ts";

/** What shapes the synthetic organization. */
export type SyntheticOptions = {
  /** Number of people, the admin included. */
  size: number;
  /** Seed of the generator: the same seed and clock give the same organization. */
  seed?: number;
  /** Language of names and texts. */
  locale: Locale;
  /** IANA zone of the organization (default: Asia/Shanghai for zh-CN, UTC for en). */
  timezone?: string;
  /** "Now": the cycles are this year and the current quarter, check-ins lie before it. */
  now: Date;
  /** The argon2id hash every synthetic login shares (hashing 10,000 passwords would take minutes). */
  passwordHash: string | null;
};

/** The rows of one synthetic organization, ready to insert. */
export type SyntheticPlan = {
  organization: Insertable<OrganizationTable>;
  users: Insertable<UserTable>[];
  members: Insertable<MembershipTable>[];
  departments: Insertable<DepartmentTable>[];
  cycles: Insertable<CycleTable>[];
  objectives: Insertable<ObjectiveTable>[];
  keyResults: Insertable<KeyResultTable>[];
  milestones: Insertable<MilestoneTable>[];
  checkIns: Insertable<CheckInTable>[];
  supports: Insertable<ObjectiveSupportTable>[];
  audit: Insertable<AuditLogTable>[];
  adminEmail: string;
};

/** How many rows of each kind were written. */
type SyntheticCounts = {
  users: number;
  departments: number;
  cycles: number;
  objectives: number;
  keyResults: number;
  milestones: number;
  checkIns: number;
  supports: number;
  auditEntries: number;
};

export type SyntheticSummary = {
  organizationId: string;
  organizationName: string;
  adminEmail: string;
  counts: SyntheticCounts;
};

const DAY_MS = 86_400_000;
const CHECK_IN_WEEKS = 8;

type Person = {
  id: string;
  email: string;
  departmentId: string;
  managerId: string | null;
};

type KrPlan = { row: Insertable<KeyResultTable>; trajectory: Trajectory; milestoneIds: string[] };

/** Builds every row of a synthetic organization of `size` people in memory; deterministic for a seed and clock. */
export function planSyntheticOrganization(options: SyntheticOptions): SyntheticPlan {
  const size = Math.max(1, Math.floor(options.size));
  const random = createRandom(options.seed ?? 20_261_127);
  const words = syntheticVocabulary(options.locale);
  const timezone = options.timezone ?? (options.locale === "zh-CN" ? "Asia/Shanghai" : "UTC");
  const now = options.now;
  const nowIso = now.toISOString();
  const calendar = demoCalendar(now, timezone);
  const orgName = words.organizationName(size);
  const at = (ms: number) => new Date(Math.min(ms, now.getTime())).toISOString();
  const setupAt = at(Date.parse(`${calendar.annual.startDate}T02:00:00Z`));
  // Ids are UUIDv7 like the server's: ordered by when the row was made.
  const idAt = (iso: string) => random.idAt(Date.parse(iso));
  const orgId = idAt(setupAt);
  const quarterPlannedAt = at(Date.parse(`${calendar.current.startDate}T02:00:00Z`) + 2 * DAY_MS);
  const annualPlannedAt = at(Date.parse(`${calendar.annual.startDate}T02:00:00Z`) + 5 * DAY_MS);

  const plan: SyntheticPlan = {
    organization: {
      id: orgId,
      name: orgName,
      locale: options.locale,
      timezone,
      mission: "",
      vision: "",
      strategy: "",
      settings: JSON.stringify(DEFAULT_ORG_SETTINGS),
      version: 1,
      createdAt: setupAt,
      updatedAt: setupAt,
    },
    users: [],
    members: [],
    departments: [],
    cycles: [],
    objectives: [],
    keyResults: [],
    milestones: [],
    checkIns: [],
    supports: [],
    audit: [],
    adminEmail: `admin@${words.emailDomain}`,
  };

  // Departments: the root (the company), divisions under it, teams under the divisions — three levels.
  const departmentCount = Math.max(1, Math.min(Math.round(size / 12), size));
  const divisionCount = departmentCount > 1 ? Math.max(1, Math.round(Math.sqrt(departmentCount - 1))) : 0;
  const teamCount = Math.max(0, departmentCount - 1 - divisionCount);
  const rootId = idAt(setupAt);
  const divisions: { id: string; name: string }[] = [];
  const teams: { id: string; name: string; divisionIndex: number }[] = [];
  for (let i = 0; i < divisionCount; i++) {
    const fn = words.functions[i % words.functions.length] ?? "";
    divisions.push({
      id: idAt(setupAt),
      name: words.division(fn, Math.floor(i / words.functions.length) + 1),
    });
  }
  const teamsPerDivision = new Array<number>(divisionCount).fill(0);
  for (let i = 0; i < teamCount; i++) {
    const divisionIndex = i % divisionCount;
    teamsPerDivision[divisionIndex] = (teamsPerDivision[divisionIndex] ?? 0) + 1;
    const division = divisions[divisionIndex];
    teams.push({
      id: idAt(setupAt),
      name: words.team(division?.name ?? "", teamsPerDivision[divisionIndex] ?? 1),
      divisionIndex,
    });
  }

  // People: the CEO leads the root, then one head per division and one lead per team, then everyone else.
  const people: Person[] = [];
  const addPerson = (
    departmentId: string,
    managerId: string | null,
    role: Role,
    title: string,
    email?: string,
  ): Person => {
    const index = people.length;
    const person: Person = {
      id: idAt(setupAt),
      email: email ?? `user${index}@${words.emailDomain}`,
      departmentId,
      managerId,
    };
    people.push(person);
    const name = words.personName(random.pick(words.firstNames), random.pick(words.lastNames));
    plan.users.push({
      id: person.id,
      email: person.email,
      name,
      passwordHash: options.passwordHash,
      locale: null,
      createdAt: setupAt,
      updatedAt: setupAt,
    });
    plan.members.push({
      orgId: orgId,
      userId: person.id,
      role,
      departmentId: departmentId,
      managerId: managerId,
      title,
      status: "active",
      version: 1,
      createdAt: setupAt,
      updatedAt: setupAt,
    });
    return person;
  };
  const ceo = addPerson(rootId, null, "owner", words.ceoTitle, plan.adminEmail);
  const divisionHeads = divisions.map((division, i) =>
    addPerson(division.id, ceo.id, i === 0 ? "admin" : "member", words.headTitle(division.name)),
  );
  const teamLeads = teams.map((team) =>
    addPerson(team.id, divisionHeads[team.divisionIndex]?.id ?? ceo.id, "member", words.leadTitle),
  );
  const teamMembers: Person[][] = teams.map(() => []);
  for (let i = people.length; i < size; i++) {
    const title = random.pick(words.memberTitles);
    if (teams.length > 0) {
      const teamIndex = i % teams.length;
      const team = teams[teamIndex];
      const member = addPerson(team?.id ?? rootId, teamLeads[teamIndex]?.id ?? ceo.id, "member", title);
      teamMembers[teamIndex]?.push(member);
    } else if (divisions.length > 0) {
      const divisionIndex = i % divisions.length;
      addPerson(
        divisions[divisionIndex]?.id ?? rootId,
        divisionHeads[divisionIndex]?.id ?? ceo.id,
        "member",
        title,
      );
    } else {
      addPerson(rootId, ceo.id, "member", title);
    }
  }

  const department = (id: string, parentId: string | null, name: string, leaderId: string | null) => ({
    orgId: orgId,
    id,
    parentId: parentId,
    name,
    leaderId: leaderId,
    version: 1,
    createdAt: setupAt,
    updatedAt: setupAt,
    deletedAt: null,
  });
  plan.departments.push(department(rootId, null, orgName, ceo.id));
  for (const [i, division] of divisions.entries()) {
    plan.departments.push(department(division.id, rootId, division.name, divisionHeads[i]?.id ?? null));
  }
  for (const [i, team] of teams.entries()) {
    const parentId = divisions[team.divisionIndex]?.id ?? rootId;
    plan.departments.push(department(team.id, parentId, team.name, teamLeads[i]?.id ?? null));
  }

  // Cycles: this year and the quarter that contains today, both running.
  const annualId = idAt(setupAt);
  const quarterId = idAt(setupAt);
  const cycle = (
    id: string,
    name: string,
    kind: CycleKind,
    dates: { startDate: string; endDate: string },
    parentId: string | null,
  ): Insertable<CycleTable> => ({
    orgId: orgId,
    id,
    name,
    kind,
    startDate: dates.startDate,
    endDate: dates.endDate,
    parentId: parentId,
    phase: "in_progress",
    phaseDue: "{}",
    version: 1,
    createdAt: setupAt,
    updatedAt: setupAt,
  });
  plan.cycles.push(cycle(annualId, words.annualCycle(calendar.year), "annual", calendar.annual, null));
  plan.cycles.push(
    cycle(
      quarterId,
      words.quarterCycle(calendar.year, calendar.quarter),
      "quarter",
      calendar.current,
      annualId,
    ),
  );
  // Check-ins happen at a handful of instants; elapsedFraction walks time zone rules, so remember each.
  const elapsedCache = new Map<string, number>();
  const elapsedOf = (cycleId: string, when: Date) => {
    const key = `${cycleId}@${when.getTime()}`;
    let elapsed = elapsedCache.get(key);
    if (elapsed === undefined) {
      elapsed = elapsedFraction(cycleId === annualId ? calendar.annual : calendar.current, when, timezone);
      elapsedCache.set(key, elapsed);
    }
    return elapsed;
  };

  // Objectives and KRs.
  const krPlans: KrPlan[] = [];
  const krPlansByObjective = new Map<string, KrPlan[]>();
  const objectiveCreatedAt = new Map<string, string>();
  const milestonesByKr = new Map<string, Insertable<MilestoneTable>[]>();
  type ObjectiveSpec = {
    cycleId: string;
    level: ObjectiveLevel;
    ownerDepartmentId: string | null;
    ownerUserId: string | null;
    title: string;
    createdBy: string;
    parentObjectiveId?: string | null;
    parentKeyResultId?: string | null;
    visibility?: Visibility;
  };
  const addObjective = (spec: ObjectiveSpec): string => {
    const createdAt = spec.cycleId === annualId ? annualPlannedAt : quarterPlannedAt;
    const id = idAt(createdAt);
    plan.objectives.push({
      orgId: orgId,
      id,
      cycleId: spec.cycleId,
      level: spec.level,
      ownerDepartmentId: spec.ownerDepartmentId,
      ownerUserId: spec.ownerUserId,
      title: spec.title,
      description: "",
      weight: 1,
      visibility: spec.visibility ?? "public",
      status: "published",
      progress: 0,
      health: "on_track",
      score: null,
      parentObjectiveId: spec.parentObjectiveId ?? null,
      parentKeyResultId: spec.parentKeyResultId ?? null,
      review: null,
      rejectReason: null,
      createdBy: spec.createdBy,
      version: 1,
      createdAt: createdAt,
      updatedAt: createdAt,
      deletedAt: null,
    });
    // The audit trail the server leaves for create → align → publish; each write after the first bumps the version.
    const audit = (action: string, before: unknown, after: unknown) =>
      plan.audit.push({
        orgId: orgId,
        id: idAt(createdAt),
        actorId: spec.createdBy,
        action,
        entityType: "objective",
        entityId: id,
        objectiveId: id,
        reason: null,
        before: before === null ? null : JSON.stringify(before),
        after: JSON.stringify(after),
        createdAt: createdAt,
      });
    const owner =
      spec.level === "personal"
        ? { ownerUserId: spec.ownerUserId }
        : { ownerDepartmentId: spec.ownerDepartmentId };
    audit("objective.create", null, {
      cycleId: spec.cycleId,
      level: spec.level,
      ...owner,
      title: spec.title,
      visibility: spec.visibility ?? "public",
    });
    const row = plan.objectives[plan.objectives.length - 1];
    if (row && (spec.parentObjectiveId || spec.parentKeyResultId)) {
      const none = { parentObjectiveId: null, parentKeyResultId: null, supports: [] };
      audit("objective.align", none, {
        ...none,
        parentObjectiveId: spec.parentObjectiveId ?? null,
        parentKeyResultId: spec.parentKeyResultId ?? null,
      });
      row.version = (row.version ?? 1) + 1;
    }
    audit("objective.publish", { status: "draft" }, { status: "published" });
    if (row) row.version = (row.version ?? 1) + 1;
    krPlansByObjective.set(id, []);
    objectiveCreatedAt.set(id, createdAt);
    return id;
  };

  type KrSpec = {
    type: KeyResultType;
    title: string;
    unit: string | null;
    start: string | null;
    target: string | null;
    direction: Direction | null;
    aggregation: Aggregation | null;
    parentKeyResultId?: string | null;
    milestones?: string[];
  };
  const addKeyResult = (objectiveId: string, ownerUserId: string, spec: KrSpec): string => {
    const siblings = krPlansByObjective.get(objectiveId) ?? [];
    const createdAt = objectiveCreatedAt.get(objectiveId) ?? quarterPlannedAt;
    const id = idAt(createdAt);
    const milestoneIds: string[] = [];
    const milestones: Insertable<MilestoneTable>[] = [];
    (spec.milestones ?? []).forEach((title, position) => {
      const milestoneId = idAt(createdAt);
      milestoneIds.push(milestoneId);
      milestones.push({
        orgId: orgId,
        id: milestoneId,
        keyResultId: id,
        title,
        weight: 1,
        done: 0,
        position,
      });
    });
    plan.milestones.push(...milestones);
    if (milestones.length > 0) milestonesByKr.set(id, milestones);
    const isNumeric = spec.type === "number" || spec.type === "percentage" || spec.type === "currency";
    const krPlan: KrPlan = {
      row: {
        orgId: orgId,
        id,
        objectiveId: objectiveId,
        ownerUserId: ownerUserId,
        title: spec.title,
        type: spec.type,
        unit: spec.unit,
        startValue: spec.start,
        targetValue: spec.target,
        currentValue: isNumeric ? spec.start : spec.type === "boolean" ? "0" : null,
        direction: spec.direction,
        aggregation: spec.aggregation,
        parentKeyResultId: spec.parentKeyResultId ?? null,
        weight: 1,
        // No confidence until the first check-in gives one.
        confidence: null,
        progress: 0,
        progressRaw: 0,
        health: "on_track",
        selfScore: null,
        managerScore: null,
        score: null,
        scoreComment: null,
        position: siblings.length,
        version: 1,
        createdAt: createdAt,
        updatedAt: createdAt,
        deletedAt: null,
      },
      trajectory: drawTrajectory(random),
      milestoneIds,
    };
    siblings.push(krPlan);
    krPlansByObjective.set(objectiveId, siblings);
    krPlans.push(krPlan);
    return id;
  };

  const fill = (template: string, start: string | number, target: string | number) => {
    const amount = Number(target).toLocaleString("en-US");
    return template
      .replace("{s}", String(start))
      .replace("{n}", amount)
      .replace("{money}", words.money(amount));
  };
  const randomKeyResult = (random: Random): KrSpec => {
    const kind = random.int(0, 5);
    switch (kind) {
      case 0: {
        const t = random.pick(words.kr.increase);
        const start = random.int(0, 30) * 10;
        const target = start + random.int(5, 40) * 10;
        return {
          type: "number",
          title: fill(t.title, start, target),
          unit: t.unit,
          start: String(start),
          target: String(target),
          direction: "increase",
          aggregation: null,
        };
      }
      case 1: {
        const t = random.pick(words.kr.decrease);
        const start = random.int(12, 80);
        const target = Math.max(1, Math.round(start * (0.3 + random.next() * 0.4)));
        return {
          type: "number",
          title: fill(t.title, start, target),
          unit: t.unit,
          start: String(start),
          target: String(target),
          direction: "decrease",
          aggregation: null,
        };
      }
      case 2: {
        const start = random.int(20, 70);
        const target = Math.min(100, start + random.int(10, 30));
        return {
          type: "percentage",
          title: fill(random.pick(words.kr.percentage), start, target),
          unit: "%",
          start: String(start),
          target: String(target),
          direction: "increase",
          aggregation: null,
        };
      }
      case 3: {
        const target = random.int(5, 200) * 10_000;
        return {
          type: "currency",
          title: fill(random.pick(words.kr.currency), 0, target),
          unit: words.currencyUnit,
          start: "0",
          target: String(target),
          direction: "increase",
          aggregation: null,
        };
      }
      case 4: {
        const steps = words.kr.milestoneSteps.slice(0, random.int(3, words.kr.milestoneSteps.length));
        return {
          type: "milestone",
          title: random.pick(words.kr.milestone),
          unit: null,
          start: null,
          target: null,
          direction: null,
          aggregation: null,
          milestones: steps,
        };
      }
      default:
        return {
          type: "boolean",
          title: random.pick(words.kr.boolean),
          unit: null,
          start: null,
          target: null,
          direction: null,
          aggregation: null,
        };
    }
  };
  const progressRollup = (): KrSpec => ({
    type: "rollup",
    title: words.kr.rollupProgress,
    unit: null,
    start: null,
    target: null,
    direction: null,
    aggregation: "progress",
  });
  const sumRollup = (target: number, parentKeyResultId: string | null = null): KrSpec => ({
    type: "rollup",
    title: fill(words.kr.rollupSum, 0, target),
    unit: words.currencyUnit,
    start: "0",
    target: String(target),
    direction: "increase",
    aggregation: "sum",
    parentKeyResultId,
  });

  // Company: three annual objectives, and three quarterly ones aligned to them. The first quarterly
  // objective sums the divisions' bookings; each has a KR the divisions' objectives roll up into.
  const companyOwners = [ceo, ...divisionHeads];
  const companyOwner = (i: number) => companyOwners[i % companyOwners.length] ?? ceo;
  const annualObjectives: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = addObjective({
      cycleId: annualId,
      level: "company",
      ownerDepartmentId: rootId,
      ownerUserId: null,
      title: words.companyObjectives[i % words.companyObjectives.length] ?? "",
      createdBy: ceo.id,
    });
    annualObjectives.push(id);
    for (let k = 0; k < 3; k++) addKeyResult(id, companyOwner(i + k).id, randomKeyResult(random));
  }
  const divisionBookingTarget = (teamsOf: number) => Math.max(1, teamsOf) * 500_000;
  const companyBookingTarget =
    divisions.reduce((sum, _d, i) => sum + divisionBookingTarget(teamsPerDivision[i] ?? 0), 0) || 1_000_000;
  const companyQuarter: { id: string; progressKr: string; sumKr: string | null }[] = [];
  for (let i = 0; i < 3; i++) {
    const id = addObjective({
      cycleId: quarterId,
      level: "company",
      ownerDepartmentId: rootId,
      ownerUserId: null,
      title: words.companyObjectives[(i + 1) % words.companyObjectives.length] ?? "",
      createdBy: ceo.id,
      parentObjectiveId: annualObjectives[i] ?? null,
    });
    const progressKr = addKeyResult(id, companyOwner(i).id, progressRollup());
    const sumKr = i === 0 ? addKeyResult(id, ceo.id, sumRollup(companyBookingTarget)) : null;
    addKeyResult(id, companyOwner(i + 1).id, randomKeyResult(random));
    if (!sumKr) addKeyResult(id, companyOwner(i + 2).id, randomKeyResult(random));
    companyQuarter.push({ id, progressKr, sumKr });
  }

  // Divisions: aligned to a company KR that rolls up progress; their bookings add up to the company's.
  const divisionObjectives = divisions.map((division, i) => {
    const head = divisionHeads[i] ?? ceo;
    const company = companyQuarter[i % companyQuarter.length];
    const id = addObjective({
      cycleId: quarterId,
      level: "department",
      ownerDepartmentId: division.id,
      ownerUserId: null,
      title: random.pick(words.departmentObjectives),
      createdBy: head.id,
      parentKeyResultId: company?.progressKr ?? null,
    });
    const progressKr = addKeyResult(id, head.id, progressRollup());
    const sumKr = addKeyResult(
      id,
      head.id,
      sumRollup(divisionBookingTarget(teamsPerDivision[i] ?? 0), companyQuarter[0]?.sumKr ?? null),
    );
    addKeyResult(id, head.id, randomKeyResult(random));
    return { id, progressKr, sumKr };
  });

  // Teams: aligned to their division's progress roll-up; their bookings feed the division's sum.
  const teamObjectives = teams.map((team, i) => {
    const lead = teamLeads[i] ?? ceo;
    const division = divisionObjectives[team.divisionIndex];
    const members = teamMembers[i] ?? [];
    const id = addObjective({
      cycleId: quarterId,
      level: "department",
      ownerDepartmentId: team.id,
      ownerUserId: null,
      title: random.pick(words.departmentObjectives),
      createdBy: lead.id,
      parentKeyResultId: division?.progressKr ?? null,
      visibility: random.chance(0.1) ? "department" : "public",
    });
    const target = random.int(30, 70) * 10_000;
    addKeyResult(id, (members.length ? random.pick(members) : lead).id, {
      type: "currency",
      title: fill(random.pick(words.kr.currency), 0, target),
      unit: words.currencyUnit,
      start: "0",
      target: String(target),
      direction: "increase",
      aggregation: null,
      parentKeyResultId: division?.sumKr ?? null,
    });
    const progressKr = addKeyResult(id, lead.id, progressRollup());
    addKeyResult(id, (members.length ? random.pick(members) : lead).id, randomKeyResult(random));
    return { id, progressKr };
  });
  // A few teams back another team's objective (横向协同): links only, no numbers move.
  for (let i = 0; i < teamObjectives.length; i++) {
    if (teamObjectives.length < 2 || !random.chance(0.04)) continue;
    const supported = teamObjectives[(i + random.int(1, teamObjectives.length - 1)) % teamObjectives.length];
    const self = teamObjectives[i];
    if (supported && self) {
      plan.supports.push({
        orgId: orgId,
        objectiveId: self.id,
        supportedObjectiveId: supported.id,
        createdAt: quarterPlannedAt,
      });
    }
  }

  // People: everyone but the CEO has a personal objective aligned upward; some have a second one aligned to
  // their manager's personal objective.
  const firstPersonal = new Map<string, string>();
  const divisionIndexOf = new Map(divisions.map((d, i) => [d.id, i]));
  const teamIndexOf = new Map(teams.map((t, i) => [t.id, i]));
  const personalParent = (
    person: Person,
    index: number,
  ): Pick<ObjectiveSpec, "parentObjectiveId" | "parentKeyResultId"> => {
    const divisionIndex = divisionIndexOf.get(person.departmentId);
    if (divisionIndex !== undefined)
      return { parentObjectiveId: divisionObjectives[divisionIndex]?.id ?? null };
    const teamIndex = teamIndexOf.get(person.departmentId);
    if (teamIndex !== undefined) {
      const team = teamObjectives[teamIndex];
      // Team leads align their own objective to the team's; members feed the team's progress roll-up.
      return person.id === teamLeads[teamIndex]?.id
        ? { parentObjectiveId: team?.id ?? null }
        : { parentKeyResultId: team?.progressKr ?? null };
    }
    return { parentKeyResultId: companyQuarter[index % companyQuarter.length]?.progressKr ?? null };
  };
  people.forEach((person, index) => {
    if (person.id === ceo.id) return;
    const visibility: Visibility = random.chance(0.85)
      ? "public"
      : random.chance(0.6)
        ? "department"
        : "private";
    const id = addObjective({
      cycleId: quarterId,
      level: "personal",
      ownerDepartmentId: null,
      ownerUserId: person.id,
      title: random.pick(words.personalObjectives),
      createdBy: person.id,
      visibility,
      ...personalParent(person, index),
    });
    firstPersonal.set(person.id, id);
    for (let k = 0; k < 3; k++) addKeyResult(id, person.id, randomKeyResult(random));
  });
  people.forEach((person) => {
    const managerObjective = person.managerId ? firstPersonal.get(person.managerId) : undefined;
    if (!managerObjective || !random.chance(0.3)) return;
    const id = addObjective({
      cycleId: quarterId,
      level: "personal",
      ownerDepartmentId: null,
      ownerUserId: person.id,
      title: random.pick(words.personalObjectives),
      createdBy: person.id,
      parentObjectiveId: managerObjective,
    });
    for (let k = 0; k < 3; k++) addKeyResult(id, person.id, randomKeyResult(random));
  });

  // Check-ins: a few per measured KR over the last weeks, each moving the KR along its trajectory.
  const instants = checkInInstants(now, calendar.current.startDate, CHECK_IN_WEEKS);
  const objectiveCycle = new Map(plan.objectives.map((o) => [o.id, o.cycleId]));
  for (const kr of krPlans) {
    const row = kr.row;
    if (row.type === "rollup") continue;
    const cycleId = objectiveCycle.get(row.objectiveId) ?? quarterId;
    const count = random.int(1, 4);
    const weeks = new Set<number>();
    while (weeks.size < count) weeks.add(random.int(0, instants.length - 1));
    let previous = row.currentValue ?? null;
    let previousProgress = 0;
    let jitter = (random.next() - 0.5) * 0.08;
    const sorted = [...weeks].sort((a, b) => a - b);
    sorted.forEach((week, n) => {
      const when = instants[week] ?? now;
      jitter = jitter * 0.5 + (random.next() - 0.5) * 0.04;
      const share = plannedShare(kr.trajectory, elapsedOf(cycleId, when), jitter);
      const confidence = plannedConfidence(kr.trajectory, (n + 1) / sorted.length, random);
      const { value, milestonesDone } = measureAt(row, kr.milestoneIds, share);
      const progress = keyResultProgress(toRollupKr(row, milestonesOf(kr, milestonesDone), value));
      plan.checkIns.push({
        orgId: orgId,
        id: idAt(when.toISOString()),
        keyResultId: row.id,
        objectiveId: row.objectiveId,
        authorId: row.ownerUserId ?? ceo.id,
        value,
        previousValue: previous,
        milestonesDone: milestonesDone ? JSON.stringify(milestonesDone) : null,
        confidence,
        note: random.pick(words.notes[noteKind(kr.trajectory, progress.clamped)]),
        progress: progress.clamped,
        createdAt: when.toISOString(),
      });
      plan.audit.push({
        orgId: orgId,
        id: idAt(when.toISOString()),
        actorId: row.ownerUserId ?? ceo.id,
        action: "key_result.check_in",
        entityType: "key_result",
        entityId: row.id,
        objectiveId: row.objectiveId,
        reason: null,
        before: JSON.stringify({
          value: previous,
          confidence: row.confidence ?? null,
          progress: previousProgress,
        }),
        after: JSON.stringify({ value, confidence, progress: progress.clamped, milestonesDone }),
        createdAt: when.toISOString(),
      });
      previous = value;
      previousProgress = progress.clamped;
      row.currentValue = value;
      // What the current value is derived from (core's currentValueOf): this value, from this start.
      if (row.type !== "milestone") {
        row.checkedInValue = value;
        row.checkedInStart = row.startValue ?? null;
      }
      row.confidence = confidence;
      row.updatedAt = when.toISOString();
      if (milestonesDone) {
        const done = new Set(milestonesDone);
        for (const m of milestonesByKr.get(row.id) ?? []) m.done = done.has(m.id) ? 1 : 0;
      }
    });
  }

  applyRollup(plan, krPlans, (cycleId) => elapsedOf(cycleId, now), nowIso);
  return plan;
}

function noteKind(trajectory: Trajectory, progress: number): "on_track" | "at_risk" | "off_track" | "done" {
  if (progress >= 1) return "done";
  if (trajectory === "ahead" || trajectory === "done") return "on_track";
  return trajectory;
}

// The value (or milestones done) a check-in reports once the KR has come `share` of its way.
function measureAt(
  row: Insertable<KeyResultTable>,
  milestoneIds: readonly string[],
  share: number,
): { value: string | null; milestonesDone: string[] | null } {
  switch (row.type) {
    case "milestone":
      return {
        value: null,
        milestonesDone: milestoneIds.slice(0, Math.floor(share * milestoneIds.length + 1e-9)),
      };
    case "boolean":
      return { value: share >= 1 ? "1" : "0", milestonesDone: null };
    default:
      return {
        value: valueAt(Number(row.startValue ?? 0), Number(row.targetValue ?? 0), share),
        milestonesDone: null,
      };
  }
}

function milestonesOf(kr: KrPlan, done: readonly string[] | null): { weight: number; done: boolean }[] {
  const doneSet = new Set(done ?? []);
  return kr.milestoneIds.map((id) => ({ weight: 1, done: doneSet.has(id) }));
}

function toRollupKr(
  row: Insertable<KeyResultTable>,
  milestones: { weight: number; done: boolean }[],
  currentValue: string | null | undefined = row.currentValue,
): RollupKr {
  return {
    id: row.id,
    objectiveId: row.objectiveId,
    type: row.type,
    aggregation: row.aggregation ?? null,
    startValue: row.startValue ?? null,
    targetValue: row.targetValue ?? null,
    currentValue: currentValue ?? null,
    direction: row.direction ?? null,
    weight: row.weight ?? 1,
    milestones,
    parentKeyResultId: row.parentKeyResultId ?? null,
  };
}

// Progress of everything from scratch with core's roll-up, then health from progress, confidence and time.
function applyRollup(
  plan: SyntheticPlan,
  krPlans: readonly KrPlan[],
  elapsedOf: (cycleId: string) => number,
  nowIso: string,
): void {
  const milestonesByKr = new Map<string, { weight: number; done: boolean }[]>();
  for (const m of plan.milestones) {
    const list = milestonesByKr.get(m.keyResultId) ?? [];
    list.push({ weight: m.weight ?? 1, done: m.done === 1 });
    milestonesByKr.set(m.keyResultId, list);
  }
  const objectives = new Map<string, RollupObjective>();
  for (const o of plan.objectives) {
    objectives.set(o.id, {
      id: o.id,
      weight: o.weight ?? 1,
      parentKeyResultId: o.parentKeyResultId ?? null,
    });
  }
  const keyResults = new Map<string, RollupKr>();
  for (const { row } of krPlans) keyResults.set(row.id, toRollupKr(row, milestonesByKr.get(row.id) ?? []));
  const state = recomputeAll({ objectives, keyResults });

  const cycleOfObjective = new Map(plan.objectives.map((o) => [o.id, o.cycleId]));
  const healthsByObjective = new Map<string, Health[]>();
  for (const { row } of krPlans) {
    const progress = state.krProgress.get(row.id) ?? { raw: 0, clamped: 0 };
    row.progress = progress.clamped;
    row.progressRaw = progress.raw;
    if (row.type === "rollup") {
      row.currentValue = state.krCurrent.get(row.id) ?? null;
      row.updatedAt = nowIso;
    }
    const health = keyResultHealth({
      progress: progress.clamped,
      confidence: row.confidence ?? null,
      elapsed: elapsedOf(cycleOfObjective.get(row.objectiveId) ?? ""),
    });
    row.health = health;
    const list = healthsByObjective.get(row.objectiveId) ?? [];
    list.push(health);
    healthsByObjective.set(row.objectiveId, list);
  }
  for (const objective of plan.objectives) {
    objective.progress = state.objectiveProgress.get(objective.id) ?? 0;
    objective.health = objectiveHealth(healthsByObjective.get(objective.id) ?? []);
  }
  plan.keyResults = krPlans.map((k) => k.row);
}

/** Rows per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters, and not too big to prepare. */
function chunkSize(columns: number): number {
  return Math.max(1, Math.min(500, Math.floor(30_000 / columns)));
}

async function insertInChunks<T extends object>(
  db: Executor,
  rows: readonly T[],
  insert: (db: Executor, rows: T[]) => Promise<void>,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = chunkSize(Object.keys(first).length);
  for (let i = 0; i < rows.length; i += size) await insert(db, rows.slice(i, i + size));
}

/** Writes a planned organization in one transaction, in dependency order, through the batch repository inserts. */
async function writeSyntheticOrganization(db: Kysely<Database>, plan: SyntheticPlan): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertOrganization(trx, plan.organization);
    await insertInChunks(trx, plan.users, insertUsers);
    await insertInChunks(trx, plan.members, insertMembers);
    await insertInChunks(trx, plan.departments, insertDepartments);
    for (const cycle of plan.cycles) await insertCycle(trx, cycle);
    await insertInChunks(trx, plan.objectives, insertObjectives);
    await insertInChunks(trx, plan.keyResults, insertKeyResults);
    await insertInChunks(trx, plan.milestones, insertMilestones);
    await insertInChunks(trx, plan.checkIns, insertCheckIns);
    await insertInChunks(trx, plan.supports, async (t, rows) => {
      await t.insertInto("objectiveSupport").values(rows).execute();
    });
    await insertInChunks(trx, plan.audit, insertAuditEntries);
  });
}

/** Plans and writes a synthetic organization; returns what was made. */
export async function generateSyntheticOrganization(
  db: Kysely<Database>,
  options: SyntheticOptions,
): Promise<SyntheticSummary> {
  const plan = planSyntheticOrganization(options);
  await writeSyntheticOrganization(db, plan);
  return {
    organizationId: plan.organization.id,
    organizationName: plan.organization.name,
    adminEmail: plan.adminEmail,
    counts: {
      users: plan.users.length,
      departments: plan.departments.length,
      cycles: plan.cycles.length,
      objectives: plan.objectives.length,
      keyResults: plan.keyResults.length,
      milestones: plan.milestones.length,
      checkIns: plan.checkIns.length,
      supports: plan.supports.length,
      auditEntries: plan.audit.length,
    },
  };
}

import {
  isUnalignedDraft,
  isWithinDepartment,
  keyResultHealthIn,
  type ObjectiveLevel,
  type ObjectiveStatus,
  type OrgGraph,
} from "@luodi/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection.ts";
import { createTestDatabase, testDialects } from "../testing.ts";
import {
  type AgendaScope,
  agendaKeyResultsOfHealth,
  agendaMissingCheckIns,
  agendaProgressChanges,
  agendaUnalignedDrafts,
} from "./agenda.repository.ts";

/*
 * The agenda's SQL filters, ranks and cuts what core's rules decide (health by domain.md, unaligned drafts)
 * and what the agenda asks for (missing check-ins, biggest changes, the meeting's subtree). Here each is
 * held to those rules applied in JS to every row of a random organization, full of ties and boundaries
 * (progress exactly the elapsed share less a threshold, confidences on the lines, check-ins at `from`), so
 * the two cannot drift apart.
 */

const ORG = "org";
const CYCLE = "cycle";
const OTHER_CYCLE = "other-cycle";
const T0 = "2027-01-01T00:00:00.000Z";
const FROM = "2027-02-01T00:00:00.000Z";
const WEEK = "2027-02-10T00:00:00.000Z";
const ALL = 100_000;

/** A seeded generator (mulberry32): the same organization on every run and both dialects. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Objective = {
  id: string;
  cycleId: string;
  level: ObjectiveLevel;
  status: ObjectiveStatus;
  ownerUserId: string | null;
  ownerDepartmentId: string | null;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
  deletedAt: string | null;
};
type KeyResult = {
  id: string;
  objectiveId: string;
  ownerUserId: string | null;
  progress: number;
  confidence: number | null;
  lastCheckInAt: string | null;
  position: number;
  deletedAt: string | null;
};
type CheckIn = { id: string; keyResultId: string; objectiveId: string; progress: number; createdAt: string };

function organization() {
  const next = random(20_261_207);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const pad = (n: number) => String(n).padStart(4, "0");
  const at = (day: number, hour = 0) =>
    new Date(Date.parse(T0) + (day * 24 + hour) * 3_600_000).toISOString();
  // root ─ a ─ a1, a2; root ─ b; "gone" is deleted.
  const departments = [
    { id: "d-root", parentId: null, deletedAt: null },
    { id: "d-a", parentId: "d-root", deletedAt: null },
    { id: "d-a1", parentId: "d-a", deletedAt: null },
    { id: "d-a2", parentId: "d-a", deletedAt: null },
    { id: "d-b", parentId: "d-root", deletedAt: null },
    { id: "d-gone", parentId: "d-a", deletedAt: T0 },
  ];
  // A few namesakes and people without a department; some have left.
  const users = Array.from({ length: 40 }, (_, i) => ({
    id: `u-${pad(i)}`,
    name: pick(["Ann", "Bo", "Cai", "Dee"]),
    departmentId: pick([...departments.map((d) => d.id), null]),
    status: next() < 0.15 ? ("deactivated" as const) : ("active" as const),
  }));
  // Someone who owns objectives and is no member (any more).
  const strangers = [{ id: "u-stranger", name: "Eve" }];
  const ownerIds = [...users.map((u) => u.id), "u-stranger"];
  const objectives: Objective[] = [];
  const keyResults: KeyResult[] = [];
  const checkIns: CheckIn[] = [];
  const progresses = [0, 0, 0.05, 0.1, 0.15, 0.25, 0.35, 0.4, 0.5, 0.65, 0.75, 0.9, 0.99, 1, 1.3];
  for (let i = 0; i < 260; i++) {
    const level = pick(["company", "department", "personal", "personal"] as const);
    const objective: Objective = {
      id: `o-${pad(i)}`,
      cycleId: next() < 0.9 ? CYCLE : OTHER_CYCLE,
      level,
      status: pick(["draft", "submitted", "published", "published", "published", "closed"] as const),
      ownerUserId: level === "personal" || next() < 0.3 ? pick([...ownerIds, null]) : null,
      ownerDepartmentId: level === "personal" ? null : pick([...departments.map((d) => d.id), null]),
      parentObjectiveId: next() < 0.5 ? `o-${pad(Math.floor(next() * 260))}` : null,
      parentKeyResultId: next() < 0.2 ? "k-elsewhere" : null,
      deletedAt: next() < 0.05 ? T0 : null,
    };
    objectives.push(objective);
    const count = Math.floor(next() * 5);
    for (let p = 0; p < count; p++) {
      const kr: KeyResult = {
        id: `k-${pad(i)}-${p}`,
        objectiveId: objective.id,
        ownerUserId: next() < 0.5 ? pick(ownerIds) : null,
        progress: next() < 0.85 ? pick(progresses) : next(),
        confidence: next() < 0.25 ? null : Math.floor(next() * 11),
        lastCheckInAt: next() < 0.4 ? null : pick([at(3), at(20), at(31), at(40), at(41, 5), WEEK, at(42)]),
        position: p,
        deletedAt: next() < 0.05 ? T0 : null,
      };
      keyResults.push(kr);
      // Distinct instants per KR: "its last check-in until `from`" is then one check-in.
      const instants = [at(5), at(12), at(25), FROM, at(31, 1), at(33), at(45)];
      const start = Math.floor(next() * instants.length);
      const ins = Math.floor(next() * 4);
      for (let c = 0; c < ins; c++)
        checkIns.push({
          id: `c-${kr.id}-${c}`,
          keyResultId: kr.id,
          objectiveId: objective.id,
          progress: pick(progresses),
          createdAt: instants[(start + c) % instants.length] as string,
        });
    }
  }
  return { departments, users, strangers, objectives, keyResults, checkIns };
}

const data = organization();

const graph: OrgGraph = {
  rootDepartmentId: "d-root",
  departments: new Map(
    data.departments
      .filter((d) => d.deletedAt === null)
      .map((d) => [d.id, { id: d.id, parentId: d.parentId, leaderId: null }]),
  ),
  members: new Map(
    data.users.map((u) => [
      u.id,
      { userId: u.id, role: "member", departmentId: u.departmentId, managerId: null, status: u.status },
    ]),
  ),
};

/** The department an objective belongs to, as server/meetings/meeting-agenda.ts says. */
function departmentOf(o: Objective): string | null {
  if (o.level === "company") return o.ownerDepartmentId ?? graph.rootDepartmentId;
  if (o.level === "department") return o.ownerDepartmentId;
  return o.ownerUserId === null ? null : (graph.members.get(o.ownerUserId)?.departmentId ?? null);
}

const scopes: Array<{ name: string; department: string | null }> = [
  { name: "the company", department: null },
  ...["d-root", "d-a", "d-a1", "d-b", "d-gone"].map((id) => ({ name: id, department: id })),
];

function scopeOf(department: string | null): AgendaScope {
  return {
    cycleId: CYCLE,
    rootDepartmentId: graph.rootDepartmentId,
    departmentIds:
      department === null
        ? null
        : [
            department,
            ...[...graph.departments.keys()].filter((id) => isWithinDepartment(graph, id, department)),
          ],
  };
}

/** The objectives of the cycle in the scope, in these statuses, not deleted: every row, filtered in JS. */
function objectivesIn(department: string | null, statuses: readonly ObjectiveStatus[]): Objective[] {
  return data.objectives
    .filter((o) => o.cycleId === CYCLE && o.deletedAt === null && statuses.includes(o.status))
    .filter((o) => {
      if (department === null) return true;
      const dept = departmentOf(o);
      return dept !== null && isWithinDepartment(graph, dept, department);
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

function publishedKeyResultsIn(department: string | null) {
  const objectives = new Map(objectivesIn(department, ["published"]).map((o) => [o.id, o]));
  return data.keyResults
    .filter((kr) => kr.deletedAt === null && objectives.has(kr.objectiveId))
    .map((kr) => ({ kr, objective: objectives.get(kr.objectiveId) as Objective }));
}

describe.each(testDialects())("the agenda's SQL against core's rules, on %s", (dialect) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
    const db = handle.db;
    const stamps = { createdAt: T0, updatedAt: T0 };
    await db
      .insertInto("organization")
      .values({
        id: ORG,
        name: "Org",
        locale: "en",
        timezone: "UTC",
        mission: "",
        vision: "",
        strategy: "",
        settings: "{}",
        version: 1,
        ...stamps,
      })
      .execute();
    await db
      .insertInto("user")
      .values(
        [...data.users, ...data.strangers].map((u) => ({
          id: u.id,
          email: `${u.id}@example.com`,
          name: u.name,
          passwordHash: null,
          locale: null,
          ...stamps,
        })),
      )
      .execute();
    await db
      .insertInto("department")
      .values(
        data.departments.map((d) => ({
          orgId: ORG,
          ...d,
          name: d.id,
          leaderId: null,
          version: 1,
          ...stamps,
        })),
      )
      .execute();
    await db
      .insertInto("membership")
      .values(
        data.users.map((u) => ({
          orgId: ORG,
          userId: u.id,
          role: "member" as const,
          departmentId: u.departmentId,
          managerId: null,
          title: null,
          status: u.status,
          version: 1,
          ...stamps,
        })),
      )
      .execute();
    await db
      .insertInto("cycle")
      .values(
        [CYCLE, OTHER_CYCLE].map((id) => ({
          orgId: ORG,
          id,
          name: id,
          kind: "quarter" as const,
          startDate: "2027-01-01",
          endDate: "2027-03-31",
          phase: "in_progress" as const,
          parentId: null,
          phaseDue: "{}",
          version: 1,
          ...stamps,
        })),
      )
      .execute();
    await db
      .insertInto("objective")
      .values(
        data.objectives.map((o, i) => ({
          orgId: ORG,
          ...o,
          title: o.id,
          description: "",
          weight: 1,
          visibility: "public" as const,
          progress: 0,
          health: "on_track" as const,
          score: null,
          review: null,
          rejectReason: null,
          createdBy: "u-0000",
          version: 1,
          ...stamps,
          // Ties on purpose: the most recently edited drafts come first, then by id.
          updatedAt: `2027-01-0${1 + (i % 3)}T00:00:00.000Z`,
        })),
      )
      .execute();
    for (let i = 0; i < data.keyResults.length; i += 200)
      await db
        .insertInto("keyResult")
        .values(
          data.keyResults.slice(i, i + 200).map((kr) => ({
            orgId: ORG,
            ...kr,
            title: kr.id,
            type: "number" as const,
            unit: null,
            startValue: null,
            targetValue: null,
            currentValue: null,
            direction: null,
            aggregation: null,
            parentKeyResultId: null,
            weight: 1,
            progressRaw: kr.progress,
            health: "on_track" as const,
            selfScore: null,
            managerScore: null,
            score: null,
            scoreComment: null,
            version: 1,
            ...stamps,
          })),
        )
        .execute();
    for (let i = 0; i < data.checkIns.length; i += 200)
      await db
        .insertInto("checkIn")
        .values(
          data.checkIns.slice(i, i + 200).map((c) => ({
            orgId: ORG,
            ...c,
            authorId: "u-0000",
            value: null,
            previousValue: null,
            milestonesDone: null,
            confidence: 5,
            note: "",
          })),
        )
        .execute();
  });
  afterAll(async () => handle.destroy());

  it("has data with every case in it", () => {
    const published = publishedKeyResultsIn(null);
    expect(published.length).toBeGreaterThan(200);
    expect(published.some(({ kr }) => kr.confidence === null)).toBe(true);
    expect(data.checkIns.some((c) => c.createdAt === FROM)).toBe(true);
  });

  // Elapsed shares that put progresses exactly on the lines (0.5 − 0.25 = 0.25, 0.5 − 0.1 = 0.4, …).
  const elapsedShares = [0, 0.35, 0.5, 0.75, 0.85, 1, 0.6180339887];

  it.each(scopes)(
    "lists the off-track and at-risk KRs of $name as core's keyResultHealth says",
    async ({ department }) => {
      for (const elapsed of elapsedShares) {
        for (const health of ["off_track", "at_risk"] as const) {
          const expected = publishedKeyResultsIn(department)
            .filter(
              ({ kr, objective }) =>
                keyResultHealthIn(objective.status, {
                  progress: kr.progress,
                  confidence: kr.confidence,
                  elapsed,
                }) === health,
            )
            .sort(
              (a, b) =>
                (a.kr.confidence ?? 11) - (b.kr.confidence ?? 11) ||
                a.kr.progress - b.kr.progress ||
                (a.objective.id < b.objective.id ? -1 : a.objective.id > b.objective.id ? 1 : 0) ||
                a.kr.position - b.kr.position,
            )
            .map(({ kr }) => kr.id);
          const all = await agendaKeyResultsOfHealth(handle.db, ORG, scopeOf(department), {
            health,
            elapsed,
            limit: ALL,
          });
          expect(
            all.map((row) => row.keyResultId),
            `${health} at ${elapsed}`,
          ).toEqual(expected);
          const first = await agendaKeyResultsOfHealth(handle.db, ORG, scopeOf(department), {
            health,
            elapsed,
            limit: 7,
          });
          expect(first.map((row) => row.keyResultId)).toEqual(expected.slice(0, 7));
        }
      }
    },
  );

  it.each(scopes)(
    "lists the unaligned drafts of $name as core's isUnalignedDraft says",
    async ({ department }) => {
      const expected = objectivesIn(department, ["draft"])
        .filter((o) => isUnalignedDraft(o))
        .map((o) => o.id);
      expect(expected.length + objectivesIn(department, ["draft"]).length).toBeGreaterThan(0);
      const rows = await agendaUnalignedDrafts(handle.db, ORG, scopeOf(department), ALL);
      expect(rows.map((o) => o.id)).toEqual(expected);
    },
  );

  it.each(scopes)(
    "finds the people of $name with no check-in this week, ties at the cut included",
    async ({ department }) => {
      const lastOf = new Map<string, string>();
      const checkedIn = new Set<string>();
      for (const { kr, objective } of publishedKeyResultsIn(department)) {
        const owner = kr.ownerUserId ?? objective.ownerUserId;
        if (owner === null || graph.members.get(owner)?.status !== "active") continue;
        if (kr.lastCheckInAt !== null && kr.lastCheckInAt >= WEEK) checkedIn.add(owner);
        lastOf.set(owner, [lastOf.get(owner) ?? "", kr.lastCheckInAt ?? ""].sort().at(-1) ?? "");
      }
      const missing = [...lastOf]
        .filter(([owner]) => !checkedIn.has(owner))
        .map(([userId, last]) => ({ userId, lastCheckInAt: last || null }));
      const key = (row: { userId: string; lastCheckInAt: string | null }) =>
        `${row.lastCheckInAt}|${row.userId}`;
      const all = await agendaMissingCheckIns(handle.db, ORG, scopeOf(department), {
        weekStart: WEEK,
        limit: ALL,
      });
      expect(all.map(key).sort()).toEqual(missing.map(key).sort());
      // Cut at 3: whoever ranks before the third's last check-in, and everyone tied with it.
      const order = missing.map((m) => m.lastCheckInAt ?? "").sort();
      const third = order[2];
      const first = await agendaMissingCheckIns(handle.db, ORG, scopeOf(department), {
        weekStart: WEEK,
        limit: 3,
      });
      expect(first.map(key).sort()).toEqual(
        missing
          .filter((m) => third === undefined || (m.lastCheckInAt ?? "") <= third)
          .map(key)
          .sort(),
      );
    },
  );

  it.each(scopes)(
    "ranks the progress changes of $name since `from` by their size",
    async ({ department }) => {
      const expected = publishedKeyResultsIn(department)
        .flatMap(({ kr, objective }) => {
          const theirs = data.checkIns.filter((c) => c.keyResultId === kr.id);
          if (!theirs.some((c) => c.createdAt > FROM)) return [];
          const before = theirs
            .filter((c) => c.createdAt <= FROM)
            .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
            .at(-1);
          const change = kr.progress - (before?.progress ?? 0);
          return change === 0
            ? []
            : [{ id: kr.id, objectiveId: objective.id, position: kr.position, change }];
        })
        .sort(
          (a, b) =>
            Math.abs(b.change) - Math.abs(a.change) ||
            (a.objectiveId < b.objectiveId ? -1 : a.objectiveId > b.objectiveId ? 1 : 0) ||
            a.position - b.position,
        );
      const rows = await agendaProgressChanges(handle.db, ORG, scopeOf(department), {
        from: FROM,
        limit: ALL,
      });
      expect(rows.map((r) => [r.keyResultId, r.change])).toEqual(expected.map((e) => [e.id, e.change]));
    },
  );
});

import type { LuodiClient } from "@luodi/client";

/** Runs tasks with at most `limit` in flight: fast seeding without flooding the server. */
async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>) {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += limit) {
    results.push(...(await Promise.all(items.slice(i, i + limit).map(task))));
  }
  return results;
}

/**
 * A large organization for one cycle, through the API: `companies` company objectives, each department's
 * objectives aligned to one of them, and every member's objectives aligned to their department's.
 */
export async function seedLargeTree(
  api: LuodiClient,
  options: {
    cycleId: string;
    rootDepartmentId: string;
    departments: number;
    membersPerDepartment: number;
    perOwner: number;
    companies: number;
    password: string;
  },
): Promise<{ objectives: number; companyIds: string[] }> {
  const { cycleId } = options;
  await api.org.update({
    settings: { maxObjectivesPerOwner: Math.max(options.perOwner, options.companies) },
  });
  const kr = (i: number) => [
    { title: `Metric ${i} from 0 to 100`, type: "number" as const, startValue: 0, targetValue: 100 },
  ];
  const companyIds = (
    await inBatches([...Array(options.companies).keys()], 10, (i) =>
      api.objectives.create({
        cycleId,
        level: "company",
        title: `Company objective ${i + 1}`,
        keyResults: kr(i),
      }),
    )
  ).map((o) => o.id);
  let count = companyIds.length;
  const departments = await inBatches([...Array(options.departments).keys()], 10, (d) =>
    api.departments.create({ name: `Team ${d + 1}`, parentId: options.rootDepartmentId }),
  );
  for (const [d, department] of departments.entries()) {
    const deptObjectives = await inBatches([...Array(options.perOwner).keys()], 10, async (i) => {
      const o = await api.objectives.create({
        cycleId,
        level: "department",
        ownerDepartmentId: department.id,
        title: `${department.name} objective ${i + 1}`,
        keyResults: kr(i),
      });
      await api.objectives.align(o.id, {
        parentObjectiveId: companyIds[(d + i) % companyIds.length] ?? null,
      });
      return o.id;
    });
    count += deptObjectives.length;
    const members = await inBatches([...Array(options.membersPerDepartment).keys()], 10, (m) =>
      api.members.create({
        email: `t${d + 1}m${m + 1}@big.test`,
        name: `Team ${d + 1} member ${m + 1}`,
        password: options.password,
        role: "member",
        departmentId: department.id,
      }),
    );
    for (const member of members) {
      const tasks = [...Array(options.perOwner).keys()];
      await inBatches(tasks, 10, async (i) => {
        const o = await api.objectives.create({
          cycleId,
          level: "personal",
          ownerUserId: member.userId,
          title: `${member.name} objective ${i + 1}`,
          keyResults: kr(i),
        });
        await api.objectives.align(o.id, {
          parentObjectiveId: deptObjectives[i % deptObjectives.length] ?? null,
        });
      });
      count += tasks.length;
    }
  }
  return { objectives: count, companyIds };
}

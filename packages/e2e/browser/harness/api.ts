import { createClient, type LuodiClient } from "@luodi/client";

/**
 * The typed client as a script uses it against the running server, keeping the session cookie between
 * calls (Node's fetch has no cookie jar). Specs seed data with it where the UI for it is not built yet.
 */
export function apiAs(
  baseUrl: string,
  locale = "en",
): LuodiClient & { signIn: (email: string, password: string) => Promise<void> } {
  let cookie: string | undefined;
  const fetchWithCookie: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set("cookie", cookie);
    const response = await fetch(input, { ...init, headers });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0];
    return response;
  };
  const client = createClient({ baseUrl, fetch: fetchWithCookie, locale: () => locale });
  return {
    ...client,
    signIn: async (email, password) => {
      await client.auth.login({ email, password });
    },
  };
}

/**
 * Sets up the company the specs use — 星河科技 led by 王总, or Acme led by Olivia Owner — in a language,
 * and answers the client signed in as its admin.
 */
export async function setUpCompany(
  baseUrl: string,
  language: "zh-CN" | "en",
  admin: { email: string; password: string },
): Promise<ReturnType<typeof apiAs>> {
  const api = apiAs(baseUrl, language);
  await api.setup.run({
    organization: {
      name: language === "zh-CN" ? "星河科技" : "Acme",
      locale: language,
      timezone: "Asia/Shanghai",
    },
    admin: { ...admin, name: language === "zh-CN" ? "王总" : "Olivia Owner" },
  });
  await api.signIn(admin.email, admin.password);
  return api;
}

/**
 * A department under the root with a manager and the people who report to them, all members signing in
 * with `password`; answers the department's id and each person's user id, in the order given.
 */
export async function addTeam(
  admin: LuodiClient,
  team: {
    department: string;
    manager: { email: string; name: string };
    reports: ReadonlyArray<{ email: string; name: string }>;
    password: string;
  },
): Promise<{ departmentId: string; managerId: string; reportIds: string[] }> {
  const [root] = await admin.departments.list();
  const department = await admin.departments.create({ name: team.department, parentId: root?.id ?? "" });
  const add = (who: { email: string; name: string }, managerId?: string) =>
    admin.members.create({
      ...who,
      password: team.password,
      role: "member",
      departmentId: department.id,
      ...(managerId ? { managerId } : {}),
    });
  const manager = await add(team.manager);
  const reportIds: string[] = [];
  for (const person of team.reports) reportIds.push((await add(person, manager.userId)).userId);
  return { departmentId: department.id, managerId: manager.userId, reportIds };
}

/** The calendar quarter that contains a date, as a cycle input. */
export function currentQuarter(today = new Date()): { startDate: string; endDate: string; name: string } {
  const year = today.getUTCFullYear();
  const quarter = Math.floor(today.getUTCMonth() / 3);
  const start = new Date(Date.UTC(year, quarter * 3, 1));
  const end = new Date(Date.UTC(year, quarter * 3 + 3, 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { startDate: day(start), endDate: day(end), name: `${year} Q${quarter + 1}` };
}

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

/** The calendar quarter that contains a date, as a cycle input. */
export function currentQuarter(today = new Date()): { startDate: string; endDate: string; name: string } {
  const year = today.getUTCFullYear();
  const quarter = Math.floor(today.getUTCMonth() / 3);
  const start = new Date(Date.UTC(year, quarter * 3, 1));
  const end = new Date(Date.UTC(year, quarter * 3 + 3, 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { startDate: day(start), endDate: day(end), name: `${year} Q${quarter + 1}` };
}

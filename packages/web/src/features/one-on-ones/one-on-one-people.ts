import type { Member } from "@luodi/client";

/** Someone the caller may hold 1:1s with, and which side of it they sit on. */
export type OneOnOnePartner = { userId: string; name: string; side: "report" | "manager" };

/**
 * The active people the caller may offer a 1:1 to: everyone below them in the manager chain (as report)
 * and everyone above them (as manager). The server decides; this only fills the picker.
 */
export function oneOnOnePartners(members: readonly Member[], me: string): OneOnOnePartner[] {
  const byId = new Map(members.map((m) => [m.userId, m]));
  const chainOf = (userId: string): string[] => {
    const chain: string[] = [];
    const seen = new Set([userId]);
    let current = byId.get(userId)?.managerId ?? null;
    while (current !== null && !seen.has(current)) {
      chain.push(current);
      seen.add(current);
      current = byId.get(current)?.managerId ?? null;
    }
    return chain;
  };
  const managers = new Set(chainOf(me));
  return members
    .filter((m) => m.status === "active" && m.userId !== me)
    .flatMap((m): OneOnOnePartner[] => {
      if (managers.has(m.userId)) return [{ userId: m.userId, name: m.name, side: "manager" }];
      if (chainOf(m.userId).includes(me)) return [{ userId: m.userId, name: m.name, side: "report" }];
      return [];
    })
    .sort((a, b) => a.side.localeCompare(b.side) || a.name.localeCompare(b.name));
}

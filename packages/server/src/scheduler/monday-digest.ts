import { checkInWeek, elapsedFraction, keyResultHealthIn, localDayOf, type OrgSettings } from "@luodi/core";
import { type Executor, keyResultsUnderWayOf, type OrganizationRow } from "@luodi/db";
import type { AppContext } from "../context.ts";
import { digestExcerpt, digestTitle } from "../notifications/notification-texts.ts";
import { notifyFrom } from "../notifications/notify.ts";
import type { ScheduledJob } from "./scheduler.ts";

const WEEK_MS = 7 * 86_400_000;
/** Monday at 09:00 on the organization's clocks. */
const MONDAY_MORNING = { checkInWeekday: 1, checkInHour: 9 };

/**
 * The Monday digest (周一团队周报) to each manager: over the week that ended, how many of their direct
 * reports' key results under way were updated, which are at risk or off track (health by domain.md, at
 * the digest's instant), and who has not checked in at all.
 */
export const mondayDigest: ScheduledJob = {
  name: "digest",
  async occurrences(_ctx: AppContext, org: OrganizationRow, _settings: OrgSettings, now: Date) {
    return [{ key: "digest", at: new Date(checkInWeek(MONDAY_MORNING, org.timezone, now).startMs) }];
  },
  async run(ctx: AppContext, trx: Executor, org: OrganizationRow, _settings: OrgSettings, at: Date) {
    const graph = await ctx.graphs.get(trx, org.id);
    const reportsOf = new Map<string, string[]>();
    for (const member of graph.members.values()) {
      const manager = member.managerId ? graph.members.get(member.managerId) : undefined;
      if (member.status !== "active" || !manager || manager.status !== "active") continue;
      const reports = reportsOf.get(manager.userId);
      if (reports) reports.push(member.userId);
      else reportsOf.set(manager.userId, [member.userId]);
    }
    const everyone = [...reportsOf.values()].flat();
    // Grouped by owner once: a company of 10,000 has hundreds of managers, each reading only their reports'.
    const byOwner = new Map<string, Awaited<ReturnType<typeof keyResultsUnderWayOf>>>();
    for (const kr of await keyResultsUnderWayOf(trx, org.id, everyone)) {
      const owned = byOwner.get(kr.ownerId);
      if (owned) owned.push(kr);
      else byOwner.set(kr.ownerId, [kr]);
    }
    const weekAgo = new Date(at.getTime() - WEEK_MS).toISOString();
    const names = new Map(
      (
        await trx
          .selectFrom("user")
          .select(["id", "name"])
          .where("id", "in", everyone.length > 0 ? everyone : [""])
          .execute()
      ).map((u) => [u.id, u.name]),
    );
    const day = localDayOf(at.getTime(), org.timezone);
    const title = digestTitle(org.locale, day);
    let told = 0;
    for (const [managerId, reports] of reportsOf) {
      const theirs = reports.flatMap((id) => byOwner.get(id) ?? []);
      if (theirs.length === 0) continue;
      const health = theirs.map((kr) =>
        keyResultHealthIn(kr.status, {
          progress: kr.progress,
          confidence: kr.confidence,
          elapsed: elapsedFraction(kr, at, org.timezone),
        }),
      );
      const updated = theirs.filter((kr) => kr.lastCheckInAt !== null && kr.lastCheckInAt >= weekAgo);
      const updatedOwners = new Set(updated.map((kr) => kr.ownerId));
      const silent = reports.filter((id) => byOwner.has(id) && !updatedOwners.has(id));
      await notifyFrom(ctx, trx, { org, actor: null }, [
        {
          kind: "digest",
          recipientIds: [managerId],
          subject: { type: "team", id: managerId, title },
          excerpt: digestExcerpt(org.locale, {
            updated: updated.length,
            total: theirs.length,
            atRisk: health.filter((h) => h === "at_risk").length,
            offTrack: health.filter((h) => h === "off_track").length,
            silent: silent.map((id) => names.get(id) ?? id),
          }),
          link: "/team",
        },
      ]);
      told += 1;
    }
    return told;
  },
};

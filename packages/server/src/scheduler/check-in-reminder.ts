import { checkInWeek, type OrgSettings } from "@luodi/core";
import { type Executor, type OrganizationRow, ownersWithoutCheckInSince } from "@luodi/db";
import type { AppContext } from "../context.ts";
import { notifyFrom } from "../notifications/notify.ts";
import type { ScheduledJob } from "./scheduler.ts";

/**
 * The weekly check-in reminder (每周进展提醒): on the organization's check-in weekday and hour, on its
 * clocks, to the people whose key results under way had no check-in during the week that just ended —
 * nobody who already checked in hears of it.
 */
export const checkInReminder: ScheduledJob = {
  name: "check_in_reminder",
  async occurrences(_ctx: AppContext, org: OrganizationRow, settings: OrgSettings, now: Date) {
    const week = checkInWeek(settings, org.timezone, now);
    return [{ key: "check_in_reminder", at: new Date(week.startMs) }];
  },
  async run(ctx: AppContext, trx: Executor, org: OrganizationRow, settings: OrgSettings, at: Date) {
    const previous = checkInWeek(settings, org.timezone, at.getTime() - 1);
    const owners = await ownersWithoutCheckInSince(trx, org.id, new Date(previous.startMs).toISOString());
    // One notification per person: its subject is one of their KRs still waiting, the link their check-in page.
    for (const owner of owners) {
      await notifyFrom(ctx, trx, { org, actor: null }, [
        {
          kind: "check_in_reminder",
          recipientIds: [owner.userId],
          subject: { type: "key_result", id: owner.keyResultId, title: owner.title },
          link: "/check-in",
        },
      ]);
    }
    return owners.length;
  },
};

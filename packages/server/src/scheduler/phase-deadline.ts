import { localDayOf, localTimeMs, type OrgSettings } from "@luodi/core";
import { type Executor, listObjectiveOwnersInCycle, type OrganizationRow, readJson } from "@luodi/db";
import type { AppContext } from "../context.ts";
import { notifyFrom } from "../notifications/notify.ts";
import type { ScheduledJob } from "./scheduler.ts";

const DAY_MS = 86_400_000;

/**
 * Phase deadline reminders (阶段截止提醒): the day before a cycle's current phase is due, at the
 * organization's check-in hour on its clocks, to everyone who owns objectives in that cycle.
 */
export const phaseDeadline: ScheduledJob = {
  name: "phase_deadline",
  async occurrences(ctx: AppContext, org: OrganizationRow, settings: OrgSettings) {
    const cycles = await ctx.cycles.get(ctx, ctx.db, org.id);
    const due: { key: string; at: Date }[] = [];
    for (const cycle of cycles.values()) {
      const date = readJson(cycle.phaseDue)[cycle.phase];
      if (!date) continue;
      const [year, month, day] = date.split("-").map(Number);
      const at = localTimeMs(
        { year: year ?? 1970, month: month ?? 1, day: (day ?? 1) - 1 },
        settings.checkInHour,
        org.timezone,
      );
      due.push({ key: `phase_deadline:${cycle.id}:${cycle.phase}`, at: new Date(at) });
    }
    return due;
  },
  async run(ctx: AppContext, trx: Executor, org: OrganizationRow, _settings: OrgSettings, at: Date) {
    const cycles = await ctx.cycles.get(ctx, trx, org.id);
    // The key names the cycle; the cycle due at this instant is the one to announce.
    const cycle = [...cycles.values()].find((c) => {
      const date = readJson(c.phaseDue)[c.phase];
      return date !== undefined && dayBefore(date) === localDate(at, org.timezone);
    });
    if (!cycle) return 0;
    const owners = await listObjectiveOwnersInCycle(trx, org.id, cycle.id);
    await notifyFrom(ctx, trx, { org, actor: null }, [
      {
        kind: "phase_deadline",
        recipientIds: owners,
        subject: { type: "cycle", id: cycle.id, title: cycle.name },
      },
    ]);
    return owners.length;
  },
};

function localDate(at: Date, timeZone: string): string {
  const d = localDayOf(at.getTime(), timeZone);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

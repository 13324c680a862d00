import type { OrgSettings } from "@luodi/core";
import {
  claimScheduledRun,
  type Executor,
  finishScheduledRun,
  listOrganizationsForSchedule,
  type OrganizationRow,
} from "@luodi/db";
import { parseSettings } from "../auth/resolve-auth.ts";
import type { AppContext } from "../context.ts";
import { inTransaction } from "../services/transaction.ts";

/** A job that runs at instants computed from each organization's settings and clocks. */
export type ScheduledJob = {
  name: string;
  /** The occurrences due at `now` (the latest of each series), each with the key that makes it unique. */
  occurrences(
    ctx: AppContext,
    org: OrganizationRow,
    settings: OrgSettings,
    now: Date,
  ): Promise<{ key: string; at: Date }[]>;
  /** Sends it, in the transaction that claims it; answers how many people were told. */
  run(ctx: AppContext, trx: Executor, org: OrganizationRow, settings: OrgSettings, at: Date): Promise<number>;
};

/** How late an occurrence may still be sent (the server was down): within the day, not a week later. */
const CATCH_UP_MS = 24 * 3_600_000;

/**
 * Runs the scheduled jobs (reminders) exactly once per occurrence, with one interface on both databases:
 * each occurrence is claimed by a row (scheduled_run) inserted in the same transaction that writes its
 * notifications. Two instances on one PostgreSQL cannot both claim it; an instance killed mid-run rolls
 * back its claim with its notifications, so the occurrence is sent by the next tick, here or elsewhere; an
 * occurrence missed while every server was down is caught up on the first tick after start, once.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  onError: (error: unknown) => void = () => {};

  constructor(
    private readonly ctx: AppContext,
    private readonly jobs: readonly ScheduledJob[],
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
    // Catch up at once on start.
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs what is due now; overlapping ticks share one run. */
  tick(): Promise<void> {
    if (!this.running) {
      this.running = this.runDue()
        .catch((error: unknown) => this.onError(error))
        .finally(() => {
          this.running = null;
        });
    }
    return this.running;
  }

  private async runDue(): Promise<void> {
    const now = this.ctx.config.now();
    for (const org of await listOrganizationsForSchedule(this.ctx.db)) {
      const settings = parseSettings(org);
      for (const job of this.jobs) {
        for (const occurrence of await job.occurrences(this.ctx, org, settings, now)) {
          const late = now.getTime() - occurrence.at.getTime();
          // Not yet, too late to be useful, or before the organization existed.
          if (late < 0 || late > CATCH_UP_MS || occurrence.at.toISOString() < org.createdAt) continue;
          await this.runOnce(job, org, settings, occurrence);
        }
      }
    }
  }

  private async runOnce(
    job: ScheduledJob,
    org: OrganizationRow,
    settings: OrgSettings,
    occurrence: { key: string; at: Date },
  ): Promise<void> {
    const key = { orgId: org.id, job: occurrence.key, occurrence: occurrence.at.toISOString() };
    let ran = false;
    try {
      await inTransaction(this.ctx, async (trx) => {
        const claimed = await claimScheduledRun(trx, {
          ...key,
          ranAt: this.ctx.config.now().toISOString(),
          recipients: 0,
        });
        if (!claimed) return;
        ran = true;
        const told = await job.run(this.ctx, trx, org, settings, occurrence.at);
        await finishScheduledRun(trx, key, told);
      });
    } catch (error) {
      this.ctx.metrics.jobs.inc({ job: job.name, outcome: "failed" });
      throw error;
    }
    // Counted once committed: an occurrence another instance claimed is theirs to count.
    if (ran) this.ctx.metrics.jobs.inc({ job: job.name, outcome: "ran" });
  }
}

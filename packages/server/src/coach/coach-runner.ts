import { Worker } from "node:worker_threads";
import {
  AppError,
  COACH_MAX_CHARACTERS,
  COACH_TIME_BUDGET_MS,
  type CoachInput,
  type CoachLocale,
  type CoachReview,
  coachTextLength,
} from "@luodi/core";

/*
 * The coach reads text with many rules; a long objective costs it tens of milliseconds of CPU, and a
 * few at once, run on the server's thread, kept /healthz and every other request waiting (issue 15).
 * So reviews run on a worker thread, one at a time, under two budgets per review:
 * - size: at most COACH_MAX_CHARACTERS characters (413 `coach.too_large`, before any work);
 * - time: COACH_TIME_BUDGET_MS from when the worker can take the review — the wait behind other reviews
 *   included, the worker's start-up not — to its findings. A review over budget is answered 422
 *   `coach.over_budget`; if it is the one running, the worker is stopped and a fresh one takes the next.
 * One worker serves the whole process (every app built in it); it starts with the first review and never
 * keeps the process alive on its own.
 */

type Job = {
  id: number;
  input: CoachInput;
  locale: CoachLocale;
  budgetMs: number;
  resolve: (review: CoachReview) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout | null;
  settled: boolean;
};

type WorkerMessage = { ready: true } | { id: number; review?: CoachReview; error?: string };

const WORKER_URL = new URL("./coach-worker.mjs", import.meta.url);

class CoachRunner {
  private worker: Worker | null = null;
  private ready = false;
  private queue: Job[] = [];
  private running: Job | null = null;
  private nextId = 1;

  review(input: CoachInput, locale: CoachLocale, budgetMs: number): Promise<CoachReview> {
    if (coachTextLength(input) > COACH_MAX_CHARACTERS) {
      return Promise.reject(new AppError("coach.too_large", { max: COACH_MAX_CHARACTERS }));
    }
    return new Promise((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        input,
        locale,
        budgetMs,
        resolve,
        reject,
        timer: null,
        settled: false,
      };
      this.queue.push(job);
      if (this.ready) this.arm(job);
      this.pump();
    });
  }

  /** Starts a job's clock (once a worker can take it); a budget of 0 is spent before any work. */
  private arm(job: Job): void {
    if (job.budgetMs <= 0) {
      queueMicrotask(() => this.expire(job));
      return;
    }
    job.timer ??= setTimeout(() => this.expire(job), job.budgetMs);
  }

  private settle(job: Job, outcome: { review: CoachReview } | { error: unknown }): void {
    if (job.settled) return;
    job.settled = true;
    if (job.timer) clearTimeout(job.timer);
    if ("review" in outcome) job.resolve(outcome.review);
    else job.reject(outcome.error);
  }

  private expire(job: Job): void {
    this.settle(job, { error: new AppError("coach.over_budget", { ms: job.budgetMs }) });
    if (this.running === job) {
      // The worker is busy with it and cannot be interrupted otherwise: a fresh one takes the next review.
      this.running = null;
      void this.worker?.terminate();
      this.worker = null;
      this.ready = false;
    }
    this.pump();
  }

  private pump(): void {
    this.queue = this.queue.filter((job) => !job.settled);
    // The worker keeps the process alive while a review waits for it (a CLI awaiting one), never when idle.
    if (this.running || this.queue.length > 0) this.worker?.ref();
    else this.worker?.unref();
    if (this.running || this.queue.length === 0) return;
    const worker = this.ensureWorker();
    if (!this.ready) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    worker.postMessage({ id: job.id, input: job.input, locale: job.locale });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // Referenced from the start: it only starts for a review that waits for it.
    const worker = new Worker(WORKER_URL);
    this.worker = worker;
    const current = () => this.worker === worker;
    worker.on("message", (message: WorkerMessage) => {
      if (!current()) return;
      if ("ready" in message) {
        this.ready = true;
        for (const job of this.queue) this.arm(job);
        this.pump();
        return;
      }
      const job = this.running;
      if (!job || job.id !== message.id) return;
      this.running = null;
      this.settle(
        job,
        message.review ? { review: message.review } : { error: new Error(message.error ?? "coach failed") },
      );
      this.pump();
    });
    const fail = (error: unknown) => {
      if (!current()) return;
      // A worker that cannot start or died: what waited fails; the next review starts a new worker.
      this.worker = null;
      this.ready = false;
      const jobs = [...(this.running ? [this.running] : []), ...this.queue];
      this.running = null;
      this.queue = [];
      for (const job of jobs) this.settle(job, { error });
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the coach's worker stopped (exit code ${code})`)));
    return worker;
  }
}

const runner = new CoachRunner();

/**
 * Reviews an OKR on the coach's worker thread within its budgets (see above): the review, or AppError
 * `coach.too_large` (413) or `coach.over_budget` (422).
 */
export function reviewWithinBudget(
  input: CoachInput,
  locale: CoachLocale,
  budgetMs = COACH_TIME_BUDGET_MS,
): Promise<CoachReview> {
  return runner.review(input, locale, budgetMs);
}

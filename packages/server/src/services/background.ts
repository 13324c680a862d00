/**
 * Work a request starts and does not wait for (an email whose sending must not show in the answer's
 * timing). The app waits for it when it closes; a failure is reported to `onError` (the server's log).
 */
export class BackgroundWork {
  private readonly pending = new Set<Promise<void>>();
  onError: (error: unknown) => void = () => {};

  run(task: () => Promise<void>): void {
    const running: Promise<void> = task()
      .catch((error: unknown) => this.onError(error))
      .finally(() => this.pending.delete(running));
    this.pending.add(running);
  }

  /** Resolves once everything started so far has finished. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}

import type { AppContext } from '#core/http';

export interface Scheduler {
  /** Runs every job once now (the interval calls this too); a tick already running is not doubled. */
  tick(): Promise<void>;
  /**
   * No new tick starts; resolves when the one in flight has finished its current job, so the
   * rows it leased (FOR UPDATE SKIP LOCKED, advisory locks, all transaction-scoped) are
   * committed or rolled back and free for the other processes before the database closes.
   */
  stop(): Promise<void>;
}

// Polls the due-jobs runner every few seconds. Each job leases rows with
// FOR UPDATE SKIP LOCKED, so several app servers can run this loop side by side.
export function startScheduler(ctx: AppContext, intervalMs = Number(process.env.SCHEDULER_INTERVAL_MS ?? 15000)): Scheduler {
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  const run = async () => {
    // A first start's demo seed is still being written: the jobs wait for the data they work on.
    if (ctx.startup?.progress() !== undefined) return;
    try {
      for (const job of ctx.registry.jobs) {
        if (stopped) break;
        await job(ctx);
      }
    } catch (err) {
      console.error('scheduler tick failed', err instanceof Error ? err.message : err);
    }
  };
  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (inFlight) return inFlight;
    inFlight = run().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await inFlight;
    },
  };
}

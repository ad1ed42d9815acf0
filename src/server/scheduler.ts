import type { AppContext } from '#core/http';

// Polls the due-jobs runner every few seconds. Each job leases rows with
// FOR UPDATE SKIP LOCKED, so several app servers can run this loop side by side.
export function startScheduler(ctx: AppContext, intervalMs = Number(process.env.SCHEDULER_INTERVAL_MS ?? 15000)) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of ctx.registry.jobs) await job(ctx);
    } catch (err) {
      console.error('scheduler tick failed', err instanceof Error ? err.message : err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}

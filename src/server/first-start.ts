import { countStatements, type Database } from '#core/db';
import type { Registry, StartupWork } from '#core/http';
import { DEMO_SEED_STATEMENTS, type SeedResult, seedDemoOnce } from './demo/demo-seed';

/**
 * Issue 11 (cold start): the demo seed of a first start, written after the server listens. The
 * `work` is what the app's requests wait on and what the health check reports (statements sent
 * of about how many the seed sends); `begin()` starts the seed, once, and answers its result.
 */
export function seedAfterListening(database: Database, registry: Registry, today: Date): { work: StartupWork; begin(): Promise<SeedResult> } {
  let running = true;
  let sent = () => 0;
  let settle!: (result: Promise<SeedResult>) => void;
  const result = new Promise<SeedResult>((resolve) => {
    settle = resolve;
  });
  const done = result.then(() => {
    running = false;
  });
  // A failure reaches the caller through begin(); the waiting requests answer 503.
  done.catch(() => undefined);
  let begun = false;
  return {
    work: {
      done,
      // Never 100 % before it is over: the figure is an estimate.
      progress: () => (running ? { done: Math.min(sent(), DEMO_SEED_STATEMENTS - 1), total: DEMO_SEED_STATEMENTS } : undefined),
    },
    begin() {
      if (!begun) {
        begun = true;
        const counter = countStatements(database.db);
        sent = counter.count;
        const seeding = seedDemoOnce(database, registry, today);
        settle(seeding);
        void seeding.finally(() => counter.stop()).catch(() => undefined);
      }
      return result;
    },
  };
}

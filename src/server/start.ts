import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Database, migrate } from '#core/db';
import type { AppContext, ZodApp } from '#core/http';
import { countOrganisations } from '#core/org';
import { type AppOptions, buildApp } from './app';
import { readConfig, type ServerConfig } from './config';
import { alreadySeeded, demoSeedNeeded, type SeedResult, seedDemoOnce } from './demo/demo-seed';
import { seedAfterListening } from './first-start';
import { makeContext, openAppDatabase } from './runtime';
import { type Scheduler, startScheduler } from './scheduler';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app only when its sources are newer than the last build. */
export async function ensureWebBuilt(root: string, log: (s: string) => void): Promise<void> {
  const dist = join(root, 'web/dist/index.html');
  const src = join(root, 'web/src');
  if (!existsSync(src)) return;
  const built = existsSync(dist) ? statSync(dist).mtimeMs : 0;
  const sources = Math.max(newestMtime(src), statSync(join(root, 'web/index.html')).mtimeMs, statSync(join(root, 'web/vite.config.ts')).mtimeMs);
  if (built >= sources) return;
  log('正在构建网页端 Building the web app…');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'warn' });
}

export interface InstanceOptions {
  /** Seed the two demo organisations on first start: the embedded PGlite default does, a PostgreSQL server only when asked (`zhidu seed --demo`). */
  demo?: boolean;
  clock?: () => Date;
  logger?: AppOptions['logger'];
  /** Listen on config.port; false keeps the app for inject() (tests). */
  listen?: boolean;
  schedulerIntervalMs?: number;
  /** An already open database to share (several instances on one PGlite in a test); the caller closes it. */
  database?: Database;
  /**
   * Seed the demo after listening instead of before (`npm start`): health answers at once, API
   * requests wait for the seed, and `seeding` settles when it is written. Tests leave it off:
   * they want the demo there when the instance is returned.
   */
  seedAfterListening?: boolean;
}

/** One app process: its database (migrated), the first-start work, the HTTP app and the scheduler. */
export interface AppInstance {
  app: ZodApp;
  ctx: AppContext;
  database: Database;
  scheduler: Scheduler;
  seed: SeedResult | undefined;
  /** With seedAfterListening on a first start: the seed being written, after the server listens. */
  seeding: Promise<SeedResult> | undefined;
  /** Graceful stop: no new requests (in-flight ones finish), the scheduler finishes and frees its leases, the database closes. */
  stop(): Promise<void>;
}

/**
 * Starts one instance. Several processes may do this at the same moment on one PostgreSQL
 * database: migrations and the first-start seed each run under an advisory lock (the second
 * process waits, then finds them done); sessions, sign-in limits and job leases are rows.
 */
export async function startInstance(config: ServerConfig, options: InstanceOptions = {}): Promise<AppInstance> {
  const shared = options.database;
  const database = shared ?? (await openAppDatabase(config));
  if (shared) await migrate(shared);
  const ctx = makeContext(database, config.filesDir, options.clock);
  const demo = options.demo ?? !config.databaseUrl;
  // Issue 11: a first start's demo seed (10–20 s of CPU) may run after the server listens, so
  // the server is up in seconds; API requests wait for it and the login page shows progress.
  // One look decides it: seeded already (the logins only), to seed after listening, or (tests) now.
  const afterListening = demo && options.seedAfterListening === true;
  const needed = afterListening && (await demoSeedNeeded(database.db));
  const later = needed ? seedAfterListening(database, ctx.registry, ctx.clock()) : undefined;
  if (later) ctx.startup = later.work;
  const seed = !demo || needed ? undefined : afterListening ? alreadySeeded() : await seedDemoOnce(database, ctx.registry, ctx.clock());
  // Errors (every 5xx) are logged whatever LOG_LEVEL says; LOG_LEVEL=info adds every request.
  const app = await buildApp(ctx, {
    webDir: config.webDir,
    logger: options.logger ?? { level: process.env.LOG_LEVEL ?? 'error' },
    trustProxy: config.trustProxy,
  });
  if (options.listen !== false) await app.listen({ port: config.port, host: config.host });
  const seeding = later?.begin();
  const scheduler = startScheduler(ctx, options.schedulerIntervalMs);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // A first start's seed is finished, not cut off: a half-written demo would stay half.
      await seeding?.catch(() => undefined);
      // app.close() answers new requests 503 and waits for those in flight; the scheduler lets
      // its current job commit. Only then is the pool closed under them.
      await Promise.all([app.close(), scheduler.stop()]);
      if (!shared) await database.close();
    })();
    return stopping;
  };
  return { app, ctx, database, scheduler, seed, seeding, stop };
}

export async function startServer(): Promise<void> {
  const started = Date.now();
  const root = resolve(process.cwd());
  const config = readConfig();
  if (process.env.SKIP_WEB_BUILD !== '1') await ensureWebBuilt(root, console.log);
  const instance = await startInstance(config, { seedAfterListening: true });
  const { database, seeding } = instance;
  const url = `http://localhost:${config.port}`;
  console.log(`\n制度 Zhidu 已启动 ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url}`);
  console.log(`数据库 Database: ${database.kind === 'pg' ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${config.dataDir}`}`);
  const printLogins = (seed: SeedResult) => {
    console.log(`\n示例账号 Demo logins (密码 password: ${seed.password})`);
    for (const l of seed.logins) console.log(`  ${l.organisation}  ${l.username.padEnd(18)} ${l.displayName}  [${l.roles.join(', ')}]`);
  };
  if (seeding) {
    console.log('正在写入示例数据（仅首次启动），页面可先打开 Writing the demo data (first start only); the pages open meanwhile…');
    seeding.then(
      (seed) => {
        if (seed.seeded) console.log(`已写入示例数据 Demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        printLogins(seed);
      },
      (err) => {
        console.error(`示例数据写入失败 demo seed failed: ${err instanceof Error ? err.message : err}`);
        process.exit(1);
      },
    );
  } else if (instance.seed) {
    printLogins(instance.seed);
  } else if ((await countOrganisations(database.db)) === 0) {
    console.log('\n数据库中还没有组织。写入示例数据：npx zhidu seed --demo\nNo organisation yet. To add the demo data: npx zhidu seed --demo');
  }
  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    signals++;
    // A second Ctrl+C does not wait any longer.
    if (signals > 1) process.exit(1);
    console.log(`\n${signal}: 正在停止 stopping (finishing requests and scheduled jobs)…`);
    const timer = setTimeout(() => {
      console.error('停止超时 shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    instance.stop().then(
      () => process.exit(0),
      (err) => {
        console.error('停止出错 shutdown failed', err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

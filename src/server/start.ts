import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildApp } from './app';
import { readConfig } from './config';
import { seedDemo } from './demo/demo-seed';
import { makeContext, openAppDatabase } from './runtime';
import { startScheduler } from './scheduler';

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

export async function startServer(): Promise<void> {
  const started = Date.now();
  const root = resolve(process.cwd());
  const config = readConfig();
  if (process.env.SKIP_WEB_BUILD !== '1') await ensureWebBuilt(root, console.log);
  const database = await openAppDatabase(config);
  const ctx = makeContext(database, config.filesDir);
  const seed = await seedDemo(ctx.db, ctx.registry, ctx.clock());
  // Errors (every 5xx) are logged whatever LOG_LEVEL says; LOG_LEVEL=info adds every request.
  const app = await buildApp(ctx, { webDir: config.webDir, logger: { level: process.env.LOG_LEVEL ?? 'error' }, trustProxy: config.trustProxy });
  await app.listen({ port: config.port, host: config.host });
  const scheduler = startScheduler(ctx);
  const url = `http://localhost:${config.port}`;
  console.log(`\n制度 Zhidu 已启动 ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url}`);
  console.log(`数据库 Database: ${database.kind === 'pg' ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${config.dataDir}`}`);
  if (seed.seeded) console.log('已写入示例数据 Demo data seeded.');
  console.log(`\n示例账号 Demo logins (密码 password: ${seed.password})`);
  for (const l of seed.logins) console.log(`  ${l.organisation}  ${l.username.padEnd(18)} ${l.displayName}  [${l.roles.join(', ')}]`);
  const stop = async () => {
    scheduler.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

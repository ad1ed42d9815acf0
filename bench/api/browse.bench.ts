import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import type { Workflows } from '#core/approval';
import { hashPassword } from '#core/auth';
import type { Db } from '#core/db';
import { notifyUsers } from '#core/notify';
import { roles, userRoles, users } from '#core/org';
import { approvedWineOrder, issueMonthlyPlan, newPlant, newWineOrder, type TestPlant } from '#production/testing';
import { countStatements, newPerson, TEST_PASSWORD } from '#test-support';
import type { BenchModule, BenchRow } from '../run.js';
import { type BenchSession, driverName, onEachDriver, fmtMs, must, pct, rowsOf, signIn, startServer } from './api-client.js';
import { postStockDocument } from './api-services.js';

// Issue 11: 500 signed-in users browsing lists through the real HTTP server, p99 ≤ 300 ms on
// PostgreSQL. Each user opens the list pages the web app has — production plans, sales orders,
// the stock page, training sessions, notifications, the inbox — one after another, reading each
// for 2–8 s (BENCH_THINK_MS), for DURATION seconds. The users run on a worker thread
// (browse.worker.mjs), so their fetch work does not queue on the server's thread.
// The plant behind the lists: the test plant with three monthly plans issued, 30 sales orders,
// STOCK_ITEMS materials with stock, 30 training sessions, and 30 notifications for every user.

const USERS = Number(process.env.BENCH_USERS ?? 500);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const THINK_MS = (process.env.BENCH_THINK_MS ?? '2000,8000').split(',').map(Number) as [number, number];
const STOCK_ITEMS = Number(process.env.BENCH_STOCK_ITEMS ?? 5_000);

const step = (what: string, since: number) => {
  if (process.env.BENCH_VERBOSE) console.error(`  ${what}: ${((performance.now() - since) / 1000).toFixed(1)} s`);
};

const monthOf = (d: Date, add: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1)).toISOString().slice(0, 7);

/** What the lists show: plans, orders, stock, training sessions. */
async function fillPlant(db: Db, wf: Workflows, base: string, p: TestPlant, now: Date): Promise<void> {
  let t0 = performance.now();
  for (const m of [-1, 0, 1]) await issueMonthlyPlan(db, wf, p, monthOf(now, m), 600, now);
  step('3 monthly plans issued', t0);
  t0 = performance.now();
  const shipOn = `${monthOf(now, 1)}-15`;
  for (let k = 0; k < 30; k++) {
    const order = { kind: 'contract' as const, customer: `客户 ${k}`, qty: 100 + k * 10, shipOn };
    if (k % 3 === 0) await approvedWineOrder(db, wf, p, order, now);
    else await newWineOrder(db, p, order, now);
  }
  step('30 sales orders', t0);
  t0 = performance.now();
  await db.execute(sql`insert into prod_items (org_id, code, name, unit, category, source, lead_time_days, supplier, sort)
    select ${p.orgId}::uuid, 'M' || lpad(i::text, 6, '0'), '物料 ' || i, '个', 'raw', 'buy', (i * 7) % 15, '供应商 ' || (i % 200), i
      from generate_series(0, ${STOCK_ITEMS - 1}) as i`);
  await db.execute(sql`insert into prod_stock (org_id, item_id, min_qty, max_qty, safety_stock)
    select org_id, id, m, m * 3, floor(m / 2) from (select org_id, id, 100 + (sort * 37) % 900 as m from prod_items where org_id = ${p.orgId} and code like 'M%') x`);
  const found = await db.execute(sql`select id, sort from prod_items where org_id = ${p.orgId} and code like 'M%' order by code`);
  const ids = rowsOf<{ id: string; sort: number }>(found);
  for (let start = 0; start < ids.length; start += 5000) {
    const lines = ids.slice(start, start + 5000).map((r) => ({ itemId: r.id, qty: 50 + ((r.sort * 53) % 2000) }));
    await db.transaction((tx) => postStockDocument(tx, p.system, { kind: 'opening', purpose: 'opening', lines }, now));
  }
  await db.execute(sql`analyze`);
  step(`${STOCK_ITEMS} materials with stock`, t0);
  t0 = performance.now();
  // The training office adds the month's sessions as the sessions page would.
  const office = await newPerson(db, p.orgId, ['training.read', 'training.session.manage', 'training.school.manage']);
  const officeSession = await signIn(db, office.username, TEST_PASSWORD);
  for (let k = 0; k < 30; k++) {
    const day = new Date(now.getTime() + (k - 5) * 86_400_000).toISOString().slice(0, 10);
    await must(201, base, officeSession, 'POST', '/training/sessions', {
      title: `专题培训 ${k}`,
      category: 'theory',
      date: day,
      startTime: '14:00',
      durationMinutes: 90,
      audience: 'all',
    });
  }
  step('30 training sessions', t0);
}

/** USERS accounts of one role (one argon2 hash shared), each signed in through the real login. */
async function createBrowsers(db: Db, p: TestPlant): Promise<{ ids: string[]; sessions: BenchSession[] }> {
  const code = `browse_${Date.now().toString(36)}`;
  await db.insert(roles).values({
    orgId: p.orgId,
    code,
    nameZh: '浏览',
    nameEn: 'browser',
    permissions: ['production.read', 'document.read', 'training.read', 'approval.act'],
  });
  const hash = await hashPassword(TEST_PASSWORD);
  const inserted = await db
    .insert(users)
    .values(
      Array.from({ length: USERS }, (_, i) => ({
        orgId: p.orgId,
        username: `${code}.${i}`,
        displayName: `用户${i}`,
        passwordHash: hash,
        departmentId: p.departments.get('生产部')!,
      })),
    )
    .returning({ id: users.id, username: users.username });
  await db.insert(userRoles).values(inserted.map((u) => ({ orgId: p.orgId, userId: u.id, roleCode: code })));
  const sessions: BenchSession[] = new Array(inserted.length);
  // Four logins at a time: argon2 runs on libuv's four threads.
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < inserted.length) {
        const k = next++;
        sessions[k] = await signIn(db, inserted[k].username, TEST_PASSWORD);
      }
    }),
  );
  return { ids: inserted.map((u) => u.id), sessions };
}

interface Outcome {
  ms: number;
  status: number;
  path: number;
  at: number;
}

async function runCase(driver: 'pglite' | 'pg'): Promise<BenchRow[]> {
  const server = await startServer(driver);
  const { ctx, base } = server;
  const db = ctx.db;
  try {
    const setupStarted = performance.now();
    const now = new Date();
    const p = await newPlant(db, ctx.registry.workflows, now);
    await fillPlant(db, ctx.registry.workflows, base, p, now);
    let t0 = performance.now();
    const browsers = await createBrowsers(db, p);
    step(`${USERS} users signed in`, t0);
    t0 = performance.now();
    for (let k = 0; k < 30; k++) {
      await notifyUsers(db, p.orgId, browsers.ids, {
        kind: 'production.plan.issued',
        title: { zh: `通知 ${k}`, en: `Notice ${k}` },
        body: { zh: '请查阅本月生产计划', en: 'See this month’s plan' },
        link: '/production/plans',
      });
    }
    step('notifications', t0);
    const setupMs = performance.now() - setupStarted;

    // The list pages' own requests (web/src/features: plans.page, orders.page, stock.page, sessions.page, notifications.page, inbox).
    const from = new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(now.getTime() + 28 * 86_400_000).toISOString().slice(0, 10);
    const paths = [
      '/production/plans',
      '/production/orders',
      '/production/stock/summary?limit=50&offset=0',
      `/training/sessions?from=${from}&to=${to}&includeCancelled=true`,
      '/notifications/page?unreadOnly=false&offset=0&limit=20&q=',
      '/inbox',
    ];
    // Every list answers before the run (and warms the server's caches as the first visitors would).
    for (const path of paths) await must(200, base, browsers.sessions[0], 'GET', path);

    const statements = countStatements(db);
    const worker = new Worker(new URL('./browse.worker.mjs', import.meta.url), {
      workerData: { base, users: browsers.sessions, paths, durationMs: DURATION_S * 1000, thinkMs: THINK_MS },
    });
    const { outcomes, wallMs } = await new Promise<{ outcomes: Outcome[]; wallMs: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    statements.stop();

    // BENCH_VERBOSE: the latency over the run, in 4-second windows (a queue shows as a bulge).
    for (let w = 0; process.env.BENCH_VERBOSE && w * 4000 < wallMs; w++) {
      const mine = outcomes.filter((o) => o.at >= w * 4000 && o.at < (w + 1) * 4000).map((o) => o.ms);
      if (mine.length) console.error(`  ${w * 4}–${w * 4 + 4} s: ${mine.length} requests, p50 ${fmtMs(pct(mine, 50))} / p99 ${fmtMs(pct(mine, 99))} ms`);
    }
    const ok = outcomes.filter((o) => o.status === 200);
    const errors = new Map<string, number>();
    for (const o of outcomes) if (o.status !== 200) errors.set(`${o.status} ${paths[o.path]}`, (errors.get(`${o.status} ${paths[o.path]}`) ?? 0) + 1);
    const ms = outcomes.map((o) => o.ms);
    const p99 = pct(ms, 99);
    const label = `${USERS} users, ${paths.length} lists, think ${THINK_MS[0] / 1000}–${THINK_MS[1] / 1000} s, ${DURATION_S} s, ${driverName(driver)}`;
    const rows: BenchRow[] = [];
    const row = (metric: string, value: string, target?: string, okFlag?: boolean) =>
      rows.push({ benchmark: 'api browse', case: label, metric, value, target, ok: okFlag });
    row('requests sent (per second)', `${outcomes.length} (${(outcomes.length / (wallMs / 1000)).toFixed(0)}/s)`);
    row(
      'HTTP 200 / errors',
      `${ok.length} / ${outcomes.length - ok.length}${errors.size ? ` (${[...errors].map(([k, n]) => `${n}× ${k}`).join(', ')})` : ''}`,
      'no error',
      ok.length === outcomes.length,
    );
    row('latency p50 / p95 / p99 / max', `${fmtMs(pct(ms, 50))} / ${fmtMs(pct(ms, 95))} / ${fmtMs(p99)} / ${fmtMs(Math.max(...ms))} ms`);
    // The target is PostgreSQL's (a server for 500 users); PGlite's figure is for information.
    row('latency p99', `${fmtMs(p99)} ms`, driver === 'pg' ? '≤ 300 ms' : '— (≤ 300 ms is PostgreSQL’s)', driver === 'pg' ? p99 <= 300 : undefined);
    row('SQL statements per request', (statements.count() / outcomes.length).toFixed(1));
    paths.forEach((path, k) => {
      const mine = outcomes.filter((o) => o.path === k).map((o) => o.ms);
      row(`${path.split('?')[0]}: p50 / p99 (${mine.length} requests)`, `${fmtMs(pct(mine, 50))} / ${fmtMs(pct(mine, 99))} ms`);
    });
    row('set-up (plant, lists, accounts, logins)', `${(setupMs / 1000).toFixed(1)} s`);
    return rows;
  } finally {
    await server.close();
  }
}

export const apiBrowseBenchmark: BenchModule = { name: 'api-browse', run: () => onEachDriver(runCase) };

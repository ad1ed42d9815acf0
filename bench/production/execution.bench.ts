import { and, eq, like, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import type { Db } from '#core/db';
import { getPolicy, runWithPolicyScope } from '#core/policy';
import { countStatements, createTestDatabase, type StatementCounter, testRegistry } from '#test-support';
import type { BenchModule, BenchRow } from '../run.js';
import {
  checkRequisitionPosting,
  compilePurchasePlan,
  computePurchase,
  findOnHand,
  findStockSummary,
  getPlanRow,
  issueMonthlyPlan,
  newExecutionPeople,
  newPlant,
  newRolePerson,
  postStockDocument,
  prodItems,
  submitReport,
} from './execution-services.js';

// Issue 9 quality bar (PP-15, PP-16, PP-18): posting a shift report or a warehouse document
// p95 ≤ 50 ms; stock on hand over 40,000 items ≤ 200 ms; the purchase plan over 40,000 bought
// materials ≤ 1 s. One plant (the test plant: a wine, its base wine, bottles and corks, three
// workshops, March and April plans issued) grown by ITEMS bought materials, each with stock
// standards, an opening balance posted through the ledger, and four weekly needs in the
// March plan's material requirements.

const ITEMS = Number(process.env.BENCH_ITEMS ?? 40_000);
const POSTS = Number(process.env.BENCH_POSTS ?? 200);
const SETUP_NOW = new Date('2026-03-01T01:00:00Z');

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const median = (xs: number[]) => pct(xs, 50);
const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const dist = (xs: number[]) => `${f(pct(xs, 50))} / ${f(pct(xs, 95))} / ${f(pct(xs, 99))} / ${f(Math.max(...xs))} ms`;

// BENCH_PROFILE=1 also prints, per case, the statements most often sent.
async function statementsOf(counter: StatementCounter, label: string, ops: number, fn: () => Promise<void>): Promise<string> {
  counter.reset();
  await fn();
  const per = counter.count() / ops;
  if (process.env.BENCH_PROFILE) {
    console.error(`  ${label}: ${per.toFixed(1)} statements per operation; most sent:`);
    for (const [q, k] of counter.mostSent().slice(0, 12)) console.error(`    ${(k / ops).toFixed(2)} × ${q.slice(0, 160).replace(/\s+/g, ' ')}`);
  }
  return per >= 10 ? per.toFixed(0) : per.toFixed(1);
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

/** A seeded generator, so every run grows the same plant. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const step = (what: string, since: number) => console.error(`  ${what}: ${((performance.now() - since) / 1000).toFixed(1)} s`);

async function growPlant(db: Db, orgId: string, system: Actor, planId: string): Promise<string[]> {
  const rnd = random(42);
  let t0 = performance.now();
  // Items and their stock standards in two set-based statements (the set-up is not measured).
  await db.execute(sql`insert into prod_items (org_id, code, name, unit, category, source, lead_time_days, supplier, sort)
    select ${orgId}::uuid, 'M' || lpad(i::text, 6, '0'), '物料 ' || i, '个', 'raw', 'buy', (i * 7) % 15, '供应商 ' || (i % 200), i
      from generate_series(0, ${ITEMS - 1}) as i`);
  await db.execute(sql`insert into prod_stock (org_id, item_id, min_qty, max_qty, safety_stock)
    select org_id, id, m, m * 3, floor(m / 2) from (select org_id, id, 100 + (sort * 37) % 900 as m from prod_items where org_id = ${orgId} and code like 'M%') x`);
  const ids = (
    await db
      .select({ id: prodItems.id })
      .from(prodItems)
      .where(and(eq(prodItems.orgId, orgId), like(prodItems.code, 'M%')))
      .orderBy(prodItems.code)
  ).map((r) => r.id);
  // A plant that has run for a while has its statistics (PostgreSQL's autovacuum analyses; PGlite
  // has none): without them the cached foreign-key and lookup plans of a small plant stay in force.
  await db.execute(sql`analyze`);
  step(`${ITEMS} items and stock standards`, t0);
  t0 = performance.now();
  // The opening balance through the ledger (期初单, 5,000 lines a document), as a plant would.
  for (let start = 0; start < ids.length; start += 5000) {
    const lines = ids.slice(start, start + 5000).map((itemId) => ({ itemId, qty: 50 + Math.floor(rnd() * 2000) }));
    await db.transaction((tx) => postStockDocument(tx, system, { kind: 'opening', purpose: 'opening', docDate: '2026-02-28', lines }, SETUP_NOW));
  }
  step('opening ledger', t0);
  t0 = performance.now();
  // Four weekly needs per material in the March plan's MRP (prod_plan_materials, kind buy).
  await db.execute(sql`insert into prod_plan_materials (org_id, plan_id, item_id, kind, need_on, release_on, gross, qty)
    select i.org_id, ${planId}::uuid, i.id, 'buy', w::date, w::date, 10 + (i.sort * 53 + extract(day from w)::int * 11) % 1500, 10 + (i.sort * 53 + extract(day from w)::int * 11) % 1500
      from prod_items i cross join unnest(array['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']::date[]) as w
     where i.org_id = ${orgId} and i.code like 'M%'`);
  await db.execute(sql`analyze`);
  step('MRP rows', t0);
  return ids;
}

/** Working days (Mon–Sat) from 2 March on. */
function workingDays(count: number): string[] {
  const out: string[] = [];
  for (let d = new Date('2026-03-02T00:00:00Z'); out.length < count; d = new Date(d.getTime() + 86_400_000)) {
    if (d.getUTCDay() !== 0) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

async function runCase(driver: 'pglite' | 'pg'): Promise<BenchRow[]> {
  process.env.ZHIDU_TEST_DRIVER = driver;
  const database = await createTestDatabase();
  const db = database.db;
  const where = driver === 'pg' ? 'PostgreSQL' : 'PGlite';
  try {
    const setupStarted = performance.now();
    const wf = testRegistry.workflows;
    const p = await newPlant(db, wf, SETUP_NOW);
    const x = await newExecutionPeople(db, p);
    const march = await issueMonthlyPlan(db, wf, p, '2026-03', 600, SETUP_NOW);
    await issueMonthlyPlan(db, wf, p, '2026-04', 600, SETUP_NOW);
    const ids = await growPlant(db, p.orgId, p.system, march.planId);
    const setupMs = performance.now() - setupStarted;
    const counter = countStatements(db);
    const rows: BenchRow[] = [];
    const row = (bench: string, label: string, metric: string, value: string, target?: string, ok?: boolean) =>
      rows.push({ benchmark: bench, case: `${label}, ${where}`, metric, value, target, ok });
    row(
      'production execution',
      `${ITEMS.toLocaleString('en')} bought materials`,
      'set-up (plant, 2 plans issued, items, opening ledger, MRP rows)',
      `${(setupMs / 1000).toFixed(1)} s`,
    );

    // (a) PP-18: shift reports through the service, each at 18:00 of its day; packing's 进仓
    // posts a production receipt; below-plan figures open the lag's coordination items.
    const shifts = [
      { workshopId: p.workshops.pack, shift: 1, itemId: p.items.wine, output: 560, warehouse: 540 },
      { workshopId: p.workshops.fill, shift: 1, itemId: p.items.wine, output: 300, warehouse: 0 },
      { workshopId: p.workshops.fill, shift: 2, itemId: p.items.wine, output: 280, warehouse: 0 },
      { workshopId: p.workshops.brew, shift: 1, itemId: p.items.base, output: 1400, warehouse: 0 },
      { workshopId: p.workshops.brew, shift: 2, itemId: p.items.base, output: 1300, warehouse: 0 },
    ];
    const days = workingDays(Math.ceil(POSTS / shifts.length));
    const reportMs: number[] = [];
    const reportSql = await statementsOf(counter, 'daily report', POSTS, async () => {
      for (let k = 0; k < POSTS; k++) {
        const day = days[Math.floor(k / shifts.length)];
        const s = shifts[k % shifts.length];
        const now = new Date(`${day}T10:00:00Z`);
        const body = {
          workshopId: s.workshopId,
          reportDate: day,
          shift: s.shift,
          hoursWorked: 9.5,
          stoppages: k % 7 === 0 ? [{ reason: 'material' as const, minutes: 30 }] : [],
          lines: [{ itemId: s.itemId, outputQty: s.output, warehouseQty: s.warehouse, scrapQty: 3 }],
        };
        // As the route runs it: in a request's policy scope (the policy is read once per request).
        const [ms] = await timed(() => runWithPolicyScope(() => submitReport(db, x.head, body, now)));
        reportMs.push(ms);
      }
    });
    const p95Report = pct(reportMs, 95);
    row(
      'production execution',
      `daily report (PP-18), ${POSTS} shift reports`,
      'submitReport p50 / p95 / p99 / max',
      dist(reportMs),
      'p95 ≤ 50 ms',
      p95Report <= 50,
    );
    row('production execution', `daily report (PP-18), ${POSTS} shift reports`, 'SQL statements per report', reportSql);

    // (b) PP-16: warehouse documents of 5 lines as the route posts them (requisition check,
    // ledger, balances, number, audit, in one transaction), then read back as the route answers.
    const rnd = random(7);
    const pick = () => Array.from({ length: 5 }, () => ids[Math.floor(rnd() * ids.length)]).filter((id, i, all) => all.indexOf(id) === i);
    const post = async (body: Parameters<typeof postStockDocument>[2], now: Date) =>
      db.transaction(async (tx) => postStockDocument(tx, p.planner, await checkRequisitionPosting(tx, p.planner, body), now));
    for (const [kind, purpose, qty] of [
      ['receipt', 'purchase', 40],
      ['issue', 'other', 7],
    ] as const) {
      const ms: number[] = [];
      const docSql = await statementsOf(counter, `warehouse ${kind}`, POSTS, async () => {
        for (let k = 0; k < POSTS; k++) {
          const now = new Date(`2026-03-${String(2 + (k % 25)).padStart(2, '0')}T03:00:00Z`);
          const [t] = await timed(() => post({ kind, purpose, note: 'bench', lines: pick().map((itemId) => ({ itemId, qty })) }, now));
          ms.push(t);
        }
      });
      row(
        'production execution',
        `warehouse ${kind} (PP-16), ${POSTS} documents of ≤ 5 lines`,
        'post p50 / p95 / p99 / max',
        dist(ms),
        'p95 ≤ 50 ms',
        pct(ms, 95) <= 50,
      );
      row('production execution', `warehouse ${kind} (PP-16), ${POSTS} documents of ≤ 5 lines`, 'SQL statements per document', docSql);
    }

    // (c) PP-16: stock on hand over the whole plant, as the warehouse page asks for it.
    const repeat = async (n: number, fn: () => Promise<unknown>) => {
      const out: number[] = [];
      for (let k = 0; k < n; k++) out.push((await timed(fn))[0]);
      return out;
    };
    const count = ITEMS + 4;
    const first = await repeat(5, () => findStockSummary(db, p.planner, { limit: 50, offset: 0 }));
    row(
      'production execution',
      `stock on hand, ${count.toLocaleString('en')} items`,
      'stock page: summary, first page of 50 with totals and low count (median of 5)',
      `${f(median(first))} ms`,
      '≤ 200 ms',
      median(first) <= 200,
    );
    const low = await repeat(5, () => findStockSummary(db, p.planner, { limit: 50, offset: 0, low: 'true' }));
    row(
      'production execution',
      `stock on hand, ${count.toLocaleString('en')} items`,
      'stock page: below-standard filter (median of 5)',
      `${f(median(low))} ms`,
      '≤ 200 ms',
      median(low) <= 200,
    );
    const places = await repeat(5, () => findOnHand(db, p.orgId, { limit: 2000 }));
    row(
      'production execution',
      `stock on hand, ${count.toLocaleString('en')} items`,
      'stock page: by location and lot, first 2,000 (median of 5)',
      `${f(median(places))} ms`,
      '≤ 200 ms',
      median(places) <= 200,
    );
    let allRows = 0;
    let all: number[] = [];
    const allSql = await statementsOf(counter, 'every balance', 5, async () => {
      all = await repeat(5, async () => {
        allRows = (await findOnHand(db, p.orgId, { limit: 50_000 })).length;
      });
    });
    row(
      'production execution',
      `stock on hand, ${count.toLocaleString('en')} items`,
      `every balance (${allRows.toLocaleString('en')} rows, GET /production/stock?limit=50000; median of 5)`,
      `${f(median(all))} ms`,
      // Information: 40,000 rows in one answer is an export, not a page anyone reads. The
      // issue's "stock on hand for 40,000 items ≤ 200 ms" is held by the stock page above.
      '— (export-sized)',
    );
    row('production execution', `stock on hand, ${count.toLocaleString('en')} items`, 'every balance: SQL statements', allSql);

    // (d) PP-15: the purchase plan netting every bought material of the March plan.
    const plan = await getPlanRow(db, p.orgId, march.planId);
    const { production } = await getPolicy(db, p.orgId);
    let materials = 0;
    let compute: number[] = [];
    const computeSql = await statementsOf(counter, 'computePurchase', 3, async () => {
      compute = await repeat(3, async () => {
        materials = (await computePurchase(db, p.orgId, plan, production, '2026-03-01')).materials.length;
      });
    });
    row(
      'production execution',
      `purchase plan (PP-15), ${materials.toLocaleString('en')} materials × 4 weekly needs`,
      'computePurchase: read + net + group (median of 3)',
      `${f(median(compute))} ms`,
      '≤ 1000 ms',
      median(compute) <= 1000,
    );
    row(
      'production execution',
      `purchase plan (PP-15), ${materials.toLocaleString('en')} materials × 4 weekly needs`,
      'computePurchase: SQL statements',
      computeSql,
    );
    const buyer = await newRolePerson(db, p.orgId, 'purchasing', ['production.read', 'production.purchase.write', 'document.read', 'document.write']);
    let compileMs = 0;
    const compileSql = await statementsOf(counter, 'compilePurchasePlan', 1, async () => {
      [compileMs] = await timed(() => compilePurchasePlan(db, wf, buyer, { sourcePlanId: march.planId }, SETUP_NOW));
    });
    row(
      'production execution',
      `purchase plan (PP-15), ${materials.toLocaleString('en')} materials × 4 weekly needs`,
      'compilePurchasePlan: compute + store lines + approval document',
      `${f(compileMs)} ms`,
    );
    row(
      'production execution',
      `purchase plan (PP-15), ${materials.toLocaleString('en')} materials × 4 weekly needs`,
      'compilePurchasePlan: SQL statements',
      compileSql,
    );
    return rows;
  } finally {
    await database.drop();
  }
}

// BENCH_DRIVER=pg (or pglite) runs one of the two only.
const driversOf = (): ('pglite' | 'pg')[] =>
  (process.env.TEST_DATABASE_URL ? ['pglite' as const, 'pg' as const] : ['pglite' as const]).filter(
    (d) => !process.env.BENCH_DRIVER || d === process.env.BENCH_DRIVER,
  );

async function runProductionExecution(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const driver of driversOf()) rows.push(...(await runCase(driver)));
  return rows;
}

export const productionExecutionBenchmark: BenchModule = { name: 'production-execution', run: runProductionExecution };

import { sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import type { Db } from '#core/db';
import { newPlant, type TestPlant } from '#production/testing';
import { countStatements, type StatementCounter, TEST_PASSWORD } from '#test-support';
import type { BenchModule, BenchRow } from '../run.js';
import { type Answer, type BenchSession, driverName, onEachDriver, fmtMs, median, must, rowsOf, signIn, startServer } from './api-client.js';
import { postStockDocument } from './api-services.js';

// Issue 11: through the real HTTP server, a monthly plan of 1,000 product lines on a plant of
// 20,000 items is approved and issued (the approval runs the MRP decomposition and stores the
// part, purchase and outsourcing plans; issue sends it to the departments) ≤ 1 s; the plan's
// capacity preview ≤ 300 ms; its material plan ≤ 200 ms; each with the SQL statements it sends
// (ERPNext: 15.2 s and 4,294 queries to submit a 613-item production plan).
//
// The plant: the test plant (a wine, its workshops, people and approval chains) grown by SQL
// to PRODUCTS finished goods in 50 families, SEMIS semi-finished parts (one in six outsourced)
// and the rest bought materials: a product takes 3 of its family's semi-finished parts and 4
// packaging materials, a semi-finished part 4 materials of its family and one of 100 common
// ones (22,000 BOM lines, 3 levels). Products are filled and packed in 6 workshops, parts made
// in 3. Each product runs about once a week (every STRIDE-th working day), 50–199 a run.

const ITEMS = Number(process.env.BENCH_ITEMS ?? 20_000);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 1_000);
const SEMIS = Number(process.env.BENCH_SEMIS ?? 3_000);
const STRIDE = Number(process.env.BENCH_STRIDE ?? 6);
const FAMILIES = 50;
const BOUGHT = ITEMS - PRODUCTS - SEMIS;
const REPEATS = 5;

const step = (what: string, since: number) => {
  if (process.env.BENCH_VERBOSE) console.error(`  ${what}: ${((performance.now() - since) / 1000).toFixed(1)} s`);
};

/** The first day of the month after `now` (the plan is written the month before it runs). */
function nextMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return d.toISOString().slice(0, 7);
}

/** Items, stock standards, opening stock, BOM, workshops and routings, in set-based statements. */
async function growPlant(db: Db, p: TestPlant): Promise<void> {
  const org = p.orgId;
  let t0 = performance.now();
  const perFamily = { semi: SEMIS / FAMILIES, bought: BOUGHT / FAMILIES, product: PRODUCTS / FAMILIES };
  if (![perFamily.semi, perFamily.bought, perFamily.product].every(Number.isInteger) || perFamily.bought < 80 + 4 * perFamily.semi)
    throw new Error('BENCH_ITEMS / BENCH_PRODUCTS / BENCH_SEMIS do not make whole families with enough materials');
  await db.execute(sql`insert into prod_items (org_id, code, name, spec, unit, category, source, lead_time_days, supplier, sort)
    select ${org}::uuid, 'F' || lpad(i::text, 5, '0'), '成品 ' || i, '规格 ' || (i % 7), '箱', 'finished', 'make', 0, '', i
      from generate_series(0, ${PRODUCTS - 1}) as i`);
  await db.execute(sql`insert into prod_items (org_id, code, name, unit, category, source, lead_time_days, supplier, sort)
    select ${org}::uuid, 'S' || lpad(i::text, 5, '0'), '半成品 ' || i, '件', 'semi', case when i % 6 = 5 then 'outsource' else 'make' end,
           1 + i % 3, case when i % 6 = 5 then '外协厂 ' || (i % 20) else '' end, i
      from generate_series(0, ${SEMIS - 1}) as i`);
  await db.execute(sql`insert into prod_items (org_id, code, name, unit, category, source, lead_time_days, lot_rule, lot_qty, supplier, sort)
    select ${org}::uuid, 'M' || lpad(i::text, 6, '0'), '物料 ' || i, '个', case when i % 4 = 0 then 'packaging' else 'raw' end, 'buy',
           (i * 7) % 15, case when i % 5 = 0 then 'multiple' else 'lfl' end, case when i % 5 = 0 then 50 end, '供应商 ' || (i % 200), i
      from generate_series(0, ${BOUGHT - 1}) as i`);
  await db.execute(sql`insert into prod_stock (org_id, item_id, min_qty, max_qty, safety_stock)
    select org_id, id, m, m * 3, case when code like 'M%' then floor(m / 4) else 0 end
      from (select org_id, id, code, 100 + (sort * 37) % 900 as m from prod_items where org_id = ${org} and code ~ '^[FSM][0-9]') x`);
  step(`${ITEMS} items and stock standards`, t0);
  t0 = performance.now();
  // Code → id, and the BOM by family (see the header).
  const bom = sql`insert into prod_bom_lines (org_id, parent_item_id, child_item_id, qty_per)
    select ${org}::uuid, a.id, b.id, e.qty from edges e
      join prod_items a on a.org_id = ${org} and a.code = e.parent
      join prod_items b on b.org_id = ${org} and b.code = e.child`;
  const F = (x: ReturnType<typeof sql>) => sql`'F' || lpad((${x})::text, 5, '0')`;
  const S = (x: ReturnType<typeof sql>) => sql`'S' || lpad((${x})::text, 5, '0')`;
  const M = (x: ReturnType<typeof sql>) => sql`'M' || lpad((${x})::text, 6, '0')`;
  // Product p (family p % 50, k-th of it): 3 semi-finished parts and 4 packaging materials of its family.
  await db.execute(sql`with edges as (
      select ${F(sql`p`)} as parent, ${S(sql`p % ${FAMILIES} + ${FAMILIES} * ((3 * (p / ${FAMILIES}) + j) % ${perFamily.semi})`)} as child, 1 + (p + j) % 2 as qty
        from generate_series(0, ${PRODUCTS - 1}) p cross join generate_series(0, 2) j
      union all
      select ${F(sql`p`)}, ${M(sql`p % ${FAMILIES} + ${FAMILIES} * ((4 * (p / ${FAMILIES}) + j) % ${perFamily.bought})`)}, 1
        from generate_series(0, ${PRODUCTS - 1}) p cross join generate_series(0, 3) j)
    ${bom}`);
  // Semi-finished part s: 4 materials of its family (after the packaging ones) and one of 100 common materials.
  await db.execute(sql`with edges as (
      select ${S(sql`s`)} as parent, ${M(sql`s % ${FAMILIES} + ${FAMILIES} * ((80 + 4 * (s / ${FAMILIES}) + j) % ${perFamily.bought})`)} as child, 0.5 + (s + j) % 3 as qty
        from generate_series(0, ${SEMIS - 1}) s cross join generate_series(0, 3) j
      union all
      select ${S(sql`s`)}, ${M(sql`(s * 7) % 100`)}, 0.1 from generate_series(0, ${SEMIS - 1}) s)
    ${bom}`);
  // Workshops: 4 filling and 2 packing for the products, 3 for the parts (Mon–Sat).
  await db.execute(sql`insert into prod_workshops (org_id, code, name, shifts_per_day, hours_per_shift, lines, working_weekdays, sort)
    select ${org}::uuid, w.code, w.name, w.shifts, w.hours, w.lines, array[1,2,3,4,5,6], w.sort
      from (values ('AF1', '灌装一车间', 2, 10, 4, 11), ('AF2', '灌装二车间', 2, 10, 4, 12), ('AF3', '灌装三车间', 2, 10, 4, 13), ('AF4', '灌装四车间', 2, 10, 4, 14),
                   ('AK1', '包装一车间', 2, 10, 4, 15), ('AK2', '包装二车间', 2, 10, 4, 16),
                   ('AS1', '部件一车间', 1, 8, 4, 17), ('AS2', '部件二车间', 1, 8, 4, 18), ('AS3', '部件三车间', 1, 8, 4, 19))
           as w(code, name, shifts, hours, lines, sort)`);
  await db.execute(sql`insert into prod_routing_ops (org_id, item_id, seq, workshop_id, hours_per_unit, offset_days)
    select i.org_id, i.id, o.seq, w.id, o.hours, o.off
      from prod_items i
      cross join lateral (values (10, 'AF' || (1 + i.sort % 4), 0.01, -1), (20, 'AK' || (1 + i.sort % 2), 0.005, 0)) as o(seq, code, hours, off)
      join prod_workshops w on w.org_id = i.org_id and w.code = o.code
     where i.org_id = ${org} and i.code like 'F%'
    union all
    select i.org_id, i.id, 10, w.id, 0.0008, 0
      from prod_items i join prod_workshops w on w.org_id = i.org_id and w.code = 'AS' || (1 + i.sort % 3)
     where i.org_id = ${org} and i.code like 'S%' and i.source = 'make'`);
  step('BOM, workshops, routings', t0);
  t0 = performance.now();
  // Opening stock through the ledger (期初单, 5,000 lines a document): a third of the parts, two in five materials.
  const stocked = await db.execute(sql`select id, (50 + (sort * 53) % 900)::float8 as qty from prod_items
    where org_id = ${org} and ((code like 'S%' and sort % 3 = 0) or (code like 'M%' and sort % 5 < 2)) order by code`);
  const lines = rowsOf<{ id: string; qty: number }>(stocked);
  for (let start = 0; start < lines.length; start += 5000) {
    const batch = lines.slice(start, start + 5000).map((l) => ({ itemId: l.id, qty: Number(l.qty) }));
    await db.transaction((tx) => postStockDocument(tx, p.system, { kind: 'opening', purpose: 'opening', lines: batch }, new Date()));
  }
  // A plant that has run for a while has its statistics (PGlite has no autovacuum).
  await db.execute(sql`analyze`);
  step('opening ledger, analyze', t0);
}

/** The month's lines: product p runs on every STRIDE-th working day (Mon–Sat), shifted by p. */
async function monthLines(db: Db, orgId: string, days: string[]) {
  const products = await db.execute(sql`select id, sort from prod_items where org_id = ${orgId} and code like 'F%' order by sort`);
  const rows = rowsOf<{ id: string; sort: number }>(products);
  const working = days.map((d) => new Date(`${d}T00:00:00Z`).getUTCDay() !== 0);
  return rows.map(({ id, sort }) => {
    let w = 0;
    const quantities = working.map((isWorking) => (isWorking && (w++ + sort) % STRIDE === 0 ? 50 + ((sort * 37 + w * 11) % 150) : 0));
    return { itemId: id, forecastQty: quantities.reduce((a, b) => a + b, 0), quantities };
  });
}

interface Doc {
  id: string;
  state: string;
  version: number;
  stepIndex: number | null;
  steps: { roleCode: string }[];
}

// BENCH_PROFILE=1 also prints the statements most often sent in each measured step.
function profile(counter: StatementCounter, label: string, ops: number): number {
  const per = counter.count() / ops;
  if (process.env.BENCH_PROFILE) {
    console.error(`  ${label}: ${per.toFixed(1)} statements per call; most sent:`);
    for (const [q, k] of counter.mostSent().slice(0, 12)) console.error(`    ${(k / ops).toFixed(2)} × ${q.slice(0, 160).replace(/\s+/g, ' ')}`);
  }
  return per;
}

/**
 * BENCH_TIMELINE=1: prints, for each measured call, the statements preceded by a gap of 40 ms or
 * more (the driver's logger hears a statement as it is sent, so a gap is the previous statement's
 * execution plus the JavaScript between them): where the time of a call goes, without touching src/.
 */
function timeline(db: Db): { mark(label: string): void; print(): void } {
  const session = (db as unknown as { session: { logger: unknown; options: { logger?: unknown } } }).session;
  const previous = session.logger as { logQuery?: (query: string, params: unknown[]) => void } | undefined;
  let events: [number, string][] = [];
  let label = '';
  const logger = {
    logQuery(query: string, params: unknown[]) {
      previous?.logQuery?.(query, params);
      events.push([performance.now(), query.slice(0, 110).replace(/\s+/g, ' ')]);
    },
  };
  if (process.env.BENCH_TIMELINE) {
    session.logger = logger;
    session.options.logger = logger;
  }
  return {
    mark(next: string) {
      label = next;
      events = [[performance.now(), `(${next} sent)`]];
    },
    print() {
      if (!process.env.BENCH_TIMELINE) return;
      const end = performance.now();
      console.error(`  timeline of ${label}: ${events.length - 1} statements, ${(end - events[0][0]).toFixed(0)} ms to the answer`);
      events.push([end, '(answer received)']);
      for (let k = 1; k < events.length; k++) {
        const gap = events[k][0] - events[k - 1][0];
        if (gap >= 40) console.error(`    +${gap.toFixed(0).padStart(5)} ms before: ${events[k][1]}`);
      }
    },
  };
}

async function runCase(driver: 'pglite' | 'pg'): Promise<BenchRow[]> {
  const server = await startServer(driver);
  const { ctx, base } = server;
  const db = ctx.db;
  try {
    const setupStarted = performance.now();
    const p = await newPlant(db, ctx.registry.workflows, new Date());
    await growPlant(db, p);
    const as = async (a: Actor) => signIn(db, a.username, TEST_PASSWORD);
    const planner = await as(p.planner);
    // Whoever holds a step's role approves it (the test plant's monthly chain: the vice president).
    const approvers = new Map<string, BenchSession>();
    for (const a of [p.vp, p.gm]) approvers.set(a.roles[0], await as(a));

    // The planner writes the month: a new plan, then the whole grid saved at once (with its capacity check), then submitted.
    let t0 = performance.now();
    const month = nextMonth(new Date());
    const created = await must<{ id: string; documentId: string }>(201, base, planner, 'POST', '/production/plans', { kind: 'monthly', month });
    const planId = created.json.id;
    const view0 = await must<{ version: number; buckets: string[] }>(200, base, planner, 'GET', `/production/plans/${planId}`);
    const lines = await monthLines(db, p.orgId, view0.json.buckets);
    const saved = await must(200, base, planner, 'PUT', `/production/plans/${planId}/lines`, { version: view0.json.version, lines });
    const view = await must<{ overloads: unknown[]; documentId: string }>(200, base, planner, 'GET', `/production/plans/${planId}`);
    if (view.json.overloads.length) throw new Error(`the bench plan overloads a workshop: ${JSON.stringify(view.json.overloads).slice(0, 800)}`);
    const documentId = view.json.documentId;
    const doc0 = await must<Doc>(200, base, planner, 'GET', `/documents/${documentId}`);
    const submitted = await must(200, base, planner, 'POST', `/production/plans/${planId}/submit`, { version: doc0.json.version, opinion: '请审批' });
    step('plan created, saved, submitted', t0);
    const setupMs = performance.now() - setupStarted;

    const rows: BenchRow[] = [];
    const label = `${(ITEMS + 4).toLocaleString('en')} items, ${lines.length.toLocaleString('en')} product lines, ${driverName(driver)}`;
    const row = (metric: string, value: string, target?: string, ok?: boolean) => rows.push({ benchmark: 'api plan', case: label, metric, value, target, ok });
    const tl = timeline(db);
    const counter = countStatements(db);

    // (a) Every approval step the chain asks for, then issue to the production department and the filling workshop.
    counter.reset();
    t0 = performance.now();
    let doc = (await must<Doc>(200, base, planner, 'GET', `/documents/${documentId}`)).json;
    const lookupMs = performance.now() - t0;
    const lookupSql = counter.count();
    counter.reset();
    const calls: Answer[] = [];
    while (doc.state === 'submitted') {
      const who = approvers.get(doc.steps[doc.stepIndex ?? 0].roleCode);
      if (!who) throw new Error(`nobody holds ${doc.steps[doc.stepIndex ?? 0].roleCode}`);
      tl.mark('approve');
      const r = await must<Doc>(200, base, who, 'POST', `/documents/${documentId}/approve`, { version: doc.version, opinion: '同意' });
      tl.print();
      calls.push(r);
      doc = r.json;
    }
    const approveSql = profile(counter, 'approve', 1);
    counter.reset();
    const departmentIds = [p.departments.get('生产部')!, p.departments.get('灌装车间')!];
    tl.mark('issue');
    calls.push(await must(200, base, planner, 'POST', `/documents/${documentId}/issue`, { version: doc.version, departmentIds }));
    tl.print();
    const issueSql = profile(counter, 'issue', 1);
    const approveMs = calls.slice(0, -1).reduce((s, c) => s + c.ms, 0);
    const issueMs = calls[calls.length - 1].ms;
    const totalMs = approveMs + issueMs;
    row(
      `approve (${calls.length - 1} step${calls.length > 2 ? 's' : ''}: MRP, part / purchase / outsourcing plans stored) + issue to 2 departments`,
      `${fmtMs(totalMs)} ms (approve ${fmtMs(approveMs)} + issue ${fmtMs(issueMs)})`,
      '≤ 1000 ms',
      totalMs <= 1000,
    );
    row('approve + issue: SQL statements', `${approveSql + issueSql} (approve ${approveSql}, issue ${issueSql})`);

    // What was stored: the plan's materials endpoint returns the rows.
    counter.reset();
    const materials = await must<{ rows: { kind: string; qty: number }[]; summary: { make: number; buy: number; outsource: number } | null }>(
      200,
      base,
      planner,
      'GET',
      `/production/plans/${planId}/materials`,
    );
    const materialsSql = counter.count();
    const byKind = (k: string) => materials.json.rows.filter((r) => r.kind === k).length;
    const isStored = byKind('make') > 0 && byKind('buy') > 0 && byKind('outsource') > 0;
    row(
      'stored rows make / buy / outsource (GET …/materials)',
      `${byKind('make').toLocaleString('en')} / ${byKind('buy').toLocaleString('en')} / ${byKind('outsource').toLocaleString('en')} (${materials.json.rows.length.toLocaleString('en')} rows; items ${materials.json.summary?.make} / ${materials.json.summary?.buy} / ${materials.json.summary?.outsource})`,
      'each > 0',
      isStored,
    );
    row('GET …/materials (every row, once): time / SQL statements', `${fmtMs(materials.ms)} ms / ${materialsSql}`);

    // (b) The capacity preview the plan grid asks for when a cell is edited (POST …/capacity-preview, PP-9).
    const edited = { ...lines[0], quantities: lines[0].quantities.map((q, k) => (k === lines[0].quantities.findIndex((x) => x > 0) ? q + 10 : q)) };
    const previewMs: number[] = [];
    counter.reset();
    for (let k = 0; k < REPEATS; k++) {
      tl.mark('capacity preview');
      previewMs.push((await must(200, base, planner, 'POST', `/production/plans/${planId}/capacity-preview`, { upsert: [edited], remove: [] })).ms);
      if (k === REPEATS - 1) tl.print();
    }
    const previewSql = profile(counter, 'capacity preview', REPEATS);
    row(
      `capacity preview, one edited line (median of ${REPEATS}; min / max ${fmtMs(Math.min(...previewMs))} / ${fmtMs(Math.max(...previewMs))})`,
      `${fmtMs(median(previewMs))} ms`,
      '≤ 300 ms',
      median(previewMs) <= 300,
    );
    row('capacity preview: SQL statements per call', previewSql.toFixed(0));

    // (c) The material plan (GET …/material-plan, PP-14): the first page the plan's 物料需求 tab asks
    // for (50 materials and 50 orders, totals over all), then the whole answer the print view reads.
    type MaterialAnswer = { materials: unknown[]; orders: unknown[]; materialsTotal: number; ordersTotal: number };
    const materialCall = async (label: string, query: string) => {
      const ms: number[] = [];
      let answer: MaterialAnswer = { materials: [], orders: [], materialsTotal: 0, ordersTotal: 0 };
      counter.reset();
      for (let k = 0; k < REPEATS; k++) {
        tl.mark(label);
        const r = await must<MaterialAnswer>(200, base, planner, 'GET', `/production/plans/${planId}/material-plan${query}`);
        ms.push(r.ms);
        answer = r.json;
        if (k === REPEATS - 1) tl.print();
      }
      const sql = profile(counter, label, REPEATS);
      const size = `${(JSON.stringify(answer).length / 2 ** 10).toFixed(0)} KB`;
      return { ms, answer, sql, size, spread: `median of ${REPEATS}; min / max ${fmtMs(Math.min(...ms))} / ${fmtMs(Math.max(...ms))}` };
    };
    const tab = await materialCall('material plan, first page', '?limit=50');
    row(
      `material plan, the tab's first page (50 of ${tab.answer.materialsTotal.toLocaleString('en')} materials and of ${tab.answer.ordersTotal.toLocaleString('en')} orders, ${tab.size}; ${tab.spread})`,
      `${fmtMs(median(tab.ms))} ms`,
      '≤ 200 ms',
      median(tab.ms) <= 200,
    );
    row('material plan, first page: SQL statements per call', tab.sql.toFixed(0));
    const whole = await materialCall('material plan, whole', '');
    row(`material plan, whole (the print view: ${whole.size}; ${whole.spread})`, `${fmtMs(median(whole.ms))} ms`);
    counter.stop();

    row('saving the 1,000-line grid (PUT …/lines, capacity check) / submitting', `${fmtMs(saved.ms)} ms / ${fmtMs(submitted.ms)} ms`);
    row('reading the document before approving (GET /documents/:id): time / SQL statements', `${fmtMs(lookupMs)} ms / ${lookupSql}`);
    row('set-up (plant, logins, plan written and submitted)', `${(setupMs / 1000).toFixed(1)} s`);
    return rows;
  } finally {
    await server.close();
  }
}

export const apiPlanBenchmark: BenchModule = { name: 'api-plan', run: () => onEachDriver(runCase) };

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#server';
import { startTestApp, type TestApp } from '../support';

// Issue 9 quality bar: the demo plant carries a month of execution — receipts, requisitions,
// daily reports with a lag, an exception with its coordination meeting, a spot-check anomaly
// and its repair — with nothing negative, every document number unique per organisation and
// year, and every write audited.

const NOW = '2026-03-20T02:00:00Z';

describe('the demo plant carries a month of execution (issue 9: PP-15 … PP-26)', () => {
  let t: TestApp;
  let orgId: string;
  const q = async <T>(sql: string, params: unknown[] = []) => t.database.query<T>(sql, params);
  const one = async <T>(sql: string, params: unknown[] = []) => (await q<T>(sql, params))[0];

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await seedDemo(t.ctx.db, t.ctx.registry, new Date(NOW));
    orgId = (await one<{ id: string }>(`select org_id as id from prod_workshops group by org_id limit 1`)).id;
  }, 600_000);
  afterAll(() => t.close());

  it('PP-16 the ledger holds a month of receipts (purchase and 进仓) and issues, and nothing is negative', async () => {
    const kinds = await q<{ kind: string; purpose: string; n: number; first: string; last: string }>(
      `select kind, purpose, count(*)::int as n, min(doc_date)::text as first, max(doc_date)::text as last
         from prod_stock_docs where org_id = $1 group by kind, purpose`,
      [orgId],
    );
    const of = (kind: string, purpose: string) => kinds.find((k) => k.kind === kind && k.purpose === purpose);
    expect(of('receipt', 'purchase')?.n).toBeGreaterThan(0);
    expect(of('receipt', 'production')?.n).toBeGreaterThanOrEqual(15);
    expect(of('issue', 'requisition')?.n).toBeGreaterThan(0);
    // Production receipts span the month: from last month into this one.
    const production = of('receipt', 'production')!;
    expect(production.first.slice(0, 7)).toBe('2026-02');
    expect(production.last.slice(0, 7)).toBe('2026-03');
    const purchaseReceipts = await one<{ n: number }>(
      `select count(*)::int as n from prod_purchase_receipts where org_id = $1 and purchase_plan_id is not null`,
      [orgId],
    );
    expect(purchaseReceipts.n).toBeGreaterThan(0);
    // No balance and no ledger line below zero; the balances agree with the sum of the ledger.
    expect((await one<{ n: number }>(`select count(*)::int as n from prod_stock_balances where org_id = $1 and on_hand < 0`, [orgId])).n).toBe(0);
    expect((await one<{ n: number }>(`select count(*)::int as n from prod_stock_moves where org_id = $1 and balance_after < 0`, [orgId])).n).toBe(0);
    const drift = await one<{ n: number }>(
      `select count(*)::int as n from prod_stock_balances b
         left join (select item_id, location_id, lot, sum(qty) as s from prod_stock_moves where org_id = $1 group by item_id, location_id, lot) m
           on m.item_id = b.item_id and m.location_id = b.location_id and m.lot = b.lot
        where b.org_id = $1 and abs(b.on_hand - coalesce(m.s, 0)) > 1e-6`,
      [orgId],
    );
    expect(drift.n).toBe(0);
  });

  it('PP-15 PP-17 the purchase plan is approved, and requisitions were approved and issued through the ledger', async () => {
    const plans = await q<{ state: string }>(
      `select d.state from prod_purchase_plans p join documents d on d.org_id = p.org_id and d.id = p.document_id where p.org_id = $1`,
      [orgId],
    );
    expect(plans.map((p) => p.state)).toContain('approved');
    const reqs = await q<{ state: string; n: number }>(`select state, count(*)::int as n from prod_requisitions where org_id = $1 group by state`, [orgId]);
    expect(reqs.find((r) => r.state === 'approved')?.n ?? 0).toBeGreaterThanOrEqual(3);
    // Every requisition issue refers to an approved requisition.
    const issues = await q<{ state: string | null }>(
      `select r.state from prod_stock_docs d left join prod_requisitions r on r.org_id = d.org_id and r.id = d.reference_id
        where d.org_id = $1 and d.kind = 'issue' and d.purpose = 'requisition'`,
      [orgId],
    );
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.state === 'approved')).toBe(true);
  });

  it('PP-18 PP-22 daily reports through the month, one behind plan with its coordination item open for production', async () => {
    const reports = await one<{ n: number; days: number; withReceipt: number }>(
      `select count(*)::int as n, count(distinct report_date)::int as days, count(receipt_doc_id)::int as "withReceipt" from prod_daily_reports where org_id = $1`,
      [orgId],
    );
    expect(reports.days).toBeGreaterThanOrEqual(20);
    expect(reports.withReceipt).toBeGreaterThan(0);
    const lags = await q<{ state: string; lag: number; reportId: string | null }>(
      `select state, lag_qty as lag, report_id as "reportId" from prod_coordination_items where org_id = $1`,
      [orgId],
    );
    expect(lags.some((l) => l.state === 'open' && l.lag > 0 && l.reportId)).toBe(true);
  });

  it('PP-19 an exception hit other workshops, was escalated and taken up by a coordination meeting whose action items have owners and due dates', async () => {
    const e = await one<{ id: string; meetingId: string; escalated: string | null; others: boolean }>(
      `select id, meeting_id as "meetingId", escalated_at::text as escalated, affects_other_workshops as others
         from prod_exceptions where org_id = $1 and meeting_id is not null order by reported_at limit 1`,
      [orgId],
    );
    expect(e).toBeDefined();
    expect(e.others).toBe(true);
    expect(e.escalated).not.toBeNull();
    const actions = await q<{ owner: string | null; due: string | null; state: string }>(
      `select owner_user_id as owner, due_on::text as due, state from meeting_actions where org_id = $1 and meeting_id = $2`,
      [orgId, e.meetingId],
    );
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(actions.every((a) => a.owner && a.due)).toBe(true);
  });

  it('PP-25 PP-26 a spot check found an anomaly, stopped the machine, and its repair closed it with the machine back in service', async () => {
    const checks = await one<{ n: number; anomalies: number }>(
      `select count(*)::int as n, (count(*) filter (where result = 'anomaly'))::int as anomalies from prod_spot_checks where org_id = $1`,
      [orgId],
    );
    expect(checks.n).toBeGreaterThanOrEqual(20);
    expect(checks.anomalies).toBeGreaterThanOrEqual(1);
    const repaired = await q<{ state: string; machineState: string; downtime: number | null }>(
      `select r.state, m.state as "machineState", r.downtime_hours as downtime
         from prod_spot_checks c join prod_repair_orders r on r.org_id = c.org_id and r.id = c.repair_id
         join prod_machines m on m.org_id = r.org_id and m.id = r.machine_id
        where c.org_id = $1 and c.result = 'anomaly' and r.state = 'done'`,
      [orgId],
    );
    expect(repaired.length).toBeGreaterThanOrEqual(1);
    expect(repaired[0].downtime).toBeGreaterThan(0);
    expect(repaired.some((r) => r.machineState === 'running')).toBe(true);
  });

  it('issue 9 every document number is unique per organisation and year, and carries the year of its document', async () => {
    for (const [table, dateColumn] of [
      ['prod_stock_docs', 'doc_date'],
      ['prod_daily_reports', 'report_date'],
      ['prod_requisitions', 'requested_at'],
      ['prod_exceptions', 'started_on'],
      ['prod_repair_orders', 'reported_at'],
      ['prod_coordination_items', 'opened_on'],
    ] as const) {
      const dupes = await q<{ number: string }>(`select number from ${table} where org_id = $1 group by number having count(*) > 1`, [orgId]);
      expect(dupes, table).toEqual([]);
      const rows = await q<{ number: string; year: string }>(
        `select number, extract(year from ${dateColumn})::int::text as year from ${table} where org_id = $1`,
        [orgId],
      );
      expect(rows.length, table).toBeGreaterThan(0);
      const wrongYear = rows.filter((r) => r.number.match(/-(\d{4})-/)?.[1] !== r.year);
      expect(wrongYear, table).toEqual([]);
    }
  });

  it('issue 9 every write is audited: each stock document, daily report, requisition, exception and repair has its audit row', async () => {
    for (const [table, entity] of [
      ['prod_stock_docs', 'prod_stock_doc'],
      ['prod_daily_reports', 'prod_daily_report'],
      ['prod_requisitions', 'prod_requisition'],
      ['prod_exceptions', 'prod_exception'],
      ['prod_repair_orders', 'prod_repair_order'],
    ] as const) {
      // A reversal (冲销单) is audited on the document it reverses, naming itself.
      const reversal =
        table === 'prod_stock_docs'
          ? `or (x.reverses_id is not null and a.entity_id = x.reverses_id::text and a.action = 'production.stock.reverse' and a.new_value->>'reversal' = x.number)`
          : '';
      const missing = await q<{ number: string }>(
        `select x.number from ${table} x where x.org_id = $1
           and not exists (select 1 from audit_log a where a.org_id = x.org_id and a.entity = $2
                            and (a.entity_id = x.id::text ${reversal}))`,
        [orgId, entity],
      );
      expect(missing, table).toEqual([]);
    }
    // A few documents in detail: who posted them and what.
    const receipt = await one<{ id: string; number: string }>(
      `select id, number from prod_stock_docs where org_id = $1 and purpose = 'purchase' order by seq limit 1`,
      [orgId],
    );
    const audit = await one<{ action: string; actor: string | null; after: { number: string; kind: string } }>(
      `select action, actor_name as actor, new_value as after from audit_log where org_id = $1 and entity = 'prod_stock_doc' and entity_id = $2`,
      [orgId, receipt.id],
    );
    expect(audit).toMatchObject({ action: 'production.stock.post', after: { number: receipt.number, kind: 'receipt' } });
    const report = await one<{ id: string; number: string }>(`select id, number from prod_daily_reports where org_id = $1 order by report_date desc limit 1`, [
      orgId,
    ]);
    const submitted = await one<{ action: string; after: { number: string } }>(
      `select action, new_value as after from audit_log where org_id = $1 and entity = 'prod_daily_report' and entity_id = $2 order by id limit 1`,
      [orgId, report.id],
    );
    expect(submitted).toMatchObject({ action: 'production.report.submit', after: { number: report.number } });
  });
});

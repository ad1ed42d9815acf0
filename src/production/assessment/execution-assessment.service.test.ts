import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findings, markFindingFalsified } from '#core/assessment';
import type { Db } from '#core/db';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { createItem } from '../master/index';
import { prodDailyReports, submitReport } from '../report/index';
import { type ExecutionPeople, issueMonthlyPlan, newExecutionPeople, newPlant, type TestPlant } from '../testing/index';
import { prodStockDocs } from '../warehouse/index';
import { recordManualExecutionFinding, runDueExecutionAssessment, runExecutionAssessment } from './index';

const NOW = new Date('2026-03-20T02:00:00Z');
const at = (day: string) => new Date(`${day}T02:00:00Z`);

describe('execution penalties from daily reports and 进仓 (PP-27, T2 七.2, 七.3, 七.5, 七.6)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  let x: ExecutionPeople;
  const code = (e: unknown) => (e as { code?: string }).code;
  const execution = () =>
    db
      .select()
      .from(findings)
      .where(and(eq(findings.orgId, p.orgId), inArray(findings.ruleCode, ['production.plan.incomplete', 'production.quality.delay'])));
  const line = (itemId: string, outputQty: number, warehouseQty: number) => ({ itemId, outputQty, warehouseQty, scrapQty: 0 });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    p = await newPlant(db, testRegistry.workflows, NOW);
    x = await newExecutionPeople(db, p);
    await issueMonthlyPlan(db, testRegistry.workflows, p, '2026-03', 600, NOW);
    const pack = { workshopId: p.workshops.pack, shift: 1, hoursWorked: 10, stoppages: [] };
    await submitReport(db, x.head, { ...pack, reportDate: '2026-03-18', lines: [line(p.items.wine, 400, 400)] }, NOW);
    await submitReport(db, x.head, { ...pack, reportDate: '2026-03-19', lines: [line(p.items.wine, 600, 600)] }, NOW);
    // Filling lost half a shift to a quality problem (瓶口破损) and handed over less.
    await submitReport(
      db,
      x.lead,
      {
        workshopId: p.workshops.fill,
        reportDate: '2026-03-19',
        shift: 1,
        hoursWorked: 8,
        lines: [line(p.items.wine, 300, 0)],
        stoppages: [{ reason: 'quality', minutes: 240, note: '瓶口破损，停线挑选' }],
      },
      NOW,
    );
  });
  afterAll(() => database.drop());

  it('PP-27 nothing is assessed before the month is over or before the policy’s assessment day', async () => {
    await db.transaction((tx) => runExecutionAssessment(tx, p.system, '2026-03', NOW));
    expect(await execution()).toEqual([]);
    expect(await db.transaction((tx) => runDueExecutionAssessment(tx, p.system, at('2026-04-03')))).toBeNull();
    expect(await execution()).toEqual([]);
  });

  it('PP-27 PP-22 a workshop short of its plan by 进仓 with no outside cause is T2 七.2; quality stoppages make it T2 七.3; each cites real reports and receipts', async () => {
    const run = await db.transaction((tx) => runDueExecutionAssessment(tx, p.system, at('2026-04-05')));
    expect(run?.created.length).toBe(3);
    const all = await execution();
    const pack = all.find((f) => f.subjectLabel === '包装车间')!;
    expect(pack).toMatchObject({
      ruleCode: 'production.plan.incomplete',
      clause: 'T2 七.2',
      requirementId: 'PP-27',
      amount: 50,
      period: '2026-03',
      state: 'open',
    });
    expect(pack.summaryZh).toContain('按进仓完成 1,000箱');
    const packReports = pack.evidence.filter((e) => e.entity === 'production.daily_report');
    expect(packReports.map((e) => e.label)).toEqual([expect.stringContaining('2026-03-18')]);
    const receipts = pack.evidence.filter((e) => e.entity === 'production.stock_doc');
    expect(receipts).toHaveLength(2);
    const fill = all.find((f) => f.subjectLabel === '灌装车间')!;
    expect(fill).toMatchObject({ ruleCode: 'production.quality.delay', clause: 'T2 七.3', amount: 50, subjectDepartmentId: p.departments.get('灌装车间') });
    expect(fill.summaryZh).toContain('质量停机 240 分钟');
    // The brewing workshop reported nothing: its base wine is short with no cause recorded.
    expect(all.find((f) => f.subjectLabel === '酿造车间')).toMatchObject({ clause: 'T2 七.2' });
    // Every record cited exists.
    const reportIds = all.flatMap((f) => f.evidence.filter((e) => e.entity === 'production.daily_report').map((e) => e.entityId));
    expect((await db.select().from(prodDailyReports).where(inArray(prodDailyReports.id, reportIds))).length).toBe(new Set(reportIds).size);
    const docIds = all.flatMap((f) => f.evidence.filter((e) => e.entity === 'production.stock_doc').map((e) => e.entityId));
    expect(
      (await db.select().from(prodStockDocs).where(inArray(prodStockDocs.id, docIds))).every((d) => d.purpose === 'production' && d.kind === 'receipt'),
    ).toBe(true);
    expect((await db.transaction((tx) => runDueExecutionAssessment(tx, p.system, at('2026-04-06'))))?.created).toEqual([]);
    expect(await execution()).toHaveLength(3);
  });

  it('PP-27 falsified facts double the penalty and the finding cites T2 七.5 beside its own clause', async () => {
    const pack = (await execution()).find((f) => f.subjectLabel === '包装车间')!;
    await markFindingFalsified(db, p.gm, pack.id, { reason: '进仓数与仓库台账不符，虚报', version: pack.version });
    const [after] = await db
      .select()
      .from(findings)
      .where(and(eq(findings.orgId, p.orgId), eq(findings.id, pack.id)));
    expect(after).toMatchObject({ amount: 100, originalAmount: 50, isFalsified: true, clause: 'T2 七.2、七.5' });
  });

  it('PP-27 the production head records a case no record shows; immature products stay out (T2 七.6)', async () => {
    const f = await recordManualExecutionFinding(db, x.head, {
      workshopId: p.workshops.fill,
      month: '2026-03',
      kind: 'quality',
      itemId: p.items.wine,
      description: '客户退货 120 箱，返工延误交货',
      evidence: '3 月 25 日客户投诉单',
    });
    expect(f).toMatchObject({ ruleCode: 'production.quality.delay', clause: 'T2 七.3', amount: 50, subjectLabel: '灌装车间', period: '2026-03' });
    expect(f.summaryZh).toContain('生产部认定');
    expect(
      await recordManualExecutionFinding(db, x.lead, {
        workshopId: p.workshops.fill,
        month: '2026-03',
        kind: 'organisation',
        description: '自己报自己',
        evidence: '无',
      }).catch(code),
    ).toBe('FORBIDDEN');
    const gift = await createItem(db, p.planner, { code: 'NEW1', name: '新品礼盒', unit: '盒', category: 'finished', source: 'make', isMature: false });
    const refused = await recordManualExecutionFinding(db, x.head, {
      workshopId: p.workshops.pack,
      month: '2026-03',
      kind: 'organisation',
      itemId: gift.id,
      description: '礼盒未按时完成',
      evidence: '现场检查',
    }).catch((e) => e);
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'itemId' }] });
  });
});

import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDocument, getDocument, issueDocument } from '#core/approval';
import { findings, markFindingFalsified } from '#core/assessment';
import { deadlines } from '#core/calendar';
import type { Db } from '#core/db';
import { createSeries, getMeeting, meetings } from '#core/meeting';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { prefillDispatchAgenda } from '../dispatch/index';
import { createNotice, issueNotice, recordTransfer } from '../notice/index';
import { createPlan, getPlanView, savePlanLines, submitPlan } from '../plan/index';
import { runPlantDailyDuties } from '../production.jobs';
import { newPlant, type TestPlant, workingDayQuantities } from '../testing/index';
import { assessPlanning } from './index';

const { workflows } = testRegistry;

const NOW = new Date('2026-03-20T02:00:00Z');
const at = (iso: string) => new Date(`${iso}T02:00:00Z`);

describe('planning penalties, notices and the dispatch meeting (PP-13, PP-21, PP-27)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  let planId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    p = await newPlant(db, workflows, NOW);
    const plan = await createPlan(db, workflows, p.planner, { kind: 'monthly', month: '2026-04' }, NOW);
    planId = plan.id;
    await savePlanLines(
      db,
      p.planner,
      plan.id,
      { version: plan.version, lines: [{ itemId: p.items.wine, forecastQty: 15000, quantities: workingDayQuantities(30, 3, 600) }] },
      NOW,
    );
  });
  afterAll(() => database.drop());

  const lateFindings = () =>
    db
      .select()
      .from(findings)
      .where(and(eq(findings.orgId, p.orgId), eq(findings.ruleCode, 'production.plan.late-issue')));

  it('PP-27 a monthly plan issued after the issue day is a 50-yuan finding on the responsible unit, citing T2 七.1, once', async () => {
    let doc = await getDocument(db, workflows, p.planner, (await getPlanView(db, workflows, p.planner, planId)).documentId!);
    await submitPlan(db, workflows, p.planner, planId, { version: doc.version }, at('2026-03-30'));
    doc = await approveDocument(db, workflows, p.vp, doc.id, { version: (await getDocument(db, workflows, p.vp, doc.id)).version }, at('2026-03-31'));
    // Due by 31 March (month end); issued on 2 April.
    await issueDocument(db, workflows, p.planner, doc.id, { version: doc.version, departmentIds: [p.departments.get('灌装车间')!] }, at('2026-04-02'));
    const [f] = await lateFindings();
    expect(f).toMatchObject({ clause: 'T2 七.1', requirementId: 'PP-27', verdict: 'penalty', amount: 50, period: '2026-03', state: 'open' });
    expect(f.summaryZh).toContain('应于 2026-03-31 前下达');
    expect(f.summaryZh).toContain('2026-04-02 才下达');
    expect(f.evidence[0]).toMatchObject({ entity: 'document', entityId: doc.id });
    await assessPlanning(db, p.vp, at('2026-04-05'));
    expect(await lateFindings()).toHaveLength(1);
  });

  it('PP-27 falsified facts found later double the penalty (T2 七.5)', async () => {
    const [f] = await lateFindings();
    await markFindingFalsified(db, p.gm, f.id, { reason: '下达日期记录不实', version: f.version });
    const [after] = await lateFindings();
    expect(after).toMatchObject({ amount: 100, isFalsified: true, originalAmount: 50 });
  });

  it('PP-27 a plan of immature products only is left out (T2 七.6)', async () => {
    const { createItem } = await import('../master/index');
    const gift = await createItem(db, p.planner, { code: 'NEW1', name: '新品礼盒', unit: '盒', category: 'finished', source: 'make', isMature: false });
    const plan = await createPlan(db, workflows, p.planner, { kind: 'monthly', month: '2026-05' }, NOW);
    await savePlanLines(db, p.planner, plan.id, { version: plan.version, lines: [{ itemId: gift.id, quantities: new Array(31).fill(10) }] }, NOW);
    // Never issued, long past its due day: still no finding for an immature product.
    await assessPlanning(db, p.vp, at('2026-05-20'));
    expect(await lateFindings()).toHaveLength(1);
  });

  it('PP-13 a production notice needs quality and packaging requirements; a transfer must quote an issued notice number', async () => {
    await expect(
      createNotice(db, p.planner, { itemId: p.items.wine, qty: 100, qualityRequirements: '', packagingRequirements: '纸箱', dueOn: '2026-04-10' }, NOW),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'qualityRequirements' }] });
    const n = await createNotice(
      db,
      p.planner,
      {
        planId,
        workshopId: p.workshops.pack,
        itemId: p.items.wine,
        qty: 500,
        qualityRequirements: '符合 GB/T 15037',
        packagingRequirements: '6 瓶/箱，附合格证',
        dueOn: '2026-04-10',
      },
      NOW,
    );
    expect(n).toMatchObject({ number: 'SCTZ-2026-0001', spec: '750ml×6', state: 'draft' });
    const transfer = {
      noticeNumber: n.number,
      itemId: p.items.base,
      qty: 2250,
      fromWorkshopId: p.workshops.brew,
      toWorkshopId: p.workshops.fill,
      transferredOn: '2026-04-08',
    };
    await expect(recordTransfer(db, p.planner, transfer, NOW)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'noticeNumber' }] });
    await expect(recordTransfer(db, p.planner, { ...transfer, noticeNumber: '' }, NOW)).rejects.toMatchObject({ details: [{ field: 'noticeNumber' }] });
    await issueNotice(db, p.planner, n.id, n.version, NOW);
    const t = await recordTransfer(db, p.planner, { ...transfer, noticeNumber: ' sctz-2026-0001 ' }, NOW);
    expect(t.noticeId).toBe(n.id);
  });

  it('PP-21 the dispatch meeting’s agenda is pre-filled with the month’s results and next month’s plan', async () => {
    await createSeries(
      db,
      p.system,
      {
        title: '生产调度例会',
        kind: 'dispatch',
        recurrence: { kind: 'monthly' },
        policyDayPath: 'production.dispatchMeetingDay',
        startTime: '09:00',
        durationMinutes: 120,
        chairUserId: p.vp.userId,
        audience: 'listed',
        attendeeUserIds: [p.planner.userId],
        clause: 'T4 第五十六条',
        requirementId: 'PP-21',
      },
      at('2026-04-01'),
    );
    const [m] = await db
      .select()
      .from(meetings)
      .where(and(eq(meetings.orgId, p.orgId), eq(meetings.occursOn, '2026-04-28')));
    expect(m).toBeDefined();
    await prefillDispatchAgenda(db, p.planner, m.id, m.version);
    const after = await getMeeting(db, p.planner, m.id);
    expect(after.agenda).toContain('一、本月生产完成情况（2026年4月）');
    expect(after.agenda).toContain('YJH-2026-0001 2026年4月生产计划（已下达）');
    expect(after.agenda).toContain('二、下月生产计划（2026年5月）');
  });

  it('PP-2 PP-8 the daily duties open next month’s forecast and plan deadlines once, whoever opens a screen', async () => {
    await runPlantDailyDuties(db, p.orgId, at('2026-05-03'));
    await runPlantDailyDuties(db, p.orgId, at('2026-05-03'));
    const rows = await db
      .select({ type: deadlines.subjectType, dueOn: deadlines.dueOn })
      .from(deadlines)
      .where(and(eq(deadlines.orgId, p.orgId), like(deadlines.subjectType, 'production.%'), eq(deadlines.subjectId, '2026-06')));
    expect(rows.sort((a, b) => a.type.localeCompare(b.type))).toEqual([
      { type: 'production.forecast', dueOn: '2026-05-25' },
      { type: 'production.monthly_plan.compile', dueOn: '2026-05-28' },
      { type: 'production.monthly_plan.issue', dueOn: '2026-05-31' },
    ]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from '#core/approval';
import type { Db } from '#core/db';
import { createSeries, decideLeave, findPendingLeaveRequests, meetings, requestLeave } from '#core/meeting';
import { POLICY_PRESETS, PolicySchema } from '#core/policy';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { approveSafetyStock, prodStock, updateStock } from './master/index';
import { applyPlantPreset, approvedMonthlyPlan, newFloor, setMonthlyPlanChain, type TestFloor } from './testing/index';

// Issue 14 item 7: a policy field nothing reads is a defect. Every field of the production and
// assessment sections is named by code outside the policy's own definition, and the ones the
// winery found dead drive behaviour on each plant preset.

const { workflows } = testRegistry;
const NOW = new Date('2026-03-20T02:00:00Z');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function keysOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown>; def?: { in?: unknown; schema?: unknown } }).shape;
  if (shape) return Object.entries(shape).flatMap(([k, v]) => [k, ...keysOf(v)]);
  const inner = (schema as { def?: { in?: unknown; schema?: unknown; innerType?: unknown } }).def;
  return inner?.innerType ? keysOf(inner.innerType) : inner?.schema ? keysOf(inner.schema) : inner?.in ? keysOf(inner.in) : [];
}

describe('issue 14 item 7: every production policy field is read by code', () => {
  const code = [...sourceFiles('src'), ...sourceFiles('web/src')]
    .filter((f) => !f.startsWith(join('src', 'core', 'policy')))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const fields = [...keysOf(PolicySchema.shape.production), ...keysOf(PolicySchema.shape.assessment)];

  it('issue 14 item 7: the production and assessment sections list the fields this test checks', () => {
    expect(fields).toEqual(
      expect.arrayContaining([
        'monthlyPlanApproverRole',
        'safetyStockApproverRole',
        'dispatchMeetingLeaveApproverRole',
        'maxUtilisation',
        'planLateIssuePenalty',
      ]),
    );
    // Written feedback on an infeasible request goes out at once (PP-11), so no day limit is kept.
    expect(fields).not.toContain('infeasibleFeedbackDays');
  });

  it.each(fields)('issue 14 item 7: %s is read outside the policy definition', (field) => {
    expect(code.includes(field), `${field} is read by no code: make it drive its rule or remove it`).toBe(true);
  });
});

describe('issue 14 item 7: the winery’s dead fields drive behaviour on every plant preset', () => {
  let database: TestDatabase;
  let db: Db;
  let f: TestFloor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    f = await newFloor(db, workflows, NOW);
  });
  afterAll(() => database.drop());

  const usePreset = (preset: string) => applyPlantPreset(db, f, preset);

  it.each(['T1', 'T2', 'T3', 'T4'] as const)(
    'issue 14 item 7 %s: monthlyPlanApproverRole gives the monthly plan its final approval (T2 the GM, T4 第十九条 the VP)',
    async (preset) => {
      await usePreset(preset);
      // The organisation's chain says VP then GM: the policy decides where it ends.
      const steps =
        preset === 'T2'
          ? [{ key: 'vp', nameZh: '副总经理审核', nameEn: 'VP', roleCode: 'vp_production' }]
          : [
              { key: 'vp', nameZh: '副总经理审批', nameEn: 'VP', roleCode: 'vp_production' },
              { key: 'gm', nameZh: '总经理审批', nameEn: 'GM', roleCode: 'gm' },
            ];
      await setMonthlyPlanChain(db, workflows, f, steps, NOW);
      const month = { T1: '2026-06', T2: '2026-07', T3: '2026-08', T4: '2026-09' }[preset];
      const plan = await approvedMonthlyPlan(db, workflows, f, month, 500, NOW);
      const doc = await getDocument(db, workflows, f.planner, plan.documentId!);
      expect(doc.state).toBe('approved');
      const approvers = doc.timeline.filter((t) => t.action === 'approve').map((t) => t.actorName);
      const role = POLICY_PRESETS[preset].production.monthlyPlanApproverRole;
      expect(role).toBe(preset === 'T2' ? 'gm' : 'vp_production');
      expect(approvers).toEqual(preset === 'T2' ? ['李副总', '王总经理'] : ['李副总']);
    },
  );

  it.each(['T1', 'T2', 'T3', 'T4'] as const)(
    'issue 14 item 7 %s: safetyStockApproverRole alone approves a safety stock (T4 第二十四条: the GM)',
    async (preset) => {
      await usePreset(preset);
      expect(POLICY_PRESETS[preset].production.safetyStockApproverRole).toBe('gm');
      const version = async () =>
        (
          await db
            .select({ v: prodStock.version })
            .from(prodStock)
            .where(and(eq(prodStock.orgId, f.orgId), eq(prodStock.itemId, f.items.bottle)))
        )[0].v;
      await updateStock(db, f.planner, f.items.bottle, { version: await version(), safetyStock: 1000 + Number(preset.slice(1)) }, NOW);
      await expect(approveSafetyStock(db, f.vpRole, f.items.bottle, await version(), NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await approveSafetyStock(db, f.gmRole, f.items.bottle, await version(), NOW)).toMatchObject({
        safetyStock: 1000 + Number(preset.slice(1)),
        safetyPending: null,
      });
    },
  );

  it.each(['T1', 'T2', 'T3', 'T4'] as const)(
    'issue 14 item 7 %s: dispatchMeetingLeaveApproverRole decides leave from the dispatch meeting (T4 第五十六条)',
    async (preset) => {
      await usePreset(preset);
      const role = POLICY_PRESETS[preset].production.dispatchMeetingLeaveApproverRole;
      expect(role).toBe('production_head');
      const day = { T1: '2026-04-10', T2: '2026-04-11', T3: '2026-04-12', T4: '2026-04-13' }[preset];
      const series = await createSeries(
        db,
        f.system,
        {
          title: `调度会 ${preset}`,
          kind: 'dispatch',
          recurrence: { kind: 'monthly', day: Number(day.slice(8)) },
          startTime: '09:00',
          durationMinutes: 60,
          chairUserId: f.vpRole.userId,
          audience: 'listed',
          attendeeUserIds: [f.fillDirector.userId],
          clause: 'T4 第五十六条',
          requirementId: 'PP-21',
        },
        NOW,
      );
      const [m] = await db
        .select()
        .from(meetings)
        .where(and(eq(meetings.orgId, f.orgId), eq(meetings.seriesId, series.id)));
      const req = await requestLeave(db, f.fillDirector, m.id, { reason: '设备检修' }, NOW);
      // Not the meeting's named approver, but the policy's role: the production head sees and decides it.
      expect((await findPendingLeaveRequests(db, f.head)).map((r) => r.id)).toContain(req.id);
      await expect(decideLeave(db, f.tech, req.id, { approve: true, version: req.version }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await decideLeave(db, f.head, req.id, { approve: true, version: req.version }, NOW)).toMatchObject({ state: 'approved' });
    },
  );
});

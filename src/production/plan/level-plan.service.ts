import { and, asc, eq } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidState } from '#core/errors';
import { solveAggregatePlan } from '#production/planning';
import { monthOf, round, withPlanningErrors } from '../common/index';
import { findDemandForPeriod } from '../demand/index';
import { loadPlanningMaster, loadWorkshopCapacity, regularDayHours } from '../master/index';
import { buildLevelPlanInput, type LevelFamily } from './level-plan.rules';
import { savePlanLines } from './plan-lines.service';
import { bucketStarts } from './plan-period.rules';
import { getPlanRow } from './plan.query';
import { prodAnnualInputs, type AnnualParty } from './plan.schema';
import { users } from '#core/org';
import { invalidField } from '#core/errors';

/** PP-7: the level plan for a quarterly (or annual) plan, solved on the bottleneck workshop. */
export async function getLevelPlan(db: Db, actor: Actor, planId: string) {
  requireAccess(actor, 'production.read');
  const plan = await getPlanRow(db, actor.orgId, planId);
  if (plan.bucket !== 'month') throw invalidState('只有年度、季度计划做综合平衡', 'Only annual and quarterly plans are levelled');
  const months = bucketStarts(plan);
  const [master, capacity, demand] = await Promise.all([
    loadPlanningMaster(db, actor.orgId),
    loadWorkshopCapacity(db, actor.orgId, plan.periodStart, plan.periodEnd),
    findDemandForPeriod(db, actor.orgId, plan.periodStart, plan.periodEnd),
  ]);
  const byItem = new Map<string, { plan: number[]; order: number[] }>();
  for (const d of demand) {
    const k = months.indexOf(`${monthOf(d.onDate)}-01`);
    if (k < 0) continue;
    const e = byItem.get(d.itemId) ?? { plan: months.map(() => 0), order: months.map(() => 0) };
    (d.source === 'sales_plan' ? e.plan : e.order)[k] += d.qty;
    byItem.set(d.itemId, e);
  }
  const demandOf = (itemId: string) => {
    const e = byItem.get(itemId)!;
    return e.plan.map((p, k) => Math.max(p, e.order[k]));
  };
  // The bottleneck: the workshop whose routed demand takes the largest share of its hours.
  const loads = capacity.map((c) => {
    const hours = master.routings
      .filter((r) => r.workshopId === c.workshop.id)
      .reduce((s, r) => s + (byItem.has(r.itemId) ? demandOf(r.itemId).reduce((a, b) => a + b, 0) * r.hoursPerUnit : 0), 0);
    const total = c.hours.reduce((a, b) => a + b, 0);
    return { c, share: total > 0 ? hours / total : 0 };
  });
  const bottleneck = loads.sort((a, b) => b.share - a.share)[0]?.c;
  if (!bottleneck || byItem.size === 0) return { planId, bottleneck: null, months: [], result: null, families: [], items: {} };
  const days = bucketStarts({ periodStart: plan.periodStart, periodEnd: plan.periodEnd, bucket: 'day' });
  const monthRows = months.map((m, k) => {
    const inMonth = days.map((d, i) => (d.slice(0, 7) === m.slice(0, 7) ? bottleneck.hours[i] : 0));
    return { label: `${Number(m.slice(5, 7))}月`, workingDays: inMonth.filter((h) => h > 0).length, hoursPerDay: regularDayHours(bottleneck.workshop), k };
  });
  const families: LevelFamily[] = [...byItem.keys()].map((itemId) => {
    const op = master.routings.find((r) => r.itemId === itemId && r.workshopId === bottleneck.workshop.id);
    const stock = master.stock.get(itemId);
    return { itemId, demand: demandOf(itemId), hoursPerUnit: op?.hoursPerUnit || 1e-6, onHand: stock?.onHand ?? 0, safetyStock: stock?.safetyStock ?? 0 };
  });
  const input = buildLevelPlanInput(monthRows, families);
  const result = await withPlanningErrors(() => solveAggregatePlan(input, { timeLimitSeconds: 20 }));
  const items = Object.fromEntries(master.items.filter((i) => byItem.has(i.id)).map((i) => [i.id, { code: i.code, name: i.name, unit: i.unit }]));
  return { planId, bottleneck: { id: bottleneck.workshop.id, name: bottleneck.workshop.name }, months: monthRows.map((m) => m.label), result, families, items };
}

/** Takes the level plan's production per product and month into the draft plan. */
export async function applyLevelPlan(db: Db, actor: Actor, planId: string, version: number, now: Date) {
  const level = await getLevelPlan(db, actor, planId);
  if (level.result?.status !== 'optimal' || !level.result.families)
    throw invalidState('综合平衡无可行方案，请先调整产能或需求', 'The level plan has no feasible solution; change capacity or demand first');
  const lines = level.result.families.map((f) => ({
    itemId: f.id,
    forecastQty: round(
      f.periods.reduce((s, p) => s + p.demand, 0),
      3,
    ),
    quantities: f.periods.map((p) => round(p.production + p.subcontract, 3)),
    note: f.periods.some((p) => p.subcontract > 0) ? '含外协' : '',
  }));
  const saved = await savePlanLines(db, actor, planId, { version, lines }, now);
  return saved;
}

/** PP-6 (T3 第四条): market, finance, procurement, R&D and production each contribute to the annual plan. */
export async function saveAnnualInput(db: Db, actor: Actor, planId: string, input: { party: AnnualParty; content: string }, now: Date) {
  requireAccess(actor, 'production.read');
  requireAccess(actor, 'document.write');
  const plan = await getPlanRow(db, actor.orgId, planId);
  if (plan.kind !== 'annual') throw invalidField('planId', '只有年度计划收集各部门资料', 'only annual plans collect department inputs');
  const content = input.content.trim();
  if (content.length < 2) throw invalidField('content', '请填写提供的资料', 'write the input');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(prodAnnualInputs)
      .values({ orgId: actor.orgId, planId, party: input.party, content, submittedBy: actor.userId, submittedAt: now })
      .onConflictDoUpdate({
        target: [prodAnnualInputs.orgId, prodAnnualInputs.planId, prodAnnualInputs.party],
        set: { content, submittedBy: actor.userId, submittedAt: now },
      })
      .returning();
    await writeAudit(tx, actor, { action: 'production.annual-input', entity: 'prod_plan', entityId: planId, after: row });
    return row;
  });
}

export async function findAnnualInputs(db: Db, actor: Actor, planId: string) {
  requireAccess(actor, 'production.read');
  await getPlanRow(db, actor.orgId, planId);
  return db
    .select({ i: prodAnnualInputs, name: users.displayName })
    .from(prodAnnualInputs)
    .innerJoin(users, and(eq(users.orgId, prodAnnualInputs.orgId), eq(users.id, prodAnnualInputs.submittedBy)))
    .where(and(eq(prodAnnualInputs.orgId, actor.orgId), eq(prodAnnualInputs.planId, planId)))
    .orderBy(asc(prodAnnualInputs.party))
    .then((rows) => rows.map(({ i, name }) => ({ ...i, submittedByName: name })));
}

export const ANNUAL_PARTY_LABELS: Record<AnnualParty, { zh: string; en: string }> = {
  market: { zh: '市场部：市场预测、年度销售计划及销售价格预测', en: 'Market: forecast, annual sales plan, prices' },
  finance: { zh: '财务部：资金、费用、成本及经营效果预测', en: 'Finance: funds, expenses, cost' },
  procurement: { zh: '采购部：原辅材料价格及市场预测', en: 'Procurement: material prices' },
  rnd: { zh: '技术研发部：技术改造、科研、新产品开发计划', en: 'R&D: technical changes, research, new products' },
  production: { zh: '生产部：设备能力、定额消耗、安全环保、产量计划', en: 'Production: equipment capacity, consumption norms, output' },
};

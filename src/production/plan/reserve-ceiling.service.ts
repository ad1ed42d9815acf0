import { and, desc, eq, gte, lte } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { invalidState } from '#core/errors';
import { getPolicy } from '#core/policy';
import { loadPlanningMaster, loadWorkshopCapacity } from '../master/index';
import type { ReserveCeilings } from './reserve-ceiling.contract';
import { annualChangePct, CEILING_CLAUSE, CEILING_REGULATION, computeReserveCeilings } from './reserve-ceiling.rules';
import { findPlanDocument, findRevisionLines, findWorkingLines, getPlanRow } from './plan.query';
import { type PlanRow, prodPlanRevisionLines, prodPlans } from './plan.schema';

const sum = (lines: { total: number }[]) => lines.reduce((s, l) => s + l.total, 0);

/** The annual plan covering a plan's start: the plan itself when it is annual. */
async function findAnnualPlan(db: Db, plan: PlanRow): Promise<PlanRow | null> {
  if (plan.kind === 'annual') return plan;
  const [row] = await db
    .select()
    .from(prodPlans)
    .where(
      and(
        eq(prodPlans.orgId, plan.orgId),
        eq(prodPlans.kind, 'annual'),
        lte(prodPlans.periodStart, plan.periodStart),
        gte(prodPlans.periodEnd, plan.periodStart),
      ),
    )
    .orderBy(desc(prodPlans.createdAt))
    .limit(1);
  return row ?? null;
}

/** The latest annual plan before a plan's period, when none covers it. */
async function findEarlierAnnualPlan(db: Db, plan: PlanRow): Promise<PlanRow | null> {
  const [row] = await db
    .select()
    .from(prodPlans)
    .where(and(eq(prodPlans.orgId, plan.orgId), eq(prodPlans.kind, 'annual'), lte(prodPlans.periodStart, plan.periodStart)))
    .orderBy(desc(prodPlans.periodStart), desc(prodPlans.createdAt))
    .limit(1);
  return row ?? null;
}

/** The annual plan's total now (its working lines) and in the latest revision before the current one. */
async function annualTotals(db: Db, annual: PlanRow): Promise<{ total: number; previousTotal: number | null }> {
  const doc = await findPlanDocument(db, annual);
  const total = sum(await findWorkingLines(db, annual.orgId, annual.id));
  if (!doc) return { total, previousTotal: null };
  const [prev] = await db
    .selectDistinct({ revision: prodPlanRevisionLines.revision })
    .from(prodPlanRevisionLines)
    .where(
      and(eq(prodPlanRevisionLines.orgId, annual.orgId), eq(prodPlanRevisionLines.planId, annual.id), lte(prodPlanRevisionLines.revision, doc.revision - 1)),
    )
    .orderBy(desc(prodPlanRevisionLines.revision))
    .limit(1);
  if (!prev) return { total, previousTotal: null };
  return { total, previousTotal: sum(await findRevisionLines(db, annual.orgId, annual.id, prev.revision)) };
}

/** PP-7 (T1 7): material and WIP ceilings of an annual or quarterly plan at maximum output. */
export async function getReserveCeilings(db: Db, actor: Actor, planId: string): Promise<ReserveCeilings> {
  requireAccess(actor, 'production.read');
  const plan = await getPlanRow(db, actor.orgId, planId);
  if (plan.kind !== 'annual' && plan.kind !== 'quarterly') {
    throw invalidState('只有年度、季度计划确定物资准备和在制品最高储备量', 'Only annual and quarterly plans set the material and WIP ceilings');
  }
  const policy = (await getPolicy(db, actor.orgId)).production;
  const [master, capacity, lines, annual] = await Promise.all([
    loadPlanningMaster(db, actor.orgId),
    loadWorkshopCapacity(db, actor.orgId, plan.periodStart, plan.periodEnd),
    findWorkingLines(db, actor.orgId, plan.id),
    findAnnualPlan(db, plan),
  ]);
  const totals = annual ? await annualTotals(db, annual) : null;
  // A quarterly plan not yet drafted takes the product mix of the annual plan it rolls (T1 2);
  // only the mix matters, as the output is scaled to capacity anyway.
  let products = lines.map((l) => ({ itemId: l.itemId, plannedQty: l.total }));
  let mixFrom: ReserveCeilings['mixFrom'] = 'plan';
  if (!products.some((p) => p.plannedQty > 0)) {
    const source = annual && annual.id !== plan.id ? annual : await findEarlierAnnualPlan(db, plan);
    const annualLines = source ? await findWorkingLines(db, actor.orgId, source.id) : [];
    products = annualLines.map((l) => ({ itemId: l.itemId, plannedQty: l.total }));
    mixFrom = products.some((p) => p.plannedQty > 0) ? 'annual' : 'none';
  }
  const dayCount = capacity[0]?.hours.length ?? 0;
  const workingDays = Array.from({ length: dayCount }, (_, k) => k).filter((k) => capacity.some((c) => c.hours[k] > 0)).length;
  const result = computeReserveCeilings({
    products,
    items: master.items,
    bom: master.bom,
    routings: master.routings,
    workshops: capacity.map((c) => ({ id: c.workshop.id, name: c.workshop.name, hours: c.hours.reduce((a, b) => a + b, 0) })),
    workingDays,
    maxStock: Object.fromEntries([...master.stock].map(([id, s]) => [id, s.maxQty])),
    policy: {
      materialReserveDays: policy.materialReserveDays,
      wipReserveDays: policy.wipReserveDays,
      ceilingChangeThresholdPct: policy.ceilingChangeThresholdPct,
    },
    annualChangePct: totals ? annualChangePct(totals.total, totals.previousTotal) : null,
  });
  const items = new Map(master.items.map((i) => [i.id, i]));
  return {
    planId: plan.id,
    annualPlan: annual && totals ? { id: annual.id, title: annual.title, ...totals } : null,
    mixFrom,
    maxOutputFactor: result.maxOutputFactor,
    bottleneck: result.bottleneck,
    workingDays: result.workingDays,
    policy: {
      materialReserveDays: policy.materialReserveDays,
      wipReserveDays: policy.wipReserveDays,
      ceilingChangeThresholdPct: policy.ceilingChangeThresholdPct,
    },
    products: result.products.map((p) => ({ ...p, code: items.get(p.itemId)?.code ?? '', name: items.get(p.itemId)?.name ?? '' })),
    rows: result.rows,
    stability: result.stability,
    regulation: CEILING_REGULATION,
    clause: CEILING_CLAUSE,
  };
}

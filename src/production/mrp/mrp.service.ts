import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '#core/db';
import { withPlanningErrors } from '../common/index';
import { type PlanningFacts, prodItems } from '../master/index';
import { buildMrpRun, type MaterialRow, type MrpItemFacts, materialRows, runMrpOf, summariseMaterials } from './mrp.rules';
import { prodPlanMaterials } from './mrp.schema';

export interface ScheduleFacts {
  bucket: 'day' | 'month';
  bucketStarts: readonly string[];
  lines: readonly { itemId: string; quantities: readonly number[] }[];
}

export function mrpFacts(master: PlanningFacts): MrpItemFacts[] {
  return master.items.map((i) => {
    const s = master.stock.get(i.id);
    return {
      id: i.id,
      source: i.source,
      leadTimeDays: i.leadTimeDays,
      lotRule: i.lotRule,
      lotQty: i.lotQty,
      lotMin: i.lotMin,
      onHand: s?.onHand ?? 0,
      safetyStock: s?.safetyStock ?? 0,
    };
  });
}

/** Runs MRP below a schedule (PP-14); null when nothing is scheduled. */
export async function explodeSchedule(master: PlanningFacts, schedule: ScheduleFacts, today: string) {
  const items = mrpFacts(master);
  const run = buildMrpRun(schedule, items, master.bom);
  if (!run) return null;
  const netted = await withPlanningErrors(() => runMrpOf(run));
  const scheduled = new Set(schedule.lines.map((l) => l.itemId));
  return { run, rows: materialRows(run, netted, items, scheduled, schedule.bucket, today) };
}

/**
 * Replaces a plan's part, purchase and outsourcing plans. The rows go in as one statement of
 * seven arrays (`unnest`), not as statements of thousands of parameters each: a 1,000-line plan
 * on a 20,000-item plant stores ~86,000 rows, which took 43 inserts and ~4.7 s (issue 11).
 */
export async function storePlanMaterials(tx: Db, orgId: string, planId: string, rows: readonly MaterialRow[]) {
  await tx.delete(prodPlanMaterials).where(and(eq(prodPlanMaterials.orgId, orgId), eq(prodPlanMaterials.planId, planId)));
  if (rows.length > 0) {
    const column = <T>(pick: (r: MaterialRow) => T) => sql.param(rows.map(pick));
    await tx.execute(sql`
      insert into prod_plan_materials (org_id, plan_id, item_id, kind, need_on, release_on, gross, qty, is_past_due)
      select ${orgId}::uuid, ${planId}::uuid, m.*
      from unnest(
        ${column((r) => r.itemId)}::uuid[], ${column((r) => r.kind)}::text[], ${column((r) => r.needOn)}::date[],
        ${column((r) => r.releaseOn)}::date[], ${column((r) => r.gross)}::float8[], ${column((r) => r.qty)}::float8[],
        ${column((r) => r.isPastDue)}::boolean[]
      ) as m`);
  }
  return summariseMaterials(rows);
}

/** The columns of a stored material row: what the netting and grouping read. */
const materialRowColumns = {
  itemId: prodPlanMaterials.itemId,
  kind: prodPlanMaterials.kind,
  needOn: prodPlanMaterials.needOn,
  releaseOn: prodPlanMaterials.releaseOn,
  gross: prodPlanMaterials.gross,
  qty: prodPlanMaterials.qty,
  isPastDue: prodPlanMaterials.isPastDue,
};

export async function findPlanMaterials(db: Db, orgId: string, planId: string) {
  return db
    .select({ ...materialRowColumns, code: prodItems.code, name: prodItems.name, spec: prodItems.spec, unit: prodItems.unit })
    .from(prodPlanMaterials)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodPlanMaterials.orgId), eq(prodItems.id, prodPlanMaterials.itemId)))
    .where(and(eq(prodPlanMaterials.orgId, orgId), eq(prodPlanMaterials.planId, planId)))
    .orderBy(asc(prodPlanMaterials.kind), asc(prodItems.code), asc(prodPlanMaterials.needOn));
}

/**
 * The plan's material rows alone, without item labels and in no order (issue 11): the material tab
 * groups and sorts them itself and labels only the items, once each, so 86,000 rows of a large plan
 * are not joined, sorted by code in the database and labelled one by one.
 */
export async function findPlanMaterialRows(db: Db, orgId: string, planId: string) {
  return db
    .select(materialRowColumns)
    .from(prodPlanMaterials)
    .where(and(eq(prodPlanMaterials.orgId, orgId), eq(prodPlanMaterials.planId, planId)));
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, versionConflict } from '#core/errors';
import { chunk } from '../common/index';
import { prodItems } from '../master/index';
import { assertCanWritePlan } from './plan-access';
import { refreshPlanCapacity } from './plan-capacity.service';
import { checkPlanLines, lineTotal, type PlanLineInput } from './plan-lines.rules';
import { bucketStarts } from './plan-period.rules';
import { assertEditable, findPlanDocument, getPlanRow } from './plan.query';
import { type PlanRow, prodPlanLines, prodPlans } from './plan.schema';
import { orgToday as localToday } from '#core/calendar';

export interface LinesChange {
  /** The plan version the editor loaded: a stale one gets 409, never an overwrite. */
  version: number;
  /** Replaces every line (Excel import, copy from last month). */
  lines?: PlanLineInput[];
  /** Only the rows the grid changed. */
  upsert?: PlanLineInput[];
  remove?: string[];
}

function refuse(problems: ReturnType<typeof checkPlanLines>): never {
  const first = problems[0];
  throw new AppError(
    'VALIDATION_FAILED',
    `第 ${first.line + 1} 行：${first.zh}${problems.length > 1 ? `（共 ${problems.length} 处错误）` : ''}`,
    `Line ${first.line + 1}: ${first.en}${problems.length > 1 ? ` (${problems.length} problems)` : ''}`,
    problems.slice(0, 200).map((p) => ({ field: p.field, row: p.line + 1, reason: p.en })),
  );
}

async function activeItems(db: Db, orgId: string, ids: string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (unique.length === 0) return new Set();
  const found = new Set<string>();
  for (const batch of chunk(unique, 5000)) {
    const rows = await db
      .select({ id: prodItems.id })
      .from(prodItems)
      .where(and(eq(prodItems.orgId, orgId), eq(prodItems.isActive, true), inArray(prodItems.id, batch)));
    for (const r of rows) found.add(r.id);
  }
  return found;
}

const toRow = (orgId: string, planId: string, l: PlanLineInput, sort: number) => ({
  orgId,
  planId,
  itemId: l.itemId,
  forecastQty: l.forecastQty ?? null,
  quantities: l.quantities,
  total: lineTotal(l.quantities),
  note: l.note ?? '',
  sort,
});

/**
 * Saves a plan's lines in one transaction of a few batched statements (ANCHORS: 2,000 lines
 * are a handful of statements, not 2,000), then redraws the capacity check (PP-9).
 */
export async function savePlanLines(db: Db, actor: Actor, planId: string, change: LinesChange, now: Date) {
  const plan = await getPlanRow(db, actor.orgId, planId);
  await assertCanWritePlan(db, actor, plan);
  assertEditable(plan, await findPlanDocument(db, plan));
  if (plan.version !== change.version) throw versionConflict();
  const incoming = change.lines ?? change.upsert ?? [];
  const known = await activeItems(
    db,
    actor.orgId,
    incoming.map((l) => l.itemId),
  );
  const problems = checkPlanLines(incoming, bucketStarts(plan).length, known);
  if (problems.length) refuse(problems);
  const today = await localToday(db, actor.orgId, now);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(prodPlans)
      .set({ version: sql`${prodPlans.version} + 1`, updatedAt: now })
      .where(and(eq(prodPlans.orgId, actor.orgId), eq(prodPlans.id, planId), eq(prodPlans.version, change.version)))
      .returning();
    if (!after) throw versionConflict();
    const lineKey = and(eq(prodPlanLines.orgId, actor.orgId), eq(prodPlanLines.planId, planId));
    if (change.lines) {
      await tx.delete(prodPlanLines).where(lineKey);
      for (const [b, batch] of chunk(change.lines, 1000).entries()) {
        await tx.insert(prodPlanLines).values(batch.map((l, i) => toRow(actor.orgId, planId, l, b * 1000 + i)));
      }
    } else {
      for (const batch of chunk(change.upsert ?? [], 1000)) {
        await tx
          .insert(prodPlanLines)
          .values(batch.map((l, i) => toRow(actor.orgId, planId, l, 1_000_000 + i)))
          .onConflictDoUpdate({
            target: [prodPlanLines.orgId, prodPlanLines.planId, prodPlanLines.itemId],
            set: { forecastQty: sql`excluded.forecast_qty`, quantities: sql`excluded.quantities`, total: sql`excluded.total`, note: sql`excluded.note` },
          });
      }
      if (change.remove?.length) await tx.delete(prodPlanLines).where(and(lineKey, inArray(prodPlanLines.itemId, change.remove)));
    }
    const view = await refreshPlanCapacity(tx, after, today);
    const [sum] = await tx
      .select({ n: sql<number>`count(*)::int`, total: sql<number>`coalesce(sum(${prodPlanLines.total}), 0)::float8` })
      .from(prodPlanLines)
      .where(lineKey);
    await writeAudit(tx, actor, {
      action: change.lines ? 'production.plan.lines.replace' : 'production.plan.lines.update',
      entity: 'prod_plan',
      entityId: planId,
      before: { version: plan.version },
      after: {
        version: after.version,
        lines: sum.n,
        total: sum.total,
        changed: incoming.slice(0, 100).map((l) => ({ itemId: l.itemId, total: lineTotal(l.quantities) })),
        removed: change.remove ?? [],
      },
    });
    return { version: after.version, lineCount: sum.n, total: sum.total, capacity: view };
  });
}

export type PlanWithVersion = Pick<PlanRow, 'id' | 'version'>;

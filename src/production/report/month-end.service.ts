import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { findings } from '#core/assessment';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { invalidField, versionConflict } from '#core/errors';
import { users } from '#core/org';
import { getPolicy } from '#core/policy';
import { addMonths, monthEnd, monthOf } from '../common/index';
import { prodItems, prodWorkshops } from '../master/index';
import type { CauseBody, MonthEndView, MonthRow } from './completion.contract';
import { monthFigures } from './completion.rules';
import { loadLabels, loadMonthLines } from './completion.service';
import { assertCanWriteFor, canWriteFor } from './report-access';
import { prodMonthVariances } from './report.schema';
import { orgToday } from '#core/calendar';

export const EXECUTION_RULE_CODES = ['production.plan.incomplete', 'production.quality.delay'];

async function findCauses(db: Db, orgId: string, month: string) {
  return db
    .select({ v: prodMonthVariances, enteredByName: users.displayName })
    .from(prodMonthVariances)
    .leftJoin(users, and(eq(users.orgId, prodMonthVariances.orgId), eq(users.id, prodMonthVariances.enteredBy)))
    .where(and(eq(prodMonthVariances.orgId, orgId), eq(prodMonthVariances.month, month)));
}

/** The production department, or the workshop's own people, analyse a variance (T4 第三十四条). */
async function canEnterCause(db: Db, actor: Actor, workshopId: string): Promise<boolean> {
  return hasPermission(actor, 'production.plan.write') || (await canWriteFor(db, actor, workshopId));
}

/**
 * PP-18, PP-29 (T4 第三十四条, T2 (2011) 4.(1)): per workshop and product, the month's plan
 * against completion (进仓 by default), the variance, and for a large one its cause and
 * corrective action; per workshop, the completion assessment of the month.
 */
export async function getMonthEnd(db: Db, actor: Actor, month: string | undefined, now: Date): Promise<MonthEndView> {
  requireAccess(actor, 'production.read');
  const policy = await getPolicy(db, actor.orgId);
  const today = await orgToday(db, actor.orgId, now);
  const m = month ?? addMonths(monthOf(today), -1);
  const { completionMeasure: measure, monthEndVarianceShare } = policy.production;
  const { lines } = await loadMonthLines(db, actor.orgId, m);
  const { workshops, items } = await loadLabels(db, actor.orgId, [...new Set(lines.map((l) => l.itemId))]);
  const causes = await findCauses(db, actor.orgId, m);
  const may = new Map<string, boolean>();
  for (const w of workshops.keys()) may.set(w, await canEnterCause(db, actor, w));
  const all: MonthRow[] = lines
    .map((l) => {
      const f = monthFigures(l, measure, monthEndVarianceShare);
      const item = items.get(l.itemId);
      const c = causes.find((x) => x.v.workshopId === l.workshopId && x.v.itemId === l.itemId);
      return {
        workshopId: l.workshopId,
        workshopName: workshops.get(l.workshopId)?.name ?? '',
        itemId: l.itemId,
        code: item?.code ?? '',
        name: item?.name ?? '',
        unit: item?.unit ?? '',
        isMature: item?.isMature ?? true,
        isFinalOperation: l.isFinalOperation,
        ...f,
        needsCause: f.isLarge && !c,
        cause: c
          ? {
              id: c.v.id,
              causeKind: c.v.causeKind,
              cause: c.v.cause,
              correctiveAction: c.v.correctiveAction,
              enteredByName: c.enteredByName,
              enteredAt: c.v.enteredAt,
              version: c.v.version,
            }
          : null,
        canEnterCause: may.get(l.workshopId) ?? false,
        sort: [workshops.get(l.workshopId)?.sort ?? 0, items.get(l.itemId)?.sort ?? 0],
      };
    })
    .filter((r) => r.plan > 0 || r.completed > 0)
    .sort((a, b) => a.sort[0] - b.sort[0] || a.sort[1] - b.sort[1])
    .map(({ sort: _, ...r }) => r);
  // T2 七.6: immature products are assessed on their own, apart from the workshops' completion.
  const isApart = (r: MonthRow) => policy.assessment.excludeImmatureProducts && !r.isMature;
  const rows = all.filter((r) => !isApart(r));
  const byWorkshop = new Map<string, MonthRow[]>();
  for (const r of rows) byWorkshop.set(r.workshopId, [...(byWorkshop.get(r.workshopId) ?? []), r]);
  const found = await db
    .select()
    .from(findings)
    .where(and(eq(findings.orgId, actor.orgId), eq(findings.period, m), inArray(findings.ruleCode, EXECUTION_RULE_CODES)));
  return {
    month: m,
    measure,
    varianceShare: monthEndVarianceShare,
    isClosed: today > monthEnd(m),
    rows,
    workshops: [...byWorkshop].map(([workshopId, list]) => {
      const planned = list.filter((r) => r.plan > 0);
      return {
        workshopId,
        workshopName: list[0].workshopName,
        lines: planned.length,
        completedLines: planned.filter((r) => r.completed >= r.plan - 1e-6).length,
        meanRate: planned.length ? Math.round((planned.reduce((s, r) => s + Math.min(1, r.rate ?? 0), 0) / planned.length) * 10000) / 10000 : null,
        largeVariances: list.filter((r) => r.isLarge).length,
        missingCauses: list.filter((r) => r.needsCause).length,
      };
    }),
    immature: all.filter(isApart),
    findings: found.map((f) => ({
      id: f.id,
      ruleCode: f.ruleCode,
      clause: f.clause,
      subjectLabel: f.subjectLabel,
      amount: f.amount,
      state: f.state,
      summaryZh: f.summaryZh,
      summaryEn: f.summaryEn,
    })),
  };
}

async function assertWorkshopAndItem(db: Db, orgId: string, workshopId: string, itemId: string) {
  const [w] = await db
    .select({ id: prodWorkshops.id })
    .from(prodWorkshops)
    .where(and(eq(prodWorkshops.orgId, orgId), eq(prodWorkshops.id, workshopId)));
  if (!w) throw invalidField('workshopId', '车间不存在', 'unknown workshop');
  const [i] = await db
    .select({ id: prodItems.id })
    .from(prodItems)
    .where(and(eq(prodItems.orgId, orgId), eq(prodItems.id, itemId)));
  if (!i) throw invalidField('itemId', '产品不存在', 'unknown product');
}

/** Enters or changes the cause and corrective action of a month's variance; a stale change is 409. */
export async function saveVarianceCause(db: Db, actor: Actor, body: CauseBody, now: Date): Promise<void> {
  if (!hasPermission(actor, 'production.plan.write')) await assertCanWriteFor(db, actor, body.workshopId);
  await assertWorkshopAndItem(db, actor.orgId, body.workshopId, body.itemId);
  const values = { causeKind: body.causeKind, cause: body.cause, correctiveAction: body.correctiveAction, enteredBy: actor.userId, enteredAt: now };
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(prodMonthVariances)
        .where(
          and(
            eq(prodMonthVariances.orgId, actor.orgId),
            eq(prodMonthVariances.month, body.month),
            eq(prodMonthVariances.workshopId, body.workshopId),
            eq(prodMonthVariances.itemId, body.itemId),
          ),
        )
        .for('update');
      if (before) {
        if (body.version !== before.version) throw versionConflict();
        await tx
          .update(prodMonthVariances)
          .set({ ...values, version: sql`${prodMonthVariances.version} + 1` })
          .where(and(eq(prodMonthVariances.orgId, actor.orgId), eq(prodMonthVariances.id, before.id)));
      } else {
        if (body.version !== undefined) throw versionConflict();
        await tx.insert(prodMonthVariances).values({ orgId: actor.orgId, month: body.month, workshopId: body.workshopId, itemId: body.itemId, ...values });
      }
      await writeAudit(tx, actor, {
        action: 'production.variance.cause',
        entity: 'prod_month_variance',
        entityId: before?.id ?? `${body.month}:${body.workshopId}:${body.itemId}`,
        before: before ? { causeKind: before.causeKind, cause: before.cause, correctiveAction: before.correctiveAction } : undefined,
        after: {
          month: body.month,
          workshopId: body.workshopId,
          itemId: body.itemId,
          causeKind: body.causeKind,
          cause: body.cause,
          correctiveAction: body.correctiveAction,
        },
      });
    });
  } catch (e) {
    // Two people entering the first cause at once: the second is stale.
    if (isUniqueViolation(e)) throw versionConflict();
    throw e;
  }
}

import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { createDocument, documents, getDocument, type Workflows } from '#core/approval';
import { writeAudit } from '#core/audit';
import { dueDateFor, loadBusinessCalendar } from '#core/calendar';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { users } from '#core/org';
import { getPolicy } from '#core/policy';
import { asDocView, chunk, ensureDeadline, monthEnd, monthOf, monthStart, quarterMonths } from '../common/index';
import { prodItems } from '../master/index';
import { prodSalesPlanLines, prodSalesPlans, type SalesPlanKind, type SalesPlanRow } from './demand.schema';
import type { SalesPlanLinesBody } from './demand.contract';

export const FORECAST_SUBJECT = 'production.forecast';
export const salesPlanLink = (id: string) => `/production/sales-plans/${id}`;

export type SalesPlanPeriod = { kind: 'annual'; year: number } | { kind: 'quarterly'; year: number; quarter: number } | { kind: 'monthly'; month: string };

export function salesPlanPeriod(p: SalesPlanPeriod) {
  if (p.kind === 'annual') return { start: `${p.year}-01-01`, end: `${p.year}-12-31`, zh: `${p.year}年度销售计划`, en: `Annual sales plan ${p.year}` };
  if (p.kind === 'quarterly') {
    if (p.quarter < 1 || p.quarter > 4) throw invalidField('quarter', '季度须为 1–4', 'quarter must be 1–4');
    const m = quarterMonths(p.year, p.quarter);
    return { start: monthStart(m[0]), end: monthEnd(m[2]), zh: `${p.year}年第${p.quarter}季度销售计划`, en: `Q${p.quarter} ${p.year} sales plan` };
  }
  const [y, m] = p.month.split('-').map(Number);
  return { start: monthStart(p.month), end: monthEnd(p.month), zh: `${y}年${m}月销售计划（需求预报）`, en: `Sales plan and forecast ${p.month}` };
}

/** PP-2: next month's forecast is due on the policy's day of this month (T2 五.1.1)). */
export async function ensureForecastDeadline(tx: Db, actor: Actor, month: string, owner: { userId: string; departmentId: string | null }, link?: string) {
  const [policy, calendar] = await Promise.all([getPolicy(tx, actor.orgId), loadBusinessCalendar(tx, actor.orgId)]);
  const dueOn = dueDateFor({ kind: 'dayOfMonth', day: policy.production.forecastDueDay, monthOffset: -1 }, monthStart(month), calendar, {
    onRestDay: policy.deadlines.dayOfMonthOnRestDay,
  });
  await ensureDeadline(tx, actor, {
    subjectType: FORECAST_SUBJECT,
    subjectId: month,
    title: { zh: `报送${month}需求预报（月销售计划）`, en: `Send the demand forecast for ${month}` },
    ownerUserId: owner.userId,
    ownerDepartmentId: owner.departmentId,
    dueOn,
    link,
    rule: { clause: 'T2 五.1.1)', requirementId: 'PP-2', ruleCode: 'production.forecast.late' },
  });
}

export async function createSalesPlan(db: Db, workflows: Workflows, actor: Actor, period: SalesPlanPeriod, now: Date) {
  requireAccess(actor, 'production.demand.write');
  requireAccess(actor, 'document.write');
  const p = salesPlanPeriod(period);
  const [existing] = await db
    .select({ id: prodSalesPlans.id })
    .from(prodSalesPlans)
    .where(and(eq(prodSalesPlans.orgId, actor.orgId), eq(prodSalesPlans.kind, period.kind), eq(prodSalesPlans.periodStart, p.start)));
  if (existing)
    throw new AppError('CONFLICT', '该期间的销售计划已存在', 'A sales plan for this period already exists', [{ field: 'period', reason: 'exists' }]);
  return db.transaction(async (tx) => {
    const doc = await createDocument(
      tx,
      workflows,
      actor,
      { docType: 'production.sales_plan', title: p.zh, body: { kind: period.kind, content: `${p.zh}（明细见销售计划页面）` } },
      now,
    );
    const [row] = await tx
      .insert(prodSalesPlans)
      .values({ orgId: actor.orgId, documentId: doc.id, kind: period.kind, periodStart: p.start, periodEnd: p.end, createdBy: actor.userId, createdAt: now })
      .returning();
    await writeAudit(tx, actor, { action: 'production.sales-plan.create', entity: 'prod_sales_plan', entityId: row.id, after: row });
    if (period.kind === 'monthly') {
      const [me] = await tx
        .select({ departmentId: users.departmentId })
        .from(users)
        .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
      await ensureForecastDeadline(tx, actor, period.month, { userId: actor.userId, departmentId: me?.departmentId ?? null }, salesPlanLink(row.id));
    }
    return row;
  });
}

async function getSalesPlanRow(db: Db, orgId: string, id: string): Promise<SalesPlanRow> {
  const [row] = await db
    .select()
    .from(prodSalesPlans)
    .where(and(eq(prodSalesPlans.orgId, orgId), eq(prodSalesPlans.id, id)));
  if (!row) throw notFound('销售计划', 'Sales plan');
  return row;
}

export type { SalesPlanLineInput } from './demand.contract';

/** Replaces the lines of a draft sales plan; a date outside the period or an unknown product is refused. */
export async function saveSalesPlanLines(db: Db, actor: Actor, id: string, input: SalesPlanLinesBody) {
  requireAccess(actor, 'production.demand.write');
  const plan = await getSalesPlanRow(db, actor.orgId, id);
  const [doc] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, actor.orgId), eq(documents.id, plan.documentId)));
  if (doc.state !== 'draft')
    throw invalidState('只有草稿状态的销售计划可以修改；已批准的请先发起调整', 'Only a draft sales plan can change; adjust an approved one first');
  if (plan.version !== input.version) throw versionConflict();
  const ids = [...new Set(input.lines.map((l) => l.itemId))];
  const known = new Set(
    ids.length
      ? (
          await db
            .select({ id: prodItems.id })
            .from(prodItems)
            .where(and(eq(prodItems.orgId, actor.orgId), inArray(prodItems.id, ids)))
        ).map((r) => r.id)
      : [],
  );
  const seen = new Set<string>();
  const lines = input.lines.map((l, i) => {
    if (!known.has(l.itemId)) throw invalidField(`lines[${i}].itemId`, '产品不存在', 'unknown product');
    if (l.onDate < plan.periodStart || l.onDate > plan.periodEnd)
      throw invalidField(
        `lines[${i}].onDate`,
        `日期不在计划期间（${plan.periodStart}～${plan.periodEnd}）内`,
        `date outside the plan period ${plan.periodStart}–${plan.periodEnd}`,
      );
    const onDate = plan.kind === 'monthly' ? l.onDate : monthStart(monthOf(l.onDate));
    const key = `${l.itemId}|${onDate}`;
    if (seen.has(key)) throw invalidField(`lines[${i}].onDate`, '同一产品同一日期（月份）重复', 'the same product and date (month) appears twice');
    seen.add(key);
    return { orgId: actor.orgId, planId: id, itemId: l.itemId, onDate, qty: l.qty, unitPrice: l.unitPrice ?? null };
  });
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(prodSalesPlans)
      .set({ version: sql`${prodSalesPlans.version} + 1` })
      .where(and(eq(prodSalesPlans.orgId, actor.orgId), eq(prodSalesPlans.id, id), eq(prodSalesPlans.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await tx.delete(prodSalesPlanLines).where(and(eq(prodSalesPlanLines.orgId, actor.orgId), eq(prodSalesPlanLines.planId, id)));
    for (const batch of chunk(lines, 2000)) await tx.insert(prodSalesPlanLines).values(batch);
    await writeAudit(tx, actor, {
      action: 'production.sales-plan.lines',
      entity: 'prod_sales_plan',
      entityId: id,
      after: { version: after.version, lines: lines.length, total: lines.reduce((s, l) => s + l.qty, 0) },
    });
    return { version: after.version, lines: lines.length };
  });
}

export async function getSalesPlan(db: Db, workflows: Workflows, actor: Actor, id: string) {
  requireAccess(actor, 'production.read');
  const plan = await getSalesPlanRow(db, actor.orgId, id);
  const lines = await db
    .select({
      id: prodSalesPlanLines.id,
      itemId: prodSalesPlanLines.itemId,
      code: prodItems.code,
      name: prodItems.name,
      spec: prodItems.spec,
      unit: prodItems.unit,
      onDate: prodSalesPlanLines.onDate,
      qty: prodSalesPlanLines.qty,
      unitPrice: prodSalesPlanLines.unitPrice,
    })
    .from(prodSalesPlanLines)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodSalesPlanLines.orgId), eq(prodItems.id, prodSalesPlanLines.itemId)))
    .where(and(eq(prodSalesPlanLines.orgId, actor.orgId), eq(prodSalesPlanLines.planId, id)))
    .orderBy(asc(prodItems.code), asc(prodSalesPlanLines.onDate));
  const document = hasPermission(actor, 'document.read') ? await getDocument(db, workflows, actor, plan.documentId) : null;
  const [doc] = await db
    .select({ state: documents.state, number: documents.number, title: documents.title })
    .from(documents)
    .where(and(eq(documents.orgId, actor.orgId), eq(documents.id, plan.documentId)));
  return {
    ...plan,
    title: doc.title,
    number: doc.number,
    state: doc.state,
    lines,
    productTotals: productTotalsOf(lines),
    document: document && asDocView(document),
  };
}

// Issue 14 item 12: a monthly plan has one line per ship date; readers want each product's sum.
function productTotalsOf(lines: readonly { itemId: string; code: string; name: string; unit: string; qty: number; unitPrice: number | null }[]) {
  const byItem = new Map<string, { itemId: string; code: string; name: string; unit: string; qty: number; amount: number | null; lineCount: number }>();
  for (const l of lines) {
    const e = byItem.get(l.itemId) ?? { itemId: l.itemId, code: l.code, name: l.name, unit: l.unit, qty: 0, amount: null, lineCount: 0 };
    e.qty += l.qty;
    if (l.unitPrice !== null) e.amount = (e.amount ?? 0) + l.qty * l.unitPrice;
    e.lineCount += 1;
    byItem.set(l.itemId, e);
  }
  return [...byItem.values()];
}

export async function findSalesPlans(db: Db, actor: Actor, filter: { kind?: SalesPlanKind; year?: number } = {}) {
  requireAccess(actor, 'production.read');
  const where: SQL[] = [eq(prodSalesPlans.orgId, actor.orgId)];
  if (filter.kind) where.push(eq(prodSalesPlans.kind, filter.kind));
  if (filter.year) where.push(sql`extract(year from ${prodSalesPlans.periodStart}) = ${filter.year}`);
  const totals = db
    .select({
      planId: prodSalesPlanLines.planId,
      total: sql<number>`coalesce(sum(${prodSalesPlanLines.qty}), 0)::float8`.as('total'),
      n: sql<number>`count(*)::int`.as('n'),
    })
    .from(prodSalesPlanLines)
    .where(eq(prodSalesPlanLines.orgId, actor.orgId))
    .groupBy(prodSalesPlanLines.planId)
    .as('totals');
  const rows = await db
    .select({ p: prodSalesPlans, number: documents.number, title: documents.title, state: documents.state, total: totals.total, n: totals.n })
    .from(prodSalesPlans)
    .innerJoin(documents, and(eq(documents.orgId, prodSalesPlans.orgId), eq(documents.id, prodSalesPlans.documentId)))
    .leftJoin(totals, eq(totals.planId, prodSalesPlans.id))
    .where(and(...where))
    .orderBy(desc(prodSalesPlans.periodStart), asc(prodSalesPlans.kind));
  return rows.map(({ p, number, title, state, total, n }) => ({ ...p, number, title, state, total: total ?? 0, lineCount: n ?? 0, link: salesPlanLink(p.id) }));
}

export async function findSalesPlanByDocument(db: Db, orgId: string, documentId: string) {
  const [row] = await db
    .select()
    .from(prodSalesPlans)
    .where(and(eq(prodSalesPlans.orgId, orgId), eq(prodSalesPlans.documentId, documentId)));
  return row;
}

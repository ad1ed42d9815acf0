import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { documents } from '#core/approval';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { cellText, checkRow, defineSheet, type ExcelTable, type ImportRow, RowErrors, rowBody, type SheetRow } from '#core/excel';
import { chunk, monthOf, monthStart, PLAN_DOCUMENT_STATE_ZH } from '../common/index';
import { prodItems } from '../master/index';
import { prodSalesPlanLines, prodSalesPlans } from './demand.schema';
import { day, itemCodes } from './demand-sheet.cells';
import { SalesPlanLineBody } from './demand.contract';

const SalesPlanRowLine = SalesPlanLineBody.omit({ itemId: true });

// Sales plans in Excel (PP-1, PP-2, CORE-11): filled by plan number while the plan is 编制中.

export const salesPlanSheet = defineSheet({
  name: 'sales-plans',
  columns: [
    { key: 'planNumber', header: { zh: '计划编号', en: 'Plan number' }, type: 'string', required: true, width: 16 },
    { key: 'title', header: { zh: '计划名称（仅导出）', en: 'Plan (export only)' }, type: 'string', width: 26 },
    { key: 'state', header: { zh: '状态（仅导出）', en: 'State (export only)' }, type: 'string', width: 10 },
    { key: 'code', header: { zh: '产品编码', en: 'Product code' }, type: 'string', required: true, width: 14 },
    { key: 'name', header: { zh: '品名（仅导出）', en: 'Product (export only)' }, type: 'string', width: 18 },
    {
      key: 'onDate',
      header: { zh: '日期（年、季计划填当月任一天）', en: 'Date (any day of the month for annual and quarterly plans)' },
      type: 'date',
      required: true,
    },
    { key: 'qty', header: { zh: '数量', en: 'Quantity' }, type: 'number', required: true },
    { key: 'unitPrice', header: { zh: '单价（元）', en: 'Unit price' }, type: 'number' },
  ],
});

async function exportSalesPlans(db: Db, actor: Actor): Promise<SheetRow[]> {
  const rows = await db
    .select({
      number: documents.number,
      title: documents.title,
      state: documents.state,
      code: prodItems.code,
      name: prodItems.name,
      onDate: prodSalesPlanLines.onDate,
      qty: prodSalesPlanLines.qty,
      unitPrice: prodSalesPlanLines.unitPrice,
    })
    .from(prodSalesPlanLines)
    .innerJoin(prodSalesPlans, and(eq(prodSalesPlans.orgId, prodSalesPlanLines.orgId), eq(prodSalesPlans.id, prodSalesPlanLines.planId)))
    .innerJoin(documents, and(eq(documents.orgId, prodSalesPlans.orgId), eq(documents.id, prodSalesPlans.documentId)))
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodSalesPlanLines.orgId), eq(prodItems.id, prodSalesPlanLines.itemId)))
    .where(eq(prodSalesPlanLines.orgId, actor.orgId))
    .orderBy(desc(prodSalesPlans.periodStart), asc(prodSalesPlans.kind), asc(prodItems.code), asc(prodSalesPlanLines.onDate));
  return rows.map(({ number, ...r }) => ({
    planNumber: number,
    ...r,
    state: actor.locale === 'en' ? r.state : (PLAN_DOCUMENT_STATE_ZH[r.state as keyof typeof PLAN_DOCUMENT_STATE_ZH] ?? r.state),
  }));
}

/**
 * The rows of each plan named in the file replace that plan's lines, and only while the plan is a
 * draft (an approved plan is adjusted through its document). Plans are created on the page, which
 * also sets the forecast deadline; the file fills them.
 */
async function importSalesPlans(tx: Db, actor: Actor, rows: ImportRow[]) {
  const errors = new RowErrors(salesPlanSheet, actor.locale);
  const numbers = [...new Set(rows.map((r) => cellText(r.values.planNumber)))];
  const plans = new Map(
    (
      await tx
        .select({
          id: prodSalesPlans.id,
          kind: prodSalesPlans.kind,
          periodStart: prodSalesPlans.periodStart,
          periodEnd: prodSalesPlans.periodEnd,
          number: documents.number,
          state: documents.state,
        })
        .from(prodSalesPlans)
        .innerJoin(documents, and(eq(documents.orgId, prodSalesPlans.orgId), eq(documents.id, prodSalesPlans.documentId)))
        .where(and(eq(prodSalesPlans.orgId, actor.orgId), inArray(documents.number, numbers)))
    ).map((p) => [p.number, p]),
  );
  const items = await itemCodes(tx, actor.orgId);
  const linesOf = new Map<string, { itemId: string; onDate: string; qty: number; unitPrice: number | null }[]>();
  const seen = new Map<string, number>();
  for (const { rowNumber: n, values: v } of rows) {
    const number = cellText(v.planNumber);
    const plan = plans.get(number);
    if (!plan) {
      errors.add(
        n,
        'planNumber',
        `销售计划不存在：${number}（请先在页面上新建该期间的销售计划）`,
        `unknown sales plan: ${number} (create the plan for the period on the page first)`,
      );
      continue;
    }
    if (plan.state !== 'draft')
      errors.add(
        n,
        'planNumber',
        `销售计划 ${number} 已不在编制中，不能通过导入修改；已批准的请先发起调整`,
        `sales plan ${number} is not a draft; adjust an approved plan first`,
      );
    const item = items.get(cellText(v.code));
    if (!item) errors.add(n, 'code', `产品不存在：${cellText(v.code)}`, `unknown product: ${cellText(v.code)}`);
    const raw = day(v.onDate) ?? '';
    if (raw && (raw < plan.periodStart || raw > plan.periodEnd))
      errors.add(
        n,
        'onDate',
        `日期不在计划期间（${plan.periodStart}～${plan.periodEnd}）内`,
        `date outside the plan period ${plan.periodStart}–${plan.periodEnd}`,
      );
    const onDate = plan.kind === 'monthly' || !raw ? raw : monthStart(monthOf(raw));
    const key = `${number}|${item?.id}|${onDate}`;
    if (item && seen.has(key))
      errors.add(n, 'onDate', `同一产品同一日期（月份）与第 ${seen.get(key)} 行重复`, `the same product and date (month) as row ${seen.get(key)}`);
    seen.set(key, n);
    // The line as PUT /production/sales-plans/:id/lines checks it (issue 16); the product comes as a code.
    const line = checkRow(errors, n, SalesPlanRowLine, rowBody({ onDate: v.onDate, qty: v.qty ?? 0, unitPrice: v.unitPrice }));
    if (!line) continue;
    const list = linesOf.get(plan.id) ?? [];
    list.push({ itemId: item?.id ?? '', onDate, qty: line.qty, unitPrice: line.unitPrice ?? null });
    linesOf.set(plan.id, list);
  }
  errors.throwIfAny();

  let inserted = 0;
  let updated = 0;
  const filled = new Set(
    (
      await tx
        .selectDistinct({ planId: prodSalesPlanLines.planId })
        .from(prodSalesPlanLines)
        .where(and(eq(prodSalesPlanLines.orgId, actor.orgId), inArray(prodSalesPlanLines.planId, [...linesOf.keys()])))
    ).map((r) => r.planId),
  );
  for (const [planId, lines] of linesOf) {
    await tx
      .update(prodSalesPlans)
      .set({ version: sql`${prodSalesPlans.version} + 1` })
      .where(and(eq(prodSalesPlans.orgId, actor.orgId), eq(prodSalesPlans.id, planId)));
    await tx.delete(prodSalesPlanLines).where(and(eq(prodSalesPlanLines.orgId, actor.orgId), eq(prodSalesPlanLines.planId, planId)));
    for (const batch of chunk(lines, 2000)) await tx.insert(prodSalesPlanLines).values(batch.map((l) => ({ orgId: actor.orgId, planId, ...l })));
    if (filled.has(planId)) updated += lines.length;
    else inserted += lines.length;
    await writeAudit(tx, actor, {
      action: 'production.sales-plan.import',
      entity: 'prod_sales_plan',
      entityId: planId,
      after: { lines: lines.length, total: lines.reduce((s, l) => s + l.qty, 0) },
    });
  }
  return { inserted, updated };
}

export const salesPlansExcelTable: ExcelTable = {
  name: 'production-sales-plans',
  label: { zh: '销售计划', en: 'Sales plans' },
  sheet: salesPlanSheet,
  permission: 'production.demand.write',
  exportRows: exportSalesPlans,
  importRows: (tx, actor, rows) => importSalesPlans(tx, actor, rows),
};

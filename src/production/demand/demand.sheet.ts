import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { documents } from '#core/approval';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { cellText, defineSheet, type ExcelTable, type ImportContext, type ImportRow, RowErrors, type SheetRow } from '#core/excel';
import { chunk, monthOf, monthStart, nextProductionNumber } from '../common/index';
import { prodItems } from '../master/index';
import { ORDER_KIND_LABELS } from './demand.rules';
import { findShipmentLines } from './shipment.service';
import {
  ORDER_KINDS,
  ORDER_STATES,
  type OrderKind,
  prodOrderLines,
  prodOrderReviews,
  prodOrders,
  prodSalesPlanLines,
  prodSalesPlans,
  prodShipments,
} from './demand.schema';

// CORE-11 (issue 14 item 13): the market department keeps sales plans, orders and shipments in
// Excel today. Each goes out as one clean sheet and comes back: a whole file is refused on any
// error, with every bad row named, and nothing is written.

const STATE_LABELS: Record<(typeof ORDER_STATES)[number], [string, string]> = {
  received: ['待汇审', 'Received'],
  in_review: ['汇审中', 'In joint review'],
  submitted: ['待总经理批准', 'Awaiting the GM'],
  approved: ['已批准（销售计划单）', 'Approved (sales order sheet)'],
  rejected: ['已退回', 'Rejected'],
  cancelled: ['已取消', 'Cancelled'],
};
const DOC_STATE_LABELS: Record<string, string> = {
  draft: '编制中',
  submitted: '审批中',
  approved: '已批准',
  rejected: '已退回',
  issued: '已下达',
  closed: '已关闭',
};

/** Orders that the market department may still correct (the same states updateOrder allows). */
export const ORDER_STATES_OPEN_TO_IMPORT: readonly string[] = ['received', 'in_review', 'rejected'];

const itemCodes = async (db: Db, orgId: string) =>
  new Map(
    (await db.select({ id: prodItems.id, code: prodItems.code, isActive: prodItems.isActive }).from(prodItems).where(eq(prodItems.orgId, orgId))).map((i) => [
      i.code,
      i,
    ]),
  );

const num = (v: SheetRow[string]): number | null => (typeof v === 'number' ? v : null);
const day = (v: SheetRow[string]): string | null => (typeof v === 'string' && v ? v : null);

// ---------------------------------------------------------------- orders (PP-3)

export const orderSheet = defineSheet({
  name: 'sales-orders',
  columns: [
    { key: 'number', header: { zh: '订单号（新订单留空）', en: 'Order number (blank for new)' }, type: 'string', width: 16 },
    {
      key: 'kind',
      header: { zh: '订单类型', en: 'Kind' },
      type: 'enum',
      required: true,
      enumValues: ORDER_KINDS.map((k) => ({ value: k, ...ORDER_KIND_LABELS[k] })),
      width: 10,
    },
    { key: 'customer', header: { zh: '客户', en: 'Customer' }, type: 'string', required: true, width: 20 },
    { key: 'contact', header: { zh: '联系人', en: 'Contact' }, type: 'string', width: 12 },
    { key: 'receivedOn', header: { zh: '接单日期', en: 'Received on' }, type: 'date', required: true },
    { key: 'code', header: { zh: '产品编码', en: 'Product code' }, type: 'string', required: true, width: 14 },
    { key: 'name', header: { zh: '品名（仅导出）', en: 'Product (export only)' }, type: 'string', width: 18 },
    { key: 'qty', header: { zh: '数量', en: 'Quantity' }, type: 'number', required: true },
    { key: 'requestedShipOn', header: { zh: '要求发货日期', en: 'Requested ship date' }, type: 'date', required: true },
    { key: 'unitPrice', header: { zh: '单价（元）', en: 'Unit price' }, type: 'number' },
    {
      key: 'state',
      header: { zh: '状态（仅导出）', en: 'State (export only)' },
      type: 'enum',
      enumValues: ORDER_STATES.map((s) => ({ value: s, zh: STATE_LABELS[s][0], en: STATE_LABELS[s][1] })),
      width: 14,
    },
    { key: 'note', header: { zh: '备注', en: 'Note' }, type: 'string', width: 20 },
  ],
});

async function exportOrders(db: Db, actor: Actor): Promise<SheetRow[]> {
  const rows = await db
    .select({ o: prodOrders, l: prodOrderLines, code: prodItems.code, name: prodItems.name })
    .from(prodOrders)
    .innerJoin(prodOrderLines, and(eq(prodOrderLines.orgId, prodOrders.orgId), eq(prodOrderLines.orderId, prodOrders.id)))
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodOrderLines.orgId), eq(prodItems.id, prodOrderLines.itemId)))
    .where(eq(prodOrders.orgId, actor.orgId))
    .orderBy(desc(prodOrders.receivedOn), asc(prodOrders.number), asc(prodOrderLines.lineNo));
  return rows.map(({ o, l, code, name }) => ({
    number: o.number,
    kind: o.kind,
    customer: o.customer,
    contact: o.contact || null,
    receivedOn: o.receivedOn,
    code,
    name,
    qty: l.qty,
    requestedShipOn: l.requestedShipOn,
    unitPrice: l.unitPrice,
    state: o.state,
    note: o.note || null,
  }));
}

interface OrderDraft {
  firstRow: number;
  number: string;
  kind: OrderKind;
  customer: string;
  contact: string;
  receivedOn: string;
  note: string;
  lines: { itemId: string; qty: number; requestedShipOn: string; unitPrice: number | null }[];
}

/**
 * Rows with an order number correct that order (only while it may still change, PP-3); rows
 * without one make new orders, one per customer, kind and received date. The lines in the file
 * replace the order's lines, and opinions given on the old figures are dropped, as on the page.
 */
async function importOrders(tx: Db, actor: Actor, rows: ImportRow[], context: ImportContext) {
  const errors = new RowErrors(orderSheet, actor.locale);
  const items = await itemCodes(tx, actor.orgId);
  const existing = new Map(
    (await tx.select({ id: prodOrders.id, number: prodOrders.number, state: prodOrders.state }).from(prodOrders).where(eq(prodOrders.orgId, actor.orgId))).map(
      (o) => [o.number, o],
    ),
  );
  const drafts = new Map<string, OrderDraft>();
  for (const { rowNumber: n, values: v } of rows) {
    const number = cellText(v.number);
    const header = {
      kind: v.kind as OrderKind,
      customer: cellText(v.customer),
      contact: cellText(v.contact),
      receivedOn: day(v.receivedOn) ?? '',
      note: cellText(v.note),
    };
    if (number) {
      const before = existing.get(number);
      if (!before) errors.add(n, 'number', `订单号不存在：${number}（新订单请留空订单号）`, `unknown order number: ${number} (leave it blank for a new order)`);
      else if (!ORDER_STATES_OPEN_TO_IMPORT.includes(before.state))
        errors.add(
          n,
          'number',
          `订单 ${number} 已提交或已批准，不能通过导入修改；客户变更请走变更确认`,
          `order ${number} is submitted or approved; record a customer change instead`,
        );
    }
    const key = number || `new|${header.customer}|${header.kind}|${header.receivedOn}`;
    const draft = drafts.get(key) ?? { firstRow: n, number, ...header, lines: [] };
    if (draft.customer !== header.customer || draft.kind !== header.kind || draft.receivedOn !== header.receivedOn) {
      errors.add(
        n,
        'number',
        `同一订单的客户、类型或接单日期与第 ${draft.firstRow} 行不一致`,
        `customer, kind or received date differ from row ${draft.firstRow} of the same order`,
      );
    }
    if (header.contact && !draft.contact) draft.contact = header.contact;
    if (header.note && !draft.note) draft.note = header.note;
    const item = items.get(cellText(v.code));
    if (!item) errors.add(n, 'code', `产品不存在：${cellText(v.code)}`, `unknown product: ${cellText(v.code)}`);
    else if (!item.isActive) errors.add(n, 'code', `产品已停用：${cellText(v.code)}`, `retired product: ${cellText(v.code)}`);
    const qty = num(v.qty) ?? 0;
    if (!(qty > 0)) errors.add(n, 'qty', '数量须大于 0', 'quantity must be above 0');
    const requestedShipOn = day(v.requestedShipOn) ?? '';
    if (requestedShipOn && header.receivedOn && requestedShipOn < header.receivedOn)
      errors.add(n, 'requestedShipOn', '要求发货日期早于接单日期', 'requested ship date is before the order was received');
    const unitPrice = num(v.unitPrice);
    if (unitPrice !== null && unitPrice < 0) errors.add(n, 'unitPrice', '单价不能为负数', 'a price cannot be negative');
    draft.lines.push({ itemId: item?.id ?? '', qty, requestedShipOn, unitPrice });
    drafts.set(key, draft);
  }
  errors.throwIfAny();

  let inserted = 0;
  let updated = 0;
  for (const d of drafts.values()) {
    const header = { kind: d.kind, customer: d.customer, contact: d.contact, receivedOn: d.receivedOn, note: d.note };
    let orderId: string;
    if (d.number) {
      orderId = existing.get(d.number)!.id;
      await tx
        .update(prodOrders)
        .set({ ...header, version: sql`${prodOrders.version} + 1` })
        .where(and(eq(prodOrders.orgId, actor.orgId), eq(prodOrders.id, orderId)));
      await tx.delete(prodOrderLines).where(and(eq(prodOrderLines.orgId, actor.orgId), eq(prodOrderLines.orderId, orderId)));
      await tx.delete(prodOrderReviews).where(and(eq(prodOrderReviews.orgId, actor.orgId), eq(prodOrderReviews.orderId, orderId)));
      updated += 1;
    } else {
      const number = await nextProductionNumber(tx, actor.orgId, 'DD', Number(d.receivedOn.slice(0, 4)));
      const [row] = await tx
        .insert(prodOrders)
        .values({ orgId: actor.orgId, number, ...header, createdBy: actor.userId, createdAt: context.now })
        .returning({ id: prodOrders.id });
      orderId = row.id;
      inserted += 1;
    }
    await tx.insert(prodOrderLines).values(d.lines.map((l, i) => ({ orgId: actor.orgId, orderId, lineNo: i + 1, ...l })));
  }
  await writeAudit(tx, actor, { action: 'production.order.import', entity: 'prod_order', entityId: 'import', after: { rows: rows.length, inserted, updated } });
  return { inserted, updated };
}

export const ordersExcelTable: ExcelTable = {
  name: 'production-orders',
  label: { zh: '客户订单', en: 'Customer orders' },
  sheet: orderSheet,
  permission: 'production.demand.write',
  exportRows: exportOrders,
  importRows: importOrders,
};

// ---------------------------------------------------------------- sales plans (PP-1, PP-2)

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
  return rows.map(({ number, ...r }) => ({ planNumber: number, ...r, state: actor.locale === 'en' ? r.state : (DOC_STATE_LABELS[r.state] ?? r.state) }));
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
    const qty = num(v.qty) ?? 0;
    if (qty < 0) errors.add(n, 'qty', '数量不能为负数', 'a quantity cannot be negative');
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
    const unitPrice = num(v.unitPrice);
    if (unitPrice !== null && unitPrice < 0) errors.add(n, 'unitPrice', '单价不能为负数', 'a price cannot be negative');
    const list = linesOf.get(plan.id) ?? [];
    list.push({ itemId: item?.id ?? '', onDate, qty, unitPrice });
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

// ---------------------------------------------------------------- shipments (PP-5)

export const shipmentSheet = defineSheet({
  name: 'shipments',
  columns: [
    { key: 'salesSheetNumber', header: { zh: '销售计划单号', en: 'Sales order sheet' }, type: 'string', required: true, width: 16 },
    { key: 'customer', header: { zh: '客户（仅导出）', en: 'Customer (export only)' }, type: 'string', width: 18 },
    { key: 'code', header: { zh: '产品编码', en: 'Product code' }, type: 'string', required: true, width: 14 },
    { key: 'name', header: { zh: '品名（仅导出）', en: 'Product (export only)' }, type: 'string', width: 18 },
    { key: 'plannedOn', header: { zh: '计划出货日期', en: 'Planned ship date' }, type: 'date', required: true },
    { key: 'qty', header: { zh: '计划数量（仅导出）', en: 'Planned quantity (export only)' }, type: 'number' },
    { key: 'shippedOn', header: { zh: '实际出货日期', en: 'Shipped on' }, type: 'date' },
    { key: 'shippedQty', header: { zh: '实发数量', en: 'Shipped quantity' }, type: 'number' },
    { key: 'invoicedAmount', header: { zh: '开票金额（元）', en: 'Invoiced amount' }, type: 'number' },
    { key: 'collectedAmount', header: { zh: '回款金额（元）', en: 'Collected amount' }, type: 'number' },
  ],
});

/** The key a shipment row is found by in a file: sales sheet, product and planned date. */
export const shipmentKey = (salesSheetNumber: string, code: string, plannedOn: string): string => `${salesSheetNumber}|${code}|${plannedOn}`;

async function exportShipments(db: Db, actor: Actor): Promise<SheetRow[]> {
  return (await findShipmentLines(db, actor.orgId)).map((s) => ({
    salesSheetNumber: s.salesSheetNumber,
    customer: s.customer,
    code: s.code,
    name: s.name,
    plannedOn: s.plannedOn,
    qty: s.qty,
    shippedOn: s.shippedOn,
    shippedQty: s.shippedQty,
    invoicedAmount: s.invoicedAmount,
    collectedAmount: s.collectedAmount,
  }));
}

/** The plan lines come from approved order sheets; a file records what was shipped, invoiced and collected. */
async function importShipments(tx: Db, actor: Actor, rows: ImportRow[]) {
  const errors = new RowErrors(shipmentSheet, actor.locale);
  type Line = Awaited<ReturnType<typeof findShipmentLines>>[number];
  const byKey = new Map<string, Line[]>();
  for (const r of await findShipmentLines(tx, actor.orgId)) {
    const key = shipmentKey(r.salesSheetNumber ?? '', r.code, r.plannedOn);
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const seen = new Map<string, number>();
  const changes: { id: string; before: Line; set: { shippedOn: string | null; shippedQty: number; invoicedAmount: number; collectedAmount: number } }[] = [];
  for (const { rowNumber: n, values: v } of rows) {
    const key = shipmentKey(cellText(v.salesSheetNumber), cellText(v.code), day(v.plannedOn) ?? '');
    const found = byKey.get(key) ?? [];
    if (found.length !== 1) {
      errors.add(
        n,
        'salesSheetNumber',
        found.length ? '有多行出货计划与该销售计划单、产品和日期相同，请在页面上登记' : '找不到该销售计划单、产品和计划出货日期的出货计划',
        found.length
          ? 'several shipment lines share this sheet, product and date: record them on the page'
          : 'no shipment line has this sales sheet, product and planned date',
      );
      continue;
    }
    if (seen.has(key)) errors.add(n, 'plannedOn', `与第 ${seen.get(key)} 行是同一出货计划`, `the same shipment line as row ${seen.get(key)}`);
    seen.set(key, n);
    const before = found[0];
    const set = {
      shippedOn: day(v.shippedOn),
      shippedQty: num(v.shippedQty) ?? 0,
      invoicedAmount: num(v.invoicedAmount) ?? 0,
      collectedAmount: num(v.collectedAmount) ?? 0,
    };
    for (const k of ['shippedQty', 'invoicedAmount', 'collectedAmount'] as const) if (set[k] < 0) errors.add(n, k, '不能为负数', 'cannot be negative');
    if (set.collectedAmount > set.invoicedAmount + 1e-9)
      errors.add(n, 'collectedAmount', '回款不能超过开票金额', 'collection cannot exceed the invoiced amount');
    if (set.shippedQty > 0 && !set.shippedOn) errors.add(n, 'shippedOn', '有实发数量时须填写实际出货日期', 'a shipped quantity needs the date it shipped');
    const same =
      before.shippedOn === set.shippedOn &&
      before.shippedQty === set.shippedQty &&
      before.invoicedAmount === set.invoicedAmount &&
      before.collectedAmount === set.collectedAmount;
    if (!same) changes.push({ id: before.id, before, set });
  }
  errors.throwIfAny();
  for (const c of changes) {
    await tx
      .update(prodShipments)
      .set({ ...c.set, version: sql`${prodShipments.version} + 1` })
      .where(and(eq(prodShipments.orgId, actor.orgId), eq(prodShipments.id, c.id)));
    await writeAudit(tx, actor, { action: 'production.shipment.import', entity: 'prod_shipment', entityId: c.id, before: c.before, after: c.set });
  }
  return { inserted: 0, updated: changes.length };
}

export const shipmentsExcelTable: ExcelTable = {
  name: 'production-shipments',
  label: { zh: '出货与回款', en: 'Shipments and collection' },
  sheet: shipmentSheet,
  permission: 'production.demand.write',
  exportRows: exportShipments,
  importRows: (tx, actor, rows) => importShipments(tx, actor, rows),
};

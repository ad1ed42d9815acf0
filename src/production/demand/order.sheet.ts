import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { cellText, checkRow, defineSheet, type ExcelTable, type ImportContext, type ImportRow, RowErrors, rowBody, type SheetRow } from '#core/excel';
import { nextProductionNumber } from '../common/index';
import { prodItems } from '../master/index';
import { ORDER_KIND_LABELS } from './demand.rules';
import { ORDER_KINDS, ORDER_STATES, type OrderKind, prodOrderLines, prodOrderReviews, prodOrders } from './demand.schema';
import { OrderBody, OrderLineBody } from './demand.contract';
import { day, itemCodes } from './demand-sheet.cells';

const OrderRowHeader = OrderBody.omit({ lines: true });
const OrderRowLine = OrderLineBody.omit({ itemId: true });

const STATE_LABELS: Record<(typeof ORDER_STATES)[number], [string, string]> = {
  received: ['待汇审', 'Received'],
  in_review: ['汇审中', 'In joint review'],
  submitted: ['待总经理批准', 'Awaiting the GM'],
  approved: ['已批准（销售计划单）', 'Approved (sales order sheet)'],
  rejected: ['已退回', 'Rejected'],
  cancelled: ['已取消', 'Cancelled'],
};

/** Orders that the market department may still correct (the same states updateOrder allows). */
export const ORDER_STATES_OPEN_TO_IMPORT: readonly string[] = ['received', 'in_review', 'rejected'];

// Customer orders in Excel (PP-3, CORE-11): new orders, or corrections of an order still open to change.

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
    const requestedShipOn = day(v.requestedShipOn) ?? '';
    if (requestedShipOn && header.receivedOn && requestedShipOn < header.receivedOn)
      errors.add(n, 'requestedShipOn', '要求发货日期早于接单日期', 'requested ship date is before the order was received');
    // The order and its line as POST /production/orders checks them (issue 16); the product comes as a code.
    checkRow(errors, n, OrderRowHeader, rowBody(header));
    const line = checkRow(errors, n, OrderRowLine, rowBody({ qty: v.qty, requestedShipOn: v.requestedShipOn, unitPrice: v.unitPrice }));
    if (line) draft.lines.push({ itemId: item?.id ?? '', qty: line.qty, requestedShipOn: line.requestedShipOn, unitPrice: line.unitPrice ?? null });
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

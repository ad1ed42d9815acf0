import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { cellText, checkRow, defineSheet, type ExcelTable, type ImportRow, RowErrors, rowBody, type SheetRow } from '#core/excel';
import { findShipmentLines } from './shipment.service';
import { ShipmentRecordBody } from './demand.contract';
import { prodShipments } from './demand.schema';
import { day } from './demand-sheet.cells';

// Shipments in Excel (PP-5, CORE-11): shipped, invoiced and collected by sales sheet, product and date.

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
    // What PATCH /production/shipments/:id refuses, the file refuses (issue 16).
    const body = checkRow(
      errors,
      n,
      ShipmentRecordBody,
      rowBody({ shippedOn: v.shippedOn, shippedQty: v.shippedQty, invoicedAmount: v.invoicedAmount, collectedAmount: v.collectedAmount }),
    );
    if (!body) continue;
    const set = {
      shippedOn: body.shippedOn ?? null,
      shippedQty: body.shippedQty ?? 0,
      invoicedAmount: body.invoicedAmount ?? 0,
      collectedAmount: body.collectedAmount ?? 0,
    };
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

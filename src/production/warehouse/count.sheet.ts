import { and, asc, eq, ne } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { AppError } from '#core/errors';
import {
  cellText,
  checkRow,
  defineSheet,
  type ExcelTable,
  type ImportContext,
  type ImportRow,
  importFailed,
  RowErrors,
  rowBody,
  type SheetRow,
} from '#core/excel';
import { prodItems, prodLocations, prodStockBalances } from '../master/index';
import { postStockDocument } from './ledger.service';
import { StockDocLineBody } from './warehouse.contract';

const CountRowBody = StockDocLineBody.pick({ lot: true, qty: true });

// 盘点 (PP-16): the on-hand sheet goes out to the warehouse floor as Excel, comes back with the
// counted quantities, and posts ONE count document (盘点单) for every row that was counted.
// Rows left blank in 实盘数量 were not counted and change nothing.

export const countSheet = defineSheet({
  name: 'stock-count',
  columns: [
    { key: 'locationCode', header: { zh: '库位编码', en: 'Location code' }, type: 'string', required: true, width: 12 },
    { key: 'locationName', header: { zh: '库位', en: 'Location' }, type: 'string', width: 14 },
    { key: 'code', header: { zh: '物料编码', en: 'Item code' }, type: 'string', required: true, width: 14 },
    { key: 'name', header: { zh: '品名', en: 'Name' }, type: 'string', width: 22 },
    { key: 'spec', header: { zh: '规格', en: 'Specification' }, type: 'string', width: 16 },
    { key: 'unit', header: { zh: '单位', en: 'Unit' }, type: 'string', width: 8 },
    { key: 'lot', header: { zh: '批次', en: 'Lot' }, type: 'string', width: 12 },
    { key: 'book', header: { zh: '账面数量', en: 'Book quantity' }, type: 'number', width: 12 },
    { key: 'counted', header: { zh: '实盘数量', en: 'Counted quantity' }, type: 'number', width: 12 },
  ],
});

async function exportOnHand(db: Db, actor: Actor): Promise<SheetRow[]> {
  requireAccess(actor, 'production.read');
  const rows = await db
    .select({
      locationCode: prodLocations.code,
      locationName: prodLocations.name,
      code: prodItems.code,
      name: prodItems.name,
      spec: prodItems.spec,
      unit: prodItems.unit,
      lot: prodStockBalances.lot,
      book: prodStockBalances.onHand,
    })
    .from(prodStockBalances)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodStockBalances.orgId), eq(prodItems.id, prodStockBalances.itemId)))
    .innerJoin(prodLocations, and(eq(prodLocations.orgId, prodStockBalances.orgId), eq(prodLocations.id, prodStockBalances.locationId)))
    .where(and(eq(prodStockBalances.orgId, actor.orgId), ne(prodStockBalances.onHand, 0)))
    .orderBy(asc(prodLocations.sort), asc(prodLocations.code), asc(prodItems.code), asc(prodStockBalances.lot));
  return rows.map((r) => ({ ...r, spec: r.spec || null, lot: r.lot || null, counted: null }));
}

async function importCounts(tx: Db, actor: Actor, rows: ImportRow[], context: ImportContext) {
  requireAccess(actor, 'production.stock.write');
  const errors = new RowErrors(countSheet, actor.locale);
  const [items, locations] = await Promise.all([
    tx.select({ id: prodItems.id, code: prodItems.code }).from(prodItems).where(eq(prodItems.orgId, actor.orgId)),
    tx
      .select({ id: prodLocations.id, code: prodLocations.code, isActive: prodLocations.isActive })
      .from(prodLocations)
      .where(eq(prodLocations.orgId, actor.orgId)),
  ]);
  const itemOf = new Map(items.map((i) => [i.code, i.id]));
  const locationOf = new Map(locations.map((l) => [l.code, l]));
  const seen = new Map<string, number>();
  const lines: { itemId: string; locationId: string; lot: string; qty: number }[] = [];
  for (const { rowNumber: n, values: v } of rows) {
    if (v.counted === null) continue;
    // The line as POST /production/stock-documents checks it (issue 16); place and item come as codes.
    const line = checkRow(errors, n, CountRowBody, rowBody({ lot: cellText(v.lot), qty: v.counted }), (path) =>
      path[0] === 'qty' ? 'counted' : String(path[0]),
    );
    const location = locationOf.get(cellText(v.locationCode));
    if (!location) errors.add(n, 'locationCode', `库位不存在：${cellText(v.locationCode)}`, `unknown location: ${cellText(v.locationCode)}`);
    else if (!location.isActive) errors.add(n, 'locationCode', `库位已停用：${cellText(v.locationCode)}`, `retired location: ${cellText(v.locationCode)}`);
    const itemId = itemOf.get(cellText(v.code));
    if (!itemId) errors.add(n, 'code', `物料不存在：${cellText(v.code)}`, `unknown item: ${cellText(v.code)}`);
    const key = `${cellText(v.locationCode)}|${cellText(v.code)}|${cellText(v.lot)}`;
    if (seen.has(key))
      errors.add(n, 'code', `与第 ${seen.get(key)} 行重复（同一库位、物料、批次）`, `duplicates row ${seen.get(key)} (same location, item and lot)`);
    seen.set(key, n);
    if (location && itemId && line) lines.push({ itemId, locationId: location.id, lot: line.lot ?? '', qty: line.qty });
  }
  errors.throwIfAny();
  if (lines.length === 0) {
    throw importFailed([{ reason: actor.locale === 'en' ? 'no row has a counted quantity' : '没有任何一行填写了“实盘数量”' }]);
  }
  try {
    const posted = await postStockDocument(tx, actor, { kind: 'count', purpose: 'count', note: '按 Excel 盘点表导入实盘数量', lines }, context.now);
    return { inserted: lines.length, updated: posted.moves.filter((m) => m.qty !== 0).length };
  } catch (e) {
    // The ledger names a line by its index: say it as the file's row.
    if (e instanceof AppError && e.code === 'VALIDATION_FAILED') throw importFailed([{ reason: actor.locale === 'en' ? e.messageEn : e.message }]);
    throw e;
  }
}

export const stockCountExcelTable: ExcelTable = {
  name: 'production-stock-count',
  label: { zh: '盘点表（库存实盘）', en: 'Stock count sheet' },
  sheet: countSheet,
  permission: 'production.stock.write',
  exportRows: exportOnHand,
  importRows: importCounts,
};

import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, userIdOf } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { cellText, checkRow, defineSheet, type ExcelTable, type ImportContext, type ImportRow, RowErrors, rowBody, type SheetRow } from '#core/excel';
import { chunk } from '../common/index';
import { findItems } from './item.service';
import { ItemBody, StockLevelsBody } from './master.contract';
import { ITEM_CATEGORIES, ITEM_SOURCES, type ItemCategory, type ItemSource, LOT_RULES, type LotRule, prodItems, prodStock } from './master.schema';

const CATEGORY_LABELS: Record<ItemCategory, [string, string]> = {
  finished: ['成品', 'Finished'],
  semi: ['半成品', 'Semi-finished'],
  raw: ['原料', 'Raw material'],
  packaging: ['包装材料', 'Packaging'],
};
const SOURCE_LABELS: Record<ItemSource, [string, string]> = { make: ['自制', 'Make'], buy: ['外购', 'Buy'], outsource: ['外协', 'Outsource'] };
const LOT_LABELS: Record<LotRule, [string, string]> = { lfl: ['按需', 'Lot for lot'], fixed: ['固定批量', 'Fixed lot'], multiple: ['倍数批量', 'Multiple'] };
const enumOf = <K extends string>(keys: readonly K[], labels: Record<K, [string, string]>) =>
  keys.map((k) => ({ value: k, zh: labels[k][0], en: labels[k][1] }));

export const itemSheet = defineSheet({
  name: 'items',
  columns: [
    { key: 'code', header: { zh: '编码', en: 'Code' }, type: 'string', required: true, width: 14 },
    { key: 'name', header: { zh: '品名', en: 'Name' }, type: 'string', required: true, width: 24 },
    { key: 'spec', header: { zh: '规格', en: 'Specification' }, type: 'string', width: 18 },
    { key: 'unit', header: { zh: '单位', en: 'Unit' }, type: 'string', required: true, width: 8 },
    { key: 'category', header: { zh: '类别', en: 'Category' }, type: 'enum', required: true, enumValues: enumOf(ITEM_CATEGORIES, CATEGORY_LABELS) },
    { key: 'source', header: { zh: '来源', en: 'Source' }, type: 'enum', required: true, enumValues: enumOf(ITEM_SOURCES, SOURCE_LABELS) },
    { key: 'leadTimeDays', header: { zh: '提前期（天）', en: 'Lead time (days)' }, type: 'integer' },
    { key: 'lotRule', header: { zh: '批量规则', en: 'Lot rule' }, type: 'enum', enumValues: enumOf(LOT_RULES, LOT_LABELS) },
    { key: 'lotQty', header: { zh: '批量', en: 'Lot size' }, type: 'number' },
    { key: 'lotMin', header: { zh: '最小批量', en: 'Minimum lot' }, type: 'number' },
    { key: 'isMature', header: { zh: '成熟产品', en: 'Mature product' }, type: 'boolean' },
    { key: 'supplier', header: { zh: '供应商', en: 'Supplier' }, type: 'string', width: 20 },
    { key: 'minQty', header: { zh: '最低库存', en: 'Minimum stock' }, type: 'number' },
    { key: 'maxQty', header: { zh: '最高库存', en: 'Maximum stock' }, type: 'number' },
    { key: 'safetyStock', header: { zh: '安全库存', en: 'Safety stock' }, type: 'number' },
  ],
  // What is on hand changes only through warehouse documents (PP-16): a file that still carries
  // the old column is refused rather than silently ignored, and says where counts go instead.
  refusedHeaders: [
    {
      headers: ['现有库存', '库存', 'On hand', 'Stock on hand', 'onHand'],
      reason: {
        zh: '物料表不再导入“现有库存”：现有库存只随仓库单据变化，请删除该列，实盘数量请用“仓库 → 盘点 → 导入实盘数”',
        en: 'Items no longer import “On hand”: stock changes only through warehouse documents; remove the column and import counted quantities under Warehouse → Stock count',
      },
    },
  ],
});

async function exportItems(db: Db, actor: Actor): Promise<SheetRow[]> {
  const items = await findItems(db, actor, { includeInactive: true });
  return items.map((i) => ({
    code: i.code,
    name: i.name,
    spec: i.spec || null,
    unit: i.unit,
    category: i.category,
    source: i.source,
    leadTimeDays: i.leadTimeDays,
    lotRule: i.lotRule,
    lotQty: i.lotQty,
    lotMin: i.lotMin,
    isMature: i.isMature,
    supplier: i.supplier || null,
    minQty: i.minQty,
    maxQty: i.maxQty,
    // The value asked for: a pending change exports as it waits, so the file imports back unchanged.
    safetyStock: i.safetyPending ?? i.safetyStock,
  }));
}

/**
 * One upsert per 1,000 rows (set-based, ANCHORS "Planning and materials"); an unchanged row is left alone.
 * Each row is checked by the routes' own schemas (issue 16): what POST /production/items or
 * PUT …/stock refuses, the sheet refuses, by row and column.
 */
async function importItems(tx: Db, actor: Actor, rows: ImportRow[], context: ImportContext) {
  const errors = new RowErrors(itemSheet, actor.locale);
  const seen = new Map<string, number>();
  const parsed = rows.flatMap(({ rowNumber: n, values: v }) => {
    const code = cellText(v.code);
    if (seen.has(code)) errors.add(n, 'code', `与第 ${seen.get(code)} 行重复`, `duplicates row ${seen.get(code)}`);
    seen.set(code, n);
    const item = checkRow(
      errors,
      n,
      ItemBody,
      rowBody({
        code,
        name: cellText(v.name),
        spec: cellText(v.spec),
        unit: cellText(v.unit),
        category: v.category,
        source: v.source,
        leadTimeDays: v.leadTimeDays,
        lotRule: v.lotRule,
        lotQty: v.lotQty,
        lotMin: v.lotMin,
        isMature: v.isMature,
        supplier: cellText(v.supplier),
      }),
    );
    const stock = checkRow(errors, n, StockLevelsBody, rowBody({ minQty: v.minQty, maxQty: v.maxQty, safetyStock: v.safetyStock }));
    // Rules across fields, as the item service applies them.
    const lotRule = item?.lotRule ?? 'lfl';
    if (item && lotRule !== 'lfl' && !item.lotQty) errors.add(n, 'lotQty', '按批量或倍数订货时须填写批量', 'a lot size is required for this lot rule');
    const minQty = stock?.minQty ?? null;
    const maxQty = stock?.maxQty ?? null;
    if (minQty !== null && maxQty !== null && minQty > maxQty) errors.add(n, 'minQty', '最低库存不能大于最高库存', 'must not exceed the maximum stock');
    if (!item || !stock) return [];
    return [
      {
        item: {
          orgId: actor.orgId,
          code: item.code,
          name: item.name,
          spec: item.spec ?? '',
          unit: item.unit,
          category: item.category,
          source: item.source,
          leadTimeDays: item.leadTimeDays ?? 0,
          lotRule,
          lotQty: item.lotQty ?? null,
          lotMin: item.lotMin ?? null,
          isMature: item.isMature ?? true,
          supplier: item.supplier ?? '',
        },
        stock: { minQty, maxQty, safetyStock: stock.safetyStock ?? null },
      },
    ];
  });
  errors.throwIfAny();

  let inserted = 0;
  let updated = 0;
  for (const batch of chunk(parsed, 1000)) {
    const out = await tx
      .insert(prodItems)
      .values(batch.map((b) => b.item))
      .onConflictDoUpdate({
        target: [prodItems.orgId, prodItems.code],
        set: {
          name: sql`excluded.name`,
          spec: sql`excluded.spec`,
          unit: sql`excluded.unit`,
          category: sql`excluded.category`,
          source: sql`excluded.source`,
          leadTimeDays: sql`excluded.lead_time_days`,
          lotRule: sql`excluded.lot_rule`,
          lotQty: sql`excluded.lot_qty`,
          lotMin: sql`excluded.lot_min`,
          isMature: sql`excluded.is_mature`,
          supplier: sql`excluded.supplier`,
          isActive: sql`true`,
          version: sql`${prodItems.version} + 1`,
        },
        setWhere: sql`(prod_items.name, prod_items.spec, prod_items.unit, prod_items.category, prod_items.source, prod_items.lead_time_days,
          prod_items.lot_rule, prod_items.lot_qty, prod_items.lot_min, prod_items.is_mature, prod_items.supplier, prod_items.is_active)
          is distinct from (excluded.name, excluded.spec, excluded.unit, excluded.category, excluded.source, excluded.lead_time_days,
          excluded.lot_rule, excluded.lot_qty, excluded.lot_min, excluded.is_mature, excluded.supplier, true)`,
      })
      .returning({ id: prodItems.id, isNew: sql<boolean>`(xmax = 0)` });
    inserted += out.filter((o) => o.isNew).length;
    updated += out.filter((o) => !o.isNew).length;
  }
  const ids = await tx
    .select({ id: prodItems.id, code: prodItems.code })
    .from(prodItems)
    .where(
      and(
        eq(prodItems.orgId, actor.orgId),
        inArray(
          prodItems.code,
          parsed.map((p) => p.item.code),
        ),
      ),
    );
  const idOf = new Map(ids.map((r) => [r.code, r.id]));
  const existing = new Map(
    (
      await tx
        .select()
        .from(prodStock)
        .where(
          and(
            eq(prodStock.orgId, actor.orgId),
            inArray(
              prodStock.itemId,
              ids.map((r) => r.id),
            ),
          ),
        )
    ).map((s) => [s.itemId, s]),
  );
  // Stock levels left empty keep what they were; what is on hand comes from the ledger only (PP-16).
  const stockRows = parsed.map((b) => {
    const itemId = idOf.get(b.item.code)!;
    const old = existing.get(itemId);
    return {
      orgId: actor.orgId,
      itemId,
      minQty: b.stock.minQty ?? old?.minQty ?? null,
      maxQty: b.stock.maxQty ?? old?.maxQty ?? null,
      // A safety stock other than the one in force waits for approval (T4 第二十四条).
      safetyPending: b.stock.safetyStock === null ? (old?.safetyPending ?? null) : b.stock.safetyStock === (old?.safetyStock ?? 0) ? null : b.stock.safetyStock,
      safetyRequestedBy: userIdOf(actor),
      safetyRequestedAt: context.now,
    };
  });
  for (const batch of chunk(stockRows, 1000)) {
    await tx
      .insert(prodStock)
      .values(batch)
      .onConflictDoUpdate({
        target: [prodStock.orgId, prodStock.itemId],
        set: {
          minQty: sql`excluded.min_qty`,
          maxQty: sql`excluded.max_qty`,
          safetyPending: sql`excluded.safety_pending`,
          safetyRequestedBy: sql`case when excluded.safety_pending is distinct from prod_stock.safety_pending then excluded.safety_requested_by else prod_stock.safety_requested_by end`,
          safetyRequestedAt: sql`case when excluded.safety_pending is distinct from prod_stock.safety_pending then excluded.safety_requested_at else prod_stock.safety_requested_at end`,
          version: sql`${prodStock.version} + 1`,
        },
        setWhere: sql`(prod_stock.min_qty, prod_stock.max_qty, prod_stock.safety_pending)
          is distinct from (excluded.min_qty, excluded.max_qty, excluded.safety_pending)`,
      });
  }
  await writeAudit(tx, actor, {
    action: 'production.item.import',
    entity: 'prod_item',
    entityId: 'import',
    after: { rows: parsed.length, inserted, updated, codes: parsed.map((p) => p.item.code).slice(0, 200) },
  });
  return { inserted, updated };
}

export const itemsExcelTable: ExcelTable = {
  name: 'production-items',
  label: { zh: '物料与库存标准', en: 'Items and stock levels' },
  sheet: itemSheet,
  permission: 'production.master.write',
  exportRows: exportItems,
  importRows: importItems,
};

import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, requireAccess, SYSTEM_USER_ID, userIdOf } from '#core/access';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { getPolicy } from '#core/policy';
import { type ItemCategory, type ItemRow, type LotRule, prodItems, prodStock, prodStockBalances } from './master.schema';
import type { ItemInput } from './master.contract';

export type { ItemInput } from './master.contract';

export interface ItemView extends ItemRow {
  onHand: number;
  minQty: number | null;
  maxQty: number | null;
  /** The safety stock in force (the last approved value). */
  safetyStock: number;
  /** A changed safety stock waiting for approval (T4 第二十四条); null when none. */
  safetyPending: number | null;
  stockVersion: number | null;
  isSafetyApproved: boolean;
}

export interface ItemFilter {
  category?: ItemCategory;
  q?: string;
  includeInactive?: boolean;
}

function checkLot(input: { lotRule?: LotRule; lotQty?: number | null }): void {
  if (input.lotRule && input.lotRule !== 'lfl' && !input.lotQty)
    throw invalidField('lotQty', '按批量或倍数订货时须填写批量', 'a lot size is required for this lot rule');
}

export async function findItems(db: Db, actor: Actor, filter: ItemFilter = {}): Promise<ItemView[]> {
  requireAccess(actor, 'production.read');
  const where: SQL[] = [eq(prodItems.orgId, actor.orgId)];
  if (filter.category) where.push(eq(prodItems.category, filter.category));
  if (!filter.includeInactive) where.push(eq(prodItems.isActive, true));
  if (filter.q?.trim()) {
    const like = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(prodItems.code, like), ilike(prodItems.name, like))!);
  }
  // On hand is the ledger's: the sum of the item's balances over locations and lots (PP-16).
  const onHand = db
    .select({ itemId: prodStockBalances.itemId, qty: sql<number>`sum(${prodStockBalances.onHand})::float8`.as('qty') })
    .from(prodStockBalances)
    .where(eq(prodStockBalances.orgId, actor.orgId))
    .groupBy(prodStockBalances.itemId)
    .as('on_hand');
  const rows = await db
    .select({ item: prodItems, stock: prodStock, onHand: onHand.qty })
    .from(prodItems)
    .leftJoin(prodStock, and(eq(prodStock.orgId, prodItems.orgId), eq(prodStock.itemId, prodItems.id)))
    .leftJoin(onHand, eq(onHand.itemId, prodItems.id))
    .where(and(...where))
    .orderBy(asc(prodItems.sort), asc(prodItems.code));
  return rows.map(({ item, stock, onHand: qty }) => ({
    ...item,
    onHand: Number(qty ?? 0),
    minQty: stock?.minQty ?? null,
    maxQty: stock?.maxQty ?? null,
    safetyStock: stock?.safetyStock ?? 0,
    safetyPending: stock?.safetyPending ?? null,
    stockVersion: stock?.version ?? null,
    isSafetyApproved: (stock?.safetyPending ?? null) === null,
  }));
}

/** Another organisation's item is simply not found. */
export async function getItemRow(db: Db, orgId: string, id: string): Promise<ItemRow> {
  const [row] = await db
    .select()
    .from(prodItems)
    .where(and(eq(prodItems.orgId, orgId), eq(prodItems.id, id)));
  if (!row) throw notFound('物料', 'Item');
  return row;
}

export async function createItem(db: Db, actor: Actor, input: ItemInput): Promise<ItemRow> {
  requireAccess(actor, 'production.master.write');
  checkLot(input);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(prodItems)
        .values({ ...input, code: input.code.trim(), name: input.name.trim(), supplier: input.supplier?.trim() ?? '', orgId: actor.orgId })
        .returning();
      await tx.insert(prodStock).values({ orgId: actor.orgId, itemId: row.id });
      await writeAudit(tx, actor, { action: 'production.item.create', entity: 'prod_item', entityId: row.id, after: row });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalidField('code', `编码 ${input.code} 已存在`, `code ${input.code} already exists`);
    throw e;
  }
}

export async function updateItem(db: Db, actor: Actor, id: string, change: Partial<ItemInput> & { version: number }): Promise<ItemRow> {
  requireAccess(actor, 'production.master.write');
  const before = await getItemRow(db, actor.orgId, id);
  if (before.version !== change.version) throw versionConflict();
  const { version, ...fields } = change;
  checkLot({ lotRule: fields.lotRule ?? before.lotRule, lotQty: fields.lotQty === undefined ? before.lotQty : fields.lotQty });
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(prodItems)
        .set({ ...fields, ...(fields.supplier === undefined ? {} : { supplier: fields.supplier.trim() }), version: sql`${prodItems.version} + 1` })
        .where(and(eq(prodItems.orgId, actor.orgId), eq(prodItems.id, id), eq(prodItems.version, version)))
        .returning();
      if (!row) throw versionConflict();
      await writeAudit(tx, actor, { action: 'production.item.update', entity: 'prod_item', entityId: id, before, after: row });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalidField('code', `编码 ${change.code} 已存在`, `code ${change.code} already exists`);
    throw e;
  }
}

export interface StockChange {
  version: number;
  minQty?: number | null;
  maxQty?: number | null;
  safetyStock?: number;
}

/**
 * Stock levels (PP-15): min, max and safety; what is on hand changes only through the ledger
 * (PP-16). A changed safety stock is kept apart as pending (T4 第二十四条): the value in force
 * stays until the approver agrees, so MRP and the purchase plan never plan on an unapproved one.
 */
export async function updateStock(db: Db, actor: Actor, itemId: string, change: StockChange, now: Date) {
  if (!actor.permissions.has('production.stock.write') && !actor.permissions.has('production.purchase.write')) requireAccess(actor, 'production.master.write');
  await getItemRow(db, actor.orgId, itemId);
  const [before] = await db
    .select()
    .from(prodStock)
    .where(and(eq(prodStock.orgId, actor.orgId), eq(prodStock.itemId, itemId)));
  if (!before || before.version !== change.version) throw versionConflict();
  const minQty = change.minQty === undefined ? before.minQty : change.minQty;
  const maxQty = change.maxQty === undefined ? before.maxQty : change.maxQty;
  if (minQty !== null && maxQty !== null && minQty > maxQty) throw invalidField('minQty', '最低库存不能大于最高库存', 'must not exceed the maximum stock');
  // Asking for the value in force again withdraws a pending change.
  const pending =
    change.safetyStock === undefined
      ? {}
      : change.safetyStock === before.safetyStock
        ? { safetyPending: null, safetyRequestedBy: null, safetyRequestedAt: null }
        : { safetyPending: change.safetyStock, safetyRequestedBy: userIdOf(actor), safetyRequestedAt: now };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodStock)
      .set({ minQty, maxQty, ...pending, updatedAt: now, version: sql`${prodStock.version} + 1` })
      .where(and(eq(prodStock.orgId, actor.orgId), eq(prodStock.itemId, itemId), eq(prodStock.version, change.version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, { action: 'production.stock.update', entity: 'prod_stock', entityId: itemId, before, after: row });
    return row;
  });
}

/**
 * T4 第二十四条: the safety stock is approved by the holder of the policy's role (the general
 * manager in T4); the pending value becomes the one in force.
 */
export async function approveSafetyStock(db: Db, actor: Actor, itemId: string, version: number, now: Date) {
  requireAccess(actor, 'production.plan.approve');
  const { production } = await getPolicy(db, actor.orgId);
  if (!actor.roles.includes(production.safetyStockApproverRole) && actor.userId !== SYSTEM_USER_ID) {
    throw new AppError(
      'FORBIDDEN',
      '安全存量须由制度规定的批准人批准（T4 第二十四条）',
      'The safety stock is approved by the role the policy names (T4 art. 24)',
    );
  }
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(prodStock)
      .where(and(eq(prodStock.orgId, actor.orgId), eq(prodStock.itemId, itemId)))
      .for('update');
    // An unknown item (or another organisation's) is not found, not a stale version.
    if (!before) throw notFound('物料库存', 'Item stock');
    if (before.version !== version) throw versionConflict();
    if (before.safetyPending === null) throw invalidState('没有待批准的安全库存', 'No safety stock is waiting for approval');
    const [row] = await tx
      .update(prodStock)
      .set({
        safetyStock: before.safetyPending,
        safetyPending: null,
        safetyApprovedAt: now,
        safetyApprovedBy: userIdOf(actor),
        version: sql`${prodStock.version} + 1`,
      })
      .where(and(eq(prodStock.orgId, actor.orgId), eq(prodStock.itemId, itemId), eq(prodStock.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'production.stock.approve-safety',
      entity: 'prod_stock',
      entityId: itemId,
      before: { safetyStock: before.safetyStock },
      after: { safetyStock: row.safetyStock },
    });
    return row;
  });
}

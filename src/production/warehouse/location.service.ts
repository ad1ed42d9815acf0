import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { type LocationRow, prodLocations, prodStockBalances } from '../master/index';
import { MAIN_LOCATION_CODE } from './ledger.service';
import type { LocationBody, LocationChange, LocationView } from './warehouse-ops.contract';

// Warehouses and their locations (库位) as master data (PP-16, T4 第二十五条). A location is
// never deleted: moves point at it forever. One that still holds stock cannot be retired.

export async function findLocations(db: Db, actor: Actor, includeRetired = true): Promise<LocationView[]> {
  requireAccess(actor, 'production.read');
  const held = db
    .select({ locationId: prodStockBalances.locationId, n: sql<number>`count(*)::int`.as('n') })
    .from(prodStockBalances)
    .where(and(eq(prodStockBalances.orgId, actor.orgId), ne(prodStockBalances.onHand, 0)))
    .groupBy(prodStockBalances.locationId)
    .as('held');
  const rows = await db
    .select({ l: prodLocations, n: held.n })
    .from(prodLocations)
    .leftJoin(held, eq(held.locationId, prodLocations.id))
    .where(and(eq(prodLocations.orgId, actor.orgId), ...(includeRetired ? [] : [eq(prodLocations.isActive, true)])))
    .orderBy(asc(prodLocations.sort), asc(prodLocations.code));
  return rows.map(({ l, n }) => ({
    id: l.id,
    code: l.code,
    name: l.name,
    kind: l.kind,
    isActive: l.isActive,
    sort: l.sort,
    version: l.version,
    stockLines: n ?? 0,
  }));
}

async function getLocationRow(db: Db, orgId: string, id: string): Promise<LocationRow> {
  const [row] = await db
    .select()
    .from(prodLocations)
    .where(and(eq(prodLocations.orgId, orgId), eq(prodLocations.id, id)));
  if (!row) throw notFound('库位', 'Location');
  return row;
}

const taken = (code: string) => invalidField('code', `库位编码 ${code} 已存在`, `location code ${code} already exists`);

export async function createLocation(db: Db, actor: Actor, input: LocationBody): Promise<LocationRow> {
  requireAccess(actor, 'production.stock.write');
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(prodLocations)
        .values({ orgId: actor.orgId, code: input.code.trim(), name: input.name.trim(), kind: input.kind ?? 'general', sort: input.sort ?? 0 })
        .returning();
      await writeAudit(tx, actor, { action: 'production.location.create', entity: 'prod_location', entityId: row.id, after: row });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken(input.code);
    throw e;
  }
}

async function changeLocation(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  set: Partial<Pick<LocationRow, 'name' | 'kind' | 'sort' | 'isActive'>>,
  action: string,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(prodLocations)
      .where(and(eq(prodLocations.orgId, actor.orgId), eq(prodLocations.id, id)))
      .for('update');
    if (!before) throw notFound('库位', 'Location');
    if (before.version !== version) throw versionConflict();
    if (set.isActive === false) {
      // Locked with the location, so a receipt cannot slip in between the check and the retirement.
      const [stock] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(prodStockBalances)
        .where(and(eq(prodStockBalances.orgId, actor.orgId), eq(prodStockBalances.locationId, id), ne(prodStockBalances.onHand, 0)));
      if (stock.n > 0)
        throw invalidState(
          `${before.name}还有 ${stock.n} 项库存，须先调拨或出库才能停用`,
          `${before.name} still holds ${stock.n} stock line(s); move or issue them first`,
        );
    }
    const [row] = await tx
      .update(prodLocations)
      .set({ ...set, version: sql`${prodLocations.version} + 1` })
      .where(and(eq(prodLocations.orgId, actor.orgId), eq(prodLocations.id, id), eq(prodLocations.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, { action, entity: 'prod_location', entityId: id, before, after: row });
    return row;
  });
}

export async function updateLocation(db: Db, actor: Actor, id: string, change: LocationChange): Promise<LocationRow> {
  requireAccess(actor, 'production.stock.write');
  const { version, ...fields } = change;
  return changeLocation(db, actor, id, version, { ...fields, ...(fields.name ? { name: fields.name.trim() } : {}) }, 'production.location.update');
}

export async function retireLocation(db: Db, actor: Actor, id: string, version: number): Promise<LocationRow> {
  requireAccess(actor, 'production.stock.write');
  const row = await getLocationRow(db, actor.orgId, id);
  if (!row.isActive) throw invalidState('该库位已停用', 'This location is already retired');
  // Documents that name no location post to the main warehouse (a daily report's 进仓, say).
  if (row.code === MAIN_LOCATION_CODE)
    throw invalidState('主仓库是未指定库位时的默认库位，不能停用', 'The main warehouse is where documents without a location post; it cannot be retired');
  return changeLocation(db, actor, id, version, { isActive: false }, 'production.location.retire');
}

export async function reactivateLocation(db: Db, actor: Actor, id: string, version: number): Promise<LocationRow> {
  requireAccess(actor, 'production.stock.write');
  return changeLocation(db, actor, id, version, { isActive: true }, 'production.location.reactivate');
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, userIdOf } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, notFound } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { findUserIdsWithPermission } from '#core/org';
import { getPolicy, type Policy } from '#core/policy';
import { chunk, nextProductionNumber } from '../common/index';
import { getWorkshopRow, prodItems, prodLocations, prodStockBalances } from '../master/index';
import { balanceDeltas, balanceKey, DOC_PREFIX, type LedgerLine, type LedgerProblem, type PlannedMove, planMoves, planReversal } from './ledger.rules';
import { prodStockDocs, prodStockMoves, type StockDocRow } from './ledger.schema';
import { localDateOf, orgToday } from '#core/calendar';
import type { StockDocInput } from './warehouse.contract';

export type { StockDocInput, StockDocLineInput } from './warehouse.contract';

export interface PostedStockDoc {
  doc: StockDocRow;
  moves: PlannedMove[];
  /** Lines issued short (欠料) under the record-shortage policy. */
  shortages: { itemId: string; qty: number }[];
}

export const MAIN_LOCATION_CODE = 'MAIN';
const MAX_LINES = 5000;

function refuse(problems: LedgerProblem[]): never {
  const first = problems[0];
  throw new AppError(
    'VALIDATION_FAILED',
    `第 ${first.line} 行：${first.zh}`,
    `Line ${first.line}: ${first.en}`,
    problems.map((p) => ({ field: p.field, reason: p.en })),
  );
}

/** The main warehouse (主仓库), made on first use so a new plant can post at once. */
export async function findDefaultLocation(tx: Db, orgId: string): Promise<string> {
  const find = async () => {
    const [row] = await tx
      .select({ id: prodLocations.id })
      .from(prodLocations)
      .where(and(eq(prodLocations.orgId, orgId), eq(prodLocations.code, MAIN_LOCATION_CODE)));
    return row?.id;
  };
  // One read once it exists (every posting after the first); the insert only on first use.
  const id = await find();
  if (id) return id;
  await tx.insert(prodLocations).values({ orgId, code: MAIN_LOCATION_CODE, name: '主仓库', kind: 'general' }).onConflictDoNothing();
  return (await find())!;
}

async function assertReferences(tx: Db, orgId: string, lines: readonly LedgerLine[], workshopId: string | null | undefined): Promise<void> {
  const itemIds = [...new Set(lines.map((l) => l.itemId))];
  const found = new Set<string>();
  for (const ids of chunk(itemIds, 1000)) {
    const rows = await tx
      .select({ id: prodItems.id })
      .from(prodItems)
      .where(and(eq(prodItems.orgId, orgId), inArray(prodItems.id, ids)));
    for (const r of rows) found.add(r.id);
  }
  const badItem = lines.findIndex((l) => !found.has(l.itemId));
  if (badItem >= 0) throw invalidField(`lines.${badItem}.itemId`, '物料不存在', 'unknown item');
  const locationIds = [...new Set(lines.flatMap((l) => [l.locationId, ...(l.toLocationId ? [l.toLocationId] : [])]))];
  const locations = await tx
    .select({ id: prodLocations.id, isActive: prodLocations.isActive })
    .from(prodLocations)
    .where(and(eq(prodLocations.orgId, orgId), inArray(prodLocations.id, locationIds)));
  const active = new Set(locations.filter((l) => l.isActive).map((l) => l.id));
  const badLocation = lines.findIndex((l) => !active.has(l.locationId) || (l.toLocationId !== undefined && !active.has(l.toLocationId)));
  if (badLocation >= 0) throw invalidField(`lines.${badLocation}.locationId`, '库位不存在或已停用', 'unknown or retired location');
  if (workshopId) {
    await getWorkshopRow(tx, orgId, workshopId).catch(() => {
      throw invalidField('workshopId', '车间不存在', 'unknown workshop');
    });
  }
}

/** Locks and reads the balances the lines touch, so two documents on one item post one after the other. */
async function lockBalances(tx: Db, orgId: string, keys: readonly { itemId: string; locationId: string; lot: string }[]): Promise<Map<string, number>> {
  const balances = new Map<string, number>();
  // Sorted, so two documents always lock in the same order and never deadlock.
  const itemIds = [...new Set(keys.map((k) => k.itemId))].sort();
  for (const ids of chunk(itemIds, 1000)) {
    const rows = await tx
      .select({ itemId: prodStockBalances.itemId, locationId: prodStockBalances.locationId, lot: prodStockBalances.lot, onHand: prodStockBalances.onHand })
      .from(prodStockBalances)
      .where(and(eq(prodStockBalances.orgId, orgId), inArray(prodStockBalances.itemId, ids)))
      .orderBy(prodStockBalances.itemId, prodStockBalances.locationId, prodStockBalances.lot)
      .for('update');
    for (const r of rows) balances.set(balanceKey(r.itemId, r.locationId, r.lot), r.onHand);
  }
  return balances;
}

async function writeMoves(tx: Db, orgId: string, docId: string, docDate: string, moves: readonly PlannedMove[], now: Date): Promise<void> {
  for (const batch of chunk(moves, 2000)) {
    await tx.insert(prodStockMoves).values(
      batch.map((m) => ({
        orgId,
        docId,
        lineNo: m.lineNo,
        itemId: m.itemId,
        locationId: m.locationId,
        lot: m.lot,
        qty: m.qty,
        shortage: m.shortage,
        balanceAfter: m.balanceAfter,
        docDate,
      })),
    );
  }
  const deltas = balanceDeltas(moves);
  // Stock coming in may open a new balance row; stock going out only lowers a row that exists
  // (it was locked and checked), so it is an update: an upsert would test the negative delta
  // against the balance's check as if it were the new row.
  for (const batch of chunk(
    deltas.filter((d) => d.delta > 0),
    2000,
  )) {
    await tx
      .insert(prodStockBalances)
      .values(batch.map((d) => ({ orgId, itemId: d.itemId, locationId: d.locationId, lot: d.lot, onHand: d.delta, updatedAt: now })))
      .onConflictDoUpdate({
        target: [prodStockBalances.orgId, prodStockBalances.itemId, prodStockBalances.locationId, prodStockBalances.lot],
        set: { onHand: sql`${prodStockBalances.onHand} + excluded.on_hand`, updatedAt: now },
      });
  }
  for (const batch of chunk(
    deltas.filter((d) => d.delta < 0),
    2000,
  )) {
    const rows = sql.join(
      batch.map((d) => sql`(${d.itemId}::uuid, ${d.locationId}::uuid, ${d.lot}::text, ${d.delta}::float8)`),
      sql`, `,
    );
    await tx.execute(sql`update prod_stock_balances b set on_hand = b.on_hand + v.delta, updated_at = ${now}
      from (values ${rows}) as v(item_id, location_id, lot, delta)
      where b.org_id = ${orgId} and b.item_id = v.item_id and b.location_id = v.location_id and b.lot = v.lot`);
  }
}

/**
 * PP-16: posts one numbered warehouse document into the append-only ledger and its balances,
 * in the caller's transaction. The caller has checked the actor's permission for the purpose
 * (the warehouse for receipts and issues, a workshop for its 进仓 through the daily report).
 */
export async function postStockDocument(tx: Db, actor: Actor, input: StockDocInput, now: Date, policyInForce?: Policy): Promise<PostedStockDoc> {
  if (input.lines.length === 0) throw invalidField('lines', '单据至少需要一行', 'a document needs at least one line');
  if (input.lines.length > MAX_LINES) throw invalidField('lines', `单据最多 ${MAX_LINES} 行`, `at most ${MAX_LINES} lines`);
  const orgId = actor.orgId;
  const needsMain = input.lines.some((l) => !l.locationId);
  const main = needsMain ? await findDefaultLocation(tx, orgId) : '';
  const lines: LedgerLine[] = input.lines.map((l) => ({
    itemId: l.itemId,
    locationId: l.locationId || main,
    lot: (l.lot ?? '').trim(),
    qty: l.qty,
    ...(input.kind === 'transfer' ? { toLocationId: l.toLocationId ?? '' } : {}),
  }));
  await assertReferences(tx, orgId, lines, input.workshopId);
  // The policy once: the business day and the negative-stock rule both come from it.
  const policy = policyInForce ?? (await getPolicy(tx, orgId));
  const docDate = input.docDate ?? localDateOf(now, policy.calendar.utcOffsetMinutes);
  const balances = await lockBalances(
    tx,
    orgId,
    lines.flatMap((l) => [l, ...(l.toLocationId ? [{ ...l, locationId: l.toLocationId }] : [])]),
  );
  const { moves, problems } = planMoves(input.kind, lines, balances, policy.production.negativeStock);
  if (problems.length) refuse(problems);
  const number = await nextProductionNumber(tx, orgId, DOC_PREFIX[input.kind], Number(docDate.slice(0, 4)));
  const [doc] = await tx
    .insert(prodStockDocs)
    .values({
      orgId,
      number,
      kind: input.kind,
      purpose: input.purpose,
      docDate,
      workshopId: input.workshopId ?? null,
      referenceType: input.reference?.type ?? null,
      referenceId: input.reference?.id ?? null,
      referenceNumber: input.reference?.number ?? null,
      note: input.note?.trim() ?? '',
      postedBy: userIdOf(actor),
      postedAt: now,
    })
    .returning();
  await writeMoves(tx, orgId, doc.id, docDate, moves, now);
  const shortages = moves.filter((m) => m.shortage > 0).map((m) => ({ itemId: m.itemId, qty: m.shortage }));
  await writeAudit(tx, actor, {
    action: 'production.stock.post',
    entity: 'prod_stock_doc',
    entityId: doc.id,
    after: { number, kind: input.kind, purpose: input.purpose, docDate, lines: moves.length, reference: input.reference ?? null, shortages },
  });
  if (shortages.length) await notifyShortage(tx, orgId, number, shortages.length);
  return { doc, moves, shortages };
}

// T4 第二十六、二十七条: a shortage goes to purchasing and production before it stops a line.
async function notifyShortage(tx: Db, orgId: string, number: string, lines: number): Promise<void> {
  const recipients = [
    ...new Set([
      ...(await findUserIdsWithPermission(tx, orgId, 'production.purchase.write')),
      ...(await findUserIdsWithPermission(tx, orgId, 'production.plan.write')),
    ]),
  ];
  await notifyUsers(tx, orgId, recipients, {
    kind: 'production.stock.shortage',
    title: { zh: `欠料：${number} 有 ${lines} 行未能足额发出`, en: `Shortage: ${lines} line(s) of ${number} not fully issued` },
    body: { zh: '依据 T4 第二十六、二十七条，请及时采购或调整生产安排。', en: 'T4 art. 26–27: purchase or reschedule in time.' },
    link: '/production/warehouse',
  });
}

/** A wrong document is never edited or deleted: a reversal (冲销单) moves every line back. */
export async function reverseStockDocument(tx: Db, actor: Actor, documentId: string, reason: string, now: Date): Promise<PostedStockDoc> {
  const why = reason.trim();
  if (why.length < 2) throw invalidField('reason', '请说明冲销原因', 'give the reason for the reversal');
  const [original] = await tx
    .select()
    .from(prodStockDocs)
    .where(and(eq(prodStockDocs.orgId, actor.orgId), eq(prodStockDocs.id, documentId)))
    .for('update');
  if (!original) throw notFound('仓库单据', 'Warehouse document');
  if (original.kind === 'reversal') throw invalidState('冲销单不能再冲销', 'A reversal cannot itself be reversed');
  if (original.reversedById) throw invalidState('该单据已冲销', 'This document is already reversed');
  const lines = await tx
    .select()
    .from(prodStockMoves)
    .where(and(eq(prodStockMoves.orgId, actor.orgId), eq(prodStockMoves.docId, documentId)))
    .orderBy(prodStockMoves.lineNo);
  const balances = await lockBalances(tx, actor.orgId, lines);
  const { moves, problems } = planReversal(lines, balances);
  if (problems.length) refuse(problems);
  const docDate = await orgToday(tx, actor.orgId, now);
  const number = await nextProductionNumber(tx, actor.orgId, DOC_PREFIX.reversal, Number(docDate.slice(0, 4)));
  const [doc] = await tx
    .insert(prodStockDocs)
    .values({
      orgId: actor.orgId,
      number,
      kind: 'reversal',
      purpose: 'reversal',
      docDate,
      workshopId: original.workshopId,
      referenceType: 'stock_doc',
      referenceId: original.id,
      referenceNumber: original.number,
      note: why,
      reversesId: original.id,
      postedBy: userIdOf(actor),
      postedAt: now,
    })
    .returning();
  await writeMoves(tx, actor.orgId, doc.id, docDate, moves, now);
  await tx
    .update(prodStockDocs)
    .set({ reversedById: doc.id })
    .where(and(eq(prodStockDocs.orgId, actor.orgId), eq(prodStockDocs.id, original.id)));
  await writeAudit(tx, actor, {
    action: 'production.stock.reverse',
    entity: 'prod_stock_doc',
    entityId: original.id,
    before: { number: original.number },
    after: { reversal: number, reason: why },
  });
  return { doc, moves, shortages: [] };
}

import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { findUserIdsInDepartment, users } from '#core/org';
import { nextProductionNumber } from '../common/index';
import { getItemRow, getWorkshopRow, prodItems, prodWorkshops } from '../master/index';
import { getPlanRow } from '../plan/index';
import { missingNoticeFields, normaliseNoticeNumber } from './notice.rules';
import { type NoticeRow, type NoticeState, prodNotices, prodTransfers } from './notice.schema';
import { orgToday } from '#core/calendar';
import type { NoticeBody, NoticeChangeBody, TransferBody } from './notice.contract';

export type NoticeInput = NoticeBody;
export type TransferInput = TransferBody;

export const noticeLink = (id: string) => `/production/notices/${id}`;

function refuse(missing: ReturnType<typeof missingNoticeFields>): void {
  if (missing.length === 0) return;
  throw new AppError(
    'VALIDATION_FAILED',
    `生产通知单不完整（T3 第六条）：${missing.map((m) => m.zh).join('；')}`,
    `The production notice is incomplete (T3 art. 6): ${missing.map((m) => m.en).join('; ')}`,
    missing.map((m) => ({ field: m.field, reason: m.en })),
  );
}

async function getNoticeRow(db: Db, orgId: string, id: string): Promise<NoticeRow> {
  const [row] = await db
    .select()
    .from(prodNotices)
    .where(and(eq(prodNotices.orgId, orgId), eq(prodNotices.id, id)));
  if (!row) throw notFound('生产通知单', 'Production notice');
  return row;
}

/** PP-13: a numbered production notice (生产通知单). */
export async function createNotice(db: Db, actor: Actor, input: NoticeBody, now: Date) {
  requireAccess(actor, 'production.plan.write');
  const item = await getItemRow(db, actor.orgId, input.itemId).catch(() => {
    throw invalidField('itemId', '产品不存在', 'unknown product');
  });
  if (input.planId)
    await getPlanRow(db, actor.orgId, input.planId).catch(() => {
      throw invalidField('planId', '生产计划不存在', 'unknown plan');
    });
  if (input.workshopId)
    await getWorkshopRow(db, actor.orgId, input.workshopId).catch(() => {
      throw invalidField('workshopId', '车间不存在', 'unknown workshop');
    });
  const spec = (input.spec ?? item.spec).trim();
  const today = await orgToday(db, actor.orgId, now);
  refuse(missingNoticeFields({ ...input, spec }, today));
  return db.transaction(async (tx) => {
    const number = await nextProductionNumber(tx, actor.orgId, 'SCTZ', Number(today.slice(0, 4)));
    const [row] = await tx
      .insert(prodNotices)
      .values({ ...input, spec, orgId: actor.orgId, number, note: input.note ?? '', createdBy: actor.userId, createdAt: now })
      .returning();
    await writeAudit(tx, actor, { action: 'production.notice.create', entity: 'prod_notice', entityId: row.id, after: row });
    return row;
  });
}

export async function updateNotice(db: Db, actor: Actor, id: string, input: NoticeChangeBody, now: Date) {
  requireAccess(actor, 'production.plan.write');
  const before = await getNoticeRow(db, actor.orgId, id);
  if (before.state !== 'draft') throw invalidState('已下达的生产通知单不能修改', 'An issued notice cannot change');
  const today = await orgToday(db, actor.orgId, now);
  refuse(missingNoticeFields({ ...input, spec: input.spec ?? before.spec }, today));
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodNotices)
      .set({ ...fields, spec: input.spec ?? before.spec, version: sql`${prodNotices.version} + 1` })
      .where(and(eq(prodNotices.orgId, actor.orgId), eq(prodNotices.id, id), eq(prodNotices.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, { action: 'production.notice.update', entity: 'prod_notice', entityId: id, before, after: row });
    return row;
  });
}

/** Issues the notice to its workshop (T3 第六条: 以《生产通知单》形式发放到有关部门). */
export async function issueNotice(db: Db, actor: Actor, id: string, version: number, now: Date) {
  requireAccess(actor, 'production.plan.write');
  const notice = await getNoticeRow(db, actor.orgId, id);
  if (notice.state !== 'draft') throw invalidState('生产通知单已下达', 'The notice is already issued');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodNotices)
      .set({ state: 'issued', issuedBy: actor.userId, issuedAt: now, version: sql`${prodNotices.version} + 1` })
      .where(and(eq(prodNotices.orgId, actor.orgId), eq(prodNotices.id, id), eq(prodNotices.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, { action: 'production.notice.issue', entity: 'prod_notice', entityId: id, after: { state: 'issued' } });
    if (row.workshopId) {
      const workshop = await getWorkshopRow(tx, actor.orgId, row.workshopId);
      if (workshop.departmentId) {
        await notifyUsers(tx, actor.orgId, await findUserIdsInDepartment(tx, actor.orgId, workshop.departmentId), {
          kind: 'production.notice',
          title: { zh: `生产通知单 ${row.number}`, en: `Production notice ${row.number}` },
          body: { zh: `交货期限 ${row.dueOn}`, en: `Due ${row.dueOn}` },
          link: noticeLink(id),
        });
      }
    }
    return row;
  });
}

export async function setNoticeState(db: Db, actor: Actor, id: string, input: { version: number; state: Extract<NoticeState, 'done' | 'cancelled'> }) {
  requireAccess(actor, 'production.plan.write');
  const notice = await getNoticeRow(db, actor.orgId, id);
  if (notice.state === 'done' || notice.state === 'cancelled') throw invalidState('生产通知单已关闭', 'The notice is closed');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodNotices)
      .set({ state: input.state, version: sql`${prodNotices.version} + 1` })
      .where(and(eq(prodNotices.orgId, actor.orgId), eq(prodNotices.id, id), eq(prodNotices.version, input.version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, {
      action: `production.notice.${input.state}`,
      entity: 'prod_notice',
      entityId: id,
      before: { state: notice.state },
      after: { state: input.state },
    });
    return row;
  });
}

export async function findNotices(db: Db, actor: Actor, filter: { planId?: string; state?: NoticeState } = {}) {
  requireAccess(actor, 'production.read');
  const where: SQL[] = [eq(prodNotices.orgId, actor.orgId)];
  if (filter.planId) where.push(eq(prodNotices.planId, filter.planId));
  if (filter.state) where.push(eq(prodNotices.state, filter.state));
  const rows = await db
    .select({ n: prodNotices, code: prodItems.code, name: prodItems.name, unit: prodItems.unit, workshopName: prodWorkshops.name })
    .from(prodNotices)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodNotices.orgId), eq(prodItems.id, prodNotices.itemId)))
    .leftJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodNotices.orgId), eq(prodWorkshops.id, prodNotices.workshopId)))
    .where(and(...where))
    .orderBy(desc(prodNotices.createdAt))
    .limit(500);
  return rows.map(({ n, ...x }) => ({ ...n, ...x, link: noticeLink(n.id) }));
}

export async function getNotice(db: Db, actor: Actor, id: string) {
  requireAccess(actor, 'production.read');
  const n = await getNoticeRow(db, actor.orgId, id);
  const item = await getItemRow(db, actor.orgId, n.itemId);
  const workshop = n.workshopId ? await getWorkshopRow(db, actor.orgId, n.workshopId) : null;
  const [issuer] = n.issuedBy
    ? await db
        .select({ name: users.displayName })
        .from(users)
        .where(and(eq(users.orgId, actor.orgId), eq(users.id, n.issuedBy)))
    : [];
  const transfers = await db
    .select({ t: prodTransfers, code: prodItems.code, name: prodItems.name, unit: prodItems.unit, recordedByName: users.displayName })
    .from(prodTransfers)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodTransfers.orgId), eq(prodItems.id, prodTransfers.itemId)))
    .innerJoin(users, and(eq(users.orgId, prodTransfers.orgId), eq(users.id, prodTransfers.recordedBy)))
    .where(and(eq(prodTransfers.orgId, actor.orgId), eq(prodTransfers.noticeId, id)))
    .orderBy(asc(prodTransfers.transferredOn));
  return {
    ...n,
    item: { code: item.code, name: item.name, spec: item.spec, unit: item.unit },
    workshopName: workshop?.name ?? null,
    issuedByName: issuer?.name ?? null,
    transfers: transfers.map(({ t, ...x }) => ({ ...t, ...x })),
  };
}

/** T3 第十条: intermediate material moves only against an issued notice's number. */
const WORKSHOP_RECORDERS = ['production.report.write', 'production.shopfloor.write'] as const;

/**
 * T3 第十条 (issue 14 item 6): the workshops hand intermediate material over, so their own people
 * record it — a member of the handing or receiving workshop who reports or keeps shop-floor
 * records; the warehouse and the production department record any transfer.
 */
async function assertMayRecordTransfer(db: Db, actor: Actor, workshopIds: (string | null | undefined)[]): Promise<void> {
  if (hasPermission(actor, 'production.stock.write') || hasPermission(actor, 'production.plan.write')) return;
  if (!WORKSHOP_RECORDERS.some((p) => hasPermission(actor, p))) requireAccess(actor, 'production.plan.write');
  const ids = workshopIds.filter((x): x is string => !!x);
  const [me] = await db
    .select({ departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
  const own =
    ids.length && me?.departmentId
      ? await db
          .select({ id: prodWorkshops.id })
          .from(prodWorkshops)
          .where(and(eq(prodWorkshops.orgId, actor.orgId), inArray(prodWorkshops.id, ids), eq(prodWorkshops.departmentId, me.departmentId)))
      : [];
  if (own.length === 0) {
    throw new AppError(
      'FORBIDDEN',
      '只有转出或接收车间的人员、仓库或生产部可以登记中间物料转移（T3 第十条）',
      'Only people of the handing or receiving workshop, the warehouse or production can record an intermediate transfer (T3 art. 10)',
    );
  }
}

export async function recordTransfer(db: Db, actor: Actor, input: TransferBody, now: Date) {
  await assertMayRecordTransfer(db, actor, [input.fromWorkshopId, input.toWorkshopId]);
  const number = normaliseNoticeNumber(input.noticeNumber);
  if (!number)
    throw invalidField(
      'noticeNumber',
      '中间物料转移必须标明生产通知单编号（T3 第十条）',
      'an intermediate transfer must quote a production notice number (T3 art. 10)',
    );
  const [notice] = await db
    .select()
    .from(prodNotices)
    .where(and(eq(prodNotices.orgId, actor.orgId), eq(prodNotices.number, number)));
  if (!notice) throw invalidField('noticeNumber', `生产通知单 ${number} 不存在`, `no production notice ${number}`);
  if (notice.state !== 'issued') throw invalidField('noticeNumber', `生产通知单 ${number} 未下达或已关闭`, `notice ${number} is not issued or is closed`);
  if (!(input.qty > 0)) throw invalidField('qty', '数量须大于 0', 'quantity must be above 0');
  await getItemRow(db, actor.orgId, input.itemId).catch(() => {
    throw invalidField('itemId', '物料不存在', 'unknown item');
  });
  for (const [field, id] of [
    ['fromWorkshopId', input.fromWorkshopId],
    ['toWorkshopId', input.toWorkshopId],
  ] as const) {
    if (id)
      await getWorkshopRow(db, actor.orgId, id).catch(() => {
        throw invalidField(field, '车间不存在', 'unknown workshop');
      });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(prodTransfers)
      .values({
        orgId: actor.orgId,
        noticeId: notice.id,
        itemId: input.itemId,
        qty: input.qty,
        fromWorkshopId: input.fromWorkshopId ?? null,
        toWorkshopId: input.toWorkshopId ?? null,
        transferredOn: input.transferredOn,
        note: input.note ?? '',
        recordedBy: actor.userId,
        recordedAt: now,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'production.transfer.record', entity: 'prod_notice', entityId: notice.id, after: row });
    return row;
  });
}

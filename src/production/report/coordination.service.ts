import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import type { InboxItem } from '#core/approval';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { meetings } from '#core/meeting';
import { notifyUsers } from '#core/notify';
import { findUserIdsWithPermission, users } from '#core/org';
import { getPolicy, type Policy } from '#core/policy';
import { findResponsible, monthOf, monthStart, nextProductionNumber } from '../common/index';
import { prodItems, prodWorkshops } from '../master/index';
import { loadLineSeries } from './actuals.query';
import { completedSeries, isLagging, type Progress, progressOf } from './completion.rules';
import type { CoordinationView, MeetingLinkBody, ResolveBody } from './report.contract';
import { prodCoordinationItems, prodDailyReports } from './report.schema';
import { loadPlanSeries, type PlanSeries, slicePlanSeries } from './plan-series.service';

export const COORDINATION_LINK = '/production/progress';
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * PP-18 (T4 第三十四条): month to date up to `asOf` (the last day whose shifts are all in),
 * every workshop and product behind plan by more than the policy's share is reported to the
 * production department and kept as one open coordination item, whose figures follow each
 * check until the production head resolves it.
 */
export async function recordLags(
  tx: Db,
  actor: Actor,
  asOf: string,
  options: {
    workshopId?: string;
    reportId?: string;
    now: Date;
    policy?: Policy;
    /** The workshop's plan, already loaded for a range holding the month to `asOf`. */
    series?: PlanSeries;
  },
) {
  const today = asOf;
  const policy = options.policy ?? (await getPolicy(tx, actor.orgId));
  const measure = policy.production.completionMeasure;
  const series = options.series
    ? slicePlanSeries(options.series, monthStart(monthOf(today)), today)
    : await loadPlanSeries(tx, actor.orgId, monthStart(monthOf(today)), today, options.workshopId, policy);
  const lines = await loadLineSeries(tx, actor.orgId, series, options.workshopId);
  const upto = series.days.length - 1;
  const lagging: { workshopId: string; itemId: string; p: Progress }[] = [];
  for (const l of lines) {
    const p = progressOf(l.plan, completedSeries(l, measure), upto);
    if (isLagging(p, policy.production.lagThresholdShare)) lagging.push({ workshopId: l.workshopId, itemId: l.itemId, p });
  }
  if (lagging.length === 0) return [];
  const open = await tx
    .select()
    .from(prodCoordinationItems)
    .where(and(eq(prodCoordinationItems.orgId, actor.orgId), eq(prodCoordinationItems.state, 'open')))
    .for('update');
  const owner = await findResponsible(tx, actor.orgId, 'production.plan.write');
  const opened: string[] = [];
  for (const { workshopId, itemId, p } of lagging) {
    const figures = { asOf: today, planToDate: p.planToDate, doneToDate: p.doneToDate, lagQty: p.lagQty, lagDays: p.lagDays, measure };
    const existing = open.find((o) => o.workshopId === workshopId && o.itemId === itemId);
    if (existing) {
      await tx
        .update(prodCoordinationItems)
        .set({ ...figures, ...(options.reportId ? { reportId: options.reportId } : {}), version: sql`${prodCoordinationItems.version} + 1` })
        .where(and(eq(prodCoordinationItems.orgId, actor.orgId), eq(prodCoordinationItems.id, existing.id)));
      continue;
    }
    const number = await nextProductionNumber(tx, actor.orgId, 'XT', Number(today.slice(0, 4)));
    const [row] = await tx
      .insert(prodCoordinationItems)
      .values({
        orgId: actor.orgId,
        number,
        workshopId,
        itemId,
        openedOn: today,
        ...figures,
        ownerUserId: owner?.userId ?? null,
        reportId: options.reportId ?? null,
        createdAt: options.now,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'production.coordination.open',
      entity: 'prod_coordination_item',
      entityId: row.id,
      after: { number, workshopId, itemId, ...figures },
    });
    opened.push(row.id);
    await notifyLag(tx, actor.orgId, row.id);
  }
  return opened;
}

async function notifyLag(tx: Db, orgId: string, id: string) {
  const [r] = await tx
    .select({ c: prodCoordinationItems, workshop: prodWorkshops.name, item: prodItems.name, unit: prodItems.unit })
    .from(prodCoordinationItems)
    .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodCoordinationItems.orgId), eq(prodWorkshops.id, prodCoordinationItems.workshopId)))
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodCoordinationItems.orgId), eq(prodItems.id, prodCoordinationItems.itemId)))
    .where(and(eq(prodCoordinationItems.orgId, orgId), eq(prodCoordinationItems.id, id)));
  const c = r.c;
  await notifyUsers(tx, orgId, await findUserIdsWithPermission(tx, orgId, 'production.plan.write'), {
    kind: 'production.lag',
    title: { zh: `进度落后需协调：${r.workshop} ${r.item}`, en: `Behind plan, to coordinate: ${r.workshop} ${r.item}` },
    body: {
      zh: `本月累计计划 ${fmt(c.planToDate)}${r.unit}，完成 ${fmt(c.doneToDate)}${r.unit}，落后 ${fmt(c.lagQty)}${r.unit}（约 ${c.lagDays} 天产量）。依据 T4 第三十四条报生产部协调解决（${c.number}）。`,
      en: `Month to date planned ${fmt(c.planToDate)}, completed ${fmt(c.doneToDate)}, behind by ${fmt(c.lagQty)} (about ${c.lagDays} days of output). T4 art. 34: production coordinates (${c.number}).`,
    },
    link: `${COORDINATION_LINK}?item=${c.id}`,
  });
}

export async function findCoordinationItems(
  db: Db,
  actor: Actor,
  filter: { state?: 'open' | 'resolved'; workshopId?: string; ids?: string[] } = {},
): Promise<CoordinationView[]> {
  requireAccess(actor, 'production.read');
  const owner = alias(users, 'owner');
  const resolver = alias(users, 'resolver');
  const where = [eq(prodCoordinationItems.orgId, actor.orgId)];
  if (filter.state) where.push(eq(prodCoordinationItems.state, filter.state));
  if (filter.workshopId) where.push(eq(prodCoordinationItems.workshopId, filter.workshopId));
  if (filter.ids) where.push(inArray(prodCoordinationItems.id, filter.ids));
  const rows = await db
    .select({
      c: prodCoordinationItems,
      workshopName: prodWorkshops.name,
      itemCode: prodItems.code,
      itemName: prodItems.name,
      unit: prodItems.unit,
      ownerName: owner.displayName,
      resolvedByName: resolver.displayName,
      meetingTitle: meetings.title,
      reportNumber: prodDailyReports.number,
    })
    .from(prodCoordinationItems)
    .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodCoordinationItems.orgId), eq(prodWorkshops.id, prodCoordinationItems.workshopId)))
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodCoordinationItems.orgId), eq(prodItems.id, prodCoordinationItems.itemId)))
    .leftJoin(owner, and(eq(owner.orgId, prodCoordinationItems.orgId), eq(owner.id, prodCoordinationItems.ownerUserId)))
    .leftJoin(resolver, and(eq(resolver.orgId, prodCoordinationItems.orgId), eq(resolver.id, prodCoordinationItems.resolvedBy)))
    .leftJoin(meetings, and(eq(meetings.orgId, prodCoordinationItems.orgId), eq(meetings.id, prodCoordinationItems.meetingId)))
    .leftJoin(prodDailyReports, and(eq(prodDailyReports.orgId, prodCoordinationItems.orgId), eq(prodDailyReports.id, prodCoordinationItems.reportId)))
    .where(and(...where))
    .orderBy(desc(prodCoordinationItems.openedOn), desc(prodCoordinationItems.number))
    .limit(500);
  return rows.map(({ c, ...r }) => ({
    id: c.id,
    number: c.number,
    workshopId: c.workshopId,
    workshopName: r.workshopName,
    itemId: c.itemId,
    itemCode: r.itemCode,
    itemName: r.itemName,
    unit: r.unit,
    openedOn: c.openedOn,
    asOf: c.asOf,
    planToDate: c.planToDate,
    doneToDate: c.doneToDate,
    lagQty: c.lagQty,
    lagDays: c.lagDays,
    measure: c.measure,
    ownerName: r.ownerName,
    state: c.state,
    resolution: c.resolution,
    resolvedAt: c.resolvedAt,
    resolvedByName: r.resolvedByName,
    meetingId: c.meetingId,
    meetingTitle: r.meetingTitle,
    reportNumber: r.reportNumber,
    version: c.version,
  }));
}

async function getOne(db: Db, actor: Actor, id: string): Promise<CoordinationView> {
  const [row] = await findCoordinationItems(db, actor, { ids: [id] });
  if (!row) throw notFound('协调事项', 'Coordination item');
  return row;
}

async function assertMeeting(db: Db, orgId: string, meetingId: string | null | undefined) {
  if (!meetingId) return;
  const [m] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.id, meetingId)));
  if (!m) throw invalidField('meetingId', '会议不存在', 'unknown meeting');
}

/** The production department closes the item with what was done (T4 第三十四条 协调解决). */
export async function resolveCoordination(db: Db, actor: Actor, id: string, body: ResolveBody, now: Date): Promise<CoordinationView> {
  requireAccess(actor, 'production.plan.write');
  await getOne(db, actor, id);
  await assertMeeting(db, actor.orgId, body.meetingId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodCoordinationItems)
      .set({
        state: 'resolved',
        resolution: body.resolution,
        resolvedBy: actor.userId,
        resolvedAt: now,
        ...(body.meetingId ? { meetingId: body.meetingId } : {}),
        version: sql`${prodCoordinationItems.version} + 1`,
      })
      .where(
        and(
          eq(prodCoordinationItems.orgId, actor.orgId),
          eq(prodCoordinationItems.id, id),
          eq(prodCoordinationItems.version, body.version),
          eq(prodCoordinationItems.state, 'open'),
        ),
      )
      .returning();
    if (!row) {
      const [current] = await tx
        .select({ state: prodCoordinationItems.state })
        .from(prodCoordinationItems)
        .where(and(eq(prodCoordinationItems.orgId, actor.orgId), eq(prodCoordinationItems.id, id)));
      if (current?.state === 'resolved') throw invalidState('协调事项已解决', 'The coordination item is already resolved');
      throw versionConflict();
    }
    await writeAudit(tx, actor, {
      action: 'production.coordination.resolve',
      entity: 'prod_coordination_item',
      entityId: id,
      before: { state: 'open' },
      after: { state: 'resolved', resolution: body.resolution, meetingId: body.meetingId ?? null },
    });
  });
  return getOne(db, actor, id);
}

/** A coordination meeting took the item up (the meeting itself belongs to the exceptions' meetings). */
export async function linkCoordinationMeeting(db: Db, actor: Actor, id: string, body: MeetingLinkBody): Promise<CoordinationView> {
  requireAccess(actor, 'production.plan.write');
  await getOne(db, actor, id);
  await assertMeeting(db, actor.orgId, body.meetingId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodCoordinationItems)
      .set({ meetingId: body.meetingId, version: sql`${prodCoordinationItems.version} + 1` })
      .where(and(eq(prodCoordinationItems.orgId, actor.orgId), eq(prodCoordinationItems.id, id), eq(prodCoordinationItems.version, body.version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'production.coordination.meeting',
      entity: 'prod_coordination_item',
      entityId: id,
      after: { meetingId: body.meetingId },
    });
  });
  return getOne(db, actor, id);
}

/** 我的待办: the production department sees every open coordination item. */
export async function findCoordinationInbox(db: Db, actor: Actor): Promise<InboxItem[]> {
  if (!hasPermission(actor, 'production.plan.write') || !hasPermission(actor, 'production.read')) return [];
  const items = await findCoordinationItems(db, actor, { state: 'open' });
  return items.map((c) => ({
    kind: 'production.coordination',
    tag: { zh: '进度协调', en: 'Coordination' },
    id: c.id,
    title: {
      zh: `进度落后待协调：${c.number} ${c.workshopName} ${c.itemName} 落后 ${fmt(c.lagQty)}${c.unit}`,
      en: `Behind plan: ${c.number} ${c.workshopName} ${c.itemName} short ${fmt(c.lagQty)}`,
    },
    link: `${COORDINATION_LINK}?item=${c.id}`,
    since: `${c.openedOn}T00:00:00.000Z`,
  }));
}

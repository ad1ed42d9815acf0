import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { endOfLocalDay, loadBusinessCalendar, startOfLocalDay } from '#core/calendar';
import { type Db, isUniqueViolation } from '#core/db';
import { invalidField, notFound, versionConflict } from '#core/errors';
import { departments } from '#core/org';
import { getPolicy, type Policy } from '#core/policy';
import { daysFrom } from '../common/index';
import { lostCapacityHours } from './capacity-loss.rules';
import { findCapacityLosses } from './capacity-loss.service';
import { workshopDayHours } from './master.rules';
import { prodWorkshopDays, prodWorkshops, type WorkshopRow } from './master.schema';
import type { WorkshopInput } from './master.contract';

export type { WorkshopInput } from './master.contract';

/**
 * Issue 14 item 1: what happens when a workshop's capacity calendar changes. The plan module
 * passes its recompute in (master cannot import plan); it runs in the change's transaction.
 */
export interface CalendarHooks {
  now: Date;
  onCalendarChanged: (tx: Db, orgId: string, change: { workshopId: string; day: string | null }, now: Date) => Promise<unknown>;
}

const CALENDAR_FIELDS = ['shiftsPerDay', 'hoursPerShift', 'lines', 'efficiency', 'workingWeekdays'] as const;

export async function findWorkshops(db: Db, actor: Actor): Promise<WorkshopRow[]> {
  requireAccess(actor, 'production.read');
  return db.select().from(prodWorkshops).where(eq(prodWorkshops.orgId, actor.orgId)).orderBy(asc(prodWorkshops.sort), asc(prodWorkshops.code));
}

async function assertDepartment(db: Db, orgId: string, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const [d] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.orgId, orgId), eq(departments.id, departmentId)));
  if (!d) throw invalidField('departmentId', '部门不存在', 'unknown department');
}

const uniqueCode = (code?: string) => invalidField('code', `车间编码 ${code} 已存在`, `workshop code ${code} already exists`);

export async function createWorkshop(db: Db, actor: Actor, input: WorkshopInput): Promise<WorkshopRow> {
  requireAccess(actor, 'production.master.write');
  await assertDepartment(db, actor.orgId, input.departmentId);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(prodWorkshops)
        .values({ ...input, orgId: actor.orgId })
        .returning();
      await writeAudit(tx, actor, { action: 'production.workshop.create', entity: 'prod_workshop', entityId: row.id, after: row });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw uniqueCode(input.code);
    throw e;
  }
}

export async function getWorkshopRow(db: Db, orgId: string, id: string): Promise<WorkshopRow> {
  const [row] = await db
    .select()
    .from(prodWorkshops)
    .where(and(eq(prodWorkshops.orgId, orgId), eq(prodWorkshops.id, id)));
  if (!row) throw notFound('车间', 'Workshop');
  return row;
}

export async function updateWorkshop(
  db: Db,
  actor: Actor,
  id: string,
  change: Partial<WorkshopInput> & { version: number },
  hooks?: CalendarHooks,
): Promise<WorkshopRow> {
  requireAccess(actor, 'production.master.write');
  const before = await getWorkshopRow(db, actor.orgId, id);
  await assertDepartment(db, actor.orgId, change.departmentId);
  const { version, ...fields } = change;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(prodWorkshops)
        .set({ ...fields, version: sql`${prodWorkshops.version} + 1` })
        .where(and(eq(prodWorkshops.orgId, actor.orgId), eq(prodWorkshops.id, id), eq(prodWorkshops.version, version)))
        .returning();
      if (!row) throw versionConflict();
      await writeAudit(tx, actor, { action: 'production.workshop.update', entity: 'prod_workshop', entityId: id, before, after: row });
      const isCalendarChanged = CALENDAR_FIELDS.some((f) => JSON.stringify(before[f]) !== JSON.stringify(row[f]));
      if (hooks && isCalendarChanged) await hooks.onCalendarChanged(tx, actor.orgId, { workshopId: id, day: null }, hooks.now);
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw uniqueCode(change.code);
    throw e;
  }
}

/** An exception day: overtime on a rest day, or a stop (0 hours). */
export async function setWorkshopDay(db: Db, actor: Actor, workshopId: string, input: { day: string; hours: number; note?: string }, hooks?: CalendarHooks) {
  requireAccess(actor, 'production.master.write');
  await getWorkshopRow(db, actor.orgId, workshopId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(prodWorkshopDays)
      .values({ orgId: actor.orgId, workshopId, day: input.day, hours: input.hours, note: input.note ?? '' })
      .onConflictDoUpdate({
        target: [prodWorkshopDays.orgId, prodWorkshopDays.workshopId, prodWorkshopDays.day],
        set: { hours: input.hours, note: input.note ?? '', version: sql`${prodWorkshopDays.version} + 1` },
      })
      .returning();
    await writeAudit(tx, actor, { action: 'production.workshop.day', entity: 'prod_workshop', entityId: workshopId, after: row });
    if (hooks) await hooks.onCalendarChanged(tx, actor.orgId, { workshopId, day: input.day }, hooks.now);
    return row;
  });
}

export async function removeWorkshopDay(db: Db, actor: Actor, workshopId: string, day: string, hooks?: CalendarHooks) {
  requireAccess(actor, 'production.master.write');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(prodWorkshopDays)
      .where(and(eq(prodWorkshopDays.orgId, actor.orgId), eq(prodWorkshopDays.workshopId, workshopId), eq(prodWorkshopDays.day, day)))
      .returning();
    if (!row) throw notFound('例外日', 'Exception day');
    await writeAudit(tx, actor, { action: 'production.workshop.day-remove', entity: 'prod_workshop', entityId: workshopId, before: row });
    if (hooks) await hooks.onCalendarChanged(tx, actor.orgId, { workshopId, day }, hooks.now);
  });
}

export interface WorkshopCapacity {
  workshop: WorkshopRow;
  /** Hours per day of the range, in order. */
  hours: number[];
  /** Hours taken from each day by stopped machines (PP-26), already deducted from `hours`. */
  lost: number[];
}

/**
 * Capacity hours per day of each workshop over a range (the capacity calendar, PP-9), less
 * what stopped machines take from it (PP-26, capacity-loss.rules.ts).
 */
export async function loadWorkshopCapacity(db: Db, orgId: string, from: string, to: string, policyInForce?: Policy): Promise<WorkshopCapacity[]> {
  const policy = policyInForce ?? (await getPolicy(db, orgId));
  const offset = policy.calendar.utcOffsetMinutes;
  const [workshops, overrides, calendar, losses] = await Promise.all([
    db.select().from(prodWorkshops).where(eq(prodWorkshops.orgId, orgId)).orderBy(asc(prodWorkshops.sort), asc(prodWorkshops.code)),
    db
      .select()
      .from(prodWorkshopDays)
      .where(and(eq(prodWorkshopDays.orgId, orgId), gte(prodWorkshopDays.day, from), lte(prodWorkshopDays.day, to))),
    loadBusinessCalendar(db, orgId),
    findCapacityLosses(db, orgId, startOfLocalDay(from, offset), endOfLocalDay(to, offset)),
  ]);
  const days = daysFrom(from, to);
  return workshops.map((w) => {
    const own = new Map(overrides.filter((o) => o.workshopId === w.id).map((o) => [o.day, o.hours]));
    const regular = days.map((d) => workshopDayHours(w, d, calendar, own));
    const mine = losses.filter((l) => l.workshopId === w.id);
    if (mine.length === 0) return { workshop: w, hours: regular, lost: days.map(() => 0) };
    const lost = lostCapacityHours(days, regular, mine, offset);
    return { workshop: w, hours: regular.map((h, k) => Math.max(0, Math.round((h - lost[k]) * 10_000) / 10_000)), lost };
  });
}

export async function findWorkshopDays(db: Db, actor: Actor, workshopId: string) {
  requireAccess(actor, 'production.read');
  await getWorkshopRow(db, actor.orgId, workshopId);
  return db
    .select()
    .from(prodWorkshopDays)
    .where(and(eq(prodWorkshopDays.orgId, actor.orgId), eq(prodWorkshopDays.workshopId, workshopId)))
    .orderBy(asc(prodWorkshopDays.day));
}

import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { type Actor, requireAccess, systemActor, userIdOf } from '../access';
import { writeAudit } from '../audit';
import { addDays, dayOfMonth, loadBusinessCalendar, localDateOf, localDateTime } from '../calendar';
import type { Db } from '../db';
import { invalidField, notFound } from '../errors';
import type { AppContext } from '../http';
import { isOrganisationActive, users } from '../org';
import { getPolicy, type Policy } from '../policy';
import { meetingAttendees, meetingSeries, meetingSeriesMembers, meetings, type SeriesRow } from './meeting.schema';
import { assertUsersExist } from './meeting.service';
import { generateOccurrences, type Recurrence } from './recurrence.rules';
import type { CreatedSeries, NewSeries, SeriesRecord } from './meeting.contract';

export type { NewSeries };

function policyDay(policy: Policy, path: string): number {
  const value = path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), policy);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 31) {
    throw invalidField('policyDayPath', `制度参数 ${path} 不是每月的某一天`, `policy ${path} is not a day of the month`);
  }
  return value;
}

function resolveRecurrence(series: Pick<SeriesRow, 'recurrence' | 'policyDayPath'>, policy: Policy): Recurrence {
  const r = series.recurrence;
  if (r.kind === 'monthly' && series.policyDayPath) return { kind: 'monthly', day: policyDay(policy, series.policyDayPath) };
  return r;
}

const horizonEnd = (series: SeriesRow, today: string, policy: Policy): string =>
  series.recurrence.kind === 'monthly'
    ? dayOfMonth(today, 31, policy.meetings.generateMonthsAhead)
    : addDays(today, policy.meetings.generateWeeksAhead * 7 - 1);

/** Creates the meetings of a series up to its horizon; existing occurrences are kept as they are. */
export async function generateSeriesMeetings(tx: Db, actor: Actor, series: SeriesRow, now: Date): Promise<number> {
  const policy = await getPolicy(tx, series.orgId);
  const offset = policy.calendar.utcOffsetMinutes;
  const today = localDateOf(now, offset);
  const from = series.generatedUntil && series.generatedUntil >= today ? addDays(series.generatedUntil, 1) : today;
  const to = horizonEnd(series, today, policy);
  if (from > to) return 0;
  const calendar = await loadBusinessCalendar(tx, series.orgId);
  const occurrences = generateOccurrences(resolveRecurrence(series, policy), { from, to }, calendar, series.onHoliday);
  const members =
    series.audience === 'all'
      ? (
          await tx
            .select({ userId: users.id })
            .from(users)
            .where(and(eq(users.orgId, series.orgId), eq(users.isActive, true)))
        ).map((u) => u.userId)
      : (
          await tx
            .select()
            .from(meetingSeriesMembers)
            .where(and(eq(meetingSeriesMembers.orgId, series.orgId), eq(meetingSeriesMembers.seriesId, series.id)))
        ).map((m) => m.userId);
  const attendees = members.filter((id) => id !== series.chairUserId);
  let created = 0;
  for (const occ of occurrences) {
    const startsAt = localDateTime(occ.date, series.startTime, offset);
    const [m] = await tx
      .insert(meetings)
      .values({
        orgId: series.orgId,
        seriesId: series.id,
        occursOn: occ.date,
        title: series.title,
        kind: series.kind,
        chairUserId: series.chairUserId,
        leaveApproverUserId: series.leaveApproverUserId,
        location: series.location,
        startsAt,
        endsAt: new Date(startsAt.getTime() + series.durationMinutes * 60_000),
        agenda: occ.movedFrom ? `${series.agendaTemplate}\n（因节假日由 ${occ.movedFrom} 调整）`.trim() : series.agendaTemplate,
        clause: series.clause,
        requirementId: series.requirementId,
        createdBy: userIdOf(actor),
      })
      .onConflictDoNothing()
      .returning({ id: meetings.id });
    if (!m) continue;
    created++;
    if (attendees.length) await tx.insert(meetingAttendees).values(attendees.map((userId) => ({ orgId: series.orgId, meetingId: m.id, userId })));
  }
  await tx
    .update(meetingSeries)
    .set({ generatedUntil: to })
    .where(and(eq(meetingSeries.orgId, series.orgId), eq(meetingSeries.id, series.id)));
  return created;
}

export async function createSeries(db: Db, actor: Actor, input: NewSeries, now: Date): Promise<CreatedSeries> {
  requireAccess(actor, 'meeting.manage');
  const policy = await getPolicy(db, actor.orgId);
  const r = input.recurrence;
  if (r.kind === 'monthly' && !r.day && !input.policyDayPath) throw invalidField('recurrence.day', '请填写每月的日期', 'a day of the month is required');
  if (r.kind === 'weekly' && r.weekdays.length === 0) throw invalidField('recurrence.weekdays', '请选择星期', 'choose at least one weekday');
  if (input.policyDayPath) policyDay(policy, input.policyDayPath);
  await assertUsersExist(db, actor.orgId, [input.chairUserId], 'chairUserId');
  if (input.leaveApproverUserId) await assertUsersExist(db, actor.orgId, [input.leaveApproverUserId], 'leaveApproverUserId');
  const listed = [...new Set(input.attendeeUserIds ?? [])];
  await assertUsersExist(db, actor.orgId, listed, 'attendeeUserIds');
  const recurrence: Recurrence =
    r.kind === 'monthly'
      ? { kind: 'monthly', day: r.day ?? policyDay(policy, input.policyDayPath!) }
      : { kind: 'weekly', weekdays: [...new Set(r.weekdays)].sort() };
  return db.transaction(async (tx) => {
    const [series] = await tx
      .insert(meetingSeries)
      .values({
        orgId: actor.orgId,
        title: input.title.trim(),
        kind: input.kind,
        recurrence,
        startTime: input.startTime,
        durationMinutes: input.durationMinutes,
        location: input.location ?? null,
        chairUserId: input.chairUserId,
        leaveApproverUserId: input.leaveApproverUserId ?? null,
        audience: input.audience,
        agendaTemplate: input.agendaTemplate ?? '',
        onHoliday: input.onHoliday ?? policy.meetings.onHoliday,
        policyDayPath: input.policyDayPath ?? null,
        clause: input.clause ?? null,
        requirementId: input.requirementId ?? 'CORE-7',
        createdBy: userIdOf(actor),
      })
      .returning();
    if (listed.length) await tx.insert(meetingSeriesMembers).values(listed.map((userId) => ({ orgId: actor.orgId, seriesId: series.id, userId })));
    const created = await generateSeriesMeetings(tx, actor, series, now);
    await writeAudit(tx, actor, {
      action: 'meeting.series.create',
      entity: 'meeting_series',
      entityId: series.id,
      after: { ...series, attendees: listed, meetingsCreated: created },
    });
    return { ...series, meetingsCreated: created };
  });
}

export async function findSeries(db: Db, actor: Actor): Promise<SeriesRecord[]> {
  requireAccess(actor, 'meeting.read');
  return db.select().from(meetingSeries).where(eq(meetingSeries.orgId, actor.orgId));
}

/** Tops a series up to its horizon (also run by the scheduler through meetingJobs). */
export async function extendSeries(db: Db, actor: Actor, seriesId: string, now: Date): Promise<number> {
  requireAccess(actor, 'meeting.manage');
  return db.transaction(async (tx) => {
    const [series] = await tx
      .select()
      .from(meetingSeries)
      .where(and(eq(meetingSeries.orgId, actor.orgId), eq(meetingSeries.id, seriesId)))
      .for('update');
    if (!series) throw notFound('例会', 'Meeting series');
    const created = await generateSeriesMeetings(tx, actor, series, now);
    if (created)
      await writeAudit(tx, actor, { action: 'meeting.series.extend', entity: 'meeting_series', entityId: seriesId, after: { meetingsCreated: created } });
    return created;
  });
}

/** Scheduler job: extends every active series whose generated meetings run out within a week. */
export async function extendDueSeries(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<number> {
  const now = ctx.clock();
  // A week of slack in UTC days; each series then generates in its own organisation's local days.
  const soon = addDays(localDateOf(now, 0), 7);
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(meetingSeries)
      // A disabled organisation's series wait until it is enabled again (issue 12).
      .where(
        and(
          eq(meetingSeries.isActive, true),
          or(isNull(meetingSeries.generatedUntil), lt(meetingSeries.generatedUntil, soon)),
          isOrganisationActive(meetingSeries.orgId),
        ),
      )
      .limit(50)
      .for('update', { skipLocked: true });
    let created = 0;
    for (const s of due) created += await generateSeriesMeetings(tx, systemActor(s.orgId), s, now);
    return created;
  });
}

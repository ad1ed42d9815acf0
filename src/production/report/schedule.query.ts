import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { documentReceipts, documents } from '#core/approval';
import { deadlines, dueDateFor, loadBusinessCalendar, orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import { findUserIdsInDepartment, findUserIdsWithPermission } from '#core/org';
import { getPolicy } from '#core/policy';
import { addMonths, daysFrom, ensureDeadline, monthEnd, monthOf, monthStart } from '../common/index';
import { prodItems, prodWorkshops } from '../master/index';
import { prodPlans } from '../plan/index';
import { canWriteFor } from './report-access';
import type { ScheduleList, ScheduleView } from './schedule.contract';
import { prodDailyScheduleLines, prodDailySchedules } from './report.schema';
import {
  canDrawSchedules,
  DAILY_SCHEDULE_SUBJECT,
  findIssuedMonthlyPlan,
  getScheduleRow,
  monthTotals,
  scheduleSubjectId,
  workshopHours,
} from './schedule.service';

async function dueDates(db: Db, orgId: string, month: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ subjectId: deadlines.subjectId, dueOn: deadlines.dueOn })
    .from(deadlines)
    .where(and(eq(deadlines.orgId, orgId), eq(deadlines.subjectType, DAILY_SCHEDULE_SUBJECT), sql`${deadlines.subjectId} like ${`${month}:%`}`));
  return new Map(rows.map((r) => [r.subjectId, r.dueOn]));
}

/** Each workshop's daily schedule of the month (default: next month), drawn up or not. */
export async function findDailySchedules(db: Db, actor: Actor, month: string | undefined, now: Date): Promise<ScheduleList> {
  requireAccess(actor, 'production.read');
  const m = month ?? addMonths(monthOf(await orgToday(db, actor.orgId, now)), 1);
  const issued = await findIssuedMonthlyPlan(db, actor.orgId, m);
  const workshops = await db.select().from(prodWorkshops).where(eq(prodWorkshops.orgId, actor.orgId)).orderBy(asc(prodWorkshops.sort), asc(prodWorkshops.code));
  const schedules = await db
    .select({ s: prodDailySchedules, number: documents.number, state: documents.state, revision: documents.effectiveRevision })
    .from(prodDailySchedules)
    .innerJoin(documents, and(eq(documents.orgId, prodDailySchedules.orgId), eq(documents.id, prodDailySchedules.documentId)))
    .where(and(eq(prodDailySchedules.orgId, actor.orgId), eq(prodDailySchedules.month, m)));
  const receipts = schedules.length
    ? await db
        .select({ documentId: documentReceipts.documentId, revision: documentReceipts.revision, acknowledgedAt: documentReceipts.acknowledgedAt })
        .from(documentReceipts)
        .where(
          and(
            eq(documentReceipts.orgId, actor.orgId),
            inArray(
              documentReceipts.documentId,
              schedules.map((s) => s.s.documentId),
            ),
          ),
        )
    : [];
  const due = await dueDates(db, actor.orgId, m);
  const mayDraw = canDrawSchedules(actor);
  const out: ScheduleList['workshops'] = [];
  for (const w of workshops) {
    const s = schedules.find((x) => x.s.workshopId === w.id);
    const mine = s ? receipts.filter((r) => r.documentId === s.s.documentId && r.revision === s.revision) : [];
    out.push({
      workshopId: w.id,
      workshopName: w.name,
      month: m,
      id: s?.s.id ?? null,
      documentId: s?.s.documentId ?? null,
      number: s?.number ?? null,
      state: s?.state ?? null,
      dueOn: due.get(scheduleSubjectId(m, w.id)) ?? null,
      acknowledged: mine.filter((r) => r.acknowledgedAt).length,
      recipients: mine.length,
      canCreate: !s && !!issued && mayDraw && (await canWriteFor(db, actor, w.id)),
    });
  }
  return { month: m, planIssued: !!issued, planNumber: issued?.number ?? null, workshops: out };
}

export async function getDailySchedule(db: Db, actor: Actor, idOrDocument: string): Promise<ScheduleView> {
  requireAccess(actor, 'production.read');
  const s = await getScheduleRow(db, actor.orgId, idOrDocument);
  const [workshop] = await db
    .select()
    .from(prodWorkshops)
    .where(and(eq(prodWorkshops.orgId, actor.orgId), eq(prodWorkshops.id, s.workshopId)));
  const [doc] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, actor.orgId), eq(documents.id, s.documentId)));
  const [plan] = await db
    .select({ p: prodPlans, number: documents.number })
    .from(prodPlans)
    .leftJoin(documents, and(eq(documents.orgId, prodPlans.orgId), eq(documents.id, prodPlans.documentId)))
    .where(and(eq(prodPlans.orgId, actor.orgId), eq(prodPlans.id, s.planId)));
  const lines = await db
    .select({ l: prodDailyScheduleLines, code: prodItems.code, name: prodItems.name, unit: prodItems.unit })
    .from(prodDailyScheduleLines)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodDailyScheduleLines.orgId), eq(prodItems.id, prodDailyScheduleLines.itemId)))
    .where(and(eq(prodDailyScheduleLines.orgId, actor.orgId), eq(prodDailyScheduleLines.scheduleId, s.id)))
    .orderBy(asc(prodDailyScheduleLines.sort));
  const totals = await monthTotals(db, plan.p);
  const hours = await workshopHours(db, actor.orgId, s.workshopId, s.month);
  const due = await dueDates(db, actor.orgId, s.month);
  return {
    id: s.id,
    month: s.month,
    workshopId: s.workshopId,
    workshopName: workshop.name,
    planId: s.planId,
    planNumber: plan?.number ?? '',
    days: daysFrom(monthStart(s.month), monthEnd(s.month)),
    working: hours.map((h) => h > 0),
    lines: lines.map(({ l, ...i }) => ({ itemId: l.itemId, ...i, quantities: l.quantities, total: l.total, planTotal: totals.get(l.itemId) ?? 0 })),
    document: { id: doc.id, number: doc.number, state: doc.state, version: doc.version },
    dueOn: due.get(scheduleSubjectId(s.month, s.workshopId)) ?? null,
    version: s.version,
    canEdit: doc.state === 'draft' && canDrawSchedules(actor) && (await canWriteFor(db, actor, s.workshopId)),
  };
}

/**
 * PP-29 (T2 (2011) 3.(1)): each workshop owes next month's daily schedule by the policy's day;
 * its director (a member of the workshop who may report and write documents) owns the duty.
 */
export async function ensureDailyScheduleDeadlines(tx: Db, actor: Actor, today: string): Promise<void> {
  const next = addMonths(monthOf(today), 1);
  const policy = await getPolicy(tx, actor.orgId);
  const calendar = await loadBusinessCalendar(tx, actor.orgId);
  const dueOn = dueDateFor({ kind: 'dayOfMonth', day: policy.production.dailyScheduleDueDay, monthOffset: 0 }, monthStart(monthOf(today)), calendar, {
    onRestDay: policy.deadlines.dayOfMonthOnRestDay,
  });
  const workshops = await tx
    .select()
    .from(prodWorkshops)
    .where(and(eq(prodWorkshops.orgId, actor.orgId), isNotNull(prodWorkshops.departmentId)));
  if (workshops.length === 0) return;
  const writers = new Set(await findUserIdsWithPermission(tx, actor.orgId, 'document.write'));
  const reporters = new Set(await findUserIdsWithPermission(tx, actor.orgId, 'production.report.write'));
  const [y, m] = next.split('-').map(Number);
  for (const w of workshops) {
    const owner = (await findUserIdsInDepartment(tx, actor.orgId, w.departmentId!)).find((u) => writers.has(u) && reporters.has(u));
    if (!owner) continue;
    await ensureDeadline(tx, actor, {
      subjectType: DAILY_SCHEDULE_SUBJECT,
      subjectId: scheduleSubjectId(next, w.id),
      title: { zh: `报送${w.name}${y}年${m}月日生产进度表`, en: `Send ${w.name}'s daily schedule for ${next}` },
      ownerUserId: owner,
      ownerDepartmentId: w.departmentId,
      dueOn,
      link: `/production/daily-schedules?month=${next}`,
      rule: { clause: 'T2 附 3.(1)', requirementId: 'PP-29', ruleCode: 'production.daily-schedule.late', recordsFinding: false },
    });
  }
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import {
  type ApprovalGuard,
  createDocument,
  type DocumentTypeInfo,
  documents,
  type GuardDeclaration,
  type HookDeclaration,
  updateDocument,
  type Workflows,
} from '#core/approval';
import { writeAudit } from '#core/audit';
import { completeDeadline } from '#core/calendar';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { chunk, monthEnd, monthStart, round } from '../common/index';
import { loadWorkshopCapacity, prodItems, type WorkshopRow } from '../master/index';
import { prodPlanMaterials } from '../mrp/index';
import { findLinesInForce, findPlanDocument, type PlanRow, prodPlans } from '../plan/index';
import { loadRoutings } from './plan-series.service';
import { assertCanWriteFor } from './report-access';
import type { ScheduleCreateBody, ScheduleLinesBody } from './schedule.contract';
import { checkScheduleLines, deriveScheduleLines, lineTotalOf, type ScheduleLine } from './schedule.rules';
import { type DailyScheduleRow, prodDailyScheduleLines, prodDailySchedules } from './report.schema';

export const DAILY_SCHEDULE_DOC = 'production.daily_schedule';
export const DAILY_SCHEDULE_SUBJECT = 'production.daily_schedule';
export const scheduleSubjectId = (month: string, workshopId: string) => `${month}:${workshopId}`;

/** The issued monthly plan of the month, or null. */
export async function findIssuedMonthlyPlan(db: Db, orgId: string, month: string): Promise<{ plan: PlanRow; number: string } | null> {
  const [row] = await db
    .select({ plan: prodPlans, number: documents.number })
    .from(prodPlans)
    .innerJoin(documents, and(eq(documents.orgId, prodPlans.orgId), eq(documents.id, prodPlans.documentId)))
    .where(and(eq(prodPlans.orgId, orgId), eq(prodPlans.kind, 'monthly'), eq(prodPlans.periodStart, monthStart(month)), eq(documents.state, 'issued')));
  return row ?? null;
}

/** Month totals per product of the plan in force: its lines, and the made components of its MRP. */
export async function monthTotals(db: Db, plan: PlanRow): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  const add = (itemId: string, q: number) => totals.set(itemId, round((totals.get(itemId) ?? 0) + q));
  for (const l of (await findLinesInForce(db, plan, await findPlanDocument(db, plan))) ?? []) add(l.itemId, l.total);
  const made = await db
    .select({ itemId: prodPlanMaterials.itemId, qty: prodPlanMaterials.qty })
    .from(prodPlanMaterials)
    .where(and(eq(prodPlanMaterials.orgId, plan.orgId), eq(prodPlanMaterials.planId, plan.id), eq(prodPlanMaterials.kind, 'make')));
  for (const m of made) add(m.itemId, m.qty);
  return totals;
}

export async function workshopHours(db: Db, orgId: string, workshopId: string, month: string): Promise<number[]> {
  return (await loadWorkshopCapacity(db, orgId, monthStart(month), monthEnd(month))).find((c) => c.workshop.id === workshopId)?.hours ?? [];
}

/** What an approver reads on a phone: the products and their month totals. */
async function documentBody(db: Db, orgId: string, workshop: WorkshopRow, month: string, lines: readonly ScheduleLine[]) {
  const items = lines.length
    ? await db
        .select()
        .from(prodItems)
        .where(
          and(
            eq(prodItems.orgId, orgId),
            inArray(
              prodItems.id,
              lines.map((l) => l.itemId),
            ),
          ),
        )
    : [];
  return {
    month,
    workshopId: workshop.id,
    content: `${workshop.name} ${month} 日生产进度表：按下达的月度生产计划，分解到本车间每个工作日（依据 T2 附 3.(1)）。逐日明细见进度表页面。`,
    lines: lines.map((l) => {
      const i = items.find((x) => x.id === l.itemId);
      return {
        key: `${i?.code ?? ''} ${i?.name ?? ''}`,
        value: `合计 ${l.total.toLocaleString('en-US')} ${i?.unit ?? ''}，${l.quantities.filter((q) => q > 0).length} 天`,
      };
    }),
  };
}

async function assertCanSchedule(db: Db, actor: Actor, workshopId: string): Promise<WorkshopRow> {
  requireAccess(actor, 'document.write');
  return assertCanWriteFor(db, actor, workshopId);
}

/**
 * PP-29 (T2 (2011) 3.(1)): the workshop draws next month's daily schedule from the issued
 * monthly plan, split over its working days; a document to approve and issue.
 */
export async function createDailySchedule(db: Db, workflows: Workflows, actor: Actor, body: ScheduleCreateBody, now: Date): Promise<DailyScheduleRow> {
  const workshop = await assertCanSchedule(db, actor, body.workshopId);
  const issued = await findIssuedMonthlyPlan(db, actor.orgId, body.month);
  if (!issued) throw invalidState(`${body.month} 月度生产计划尚未下达，不能编制日生产进度表`, `The monthly plan of ${body.month} is not issued yet`);
  const lines = deriveScheduleLines(
    workshop.id,
    await monthTotals(db, issued.plan),
    await loadRoutings(db, actor.orgId),
    await workshopHours(db, actor.orgId, workshop.id, body.month),
  );
  const [y, m] = body.month.split('-').map(Number);
  try {
    return await db.transaction(async (tx) => {
      const doc = await createDocument(
        tx,
        workflows,
        actor,
        {
          docType: DAILY_SCHEDULE_DOC,
          title: `${workshop.name} ${y}年${m}月日生产进度表`,
          body: await documentBody(tx, actor.orgId, workshop, body.month, lines),
          departmentId: workshop.departmentId,
        },
        now,
      );
      const [row] = await tx
        .insert(prodDailySchedules)
        .values({
          orgId: actor.orgId,
          month: body.month,
          workshopId: workshop.id,
          planId: issued.plan.id,
          documentId: doc.id,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (lines.length)
        await tx
          .insert(prodDailyScheduleLines)
          .values(lines.map((l, i) => ({ orgId: actor.orgId, scheduleId: row.id, itemId: l.itemId, quantities: l.quantities, total: l.total, sort: i })));
      await writeAudit(tx, actor, {
        action: 'production.schedule.create',
        entity: 'prod_daily_schedule',
        entityId: row.id,
        after: { month: body.month, workshopId: workshop.id, planId: issued.plan.id, documentId: doc.id, lines: lines.length },
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError(
        'CONFLICT',
        `${workshop.name} ${body.month} 的日生产进度表已存在`,
        `The daily schedule of ${workshop.name} for ${body.month} already exists`,
        [{ field: 'workshopId', reason: 'exists' }],
      );
    throw e;
  }
}

export async function getScheduleRow(db: Db, orgId: string, idOrDocument: string): Promise<DailyScheduleRow> {
  const [row] = await db
    .select()
    .from(prodDailySchedules)
    .where(and(eq(prodDailySchedules.orgId, orgId), sql`(${prodDailySchedules.id} = ${idOrDocument} or ${prodDailySchedules.documentId} = ${idOrDocument})`));
  if (!row) throw notFound('日生产进度表', 'Daily schedule');
  return row;
}

/** The director edits the draft day by day (the document is re-read by its approvers). */
export async function saveScheduleLines(db: Db, workflows: Workflows, actor: Actor, id: string, body: ScheduleLinesBody, now: Date): Promise<void> {
  const schedule = await getScheduleRow(db, actor.orgId, id);
  const workshop = await assertCanSchedule(db, actor, schedule.workshopId);
  const [doc] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, actor.orgId), eq(documents.id, schedule.documentId)));
  if (doc.state !== 'draft')
    throw invalidState('进度表已提交或已下发，不能修改；如需调整请先撤回或调整', 'The schedule is submitted or issued; withdraw or adjust it first');
  const days = (await workshopHours(db, actor.orgId, workshop.id, schedule.month)).length;
  const problems = checkScheduleLines(body.lines, days);
  if (problems.length)
    throw new AppError(
      'VALIDATION_FAILED',
      `${problems[0].field}：${problems[0].zh}`,
      `${problems[0].field}: ${problems[0].en}`,
      problems.map((p) => ({ field: p.field, reason: p.en })),
    );
  const known = new Set<string>();
  for (const part of chunk(
    body.lines.map((l) => l.itemId),
    500,
  )) {
    for (const r of await db
      .select({ id: prodItems.id })
      .from(prodItems)
      .where(and(eq(prodItems.orgId, actor.orgId), inArray(prodItems.id, part))))
      known.add(r.id);
  }
  const unknown = body.lines.findIndex((l) => !known.has(l.itemId));
  if (unknown >= 0) throw invalidField(`lines.${unknown}.itemId`, '产品不存在', 'unknown product');
  const lines = body.lines.map((l) => ({ itemId: l.itemId, quantities: l.quantities, total: lineTotalOf(l.quantities) }));
  await db.transaction(async (tx) => {
    const [bumped] = await tx
      .update(prodDailySchedules)
      .set({ updatedAt: now, version: sql`${prodDailySchedules.version} + 1` })
      .where(and(eq(prodDailySchedules.orgId, actor.orgId), eq(prodDailySchedules.id, schedule.id), eq(prodDailySchedules.version, body.version)))
      .returning();
    if (!bumped) throw versionConflict();
    const before = await tx
      .select()
      .from(prodDailyScheduleLines)
      .where(and(eq(prodDailyScheduleLines.orgId, actor.orgId), eq(prodDailyScheduleLines.scheduleId, schedule.id)));
    await tx.delete(prodDailyScheduleLines).where(and(eq(prodDailyScheduleLines.orgId, actor.orgId), eq(prodDailyScheduleLines.scheduleId, schedule.id)));
    if (lines.length) await tx.insert(prodDailyScheduleLines).values(lines.map((l, i) => ({ orgId: actor.orgId, scheduleId: schedule.id, ...l, sort: i })));
    await updateDocument(
      tx,
      workflows,
      actor,
      doc.id,
      { version: doc.version, body: await documentBody(tx, actor.orgId, workshop, schedule.month, lines) },
      now,
    );
    await writeAudit(tx, actor, {
      action: 'production.schedule.lines',
      entity: 'prod_daily_schedule',
      entityId: schedule.id,
      before: before.map((l) => ({ itemId: l.itemId, quantities: l.quantities })),
      after: lines.map((l) => ({ itemId: l.itemId, quantities: l.quantities })),
    });
  });
}

/** Nothing goes up for approval empty. */
const hasLines: ApprovalGuard = async (db, _actor, doc) => {
  const [row] = await db
    .select({ id: prodDailySchedules.id })
    .from(prodDailySchedules)
    .where(and(eq(prodDailySchedules.orgId, doc.orgId), eq(prodDailySchedules.documentId, doc.id)));
  if (!row) return null;
  const [line] = await db
    .select({ total: prodDailyScheduleLines.total })
    .from(prodDailyScheduleLines)
    .where(and(eq(prodDailyScheduleLines.orgId, doc.orgId), eq(prodDailyScheduleLines.scheduleId, row.id), sql`${prodDailyScheduleLines.total} > 0`))
    .limit(1);
  return line ? null : { zh: '进度表没有任何数量，不能提交', en: 'The schedule has no quantities to submit' };
};

export const scheduleDocumentTypes: DocumentTypeInfo[] = [
  {
    docType: DAILY_SCHEDULE_DOC,
    label: { zh: '日生产进度表', en: 'Daily production schedule' },
    numberPrefix: 'RJD',
    link: (id) => `/production/daily-schedules/${id}`,
    isGenericEditable: false,
  },
];

export const scheduleGuards: GuardDeclaration[] = [{ docType: DAILY_SCHEDULE_DOC, action: 'submit', name: 'production.daily-schedule-lines', fn: hasLines }];

/** Issued to the VP and the departments: the workshop's duty for the month is done. */
export const scheduleTransitionHooks: HookDeclaration[] = [
  {
    docType: DAILY_SCHEDULE_DOC,
    fn: async (tx, actor, event) => {
      if (event.action !== 'issue') return;
      const [row] = await tx
        .select()
        .from(prodDailySchedules)
        .where(and(eq(prodDailySchedules.orgId, event.document.orgId), eq(prodDailySchedules.documentId, event.document.id)));
      if (row) await completeDeadline(tx, actor, DAILY_SCHEDULE_SUBJECT, scheduleSubjectId(row.month, row.workshopId), event.document.updatedAt);
    },
  },
];

export const canDrawSchedules = (actor: Actor) => hasPermission(actor, 'document.write') && hasPermission(actor, 'production.report.write');

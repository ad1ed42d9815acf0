import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { writeAudit } from '#core/audit';
import { addDays, localDateOf } from '#core/calendar';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, notFound, versionConflict } from '#core/errors';
import { getPolicy, type Policy } from '#core/policy';
import { chunk, monthOf, monthStart, nextProductionNumber } from '../common/index';
import { prodItems, type WorkshopRow } from '../master/index';
import { postStockDocument, prodStockDocs, reverseStockDocument } from '../warehouse/index';
import { recordLags } from './coordination.service';
import { loadPlanSeries, slicePlanSeries } from './plan-series.service';
import type { AmendBody, ReportBody } from './report.contract';
import { assertCanWriteFor } from './report-access';
import { checkReport, diffReportLines, type ReportFigures, type ReportProblem, receiptChanged, receiptLines } from './report.rules';
import { type DailyReportRow, prodDailyReportLines, prodDailyReportRevisions, prodDailyReportStoppages, prodDailyReports } from './report.schema';

function refuse(problems: ReportProblem[]): never {
  const first = problems[0];
  throw new AppError(
    'VALIDATION_FAILED',
    `${first.field}：${first.zh}`,
    `${first.field}: ${first.en}`,
    problems.map((p) => ({ field: p.field, reason: p.en })),
  );
}

/** Every product named is the organisation's own: a 400 naming the field, never a foreign-key 500. */
async function assertItems(db: Db, orgId: string, figures: ReportFigures): Promise<void> {
  const ids = [...new Set([...figures.lines.map((l) => l.itemId), ...figures.stoppages.flatMap((s) => (s.itemId ? [s.itemId] : []))])];
  const found = new Set<string>();
  for (const part of chunk(ids, 500)) {
    const rows = await db
      .select({ id: prodItems.id })
      .from(prodItems)
      .where(and(eq(prodItems.orgId, orgId), inArray(prodItems.id, part)));
    for (const r of rows) found.add(r.id);
  }
  const line = figures.lines.findIndex((l) => !found.has(l.itemId));
  if (line >= 0) refuse([{ field: `lines.${line}.itemId`, zh: '产品不存在', en: 'unknown product' }]);
  const stop = figures.stoppages.findIndex((s) => !!s.itemId && !found.has(s.itemId));
  if (stop >= 0) refuse([{ field: `stoppages.${stop}.itemId`, zh: '产品不存在', en: 'unknown product' }]);
}

async function validate(db: Db, actor: Actor, workshop: WorkshopRow, reportDate: string, shift: number, figures: ReportFigures, now: Date, policy: Policy) {
  const today = localDateOf(now, policy.calendar.utcOffsetMinutes);
  const problems = checkReport(figures, { today, reportDate, shift, shiftsPerDay: workshop.shiftsPerDay });
  if (problems.length) refuse(problems);
  await assertItems(db, actor.orgId, figures);
  return today;
}

async function writeFigures(tx: Db, orgId: string, reportId: string, figures: ReportFigures, planned: Map<string, number>) {
  if (figures.lines.length) {
    await tx.insert(prodDailyReportLines).values(
      figures.lines.map((l, i) => ({
        orgId,
        reportId,
        itemId: l.itemId,
        plannedQty: planned.get(l.itemId) ?? 0,
        outputQty: l.outputQty,
        warehouseQty: l.warehouseQty,
        scrapQty: l.scrapQty,
        sort: i,
      })),
    );
  }
  if (figures.stoppages.length) {
    await tx.insert(prodDailyReportStoppages).values(
      figures.stoppages.map((s, i) => ({
        orgId,
        reportId,
        lineNo: i + 1,
        reason: s.reason,
        minutes: s.minutes,
        itemId: s.itemId ?? null,
        note: s.note?.trim() ?? '',
      })),
    );
  }
}

/** The 进仓 of the report as a production receipt (入库单) the warehouse sees at once (PP-16, PP-22). */
async function postReceipt(tx: Db, actor: Actor, report: DailyReportRow, figures: ReportFigures, now: Date, policy: Policy): Promise<string | null> {
  const lines = receiptLines(figures.lines);
  if (lines.length === 0) return null;
  const { doc } = await postStockDocument(
    tx,
    actor,
    {
      kind: 'receipt',
      purpose: 'production',
      docDate: report.reportDate,
      workshopId: report.workshopId,
      reference: { type: 'daily_report', id: report.id, number: report.number },
      note: `生产日报 ${report.number} 进仓`,
      lines,
    },
    now,
    policy,
  );
  return doc.id;
}

/**
 * The last day to judge the lag by: today once every shift of the workshop has reported, else
 * yesterday — but never last month, whose variance is the month-end statistics' business.
 */
async function lagDay(tx: Db, orgId: string, workshop: WorkshopRow, today: string): Promise<string | null> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(prodDailyReports)
    .where(and(eq(prodDailyReports.orgId, orgId), eq(prodDailyReports.workshopId, workshop.id), eq(prodDailyReports.reportDate, today)));
  if (row.n >= workshop.shiftsPerDay) return today;
  const yesterday = addDays(today, -1);
  return yesterday.slice(0, 7) === today.slice(0, 7) ? yesterday : null;
}

/**
 * The workshop's plan, loaded once per report: the report's own day (each line's planned
 * quantity) and this month to `today` (the lag check after it), where two loads of the same
 * plan took about thirteen statements each (issue 9: a report on one phone screen, quickly).
 */
async function loadReportPlan(db: Db, orgId: string, workshopId: string, reportDate: string, today: string, policy: Policy) {
  const from = [reportDate, monthStart(monthOf(today))].sort()[0];
  const to = [reportDate, today].sort()[1];
  const series = await loadPlanSeries(db, orgId, from, to, workshopId, policy);
  const day = slicePlanSeries(series, reportDate, reportDate);
  const planned = new Map([...(day.plan.get(workshopId) ?? [])].map(([itemId, q]) => [itemId, q[0]]));
  return { planned, series };
}

const duplicate = () =>
  new AppError(
    'CONFLICT',
    '本车间该班次的日报已提交；如需更正，请在原日报上修改（保留原值）',
    'This shift’s report is already in; amend it instead (the old values are kept)',
    [{ field: 'shift', reason: 'already reported' }],
  );

/**
 * PP-18 (T4 第三十四条): one report per workshop, day and shift. Its 进仓 posts a production
 * receipt in the same transaction, and the month's lag is checked before it commits.
 */
export async function submitReport(db: Db, actor: Actor, body: ReportBody, now: Date): Promise<string> {
  const workshop = await assertCanWriteFor(db, actor, body.workshopId);
  // The policy is read once for the whole report (today, the plan's capacity, the receipt, the lag).
  const policy = await getPolicy(db, actor.orgId);
  const today = await validate(db, actor, workshop, body.reportDate, body.shift, body, now, policy);
  const { planned, series } = await loadReportPlan(db, actor.orgId, workshop.id, body.reportDate, today, policy);
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: prodDailyReports.id })
        .from(prodDailyReports)
        .where(
          and(
            eq(prodDailyReports.orgId, actor.orgId),
            eq(prodDailyReports.workshopId, workshop.id),
            eq(prodDailyReports.reportDate, body.reportDate),
            eq(prodDailyReports.shift, body.shift),
          ),
        );
      if (taken) throw duplicate();
      const number = await nextProductionNumber(tx, actor.orgId, 'RB', Number(body.reportDate.slice(0, 4)));
      const [report] = await tx
        .insert(prodDailyReports)
        .values({
          orgId: actor.orgId,
          number,
          workshopId: workshop.id,
          reportDate: body.reportDate,
          shift: body.shift,
          hoursWorked: body.hoursWorked,
          note: body.note?.trim() ?? '',
          reportedBy: actor.userId,
          reportedAt: now,
        })
        .returning();
      await writeFigures(tx, actor.orgId, report.id, body, planned);
      const receiptDocId = await postReceipt(tx, actor, report, body, now, policy);
      if (receiptDocId)
        await tx
          .update(prodDailyReports)
          .set({ receiptDocId })
          .where(and(eq(prodDailyReports.orgId, actor.orgId), eq(prodDailyReports.id, report.id)));
      await writeAudit(tx, actor, {
        action: 'production.report.submit',
        entity: 'prod_daily_report',
        entityId: report.id,
        after: {
          number,
          workshopId: workshop.id,
          reportDate: body.reportDate,
          shift: body.shift,
          hoursWorked: body.hoursWorked,
          lines: body.lines,
          stoppages: body.stoppages,
          receiptDocId,
        },
      });
      const asOf = await lagDay(tx, actor.orgId, workshop, today);
      if (asOf) await recordLags(tx, actor, asOf, { workshopId: workshop.id, reportId: report.id, now, policy, series });
      return report.id;
    });
  } catch (e) {
    // Two phones sending the same shift at once: the database's unique key decides.
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
}

/**
 * PP-18: a submitted report is amended, never overwritten: the old values stay in its
 * revisions, the audit has old and new, and a changed 进仓 reverses the old receipt (冲销) and
 * posts a new one.
 */
export async function amendReport(db: Db, actor: Actor, id: string, body: AmendBody, now: Date): Promise<void> {
  const [row] = await db
    .select()
    .from(prodDailyReports)
    .where(and(eq(prodDailyReports.orgId, actor.orgId), eq(prodDailyReports.id, id)));
  if (!row) throw notFound('生产日报', 'Daily report');
  const workshop = await assertCanWriteFor(db, actor, row.workshopId);
  const policy = await getPolicy(db, actor.orgId);
  const today = await validate(db, actor, workshop, row.reportDate, row.shift, body, now, policy);
  const { planned, series } = await loadReportPlan(db, actor.orgId, workshop.id, row.reportDate, today, policy);
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(prodDailyReports)
      .where(and(eq(prodDailyReports.orgId, actor.orgId), eq(prodDailyReports.id, id)))
      .for('update');
    if (locked.version !== body.version) throw versionConflict();
    const lines = await tx
      .select()
      .from(prodDailyReportLines)
      .where(and(eq(prodDailyReportLines.orgId, actor.orgId), eq(prodDailyReportLines.reportId, id)));
    const stoppages = await tx
      .select()
      .from(prodDailyReportStoppages)
      .where(and(eq(prodDailyReportStoppages.orgId, actor.orgId), eq(prodDailyReportStoppages.reportId, id)));
    for (const l of lines) if (!planned.has(l.itemId)) planned.set(l.itemId, l.plannedQty);
    const amendment = locked.amendment + 1;
    const old = {
      hoursWorked: locked.hoursWorked,
      note: locked.note,
      receiptDocId: locked.receiptDocId,
      lines: lines.map(({ itemId, plannedQty, outputQty, warehouseQty, scrapQty }) => ({ itemId, plannedQty, outputQty, warehouseQty, scrapQty })),
      stoppages: stoppages.map(({ reason, minutes, itemId, note }) => ({ reason, minutes, itemId, note })),
    };
    await tx
      .insert(prodDailyReportRevisions)
      .values({ orgId: actor.orgId, reportId: id, amendment, snapshot: old, reason: body.reason, amendedBy: actor.userId, amendedAt: now });
    await tx.delete(prodDailyReportLines).where(and(eq(prodDailyReportLines.orgId, actor.orgId), eq(prodDailyReportLines.reportId, id)));
    await tx.delete(prodDailyReportStoppages).where(and(eq(prodDailyReportStoppages.orgId, actor.orgId), eq(prodDailyReportStoppages.reportId, id)));
    await writeFigures(tx, actor.orgId, id, body, planned);
    let receiptDocId = locked.receiptDocId;
    if (receiptChanged(old.lines, body.lines)) {
      if (locked.receiptDocId) {
        const [doc] = await tx
          .select({ reversedById: prodStockDocs.reversedById })
          .from(prodStockDocs)
          .where(and(eq(prodStockDocs.orgId, actor.orgId), eq(prodStockDocs.id, locked.receiptDocId)));
        // The warehouse may have reversed it already; it is never reversed twice.
        if (doc && !doc.reversedById) await reverseStockDocument(tx, actor, locked.receiptDocId, `生产日报 ${locked.number} 更正：${body.reason}`, now);
      }
      receiptDocId = await postReceipt(tx, actor, locked, body, now, policy);
    }
    await tx
      .update(prodDailyReports)
      .set({
        hoursWorked: body.hoursWorked,
        note: body.note?.trim() ?? '',
        receiptDocId,
        amendment,
        amendedBy: actor.userId,
        amendedAt: now,
        version: sql`${prodDailyReports.version} + 1`,
      })
      .where(and(eq(prodDailyReports.orgId, actor.orgId), eq(prodDailyReports.id, id)));
    await writeAudit(tx, actor, {
      action: 'production.report.amend',
      entity: 'prod_daily_report',
      entityId: id,
      before: { hoursWorked: old.hoursWorked, lines: old.lines, stoppages: old.stoppages, receiptDocId: old.receiptDocId },
      after: {
        reason: body.reason,
        hoursWorked: body.hoursWorked,
        lines: body.lines,
        stoppages: body.stoppages,
        receiptDocId,
        changes: diffReportLines(old.lines, body.lines),
      },
    });
    const asOf = await lagDay(tx, actor.orgId, workshop, today);
    if (asOf) await recordLags(tx, actor, asOf, { workshopId: workshop.id, reportId: id, now, policy, series });
  });
}

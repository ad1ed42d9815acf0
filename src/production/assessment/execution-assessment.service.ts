import { and, asc, eq, gte, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { documents } from '#core/approval';
import { runAssessmentRules } from '#core/assessment';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { addMonths, dayCount, monthEnd, monthOf, monthStart } from '../common/index';
import { prodPlans } from '../plan/index';
import { completedSeries, loadLabels, loadMonthLines, monthFigures, prodDailyReportStoppages, prodDailyReports, prodMonthVariances } from '../report/index';
import { prodStockDocs, prodStockMoves } from '../warehouse/index';
import { EXECUTION_RULES, type EvidenceRef, type ExecutionLineRecord, type StoppageKind } from './execution-penalty.rules';
import { orgToday } from '#core/calendar';

const reportLink = (id: string) => `/production/reports?id=${id}`;

async function monthPlanDocument(db: Db, orgId: string, month: string): Promise<EvidenceRef | null> {
  const [row] = await db
    .select({ id: documents.id, number: documents.number, title: documents.title })
    .from(prodPlans)
    .innerJoin(documents, and(eq(documents.orgId, prodPlans.orgId), eq(documents.id, prodPlans.documentId)))
    .where(and(eq(prodPlans.orgId, orgId), eq(prodPlans.kind, 'monthly'), eq(prodPlans.periodStart, monthStart(month))));
  return row ? { id: row.id, number: row.number, label: `${row.number} ${row.title}`, link: `/production/plan-doc/${row.id}` } : null;
}

/**
 * The facts of T2 七.2 / 七.3 for a month: per workshop and product, plan against completion by
 * the policy's measure, the recorded causes, and the records that show it (reports, receipts).
 */
export async function loadExecutionRecords(db: Db, orgId: string, month: string): Promise<ExecutionLineRecord[]> {
  const policy = await getPolicy(db, orgId);
  const measure = policy.production.completionMeasure;
  const from = monthStart(month);
  const to = monthEnd(month);
  const { lines } = await loadMonthLines(db, orgId, month);
  const { workshops, items } = await loadLabels(db, orgId, [...new Set(lines.map((l) => l.itemId))]);
  const reports = await db
    .select({
      id: prodDailyReports.id,
      number: prodDailyReports.number,
      workshopId: prodDailyReports.workshopId,
      day: prodDailyReports.reportDate,
      shift: prodDailyReports.shift,
    })
    .from(prodDailyReports)
    .where(and(eq(prodDailyReports.orgId, orgId), gte(prodDailyReports.reportDate, from), lte(prodDailyReports.reportDate, to)))
    .orderBy(asc(prodDailyReports.reportDate), asc(prodDailyReports.shift));
  const stops = reports.length
    ? await db
        .select({
          reportId: prodDailyReportStoppages.reportId,
          reason: prodDailyReportStoppages.reason,
          minutes: prodDailyReportStoppages.minutes,
          itemId: prodDailyReportStoppages.itemId,
        })
        .from(prodDailyReportStoppages)
        .where(
          and(
            eq(prodDailyReportStoppages.orgId, orgId),
            inArray(
              prodDailyReportStoppages.reportId,
              reports.map((r) => r.id),
            ),
          ),
        )
    : [];
  const receipts = await db
    .selectDistinct({
      id: prodStockDocs.id,
      number: prodStockDocs.number,
      workshopId: prodStockDocs.workshopId,
      itemId: prodStockMoves.itemId,
      day: prodStockDocs.docDate,
    })
    .from(prodStockDocs)
    .innerJoin(prodStockMoves, and(eq(prodStockMoves.orgId, prodStockDocs.orgId), eq(prodStockMoves.docId, prodStockDocs.id)))
    .where(
      and(
        eq(prodStockDocs.orgId, orgId),
        eq(prodStockDocs.kind, 'receipt'),
        eq(prodStockDocs.purpose, 'production'),
        isNull(prodStockDocs.reversedById),
        isNotNull(prodStockDocs.workshopId),
        gte(prodStockDocs.docDate, from),
        lte(prodStockDocs.docDate, to),
      ),
    )
    .orderBy(asc(prodStockDocs.docDate), asc(prodStockDocs.number));
  const causes = await db
    .select()
    .from(prodMonthVariances)
    .where(and(eq(prodMonthVariances.orgId, orgId), eq(prodMonthVariances.month, month)));
  const planDocument = await monthPlanDocument(db, orgId, month);
  const out: ExecutionLineRecord[] = [];
  for (const l of lines) {
    const f = monthFigures(l, measure, policy.production.monthEndVarianceShare);
    if (f.plan <= 0) continue;
    const done = completedSeries(l, measure);
    const workshop = workshops.get(l.workshopId);
    const item = items.get(l.itemId);
    const own = reports.filter((r) => r.workshopId === l.workshopId);
    const ref = (r: (typeof own)[number]): EvidenceRef => ({
      id: r.id,
      number: r.number,
      label: `生产日报 ${r.number}（${r.day} 第${r.shift}班 ${workshop?.name ?? ''}）`,
      link: reportLink(r.id),
    });
    const relevant = stops.filter((s) => own.some((r) => r.id === s.reportId) && (s.itemId === null || s.itemId === l.itemId));
    const minutes: Partial<Record<StoppageKind, number>> = {};
    for (const s of relevant) minutes[s.reason] = (minutes[s.reason] ?? 0) + s.minutes;
    const cause = causes.find((c) => c.workshopId === l.workshopId && c.itemId === l.itemId);
    out.push({
      month,
      workshopId: l.workshopId,
      workshopName: workshop?.name ?? '',
      departmentId: workshop?.departmentId ?? null,
      itemId: l.itemId,
      itemLabel: `${item?.code ?? ''} ${item?.name ?? ''}`.trim(),
      unit: item?.unit ?? '',
      isMature: item?.isMature ?? true,
      plan: f.plan,
      completed: f.completed,
      // An earlier operation puts nothing into the warehouse: its handover is its completion.
      measure: l.isFinalOperation ? measure : 'reported_output',
      monthEndCause: cause ? { kind: cause.causeKind, text: cause.cause } : null,
      stoppageMinutes: minutes,
      // The days that fell short of the day's plan, as the shift reports of those days show.
      shortReports: own.filter((r) => done[dayCount(from, r.day)] < l.plan[dayCount(from, r.day)] - 1e-6).map(ref),
      qualityReports: own.filter((r) => relevant.some((s) => s.reportId === r.id && s.reason === 'quality')).map(ref),
      receipts: receipts
        .filter((d) => d.workshopId === l.workshopId && d.itemId === l.itemId)
        .map((d) => ({ id: d.id, number: d.number, label: `生产入库单 ${d.number}（${d.day}）` })),
      planDocument,
    });
  }
  return out;
}

/** PP-27: T2 七.2 and 七.3 findings of a month (re-running never duplicates). */
export async function runExecutionAssessment(tx: Db, actor: Actor, month: string, now: Date) {
  const policy = await getPolicy(tx, actor.orgId);
  const today = await orgToday(tx, actor.orgId, now);
  const records = await loadExecutionRecords(tx, actor.orgId, month);
  return runAssessmentRules(tx, actor, EXECUTION_RULES, { today, records }, policy.assessment);
}

/** On the policy's day, last month's completion is assessed by 进仓 (T2 (2011) 4.(1)). */
export async function runDueExecutionAssessment(tx: Db, actor: Actor, now: Date) {
  const policy = await getPolicy(tx, actor.orgId);
  const today = await orgToday(tx, actor.orgId, now);
  if (Number(today.slice(8, 10)) < policy.production.completionAssessmentDay) return null;
  return runExecutionAssessment(tx, actor, addMonths(monthOf(today), -1), now);
}

export async function assessExecution(db: Db, actor: Actor, month: string | undefined, now: Date) {
  requireAccess(actor, 'assessment.manage');
  const m = month ?? addMonths(monthOf(await orgToday(db, actor.orgId, now)), -1);
  return db.transaction((tx) => runExecutionAssessment(tx, actor, m, now));
}

import { and, asc, desc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Actor, requireAccess } from '#core/access';
import { addDays, orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import { notFound } from '#core/errors';
import { users } from '#core/org';
import { round } from '../common/index';
import { prodItems, prodWorkshops } from '../master/index';
import { prodStockDocs } from '../warehouse/index';
import { loadPlanSeries } from './plan-series.service';
import { isFinalOperation } from './plan-series.rules';
import type { FormQuery, ReportForm, ReportQuery, ReportSummary, ReportView } from './report.contract';
import { canWriteFor, findReportableWorkshops } from './report-access';
import { prodDailyReportLines, prodDailyReportRevisions, prodDailyReportStoppages, prodDailyReports } from './report.schema';

const reporter = alias(users, 'reporter');
const amender = alias(users, 'amender');

export async function getReport(db: Db, actor: Actor, id: string): Promise<ReportView> {
  requireAccess(actor, 'production.read');
  const [row] = await db
    .select({
      r: prodDailyReports,
      workshopName: prodWorkshops.name,
      reportedByName: reporter.displayName,
      amendedByName: amender.displayName,
      receiptNumber: prodStockDocs.number,
    })
    .from(prodDailyReports)
    .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodDailyReports.orgId), eq(prodWorkshops.id, prodDailyReports.workshopId)))
    .leftJoin(reporter, and(eq(reporter.orgId, prodDailyReports.orgId), eq(reporter.id, prodDailyReports.reportedBy)))
    .leftJoin(amender, and(eq(amender.orgId, prodDailyReports.orgId), eq(amender.id, prodDailyReports.amendedBy)))
    .leftJoin(prodStockDocs, and(eq(prodStockDocs.orgId, prodDailyReports.orgId), eq(prodStockDocs.id, prodDailyReports.receiptDocId)))
    .where(and(eq(prodDailyReports.orgId, actor.orgId), eq(prodDailyReports.id, id)));
  if (!row) throw notFound('生产日报', 'Daily report');
  const { r } = row;
  const lines = await db
    .select({ l: prodDailyReportLines, code: prodItems.code, name: prodItems.name, unit: prodItems.unit })
    .from(prodDailyReportLines)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodDailyReportLines.orgId), eq(prodItems.id, prodDailyReportLines.itemId)))
    .where(and(eq(prodDailyReportLines.orgId, actor.orgId), eq(prodDailyReportLines.reportId, id)))
    .orderBy(asc(prodDailyReportLines.sort));
  const stoppages = await db
    .select({ s: prodDailyReportStoppages, itemName: prodItems.name })
    .from(prodDailyReportStoppages)
    .leftJoin(prodItems, and(eq(prodItems.orgId, prodDailyReportStoppages.orgId), eq(prodItems.id, prodDailyReportStoppages.itemId)))
    .where(and(eq(prodDailyReportStoppages.orgId, actor.orgId), eq(prodDailyReportStoppages.reportId, id)))
    .orderBy(asc(prodDailyReportStoppages.lineNo));
  const revisions = await db
    .select({ v: prodDailyReportRevisions, name: users.displayName })
    .from(prodDailyReportRevisions)
    .leftJoin(users, and(eq(users.orgId, prodDailyReportRevisions.orgId), eq(users.id, prodDailyReportRevisions.amendedBy)))
    .where(and(eq(prodDailyReportRevisions.orgId, actor.orgId), eq(prodDailyReportRevisions.reportId, id)))
    .orderBy(desc(prodDailyReportRevisions.amendment));
  return {
    id: r.id,
    number: r.number,
    workshopId: r.workshopId,
    workshopName: row.workshopName,
    reportDate: r.reportDate,
    shift: r.shift,
    hoursWorked: r.hoursWorked,
    note: r.note,
    amendment: r.amendment,
    version: r.version,
    reportedAt: r.reportedAt,
    reportedByName: row.reportedByName,
    amendedAt: r.amendedAt,
    amendedByName: row.amendedByName,
    receipt: r.receiptDocId && row.receiptNumber ? { id: r.receiptDocId, number: row.receiptNumber } : null,
    lines: lines.map(({ l, ...i }) => ({
      itemId: l.itemId,
      ...i,
      plannedQty: l.plannedQty,
      outputQty: l.outputQty,
      warehouseQty: l.warehouseQty,
      scrapQty: l.scrapQty,
    })),
    stoppages: stoppages.map(({ s, itemName }) => ({ reason: s.reason, minutes: s.minutes, itemId: s.itemId, itemName, note: s.note })),
    revisions: revisions.map(({ v, name }) => {
      const snap = v.snapshot as { hoursWorked: number; lines: { itemId: string; outputQty: number; warehouseQty: number; scrapQty: number }[] };
      return {
        amendment: v.amendment,
        reason: v.reason,
        amendedAt: v.amendedAt,
        amendedByName: name,
        hoursWorked: snap.hoursWorked,
        lines: snap.lines.map(({ itemId, outputQty, warehouseQty, scrapQty }) => ({ itemId, outputQty, warehouseQty, scrapQty })),
      };
    }),
    canAmend: await canWriteFor(db, actor, r.workshopId),
  };
}

/** The reports of a range (default: the last 31 days), newest first, with their lines. */
export async function findReports(db: Db, actor: Actor, query: ReportQuery, now: Date): Promise<ReportSummary[]> {
  requireAccess(actor, 'production.read');
  const to = query.to ?? (await orgToday(db, actor.orgId, now));
  const from = query.from ?? addDays(to, -30);
  const where = [eq(prodDailyReports.orgId, actor.orgId), gte(prodDailyReports.reportDate, from), lte(prodDailyReports.reportDate, to)];
  if (query.workshopId) where.push(eq(prodDailyReports.workshopId, query.workshopId));
  const rows = await db
    .select({ r: prodDailyReports, workshopName: prodWorkshops.name, reportedByName: reporter.displayName, receiptNumber: prodStockDocs.number })
    .from(prodDailyReports)
    .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodDailyReports.orgId), eq(prodWorkshops.id, prodDailyReports.workshopId)))
    .leftJoin(reporter, and(eq(reporter.orgId, prodDailyReports.orgId), eq(reporter.id, prodDailyReports.reportedBy)))
    .leftJoin(prodStockDocs, and(eq(prodStockDocs.orgId, prodDailyReports.orgId), eq(prodStockDocs.id, prodDailyReports.receiptDocId)))
    .where(and(...where))
    .orderBy(desc(prodDailyReports.reportDate), asc(prodWorkshops.sort), asc(prodDailyReports.shift))
    .limit(1000);
  if (rows.length === 0) return [];
  const ids = rows.map((x) => x.r.id);
  const lines = await db
    .select({
      reportId: prodDailyReportLines.reportId,
      itemId: prodDailyReportLines.itemId,
      code: prodItems.code,
      name: prodItems.name,
      unit: prodItems.unit,
      outputQty: prodDailyReportLines.outputQty,
      warehouseQty: prodDailyReportLines.warehouseQty,
    })
    .from(prodDailyReportLines)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodDailyReportLines.orgId), eq(prodItems.id, prodDailyReportLines.itemId)))
    .where(and(eq(prodDailyReportLines.orgId, actor.orgId), inArray(prodDailyReportLines.reportId, ids)))
    .orderBy(asc(prodDailyReportLines.sort));
  const stops = await db
    .select({ reportId: prodDailyReportStoppages.reportId, minutes: prodDailyReportStoppages.minutes })
    .from(prodDailyReportStoppages)
    .where(and(eq(prodDailyReportStoppages.orgId, actor.orgId), inArray(prodDailyReportStoppages.reportId, ids)));
  return rows.map(({ r, workshopName, reportedByName, receiptNumber }) => ({
    id: r.id,
    number: r.number,
    workshopId: r.workshopId,
    workshopName,
    reportDate: r.reportDate,
    shift: r.shift,
    hoursWorked: r.hoursWorked,
    stoppageMinutes: stops.filter((s) => s.reportId === r.id).reduce((s, x) => s + x.minutes, 0),
    amendment: r.amendment,
    reportedByName,
    receiptNumber: r.receiptDocId ? receiptNumber : null,
    lines: lines.filter((l) => l.reportId === r.id).map(({ reportId: _, ...l }) => l),
  }));
}

/** The phone form of a shift: today's plan of the workshop prefilled, or the shift's report to amend. */
export async function getReportForm(db: Db, actor: Actor, query: FormQuery, now: Date): Promise<ReportForm> {
  requireAccess(actor, 'production.read');
  const date = query.date ?? (await orgToday(db, actor.orgId, now));
  const workshops = await findReportableWorkshops(db, actor);
  const workshop = workshops.find((w) => w.id === query.workshopId) ?? workshops[0];
  const base = { date, workshops: workshops.map((w) => ({ id: w.id, name: w.name, shiftsPerDay: w.shiftsPerDay })) };
  if (!workshop) return { ...base, shift: query.shift ?? 1, workshopId: null, lines: [], items: [], existing: null };
  const today = await db
    .select({ id: prodDailyReports.id, shift: prodDailyReports.shift })
    .from(prodDailyReports)
    .where(and(eq(prodDailyReports.orgId, actor.orgId), eq(prodDailyReports.workshopId, workshop.id), eq(prodDailyReports.reportDate, date)));
  // The first shift not reported yet, unless one is asked for.
  const shift = query.shift ?? Array.from({ length: workshop.shiftsPerDay }, (_, k) => k + 1).find((s) => !today.some((t) => t.shift === s)) ?? 1;
  const series = await loadPlanSeries(db, actor.orgId, date, date, workshop.id);
  const others = today.filter((t) => t.shift !== shift).map((t) => t.id);
  const earlier = others.length
    ? await db
        .select({ itemId: prodDailyReportLines.itemId, qty: prodDailyReportLines.outputQty })
        .from(prodDailyReportLines)
        .where(and(eq(prodDailyReportLines.orgId, actor.orgId), inArray(prodDailyReportLines.reportId, others), ne(prodDailyReportLines.outputQty, 0)))
    : [];
  const routed = new Set(series.routings.filter((r) => r.workshopId === workshop.id).map((r) => r.itemId));
  const planned = series.plan.get(workshop.id) ?? new Map<string, number[]>();
  const itemIds = [...new Set([...routed, ...planned.keys()])];
  const items = itemIds.length
    ? await db
        .select({ id: prodItems.id, code: prodItems.code, name: prodItems.name, unit: prodItems.unit, sort: prodItems.sort })
        .from(prodItems)
        .where(and(eq(prodItems.orgId, actor.orgId), inArray(prodItems.id, itemIds)))
        .orderBy(asc(prodItems.sort), asc(prodItems.code))
    : [];
  const final = (itemId: string) => isFinalOperation(series.finals, workshop.id, itemId);
  const existing = today.find((t) => t.shift === shift);
  return {
    ...base,
    shift,
    workshopId: workshop.id,
    lines: items
      .filter((i) => (planned.get(i.id)?.[0] ?? 0) > 0)
      .map((i) => ({
        itemId: i.id,
        code: i.code,
        name: i.name,
        unit: i.unit,
        plannedQty: planned.get(i.id)![0],
        reportedQty: round(earlier.filter((e) => e.itemId === i.id).reduce((s, e) => s + e.qty, 0)),
        isFinalOperation: final(i.id),
      })),
    items: items.map((i) => ({ id: i.id, code: i.code, name: i.name, unit: i.unit, isFinalOperation: final(i.id) })),
    existing: existing ? await getReport(db, actor, existing.id) : null,
  };
}

import { and, eq, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '#core/db';
import { dayCount, round } from '../common/index';
import { prodStockDocs, prodStockMoves } from '../warehouse/index';
import type { LineSeries } from './completion.rules';
import type { PlanSeries } from './plan-series.service';
import { isFinalOperation } from './plan-series.rules';
import { prodDailyReportLines, prodDailyReports } from './report.schema';

type Series = Map<string, number[]>;
const key = (workshopId: string, itemId: string) => `${workshopId}|${itemId}`;

function put(map: Series, length: number, k: string, index: number, qty: number) {
  if (index < 0 || index >= length) return;
  const row = map.get(k) ?? new Array<number>(length).fill(0);
  row[index] = round(row[index] + qty);
  map.set(k, row);
}

/** Output reported per workshop, product and day (every shift). */
async function loadOutput(db: Db, orgId: string, from: string, to: string, workshopId?: string) {
  const where = [eq(prodDailyReports.orgId, orgId), gte(prodDailyReports.reportDate, from), lte(prodDailyReports.reportDate, to)];
  if (workshopId) where.push(eq(prodDailyReports.workshopId, workshopId));
  return db
    .select({
      workshopId: prodDailyReports.workshopId,
      itemId: prodDailyReportLines.itemId,
      day: prodDailyReports.reportDate,
      qty: sql<number>`sum(${prodDailyReportLines.outputQty})::float8`,
    })
    .from(prodDailyReportLines)
    .innerJoin(prodDailyReports, and(eq(prodDailyReports.orgId, prodDailyReportLines.orgId), eq(prodDailyReports.id, prodDailyReportLines.reportId)))
    .where(and(...where))
    .groupBy(prodDailyReports.workshopId, prodDailyReportLines.itemId, prodDailyReports.reportDate);
}

/**
 * PP-22: production receipts (进仓) per workshop, product and day, read from the ledger. A
 * reversed receipt counts for nothing on its own day (its reversal cancels it), so a wrong
 * document corrected later never shifts completion between days.
 */
async function loadReceived(db: Db, orgId: string, from: string, to: string, workshopId?: string) {
  const where = [
    eq(prodStockDocs.orgId, orgId),
    eq(prodStockDocs.kind, 'receipt'),
    eq(prodStockDocs.purpose, 'production'),
    isNull(prodStockDocs.reversedById),
    isNotNull(prodStockDocs.workshopId),
    gte(prodStockDocs.docDate, from),
    lte(prodStockDocs.docDate, to),
  ];
  if (workshopId) where.push(eq(prodStockDocs.workshopId, workshopId));
  return db
    .select({
      workshopId: prodStockDocs.workshopId,
      itemId: prodStockMoves.itemId,
      day: prodStockDocs.docDate,
      qty: sql<number>`sum(${prodStockMoves.qty})::float8`,
    })
    .from(prodStockMoves)
    .innerJoin(prodStockDocs, and(eq(prodStockDocs.orgId, prodStockMoves.orgId), eq(prodStockDocs.id, prodStockMoves.docId)))
    .where(and(...where))
    .groupBy(prodStockDocs.workshopId, prodStockMoves.itemId, prodStockDocs.docDate);
}

/** Plan, output and 进仓 per workshop and product over the plan series' days. */
export async function loadLineSeries(db: Db, orgId: string, series: PlanSeries, workshopId?: string): Promise<LineSeries[]> {
  const { days } = series;
  const from = days[0];
  const to = days[days.length - 1];
  const n = days.length;
  const output: Series = new Map();
  const received: Series = new Map();
  for (const r of await loadOutput(db, orgId, from, to, workshopId)) put(output, n, key(r.workshopId, r.itemId), dayCount(from, r.day), r.qty);
  for (const r of await loadReceived(db, orgId, from, to, workshopId)) put(received, n, key(r.workshopId!, r.itemId), dayCount(from, r.day), r.qty);
  const keys = new Set<string>([...output.keys(), ...received.keys()]);
  for (const [w, lines] of series.plan) if (!workshopId || w === workshopId) for (const itemId of lines.keys()) keys.add(key(w, itemId));
  const zero = () => new Array<number>(n).fill(0);
  return [...keys].map((k) => {
    const [w, itemId] = k.split('|');
    return {
      workshopId: w,
      itemId,
      plan: series.plan.get(w)?.get(itemId) ?? zero(),
      output: output.get(k) ?? zero(),
      received: received.get(k) ?? zero(),
      isFinalOperation: isFinalOperation(series.finals, w, itemId),
    };
  });
}

import { round } from '../common/index';
import type { StoppageReason } from './report.schema';

// The shift report's own rules (PP-18, T4 第三十四条): what a valid report is, what its 进仓
// posts, and what an amendment changed. Pure.

export interface ReportLineInput {
  itemId: string;
  outputQty: number;
  warehouseQty: number;
  scrapQty: number;
}

export interface StoppageInput {
  reason: StoppageReason;
  minutes: number;
  itemId?: string | null;
  note?: string;
}

export interface ReportFigures {
  hoursWorked: number;
  lines: ReportLineInput[];
  stoppages: StoppageInput[];
}

export interface ReportProblem {
  field: string;
  zh: string;
  en: string;
}

export interface ReportContext {
  today: string;
  reportDate: string;
  shift: number;
  shiftsPerDay: number;
}

/** Why the report cannot be taken as it is; empty when it can. */
export function checkReport(input: ReportFigures, ctx: ReportContext): ReportProblem[] {
  const problems: ReportProblem[] = [];
  if (ctx.reportDate > ctx.today) problems.push({ field: 'reportDate', zh: '不能填报未来日期的日报', en: 'a report cannot be for a future day' });
  if (ctx.shift > ctx.shiftsPerDay)
    problems.push({ field: 'shift', zh: `本车间每天 ${ctx.shiftsPerDay} 个班次`, en: `the workshop works ${ctx.shiftsPerDay} shift(s) a day` });
  const seen = new Set<string>();
  input.lines.forEach((l, i) => {
    if (seen.has(l.itemId)) problems.push({ field: `lines.${i}.itemId`, zh: '同一产品只能填一行', en: 'one line per product' });
    seen.add(l.itemId);
  });
  const total = input.lines.reduce((s, l) => s + l.outputQty + l.warehouseQty + l.scrapQty, 0);
  if (total <= 0 && input.stoppages.length === 0 && input.hoursWorked <= 0) {
    problems.push({ field: 'lines', zh: '请填写产量、进仓、废品或停机情况', en: 'enter output, 进仓, scrap or a stoppage' });
  }
  const stopped = input.stoppages.reduce((s, x) => s + x.minutes, 0);
  if (stopped > 24 * 60) problems.push({ field: 'stoppages', zh: '停机时间合计不能超过 24 小时', en: 'stoppages add up to more than 24 hours' });
  return problems;
}

/** The production receipt's lines: what went into the warehouse (进仓). */
export const receiptLines = (lines: readonly ReportLineInput[]): { itemId: string; qty: number }[] =>
  lines.filter((l) => l.warehouseQty > 0).map((l) => ({ itemId: l.itemId, qty: round(l.warehouseQty) }));

export interface LineChange {
  itemId: string;
  field: 'outputQty' | 'warehouseQty' | 'scrapQty';
  before: number;
  after: number;
}

/** What an amendment changed, line by line and figure by figure (the audit's old and new). */
export function diffReportLines(before: readonly ReportLineInput[], after: readonly ReportLineInput[]): LineChange[] {
  const fields = ['outputQty', 'warehouseQty', 'scrapQty'] as const;
  const old = new Map(before.map((l) => [l.itemId, l]));
  const now = new Map(after.map((l) => [l.itemId, l]));
  const out: LineChange[] = [];
  for (const itemId of new Set([...old.keys(), ...now.keys()])) {
    for (const field of fields) {
      const a = old.get(itemId)?.[field] ?? 0;
      const b = now.get(itemId)?.[field] ?? 0;
      if (round(a) !== round(b)) out.push({ itemId, field, before: a, after: b });
    }
  }
  return out;
}

/** The 进仓 changed, so the old receipt is reversed and a new one posted. */
export function receiptChanged(before: readonly ReportLineInput[], after: readonly ReportLineInput[]): boolean {
  const key = (lines: readonly ReportLineInput[]) =>
    JSON.stringify(
      receiptLines(lines)
        .map((l) => [l.itemId, l.qty])
        .sort(),
    );
  return key(before) !== key(after);
}

export const STOPPAGE_LABELS: Record<StoppageReason, { zh: string; en: string }> = {
  material: { zh: '断料', en: 'Material shortage' },
  equipment: { zh: '设备', en: 'Equipment' },
  outage: { zh: '停电停水', en: 'Power or water outage' },
  quality: { zh: '质量', en: 'Quality' },
  process: { zh: '工艺', en: 'Process' },
  other: { zh: '其他', en: 'Other' },
};

import { addDays, weekStartOf } from '#core/calendar';
import { monthEnd, monthOf, monthStart } from '../common/index';
import type { UpkeepFrequency, UpkeepResult } from './equipment.schema';

// PP-24 (T4 第四十七条): what daily upkeep is due, and how well it was kept. Pure.
// Periods: a shift item is due shiftsPerDay times a working day, a daily one once a working
// day, a weekly one once a week (Monday–Sunday), a monthly one once a month.

export interface UpkeepItemFacts {
  id: string;
  frequency: UpkeepFrequency;
  /** Local day the item was set up: periods before it are not owed. */
  createdOn: string;
}

export interface UpkeepRecordFacts {
  itemId: string;
  doneOn: string;
  result: UpkeepResult;
}

export interface WorkdayFacts {
  /** Is this a working day of the machine's workshop? */
  isWorkingDay: (day: string) => boolean;
  shiftsPerDay: number;
}

export type UpkeepStatus = 'done' | 'due' | 'overdue' | 'rest';

interface Period {
  start: string;
  end: string;
}

export function periodOf(frequency: UpkeepFrequency, day: string): Period {
  if (frequency === 'weekly') {
    const start = weekStartOf(day);
    return { start, end: addDays(start, 6) };
  }
  if (frequency === 'monthly') return { start: monthStart(monthOf(day)), end: monthEnd(monthOf(day)) };
  return { start: day, end: day };
}

function previousPeriod(frequency: UpkeepFrequency, day: string, w: WorkdayFacts): Period | null {
  if (frequency === 'weekly' || frequency === 'monthly') return periodOf(frequency, addDays(periodOf(frequency, day).start, -1));
  // Shift and daily items are owed on working days only: the one before is the last working day.
  for (let d = addDays(day, -1), k = 0; k < 31; d = addDays(d, -1), k++) if (w.isWorkingDay(d)) return { start: d, end: d };
  return null;
}

const requiredIn = (frequency: UpkeepFrequency, w: WorkdayFacts): number => (frequency === 'shift' ? Math.max(1, w.shiftsPerDay) : 1);

const countIn = (records: readonly UpkeepRecordFacts[], p: Period): number => records.filter((r) => r.doneOn >= p.start && r.doneOn <= p.end).length;

/**
 * An item's state today: done for the period, due, or overdue when the previous period was
 * missed as well. Shift and daily items rest on the workshop's days off.
 */
export function upkeepStatus(item: UpkeepItemFacts, records: readonly UpkeepRecordFacts[], today: string, w: WorkdayFacts): UpkeepStatus {
  const mine = records.filter((r) => r.itemId === item.id);
  const isPerDay = item.frequency === 'shift' || item.frequency === 'daily';
  if (isPerDay && !w.isWorkingDay(today)) return 'rest';
  const current = periodOf(item.frequency, today);
  const required = requiredIn(item.frequency, w);
  if (countIn(mine, current) >= required) return 'done';
  const previous = previousPeriod(item.frequency, today, w);
  if (previous && item.createdOn <= previous.start && countIn(mine, previous) < required) return 'overdue';
  return 'due';
}

export interface ComplianceCount {
  /** Periods (shifts for a shift item) owed so far in the month. */
  required: number;
  done: number;
  problems: number;
}

/**
 * 定期检查设备日常保养状况: periods owed in `month` up to `until` and how many were kept. A
 * period still running counts only once it is kept, so the month's rate is fair on any day.
 */
export function upkeepCompliance(item: UpkeepItemFacts, records: readonly UpkeepRecordFacts[], month: string, until: string, w: WorkdayFacts): ComplianceCount {
  const mine = records.filter((r) => r.itemId === item.id && monthOf(r.doneOn) === month);
  const problems = mine.filter((r) => r.result === 'problem').length;
  const last = until < monthEnd(month) ? until : monthEnd(month);
  let required = 0;
  let done = 0;
  const owe = (p: Period, need: number, isOver: boolean) => {
    if (p.end < item.createdOn) return;
    const kept = Math.min(need, countIn(mine, p));
    if (isOver || kept >= need) {
      required += need;
      done += kept;
    }
  };
  if (item.frequency === 'monthly') {
    owe({ start: monthStart(month), end: monthEnd(month) }, 1, until > monthEnd(month));
  } else if (item.frequency === 'weekly') {
    for (let day = monthStart(month); day <= last; day = addDays(weekStartOf(day), 7)) {
      const p = periodOf('weekly', day);
      owe({ start: p.start < monthStart(month) ? monthStart(month) : p.start, end: p.end }, 1, p.end < until);
    }
  } else {
    const need = requiredIn(item.frequency, w);
    for (let day = monthStart(month); day <= last; day = addDays(day, 1)) if (w.isWorkingDay(day)) owe({ start: day, end: day }, need, day < until);
  }
  return { required, done, problems };
}

/** Kept share of what was owed; null when nothing was owed yet. */
export const complianceRate = (c: Pick<ComplianceCount, 'required' | 'done'>): number | null =>
  c.required > 0 ? Math.round((c.done / c.required) * 1000) / 1000 : null;

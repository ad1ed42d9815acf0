import { addDays, isoWeekday } from '#core/calendar';
import { monthEnd, monthStart, round } from '../common/index';
import type { MaintenanceCycle } from './maintenance.schema';

// PP-25 (T4 第四十八、四十九条): the annual maintenance plan's months, its monthly split into
// slots, and the balance of each week's maintenance against the workshop's load. Pure.

const PER_YEAR: Record<MaintenanceCycle, number> = { monthly: 12, quarterly: 4, half_yearly: 2, yearly: 1 };

/** The months a cycle suggests, starting from `first` (1–12): quarterly from March is 3, 6, 9, 12. */
export function defaultMonths(cycle: MaintenanceCycle, first = 1): number[] {
  const step = 12 / PER_YEAR[cycle];
  return Array.from({ length: PER_YEAR[cycle] }, (_, k) => ((first - 1 + k * step) % 12) + 1).sort((a, b) => a - b);
}

/** Why the planned months do not fit the cycle, or null: 1–12, no repeats, at most as many as the cycle has. */
export function refuseMonths(cycle: MaintenanceCycle, months: readonly number[]): { zh: string; en: string } | null {
  if (months.length === 0) return { zh: '请至少安排一个月份', en: 'Plan at least one month' };
  if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) return { zh: '月份须为 1–12', en: 'Months are 1–12' };
  if (new Set(months).size !== months.length) return { zh: '月份重复', en: 'A month appears twice' };
  if (months.length > PER_YEAR[cycle]) return { zh: `该保养周期一年最多 ${PER_YEAR[cycle]} 次`, en: `This cycle has at most ${PER_YEAR[cycle]} a year` };
  return null;
}

/**
 * The weeks of a month as the monthly production plan reports them (PP-9): the first starts
 * on the 1st, each later one on a Monday.
 */
export function weekStartsOfMonth(month: string): string[] {
  const out = [monthStart(month)];
  for (let d = addDays(monthStart(month), 1); d <= monthEnd(month); d = addDays(d, 1)) if (isoWeekday(d) === 1) out.push(d);
  return out;
}

/** The day a slot of week `week` (1–5) is planned on; a fifth week a month lacks is its last. */
export function plannedDay(month: string, week: number): string {
  const starts = weekStartsOfMonth(month);
  return starts[Math.min(Math.max(1, week), starts.length) - 1];
}

export interface PlanLineFacts {
  id: string;
  machineId: string;
  hours: number;
  months: readonly number[];
  week: number;
}

export interface SlotDraft {
  lineId: string;
  machineId: string;
  month: string;
  plannedOn: string;
  hours: number;
}

/** 第四十九条: the month's maintenance plan made from the annual one: one slot per line planned in it. */
export function splitMonth(year: number, month: number, lines: readonly PlanLineFacts[]): SlotDraft[] {
  const m = `${year}-${String(month).padStart(2, '0')}`;
  return lines
    .filter((l) => l.months.includes(month))
    .map((l) => ({ lineId: l.id, machineId: l.machineId, month: m, plannedOn: plannedDay(m, l.week), hours: l.hours }));
}

export interface BalanceSlot {
  workshopId: string;
  /** The slot's day; it lands in the group whose range holds it. */
  day: string;
  hours: number;
  /** The machine's share of its workshop: hours × share is the capacity the maintenance takes. */
  share: number;
}

export interface BalanceCell {
  start: string;
  load: number | null;
  capacity: number | null;
  maintenanceHours: number;
  /** Workshop capacity hours the maintenance takes (machine hours × the machine's share). */
  maintenanceCapacity: number;
  /** Capacity left after the load and the maintenance; null without a production plan. */
  headroom: number | null;
}

export interface BalanceRow {
  workshopId: string;
  cells: BalanceCell[];
  /** Group with the most headroom: where a slot is best moved (null without a plan). */
  lightest: string | null;
  /** Groups where the load and the maintenance together exceed the capacity ceiling. */
  tight: string[];
}

export interface BalanceInput {
  /** Group starts in order; a group runs to the day before the next one (the last to `end`). */
  starts: readonly string[];
  end: string;
  workshops: readonly { workshopId: string; load: readonly (number | null)[]; capacity: readonly (number | null)[] }[];
  slots: readonly BalanceSlot[];
  maxUtilisation: number;
}

/** 经生产部门综合平衡: each group's maintenance against the production load and capacity. */
export function balanceMaintenance(input: BalanceInput): BalanceRow[] {
  const groupOf = (day: string): number => {
    if (day < input.starts[0] || day > input.end) return -1;
    let k = 0;
    while (k + 1 < input.starts.length && input.starts[k + 1] <= day) k++;
    return k;
  };
  return input.workshops.map((w) => {
    const hours = input.starts.map(() => 0);
    const taken = input.starts.map(() => 0);
    for (const s of input.slots) {
      const k = s.workshopId === w.workshopId ? groupOf(s.day) : -1;
      if (k < 0) continue;
      hours[k] += s.hours;
      taken[k] += s.hours * s.share;
    }
    const cells: BalanceCell[] = input.starts.map((start, k) => {
      const load = w.load[k] ?? null;
      const capacity = w.capacity[k] ?? null;
      return {
        start,
        load: load === null ? null : round(load, 1),
        capacity: capacity === null ? null : round(capacity, 1),
        maintenanceHours: round(hours[k], 1),
        maintenanceCapacity: round(taken[k], 1),
        headroom: load === null || capacity === null ? null : round(capacity - load - taken[k], 1),
      };
    });
    const planned = cells.filter((c) => c.headroom !== null);
    const lightest = planned.length ? planned.reduce((a, b) => (b.headroom! > a.headroom! ? b : a)).start : null;
    const tight = cells
      .filter(
        (c) => c.capacity !== null && c.load !== null && c.maintenanceHours > 0 && c.load + c.maintenanceCapacity > c.capacity * input.maxUtilisation + 1e-9,
      )
      .map((c) => c.start);
    return { workshopId: w.workshopId, cells, lightest, tight };
  });
}

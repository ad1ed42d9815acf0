import type { AttendanceStatus } from '../attendance';

export interface GroupWeekCell {
  group: string;
  weekStart: string;
  present: number;
  countable: number;
  rate: number | null;
}

/** Attendance rate by teaching-research group and week (excused teachers left out). */
export function attendanceByGroupAndWeek(records: { group: string; weekStart: string; status: AttendanceStatus }[]): GroupWeekCell[] {
  const cells = new Map<string, GroupWeekCell>();
  for (const r of records) {
    const key = `${r.group}|${r.weekStart}`;
    const c = cells.get(key) ?? { group: r.group, weekStart: r.weekStart, present: 0, countable: 0, rate: null };
    if (r.status !== 'excused') c.countable++;
    if (r.status === 'on_time' || r.status === 'late' || r.status === 'left_early') c.present++;
    cells.set(key, c);
  }
  return [...cells.values()]
    .map((c) => ({ ...c, rate: c.countable ? Math.round((c.present / c.countable) * 1000) / 1000 : null }))
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart) || a.group.localeCompare(b.group));
}

export interface CreditBin {
  from: number;
  to: number | null;
  teachers: number;
}

/** How many teachers are in each quarter of the year's requirement, and at or above it. */
export function creditDistribution(credits: number[], required: number): CreditBin[] {
  const step = required / 4;
  const edges = [0, step, 2 * step, 3 * step, required].map((x) => Math.round(x * 100) / 100);
  const bins: CreditBin[] = edges.map((from, i) => ({ from, to: i < edges.length - 1 ? edges[i + 1] : null, teachers: 0 }));
  for (const c of credits) {
    const bin = bins.find((b) => c >= b.from && (b.to === null || c < b.to)) ?? bins[0];
    bin.teachers++;
  }
  return bins;
}

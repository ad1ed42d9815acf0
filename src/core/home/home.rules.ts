import type { HomeCard, HomeFigure, HomeTask, Words } from './home.contract';

/** A task is late once its due date (or time) has passed; a date is due until its day ends. */
export function isLate(due: string | null, now: Date, today: string): boolean {
  if (!due) return false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(due)) return due < today;
  return new Date(due).getTime() < now.getTime();
}

/** Late first, then the earliest due, then the longest waiting; one entry per link. */
export function orderTasks<T extends HomeTask>(tasks: readonly T[]): T[] {
  const seen = new Set<string>();
  const unique = tasks.filter((t) => {
    const key = `${t.link}|${t.title.zh}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const dueKey = (t: HomeTask) => t.due ?? '9999';
  return unique.sort((a, b) => Number(b.isLate) - Number(a.isLate) || dueKey(a).localeCompare(dueKey(b)) || (a.since ?? '').localeCompare(b.since ?? ''));
}

/**
 * A missed deadline belongs to the work it is about: when a task already points at the same
 * record, that task is marked late (and takes the deadline's date if it had none) instead of
 * the record being listed twice; a deadline with no task of its own is added.
 */
export function withLateDeadlines<T extends HomeTask>(tasks: readonly T[], late: readonly T[]): T[] {
  const merged = [...tasks];
  for (const d of late) {
    const i = merged.findIndex((t) => t.link === d.link);
    if (i < 0) merged.push(d);
    else merged[i] = { ...merged[i], isLate: true, due: merged[i].due ?? d.due };
  }
  return merged;
}

/** The next deadline still ahead (the late ones are in the task list already). */
export function nextDeadlineOf<D extends { dueAt: Date; status: string }>(deadlines: readonly D[], now: Date): D | null {
  return deadlines.filter((d) => d.status !== 'overdue' && d.dueAt.getTime() >= now.getTime()).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0] ?? null;
}

/** Builders the modules' home sources share, so every card reads the same way. */
export const figure = (label: Words, value: number | Words, opts: { link?: string; suffix?: string; tone?: HomeFigure['tone'] } = {}): HomeFigure => ({
  label,
  value,
  suffix: opts.suffix ?? null,
  link: opts.link ?? null,
  tone: opts.tone ?? 'normal',
});

export const task = (tag: Words, title: Words, link: string, opts: { due?: string | null; isLate?: boolean; since?: string | null } = {}): HomeTask => ({
  tag,
  title,
  link,
  due: opts.due ?? null,
  isLate: opts.isLate ?? false,
  since: opts.since ?? null,
});

/** A count that should be zero: warning while it is not. */
export const toneOfGap = (n: number): HomeFigure['tone'] => (n > 0 ? 'warning' : 'good');

export const card = (module: string, title: Words, parts: { link?: string | null; figures?: HomeFigure[]; tasks?: HomeTask[] }): HomeCard => ({
  module,
  title,
  link: parts.link ?? null,
  figures: parts.figures ?? [],
  tasks: parts.tasks ?? [],
});

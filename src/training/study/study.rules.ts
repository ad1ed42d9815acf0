import { addDays } from '#core/calendar';
import type { Policy } from '#core/policy';
import type { NoteKind } from './study.schema';

export type WeeklyQuota = Policy['training']['weeklySelfStudy'];

export interface WeekStatus {
  weekStart: string;
  articleExcerpts: number;
  informationExcerpts: number;
  isMet: boolean;
}

export interface SelfStudySummary {
  weeks: WeekStatus[];
  weeksMet: number;
  weeksDue: number;
  /** Distinct journals the excerpts came from (S1 4: 自学一份业务报刊; S4: one or two). */
  journals: string[];
  journalsRequired: number;
  isJournalMet: boolean;
}

/** The Mondays from the week of `from` to the week of `to`. */
export function weeksBetween(fromMonday: string, toMonday: string): string[] {
  const out: string[] = [];
  for (let w = fromMonday; w <= toMonday; w = addDays(w, 7)) out.push(w);
  return out;
}

/**
 * ST-5 (S1 学习制度 4): each week one article excerpt and one information excerpt (policy
 * numbers); the journals read over the period. The current week is shown but only the
 * weeks already over are due, so nobody is behind on a Monday morning.
 */
export function summariseSelfStudy(
  notes: { kind: NoteKind; weekStart: string; source: string | null }[],
  weeks: string[],
  currentWeek: string,
  quota: WeeklyQuota,
): SelfStudySummary {
  const status = weeks.map((weekStart) => {
    const inWeek = notes.filter((n) => n.weekStart === weekStart);
    const articleExcerpts = inWeek.filter((n) => n.kind === 'article_excerpt').length;
    const informationExcerpts = inWeek.filter((n) => n.kind === 'information_excerpt').length;
    return {
      weekStart,
      articleExcerpts,
      informationExcerpts,
      isMet: articleExcerpts >= quota.articleExcerpts && informationExcerpts >= quota.informationExcerpts,
    };
  });
  const due = status.filter((w) => w.weekStart < currentWeek);
  const journals = [
    ...new Set(notes.filter((n) => (n.kind === 'article_excerpt' || n.kind === 'information_excerpt') && n.source?.trim()).map((n) => n.source!.trim())),
  ].sort();
  return {
    weeks: status,
    weeksMet: due.filter((w) => w.isMet).length,
    weeksDue: due.length,
    journals,
    journalsRequired: quota.journals,
    isJournalMet: journals.length >= quota.journals,
  };
}

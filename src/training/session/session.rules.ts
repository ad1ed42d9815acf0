import type { CreditCategory } from '#core/policy';
import type { CreditPart } from './session.schema';

type Text = { zh: string; en: string };

// Sign-in opens a little before the start, so people arriving early can scan.
export const SIGN_IN_OPENS_MINUTES_BEFORE = 30;
const MINUTE = 60_000;
const DAY = 86_400_000;

export type OutlineStatus = 'written' | 'late' | 'due' | 'missing';

/**
 * ST-3 (S1 学习制度 3): the trainer writes the outline before the session. Written after
 * the start is late; none yet before the start is due; none at the start is missing.
 */
export function outlineStatusOf(s: { outlineAt: Date | null; startsAt: Date }, now: Date): OutlineStatus {
  if (s.outlineAt) return s.outlineAt <= s.startsAt ? 'written' : 'late';
  return now < s.startsAt ? 'due' : 'missing';
}

export type SessionPhase = 'upcoming' | 'open' | 'ended' | 'cancelled';

export function sessionPhaseOf(s: { state: 'scheduled' | 'cancelled' | 'void'; startsAt: Date; endsAt: Date }, now: Date): SessionPhase {
  if (s.state !== 'scheduled') return 'cancelled';
  if (now.getTime() < s.startsAt.getTime() - SIGN_IN_OPENS_MINUTES_BEFORE * MINUTE) return 'upcoming';
  if (now <= s.endsAt) return 'open';
  return 'ended';
}

/** ST-4: records lock N days (policy) after the session ends; afterwards nobody changes them. */
export function isAttendanceLocked(s: { endsAt: Date }, now: Date, lockDays: number): boolean {
  return now.getTime() > s.endsAt.getTime() + lockDays * DAY;
}

export const durationMinutesOf = (s: { startsAt: Date; endsAt: Date }): number => Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / MINUTE);

/** The credit types of a session: its own category for the whole time unless split. */
export function creditPartsOf(s: { category: CreditCategory; creditParts: CreditPart[]; startsAt: Date; endsAt: Date }): CreditPart[] {
  return s.creditParts.length ? s.creditParts : [{ category: s.category, minutes: durationMinutesOf(s) }];
}

/** A split must account for the whole session, each category once. */
export function checkCreditParts(parts: CreditPart[], durationMinutes: number): Text | null {
  if (parts.length === 0) return null;
  const seen = new Set<string>();
  for (const p of parts) {
    if (seen.has(p.category)) return { zh: '同一类别只能出现一次', en: 'each category may appear once' };
    seen.add(p.category);
  }
  const sum = parts.reduce((n, p) => n + p.minutes, 0);
  if (sum !== durationMinutes)
    return {
      zh: `各类别分钟数之和（${sum}）须等于培训时长（${durationMinutes}）`,
      en: `the parts add up to ${sum} minutes, the session lasts ${durationMinutes}`,
    };
  return null;
}

import type { Policy } from '#core/policy';
import { ACTIVITY_KINDS, type ActivityKind, FOUR_ONES_ITEMS, type FourOnesItem, type ReviewState } from './practice.schema';

type FourOnesPolicy = Policy['training']['fourOnes'];
const REQUIRED_KEY: Record<FourOnesItem, keyof FourOnesPolicy> = {
  book: 'books',
  demo_lesson: 'demoLessons',
  lesson_evaluation: 'lessonEvaluations',
  narrative: 'narratives',
};

export interface FourOnesProgress {
  items: { item: FourOnesItem; done: number; required: number; isMet: boolean }[];
  isMet: boolean;
}

/** ST-14 (T5): each of the four ones done at least the policy's number of times in the year. */
export function fourOnesProgressOf(done: { item: FourOnesItem }[], policy: FourOnesPolicy): FourOnesProgress {
  const items = FOUR_ONES_ITEMS.map((item) => {
    const n = done.filter((d) => d.item === item).length;
    const required = policy[REQUIRED_KEY[item]];
    return { item, done: n, required, isMet: n >= required };
  });
  return { items, isMet: items.every((i) => i.isMet) };
}

export type SubmissionStatus = 'open' | 'missing' | 'submitted' | 'late' | 'accepted' | 'returned';

/** ST-15: what the list shows for one teacher and one assignment on a given day. */
export function submissionStatusOf(dueOn: string, sub: { isLate: boolean; reviewState: ReviewState } | null, today: string): SubmissionStatus {
  if (!sub) return today > dueOn ? 'missing' : 'open';
  if (sub.reviewState === 'accepted') return 'accepted';
  if (sub.reviewState === 'returned') return 'returned';
  return sub.isLate ? 'late' : 'submitted';
}

export interface ActivityCoverage {
  kinds: { kind: ActivityKind; held: number; required: number; isMet: boolean }[];
  isMet: boolean;
}

/** ST-16 (S1 管理制度 5): every kind of activity held the policy's number of times this semester. */
export function activityCoverageOf(held: { kind: ActivityKind }[], perSemester: number): ActivityCoverage {
  const kinds = ACTIVITY_KINDS.map((kind) => {
    const n = held.filter((h) => h.kind === kind).length;
    return { kind, held: n, required: perSemester, isMet: n >= perSemester };
  });
  return { kinds, isMet: kinds.every((k) => k.isMet) };
}

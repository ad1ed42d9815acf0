import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Policy } from '#core/policy';
import type { EvaluationSource } from './evaluation.schema';

type Text = { zh: string; en: string };

/** What every evaluator rates, 1–5 (S1 评价: 师德、教学、参训、教研、反思). */
export const CRITERIA: { key: string; label: Text }[] = [
  { key: 'ethics', label: { zh: '师德师风', en: 'Professional ethics' } },
  { key: 'teaching', label: { zh: '课堂教学', en: 'Teaching' } },
  { key: 'participation', label: { zh: '参加培训与教研', en: 'Training and research participation' } },
  { key: 'growth', label: { zh: '学习与反思', en: 'Study and reflection' } },
  { key: 'care', label: { zh: '关爱学生', en: 'Care for students' } },
];

/** A form's score out of 100: the mean of the 1–5 ratings, times 20. Missing or out-of-range ratings are refused. */
export function scoreOfForm(scores: Record<string, number>): { score: number } | { missing: string[] } {
  const missing = CRITERIA.filter((c) => !Number.isInteger(scores[c.key]) || scores[c.key] < 1 || scores[c.key] > 5).map((c) => c.key);
  if (missing.length) return { missing };
  const mean = CRITERIA.reduce((n, c) => n + scores[c.key], 0) / CRITERIA.length;
  return { score: Math.round(mean * 20 * 100) / 100 };
}

export type Weights = Policy['training']['evaluationWeights'];

export interface WeightedResult {
  bySource: { source: EvaluationSource; count: number; average: number | null; weight: number; usedWeight: number }[];
  score: number | null;
}

/**
 * ST-9 (S1 评价 一.(二)): self, students, parents, peers and administrators combined with the
 * policy's weights. A source nobody answered drops out and the others' weights are rescaled,
 * so a missing parents' round does not count as zero.
 */
export function weightedScoreOf(forms: { source: EvaluationSource; score: number }[], weights: Weights): WeightedResult {
  const sources: EvaluationSource[] = ['self', 'peers', 'administrators', 'students', 'parents'];
  const rows = sources.map((source) => {
    const mine = forms.filter((f) => f.source === source);
    return {
      source,
      count: mine.length,
      average: mine.length ? Math.round((mine.reduce((n, f) => n + f.score, 0) / mine.length) * 100) / 100 : null,
      weight: weights[source],
    };
  });
  const present = rows.filter((r) => r.average !== null && r.weight > 0);
  const total = present.reduce((n, r) => n + r.weight, 0);
  const bySource = rows.map((r) => ({ ...r, usedWeight: r.average !== null && total > 0 ? Math.round((r.weight / total) * 1000) / 1000 : 0 }));
  const score = total > 0 ? Math.round((present.reduce((n, r) => n + (r.average ?? 0) * r.weight, 0) / total) * 100) / 100 : null;
  return { bySource, score };
}

const hex = (uuid: string) => uuid.replace(/-/g, '');
const uuidOf = (h: string) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
const sign = (secret: string, roundId: string, teacherId: string) =>
  createHmac('sha256', secret).update(`${roundId}|${teacherId}`).digest().subarray(0, 12).toString('base64url');

/** The anonymous link of one teacher in one round, for students and parents. */
export const evaluationLinkToken = (round: { id: string; linkSecret: string }, teacherId: string): string =>
  `${hex(round.id)}.${hex(teacherId)}.${sign(round.linkSecret, round.id, teacherId)}`;

export function parseEvaluationToken(token: string): { roundId: string; teacherId: string; signature: string } | null {
  const m = /^([0-9a-f]{32})\.([0-9a-f]{32})\.([A-Za-z0-9_-]{16})$/.exec(token.trim());
  return m ? { roundId: uuidOf(m[1]), teacherId: uuidOf(m[2]), signature: m[3] } : null;
}

export function isEvaluationTokenValid(parsed: { roundId: string; teacherId: string; signature: string }, secret: string): boolean {
  const expected = Buffer.from(sign(secret, parsed.roundId, parsed.teacherId));
  const given = Buffer.from(parsed.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

import type { Cycle, LinkView as ServerLinkView, SchoolSummary, TeacherLine } from '#district';
import type { Wire } from '#core/validation';
import { type Text, tx } from '../../ui/i18n';
import { orgTime } from '../../ui/time';

// The district's answers are the server's contract types (src/district/district.contract.ts).
export type { Cycle, SchoolSummary, TeacherLine };
export type LinkView = Wire<ServerLinkView>;

export const HOUR_BANDS = ['le36', 'h37to72', 'h73to108', 'ge109'] as const;
export type HourBand = (typeof HOUR_BANDS)[number];
export type Bands = Record<HourBand, number>;

export const BAND_LABELS: Record<HourBand, Text> = {
  le36: tx('≤36 学时', '≤ 36 h'),
  h37to72: tx('37–72 学时', '37–72 h'),
  h73to108: tx('73–108 学时', '73–108 h'),
  ge109: tx('≥109 学时', '≥ 109 h'),
};

export const STATE_LABELS: Record<string, Text> = {
  requested: tx('待学校确认', 'Awaiting the school'),
  accepted: tx('已关联', 'Linked'),
  declined: tx('学校已拒绝', 'Declined'),
  ended: tx('已结束', 'Ended'),
};
export const STATE_COLORS: Record<string, string> = { requested: 'gold', accepted: 'green', declined: 'red', ended: 'default' };

/** '2026-2027' for any day from September 2026 to August 2027, on the organisation's calendar. */
export function currentSchoolYear(date = new Date()): string {
  const day = orgTime(date);
  const y = day.year();
  return day.month() + 1 >= 9 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}
export const schoolYearOptions = (): string[] => {
  const first = Number(currentSchoolYear().slice(0, 4));
  return [0, 1, 2, 3, 4].map((i) => `${first - i}-${first - i + 1}`);
};

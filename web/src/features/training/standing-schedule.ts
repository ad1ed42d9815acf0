import type { Text } from '../../ui/i18n';

export interface StandingSlot {
  code: string;
  titleZh: string;
  titleEn: string;
  weekday: number;
  startTime: string;
  audience: 'all' | 'group' | 'eachGroup';
  groupName: string | null;
}

const WEEKDAY_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAY_EN = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Issue 13 item 13: the standing schedule in words, as the school's policy has it (not a fixed Mon/Wed/Thu/Fri). */
export function standingScheduleText(slots: StandingSlot[]): Text {
  const sorted = [...slots].sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime));
  if (sorted.length === 0) return { zh: '制度参数中没有常规学习安排', en: 'The policy has no standing schedule' };
  const zh = sorted
    .map(
      (s) => `每${WEEKDAY_ZH[s.weekday]} ${s.startTime} ${s.titleZh}${s.groupName ? `（${s.groupName}）` : s.audience === 'eachGroup' ? '（各教研组）' : ''}`,
    )
    .join('；');
  const en = sorted
    .map((s) => `${WEEKDAY_EN[s.weekday]} ${s.startTime} ${s.titleEn}${s.groupName ? ` (${s.groupName})` : s.audience === 'eachGroup' ? ' (each group)' : ''}`)
    .join('; ');
  return { zh, en };
}

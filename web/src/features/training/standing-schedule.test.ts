import { describe, expect, it } from 'vitest';
import { type StandingSlot, standingScheduleText } from './standing-schedule';

const slot = (over: Partial<StandingSlot>): StandingSlot => ({
  code: 'x',
  titleZh: '集体学习',
  titleEn: 'Staff study',
  weekday: 1,
  startTime: '16:00',
  audience: 'all',
  groupName: null,
  ...over,
});

// Issue 16 (component tests) for issue 13 item 13: the standing schedule is read from the policy.
describe('standing schedule in words (standing-schedule.ts)', () => {
  it('issue 16: lists the slots by weekday then time, in Chinese and English', () => {
    const text = standingScheduleText([
      slot({ weekday: 4, startTime: '15:30', titleZh: '教研活动', titleEn: 'Group study', audience: 'eachGroup' }),
      slot({ weekday: 1, startTime: '16:00' }),
      slot({ weekday: 1, startTime: '08:00', titleZh: '晨会', titleEn: 'Morning meeting', audience: 'group', groupName: '语文组' }),
    ]);
    expect(text.zh).toBe('每周一 08:00 晨会（语文组）；每周一 16:00 集体学习；每周四 15:30 教研活动（各教研组）');
    expect(text.en).toBe('Monday 08:00 Morning meeting (语文组); Monday 16:00 Staff study; Thursday 15:30 Group study (each group)');
  });

  it('issue 16: says so when the policy has no standing schedule', () => {
    expect(standingScheduleText([])).toEqual({ zh: '制度参数中没有常规学习安排', en: 'The policy has no standing schedule' });
  });
});

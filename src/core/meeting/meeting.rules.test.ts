import { describe, expect, it } from 'vitest';
import { canRecordStatusAt, formatLocal, leaveTooLate } from './meeting.rules';

const start = new Date('2026-03-28T01:00:00Z');

describe('meeting rules (CORE-7)', () => {
  it('PP-21 leave asked before the start is in time; at or after the start it is refused', () => {
    expect(leaveTooLate(new Date('2026-03-28T00:59:00Z'), start, 0)).toBeNull();
    expect(leaveTooLate(start, start, 0)?.zh).toMatch(/会议已经开始/);
    expect(leaveTooLate(new Date('2026-03-28T02:00:00Z'), start, 0)?.en).toMatch(/started/);
  });

  it('CORE-7 a policy cutoff refuses leave asked too close to the start', () => {
    expect(leaveTooLate(new Date('2026-03-28T00:30:00Z'), start, 60)?.zh).toBe('请假须在会前 60 分钟提出');
    expect(leaveTooLate(new Date('2026-03-27T23:59:00Z'), start, 60)).toBeNull();
  });

  it('CORE-7 presence and absence are recorded only once the meeting has started; excused any time', () => {
    expect(canRecordStatusAt('present', new Date('2026-03-28T00:00:00Z'), start)).toBe(false);
    expect(canRecordStatusAt('excused', new Date('2026-03-28T00:00:00Z'), start)).toBe(true);
    expect(canRecordStatusAt('absent', start, start)).toBe(true);
  });

  it('formats instants in the organisation’s local time', () => {
    expect(formatLocal(start, 480)).toBe('2026-03-28 09:00');
  });
});

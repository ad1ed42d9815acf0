import { describe, expect, it } from 'vitest';
import { isLate, nextDeadlineOf, orderTasks, task, withLateDeadlines } from './home.rules';

const tag = { zh: '待办', en: 'To do' };
const w = (s: string) => ({ zh: s, en: s });

describe('issue 15 item 3: the home list — late first, then by due date, one entry per link', () => {
  const now = new Date('2026-11-17T02:00:00Z');
  it('a date is due until its day ends; a time until that instant', () => {
    expect(isLate('2026-11-16', now, '2026-11-17')).toBe(true);
    expect(isLate('2026-11-17', now, '2026-11-17')).toBe(false);
    expect(isLate('2026-11-17T01:59:00Z', now, '2026-11-17')).toBe(true);
    expect(isLate('2026-11-17T02:01:00Z', now, '2026-11-17')).toBe(false);
    expect(isLate(null, now, '2026-11-17')).toBe(false);
  });
  it('orders late items first, then the earliest due, undated last, and drops a repeated link', () => {
    const list = orderTasks([
      task(tag, w('undated'), '/a'),
      task(tag, w('due later'), '/b', { due: '2026-11-30' }),
      task(tag, w('late'), '/c', { due: '2026-11-10', isLate: true }),
      task(tag, w('due soon'), '/d', { due: '2026-11-18' }),
      task(tag, w('due soon'), '/d', { due: '2026-11-18' }),
    ]);
    expect(list.map((x) => x.title.zh)).toEqual(['late', 'due soon', 'due later', 'undated']);
  });
  it('a missed deadline marks the task about the same record late instead of listing it twice', () => {
    const inbox = [task(tag, w('review order 7'), '/orders/7'), task(tag, w('approve plan'), '/plans/1', { due: '2026-11-20' })];
    const missed = [
      task(w('截止事项'), w('order 7 review due'), '/orders/7', { due: '2026-11-15T16:00:00Z', isLate: true }),
      task(w('截止事项'), w('report due'), '/reports/3', { due: '2026-11-16', isLate: true }),
    ];
    const list = withLateDeadlines(inbox, missed);
    expect(list.map((x) => [x.title.zh, x.isLate, x.due])).toEqual([
      ['review order 7', true, '2026-11-15T16:00:00Z'],
      ['approve plan', false, '2026-11-20'],
      ['report due', true, '2026-11-16'],
    ]);
  });
  it('the next deadline is the earliest one still ahead', () => {
    const d = (at: string, status = 'open') => ({ dueAt: new Date(at), status });
    expect(nextDeadlineOf([d('2026-11-16T00:00:00Z', 'overdue'), d('2026-11-25T00:00:00Z'), d('2026-11-20T00:00:00Z')], now)?.dueAt.toISOString()).toBe(
      '2026-11-20T00:00:00.000Z',
    );
    expect(nextDeadlineOf([], now)).toBeNull();
  });
});

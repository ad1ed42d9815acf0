import { describe, expect, it } from 'vitest';
import { coveredPartOfDay, deductCapacityLosses, lostCapacityHours } from './capacity-loss.rules';

const BEIJING = 480;
// 10:00 Beijing time on a day.
const at = (day: string, hour: number) => new Date(`${day}T${String(hour - 8).padStart(2, '0')}:00:00Z`);

describe('capacity lost while a machine stands still (PP-26, T4 第五十条)', () => {
  it('PP-26 a stop covers the part of each local day from its start to its end', () => {
    expect(coveredPartOfDay('2026-04-10', { startedAt: at('2026-04-10', 12), endedAt: null }, BEIJING)).toBe(0.5);
    expect(coveredPartOfDay('2026-04-11', { startedAt: at('2026-04-10', 12), endedAt: null }, BEIJING)).toBe(1);
    expect(coveredPartOfDay('2026-04-09', { startedAt: at('2026-04-10', 12), endedAt: null }, BEIJING)).toBe(0);
    expect(coveredPartOfDay('2026-04-10', { startedAt: at('2026-04-10', 12), endedAt: at('2026-04-10', 18) }, BEIJING)).toBe(0.25);
  });

  it('PP-26 an open stop takes the machine’s share of every later working day; a rest day loses nothing', () => {
    const days = ['2026-04-10', '2026-04-11', '2026-04-12'];
    const hours = [32, 32, 0];
    // A filler carrying half of the filling workshop stops at noon.
    expect(lostCapacityHours(days, hours, [{ share: 0.5, startedAt: at('2026-04-10', 12), endedAt: null }], BEIJING)).toEqual([8, 16, 0]);
    expect(deductCapacityLosses(days, hours, [{ share: 0.5, startedAt: at('2026-04-10', 12), endedAt: null }], BEIJING)).toEqual([24, 16, 0]);
  });

  it('PP-26 after the repair the calendar is whole again from the moment the machine runs', () => {
    const days = ['2026-04-10', '2026-04-11'];
    const repaired = [{ share: 0.5, startedAt: at('2026-04-10', 12), endedAt: at('2026-04-10', 18) }];
    expect(deductCapacityLosses(days, [32, 32], repaired, BEIJING)).toEqual([28, 32]);
    expect(deductCapacityLosses(days, [32, 32], [], BEIJING)).toEqual([32, 32]);
  });

  it('PP-26 several stopped machines never take more than the whole day', () => {
    const stops = [0.6, 0.7].map((share) => ({ share, startedAt: at('2026-04-01', 8), endedAt: null }));
    expect(deductCapacityLosses(['2026-04-02'], [16], stops, BEIJING)).toEqual([0]);
  });
});

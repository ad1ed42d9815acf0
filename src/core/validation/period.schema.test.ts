import { describe, expect, it } from 'vitest';
import { MonthSchema } from './period.schema';

describe('MonthSchema (issue 16 item 2: one month rule instead of nine copies)', () => {
  it('takes YYYY-MM with a month from 01 to 12', () => {
    for (const m of ['2026-01', '2026-12', '1999-09']) expect(MonthSchema.safeParse(m).success).toBe(true);
  });

  it('refuses month 00 and 13, a missing zero, a day, and text around it, saying YYYY-MM', () => {
    for (const m of ['2026-00', '2026-13', '2026-1', '2026-01-05', ' 2026-01', '26-01', '2026/01', '']) {
      const r = MonthSchema.safeParse(m);
      expect(r.success, m).toBe(false);
      expect(r.error?.issues[0].message).toBe('YYYY-MM');
    }
    expect(MonthSchema.safeParse(202601).success).toBe(false);
  });
});

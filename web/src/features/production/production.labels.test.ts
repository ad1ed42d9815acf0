import { describe, expect, it } from 'vitest';
import { bucketTitle, CAPACITY_LABELS, fmt, pct, STATE_LABELS } from './production.labels';

// Issue 16: the production pages' number and column formatting.
describe('production labels and formatting (production.labels.ts)', () => {
  it('issue 16: fmt rounds to the digits asked and groups thousands; empty for no value', () => {
    expect(fmt(1234567.891)).toBe('1,234,567.89');
    expect(fmt(2.005, 0)).toBe('2');
    expect(fmt(0.1 + 0.2)).toBe('0.3');
    expect(fmt(0)).toBe('0');
    expect(fmt(null)).toBe('');
    expect(fmt(undefined)).toBe('');
  });

  it('issue 16: pct shows a utilisation as a whole percentage, ∞ when there is no capacity', () => {
    expect(pct(0.856)).toBe('86%');
    expect(pct(1.2)).toBe('120%');
    expect(pct(0)).toBe('0%');
    expect(pct(null)).toBe('∞');
  });

  it('issue 16: bucketTitle heads a day column 4/1 and a month column 4月, without leading zeros', () => {
    expect(bucketTitle('2026-04-01', 'day')).toBe('4/1');
    expect(bucketTitle('2026-11-30', 'day')).toBe('11/30');
    expect(bucketTitle('2026-04-01', 'month')).toBe('4月');
  });

  it('issue 16: every plan state and capacity verdict has a Chinese label first and an English one', () => {
    for (const label of Object.values(STATE_LABELS)) {
      expect(label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(label.en).toMatch(/^[A-Z]/);
    }
    expect(CAPACITY_LABELS.over.text.zh).toBe('超出产能');
    expect(CAPACITY_LABELS.over.color).toBe('red');
  });
});

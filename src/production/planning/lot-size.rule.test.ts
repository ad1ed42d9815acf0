import { describe, expect, it } from 'vitest';
import { countLots, isRealNeed, LOT_RULE_FIXED, LOT_RULE_LFL, LOT_RULE_MULTIPLE, sizeLot } from './lot-size.rule.js';

describe('lot sizing', () => {
  it('PP-15 lot-for-lot orders exactly the net need', () => {
    expect(sizeLot(37.5, LOT_RULE_LFL, 0, 0)).toBe(37.5);
  });

  it('PP-15 fixed orders whole multiples of the lot', () => {
    expect(sizeLot(1, LOT_RULE_FIXED, 50, 0)).toBe(50);
    expect(sizeLot(50, LOT_RULE_FIXED, 50, 0)).toBe(50);
    expect(sizeLot(51, LOT_RULE_FIXED, 50, 0)).toBe(100);
  });

  it('PP-15 multiple lifts the need to the minimum, then rounds up to the multiple', () => {
    expect(sizeLot(60, LOT_RULE_MULTIPLE, 1, 100)).toBe(100);
    expect(sizeLot(60, LOT_RULE_MULTIPLE, 30, 100)).toBe(120);
    expect(sizeLot(130, LOT_RULE_MULTIPLE, 25, 100)).toBe(150);
  });

  it('PP-15 treats 2.0000000001 lots as 2 (epsilon), but 2.00001 as 3', () => {
    expect(countLots(200.00000001, 100)).toBe(2);
    expect(countLots(200.001, 100)).toBe(3);
    expect(countLots((0.1 + 0.2) * 10, 3)).toBe(1);
  });

  it('PP-15 orders at least one lot for a real need far below the lot size', () => {
    expect(countLots(1e-6, 1e4)).toBe(1);
  });

  it('PP-15 ignores floating-point noise as a need, relative to the quantities involved', () => {
    expect(isRealNeed(0.1 + 0.2 - 0.3, 0.3, 0)).toBe(false);
    // Relative: a need of 0.01 on a gross of a million is real, 0.0001 is below 1e-9 of it.
    expect(isRealNeed(0.01, 1e6, 0)).toBe(true);
    expect(isRealNeed(1e-4, 1e6, 0)).toBe(false);
    expect(isRealNeed(0.001, 0, 0)).toBe(true);
  });
});

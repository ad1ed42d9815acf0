import { describe, expect, it } from 'vitest';
import { PlanningInputError, parseMrpInput, runMrp } from './index.js';

function errorOf(raw: unknown): PlanningInputError {
  try {
    parseMrpInput(raw);
  } catch (error) {
    if (error instanceof PlanningInputError) return error;
    throw error;
  }
  throw new Error('expected a PlanningInputError');
}

const base = {
  periods: 52,
  items: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
  bom: [
    { parent: 'A', child: 'B', qty: 1 },
    { parent: 'B', child: 'C', qty: 1 },
  ],
};

describe('MRP input validation', () => {
  it('PP-14 names an unknown BOM item with its row', () => {
    const e = errorOf({ ...base, bom: [...base.bom, { parent: 'A', child: 'Z', qty: 1 }] });
    expect(e.describe()).toBe('bom[2].child: unknown item "Z"');
    expect(e.message).toBe('未知物料 "Z"');
  });

  it('PP-14 names the items of a BOM cycle', () => {
    const e = errorOf({ ...base, bom: [...base.bom, { parent: 'C', child: 'A', qty: 1 }] });
    expect(e.describe()).toBe('bom: cycle A → B → C → A');
  });

  it('PP-14 reports an item that is its own component as a cycle', () => {
    const e = errorOf({ ...base, bom: [{ parent: 'B', child: 'B', qty: 1 }] });
    expect(e.describe()).toBe('bom: cycle B → B');
  });

  it('PP-14 rejects a negative quantity, naming the field', () => {
    const e = errorOf({ ...base, demand: [{ item: 'A', period: 0, qty: -5 }] });
    expect(e.describe()).toBe('demand[0].qty: must be ≥ 0');
    expect(e.message).toBe('必须 ≥ 0');
  });

  it('PP-14 rejects a lead time beyond the horizon', () => {
    const items = [{ id: 'A' }, { id: 'B' }, { id: 'C', leadTime: 60 }];
    expect(errorOf({ ...base, items }).describe()).toBe('items[2].leadTime: 60 is beyond the horizon of 52 periods');
  });

  it('PP-14 rejects a demand period outside the horizon and an unknown demand item', () => {
    expect(errorOf({ ...base, demand: [{ item: 'A', period: 52, qty: 1 }] }).field).toBe('demand[0].period');
    expect(errorOf({ ...base, scheduledReceipts: [{ item: 'Q', period: 1, qty: 1 }] }).describe()).toBe('scheduledReceipts[0].item: unknown item "Q"');
  });

  it('PP-15 rejects an unknown lot rule and a lot without a quantity', () => {
    const bad = (lotSizing: unknown) => errorOf({ ...base, items: [{ id: 'A', lotSizing }] });
    expect(bad({ rule: 'eoq' }).field).toBe('items[0].lotSizing.rule');
    expect(bad({ rule: 'fixed' }).describe()).toBe('items[0].lotSizing.qty: is required');
    expect(bad({ rule: 'fixed', qty: 0 }).describe()).toBe('items[0].lotSizing.qty: must be > 0');
  });

  it('PP-14 rejects misspelt fields instead of planning with a default', () => {
    expect(errorOf({ ...base, items: [{ id: 'A', saftyStock: 5 }] }).describe()).toBe('items[0]: unknown field "saftyStock"');
  });

  it('PP-14 rejects duplicate item ids and a fractional period', () => {
    expect(errorOf({ ...base, items: [{ id: 'A' }, { id: 'A' }] }).describe()).toBe('items[1].id: duplicate item "A"');
    expect(errorOf({ ...base, demand: [{ item: 'A', period: 1.5, qty: 1 }] }).describe()).toBe('demand[0].period: must be a whole number');
  });

  it('PP-14 lists every issue for row-level display', () => {
    const e = errorOf({ periods: 0, items: [{ id: '' }] });
    expect(e.issues.map((i) => i.field)).toEqual(['periods', 'items[0].id']);
  });

  it('PP-14 checks typed input that skipped the parser too', () => {
    expect(() => runMrp({ periods: 3, items: [{ id: 'A', onHand: -1 }] })).toThrowError(PlanningInputError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneMrpResult, indexMrpInput, type MrpEdit, type MrpPlant, recomputeMrpNetChange, runMrp, runMrpIndexed } from './index.js';
import { arbitraryMrpInput } from './mrp.arbitrary.js';
import { runMrpReference } from './mrp.reference.js';

function clonePlant(plant: MrpPlant): MrpPlant {
  return {
    ...plant,
    onHand: plant.onHand.slice(),
    demand: plant.demand.slice(),
    scheduledReceipts: plant.scheduledReceipts.slice(),
  };
}

function applyToPlant(plant: MrpPlant, edit: MrpEdit): void {
  const i = edit.item as number;
  if (edit.kind === 'onHand') plant.onHand[i] = edit.qty;
  else if (edit.kind === 'demand') plant.demand[i * plant.periods + edit.period] = edit.qty;
  else plant.scheduledReceipts[i * plant.periods + edit.period] = edit.qty;
}

const editFor = (n: number, periods: number): fc.Arbitrary<MrpEdit> => {
  const item = fc.integer({ min: 0, max: n - 1 });
  const period = fc.integer({ min: 0, max: periods - 1 });
  const qty = fc.oneof(fc.constantFrom(0, 0.1, 1 / 3), fc.integer({ min: 0, max: 300 }));
  return fc.oneof(
    fc.record({ kind: fc.constant('demand' as const), item, period, qty }),
    fc.record({ kind: fc.constant('scheduledReceipt' as const), item, period, qty }),
    fc.record({ kind: fc.constant('onHand' as const), item, qty }),
  );
};

describe('MRP kernel against the reference implementation', () => {
  it('PP-14 PP-15 agrees exactly with the simple reference on random BOMs', () => {
    fc.assert(
      fc.property(arbitraryMrpInput(), (input) => {
        expect(runMrp(input)).toEqual(runMrpReference(input));
      }),
      { numRuns: 400 },
    );
  });

  it('PP-14 agrees exactly on a larger random plant (300 items, 52 periods)', () => {
    const [input] = fc.sample(
      arbitraryMrpInput(300, 52).filter((x) => x.periods > 40),
      { numRuns: 1, seed: 7 },
    );
    expect(runMrp(input)).toEqual(runMrpReference(input));
  });

  it('PP-14 keeps every projected on hand at or above safety stock once an order is possible', () => {
    fc.assert(
      fc.property(arbitraryMrpInput(), (input) => {
        const out = runMrp(input);
        for (const item of input.items) {
          const poh = out.items[item.id].projectedOnHand;
          const floor = (item.safetyStock ?? 0) - 1e-6 * (1 + Math.max(0, ...out.items[item.id].gross));
          for (const value of poh) expect(value).toBeGreaterThanOrEqual(floor);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('MRP net change', () => {
  it('PP-14 net-change recompute after edits equals a full run, bit for bit', () => {
    const scenario = arbitraryMrpInput(15, 12).chain((input) =>
      fc.record({
        input: fc.constant(input),
        batches: fc.array(fc.array(editFor(input.items.length, input.periods), { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ input, batches }) => {
        const plant = indexMrpInput(input);
        const result = runMrpIndexed(plant);
        const expected = clonePlant(plant);
        for (const edits of batches) {
          recomputeMrpNetChange(plant, result, edits);
          for (const edit of edits) applyToPlant(expected, edit);
          expect(cloneMrpResult(result)).toEqual(runMrpIndexed(expected));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('PP-14 net change recomputes only the edited item and the descendants it reaches', () => {
    const plant = indexMrpInput({
      periods: 6,
      items: [{ id: 'A' }, { id: 'B' }, { id: 'X' }, { id: 'Y' }, { id: 'S', lotSizing: { rule: 'fixed', qty: 1000 } }],
      bom: [
        { parent: 'A', child: 'B', qty: 1 },
        { parent: 'X', child: 'Y', qty: 1 },
        { parent: 'B', child: 'S', qty: 1 },
        { parent: 'Y', child: 'S', qty: 1 },
      ],
      demand: [{ item: 'A', period: 2, qty: 10 }],
    });
    const result = runMrpIndexed(plant);
    const report = recomputeMrpNetChange(plant, result, [{ kind: 'demand', item: 'A', period: 3, qty: 5 }]);
    // A, B and S are recomputed; X and Y are untouched. S's fixed lot of 1000
    // absorbs the change, so its releases (and anything below S) stay as they were.
    expect(report).toEqual({ recomputedItems: 3, changedReleaseItems: 2 });
  });

  it('PP-14 rejects an edit naming an unknown item', () => {
    const plant = indexMrpInput({ periods: 2, items: [{ id: 'A' }] });
    const result = runMrpIndexed(plant);
    expect(() => recomputeMrpNetChange(plant, result, [{ kind: 'demand', item: 'Q', period: 0, qty: 1 }])).toThrow(
      expect.objectContaining({ field: 'edits[0].item', messageEn: 'unknown item "Q"' }),
    );
  });
});

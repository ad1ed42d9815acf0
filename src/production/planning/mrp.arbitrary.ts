import fc from 'fast-check';
import type { MrpInput } from './mrp.schema.js';

// Random but valid MRP inputs for the property tests: a random DAG (edges go
// from earlier to later in a random topological order, so input order is not
// BOM order), duplicate BOM lines, shared components, fractional quantities
// that exercise the floating-point tolerances, and every lot rule.

const usageQty = fc.constantFrom(1, 2, 3, 0.5, 0.1, 0.3, 1 / 3, 2.5, 7);
const scrap = fc.constantFrom(0, 0, 0, 0.05, 0.1, 0.25, 1 / 3);
const quantity = fc.oneof(
  fc.constantFrom(0, 0.1, 0.2, 0.3, 0.7, 1 / 3),
  fc.integer({ min: 0, max: 120 }),
  fc.double({ min: 0, max: 500, noNaN: true, noDefaultInfinity: true }),
);
const lotSizing = fc.oneof(
  fc.constant({ rule: 'lfl' as const }),
  fc.record({ rule: fc.constant('fixed' as const), qty: fc.constantFrom(1, 0.1, 7, 25, 100) }),
  fc.record(
    {
      rule: fc.constant('multiple' as const),
      qty: fc.constantFrom(1, 0.5, 10, 0.1),
      min: fc.constantFrom(0, 3, 50, 100),
    },
    { requiredKeys: ['rule', 'qty'] },
  ),
);

export function arbitraryMrpInput(maxItems = 12, maxPeriods = 10): fc.Arbitrary<MrpInput> {
  return fc
    .record({ periods: fc.integer({ min: 1, max: maxPeriods }), n: fc.integer({ min: 1, max: maxItems }) })
    .chain(({ periods, n }) => {
      const item = fc.integer({ min: 0, max: n - 1 });
      const period = fc.integer({ min: 0, max: periods - 1 });
      const row = fc.record({ item, period, qty: quantity });
      return fc.record({
        periods: fc.constant(periods),
        rank: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        items: fc.array(
          fc.record({
            onHand: quantity,
            safetyStock: fc.oneof(fc.constant(0), quantity),
            leadTime: fc.integer({ min: 0, max: Math.min(periods - 1, 3) }),
            lotSizing,
          }),
          { minLength: n, maxLength: n },
        ),
        edges: fc.array(fc.record({ a: item, b: item, qty: usageQty, scrap }), { maxLength: 3 * n }),
        demand: fc.array(row, { maxLength: 15 }),
        receipts: fc.array(row, { maxLength: 6 }),
      });
    })
    .map(({ periods, rank, items, edges, demand, receipts }) => {
      const id = (i: number) => `I${i}`;
      const position = new Map(rank.map((item, k) => [item, k]));
      const bom = edges
        .filter((e) => e.a !== e.b)
        .map((e) => {
          const [parent, child] = (position.get(e.a) ?? 0) < (position.get(e.b) ?? 0) ? [e.a, e.b] : [e.b, e.a];
          return { parent: id(parent), child: id(child), qty: e.qty, scrap: e.scrap };
        });
      const toRow = (r: { item: number; period: number; qty: number }) => ({ ...r, item: id(r.item) });
      return {
        periods,
        items: items.map((it, i) => ({ id: id(i), ...it })),
        bom,
        demand: demand.map(toRow),
        scheduledReceipts: receipts.map(toRow),
      };
    });
}

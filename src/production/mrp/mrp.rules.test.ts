import { describe, expect, it } from 'vitest';
import { buildMrpRun, type MrpItemFacts, materialRows, runMrpOf, summariseMaterials, withoutBoughtLeaves } from './mrp.rules';

const item = (id: string, source: MrpItemFacts['source'], leadTimeDays: number, onHand = 0, extra: Partial<MrpItemFacts> = {}): MrpItemFacts => ({
  id,
  source,
  leadTimeDays,
  lotRule: 'lfl',
  lotQty: null,
  lotMin: null,
  onHand,
  safetyStock: 0,
  ...extra,
});

// A case of liquor: 3 L of base liquor (made, yield 96%), 6 bottles (bought), 1 gift box (outsourced).
const items = [
  item('case', 'make', 0, 500),
  item('base', 'make', 2, 1000),
  item('bottle', 'buy', 10, 600, { lotRule: 'multiple', lotQty: 1000 }),
  item('box', 'outsource', 15),
  item('sorghum', 'buy', 7, 0),
  item('unused', 'buy', 3, 0),
];
const bom = [
  { parentItemId: 'case', childItemId: 'base', qtyPer: 2.88, scrapRate: 0, yieldRate: 0.96 },
  { parentItemId: 'case', childItemId: 'bottle', qtyPer: 6, scrapRate: 0, yieldRate: 1 },
  { parentItemId: 'case', childItemId: 'box', qtyPer: 1, scrapRate: 0, yieldRate: 1 },
  { parentItemId: 'base', childItemId: 'sorghum', qtyPer: 2, scrapRate: 0.05, yieldRate: 1 },
];
const days = ['2026-04-01', '2026-04-02', '2026-04-03'];

describe('plan decomposition by MRP (T4 第二十二条)', () => {
  it('PP-8 PP-14 explodes the schedule, nets components against stock and splits make, buy and outsource', () => {
    const run = buildMrpRun({ bucket: 'day', bucketStarts: days, lines: [{ itemId: 'case', quantities: [0, 400, 0] }] }, items, bom)!;
    expect(run.input.items.map((i) => i.id)).not.toContain('unused');
    // The scheduled product is not netted again against its own stock.
    expect(run.input.items.find((i) => i.id === 'case')).toMatchObject({ onHand: 0, leadTime: 0 });
    const rows = materialRows(run, runMrpOf(run), items, new Set(['case']), 'day', '2026-03-20');
    const byItem = (id: string) => rows.filter((r) => r.itemId === id);
    // Base liquor: 400 × 3 = 1200 L gross, 1000 on hand → 200 L to make, released 2 days ahead.
    expect(byItem('base')).toEqual([{ itemId: 'base', kind: 'make', needOn: '2026-04-02', releaseOn: '2026-03-31', gross: 1200, qty: 200, isPastDue: false }]);
    // Bottles: 2400 gross, 600 on hand, 1800 net, in multiples of 1000 → 2000.
    expect(byItem('bottle')[0]).toMatchObject({ kind: 'buy', qty: 2000, releaseOn: '2026-03-23' });
    expect(byItem('box')[0]).toMatchObject({ kind: 'outsource', qty: 400, releaseOn: '2026-03-18', isPastDue: true });
    // Sorghum for the base liquor, with 5% scrap, needed when the base liquor is released.
    expect(byItem('sorghum')[0]).toMatchObject({ needOn: '2026-03-31', qty: 420 });
    const summary = summariseMaterials(rows);
    expect(summary).toMatchObject({ make: 1, buy: 2, outsource: 1 });
    expect(summary.shortages).toEqual([{ itemId: 'box', qty: 400, needOn: '2026-04-02', releaseOn: '2026-03-18' }]);
  });

  it('PP-14 an empty schedule needs no materials', () => {
    expect(buildMrpRun({ bucket: 'day', bucketStarts: days, lines: [{ itemId: 'case', quantities: [0, 0, 0] }] }, items, bom)).toBeNull();
  });

  it('PP-6 month buckets convert lead times to whole months', () => {
    const run = buildMrpRun({ bucket: 'month', bucketStarts: ['2026-01-01', '2026-02-01'], lines: [{ itemId: 'case', quantities: [0, 100] }] }, items, bom)!;
    expect(run.lead).toBe(1);
    const rows = materialRows(run, runMrpOf(run), items, new Set(['case']), 'month', '2025-12-01');
    expect(rows.find((r) => r.itemId === 'box')).toMatchObject({ needOn: '2026-02-01', releaseOn: '2026-01-01', isPastDue: false });
  });

  it('PP-9 a capacity check nets only what is made: bought leaves left out, the make rows unchanged', () => {
    // An outsourced box with a component the plant makes stays in: the made part depends on it.
    const withKit = [...items, item('insert', 'make', 1, 0), item('card', 'buy', 2, 0)];
    const kitBom = [
      ...bom,
      { parentItemId: 'box', childItemId: 'insert', qtyPer: 1, scrapRate: 0, yieldRate: 1 },
      { parentItemId: 'insert', childItemId: 'card', qtyPer: 2, scrapRate: 0, yieldRate: 1 },
    ];
    const schedule = { bucket: 'day' as const, bucketStarts: days, lines: [{ itemId: 'case', quantities: [0, 400, 300] }] };
    const makeRows = (its: MrpItemFacts[], b: typeof kitBom) => {
      const run = buildMrpRun(schedule, its, b)!;
      return materialRows(run, runMrpOf(run), its, new Set(['case']), 'day', '2026-03-20').filter((r) => r.kind === 'make');
    };
    const lean = withoutBoughtLeaves(withKit, kitBom, new Set(['case']));
    // A bought product on the schedule itself (traded goods) is kept.
    expect(withoutBoughtLeaves(withKit, kitBom, new Set(['card'])).items.map((i) => i.id)).toContain('card');
    expect(lean.items.map((i) => i.id).sort()).toEqual(['base', 'box', 'case', 'insert']);
    expect(lean.bom.map((b) => `${b.parentItemId}>${b.childItemId}`).sort()).toEqual(['box>insert', 'case>base', 'case>box']);
    const full = makeRows(withKit, kitBom);
    expect(full.map((r) => r.itemId)).toContain('insert');
    expect(makeRows(lean.items, lean.bom)).toEqual(full);
  });
});

import { describe, expect, it } from 'vitest';
import { groupByPeriod, isoWeekOf, type MrpMaterialRow, materialMatches, netMaterials, pageOf, summarizeMaterialPlan } from './material-plan.rules';

const row = (needOn: string, gross: number, qty: number, extra: Partial<MrpMaterialRow> = {}): MrpMaterialRow => ({
  itemId: 'P1',
  kind: 'buy',
  needOn,
  releaseOn: needOn.replace(/-(\d\d)$/, (_, d) => `-${String(Number(d) - 5).padStart(2, '0')}`),
  gross,
  qty,
  isPastDue: false,
  ...extra,
});

describe('the plan’s material tab (PP-14, issue 14 item 10)', () => {
  it('PP-14 daily MRP rows become one order per material and week, due on the first day that needs it', () => {
    const rows = [row('2026-04-06', 300, 0), row('2026-04-07', 300, 200), row('2026-04-08', 300, 300, { isPastDue: true }), row('2026-04-14', 100, 100)];
    expect(groupByPeriod(rows, 'week')).toEqual([
      {
        itemId: 'P1',
        kind: 'buy',
        periodStart: '2026-04-06',
        periodEnd: '2026-04-12',
        isoWeek: '2026-W15',
        needOn: '2026-04-07',
        releaseOn: '2026-04-02',
        gross: 900,
        qty: 500,
        isPastDue: true,
      },
      {
        itemId: 'P1',
        kind: 'buy',
        periodStart: '2026-04-13',
        periodEnd: '2026-04-19',
        isoWeek: '2026-W16',
        needOn: '2026-04-14',
        releaseOn: '2026-04-09',
        gross: 100,
        qty: 100,
        isPastDue: false,
      },
    ]);
    expect(groupByPeriod(rows, 'day')).toHaveLength(4);
  });

  it('PP-14 per material: gross over the plan, on hand, safety, net and the planned orders', () => {
    const rows = [row('2026-04-06', 300, 0), row('2026-04-07', 300, 200), row('2026-04-08', 300, 300)];
    expect(netMaterials(rows, new Map([['P1', { onHand: 400, safety: 100 }]]))).toEqual([
      { itemId: 'P1', kind: 'buy', gross: 900, onHand: 400, safety: 100, net: 600, planned: 500, firstNeedOn: '2026-04-06', isPastDue: false },
    ]);
  });

  it('issue 14 item 10: weeks are ISO weeks, Monday to Sunday; the year’s edges belong to the week of their Thursday', () => {
    expect(isoWeekOf('2026-04-06')).toBe('2026-W15');
    expect(isoWeekOf('2026-04-12')).toBe('2026-W15');
    expect(isoWeekOf('2026-04-13')).toBe('2026-W16');
    expect(isoWeekOf('2026-12-31')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
  });

  it('issue 14 item 10: fifteen daily 300-bottle lines become one planned order a week; the netting of the month sits beside them', () => {
    // The winery: 300 bottles every working day (Mon–Fri) for three weeks from 2026-04-06, 1,500 on hand, 500 safety.
    const days = Array.from({ length: 21 }, (_, i) => new Date(Date.UTC(2026, 3, 6 + i)).toISOString().slice(0, 10)).filter(
      (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
    );
    expect(days).toHaveLength(15);
    // MRP covers the first 1,000 bottles above the safety stock from stock, then orders each day's need.
    let free = 1000;
    const rows = days.map((d) => {
      const fromStock = Math.min(free, 300);
      free -= fromStock;
      return row(d, 300, 300 - fromStock, { releaseOn: d });
    });
    const s = summarizeMaterialPlan(rows, new Map([['P1', { onHand: 1500, safety: 500 }]]), 'week');
    expect(s.materials).toEqual([
      { itemId: 'P1', kind: 'buy', gross: 4500, onHand: 1500, safety: 500, net: 3500, planned: 3500, firstNeedOn: '2026-04-06', isPastDue: false },
    ]);
    expect(s.orders.map((o) => [o.isoWeek, o.periodStart, o.periodEnd, o.needOn, o.gross, o.qty])).toEqual([
      ['2026-W15', '2026-04-06', '2026-04-12', '2026-04-09', 1500, 500],
      ['2026-W16', '2026-04-13', '2026-04-19', '2026-04-13', 1500, 1500],
      ['2026-W17', '2026-04-20', '2026-04-26', '2026-04-20', 1500, 1500],
    ]);
    expect(summarizeMaterialPlan(rows, new Map(), 'day').orders).toHaveLength(12);
    expect(summarizeMaterialPlan(rows, new Map(), 'month').orders.map((o) => [o.periodStart, o.periodEnd, o.isoWeek, o.qty])).toEqual([
      ['2026-04-01', '2026-04-30', null, 3500],
    ]);
  });

  it('issue 11 PP-14: the material tab asks for one kind and a text in the code, name or specification, whatever the case', () => {
    const cork = { kind: 'buy', code: 'C-100', name: '天然软木塞', spec: 'Ø24×45' };
    const blend = { kind: 'make', code: 'S-200', name: '调配酒', spec: '' };
    expect(materialMatches(cork, {})).toBe(true);
    expect(materialMatches(cork, { kind: 'buy' })).toBe(true);
    expect(materialMatches(cork, { kind: 'make' })).toBe(false);
    expect(materialMatches(cork, { q: 'c-1' })).toBe(true);
    expect(materialMatches(cork, { q: ' 软木 ' })).toBe(true);
    expect(materialMatches(cork, { q: 'ø24' })).toBe(true);
    expect(materialMatches(blend, { q: '软木' })).toBe(false);
    expect(materialMatches(blend, { kind: 'make', q: '   ' })).toBe(true);
    expect(materialMatches(cork, { kind: 'buy', q: '调配' })).toBe(false);
  });

  it('issue 11: a page is limit rows from its offset; without a limit, every row from the offset', () => {
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(rows, 0, 50)).toEqual(rows.slice(0, 50));
    expect(pageOf(rows, 100, 50)).toEqual(rows.slice(100));
    expect(pageOf(rows, 200, 50)).toEqual([]);
    expect(pageOf(rows)).toEqual(rows);
    expect(pageOf(rows, 0)).not.toBe(rows);
  });
});

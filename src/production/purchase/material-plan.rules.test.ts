import { describe, expect, it } from 'vitest';
import { groupByPeriod, type MrpMaterialRow, netMaterials } from './material-plan.rules';

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
      { itemId: 'P1', kind: 'buy', periodStart: '2026-04-06', needOn: '2026-04-07', releaseOn: '2026-04-02', gross: 900, qty: 500, isPastDue: true },
      { itemId: 'P1', kind: 'buy', periodStart: '2026-04-13', needOn: '2026-04-14', releaseOn: '2026-04-09', gross: 100, qty: 100, isPastDue: false },
    ]);
    expect(groupByPeriod(rows, 'day')).toHaveLength(4);
  });

  it('PP-14 per material: gross over the plan, on hand, safety, net and the planned orders', () => {
    const rows = [row('2026-04-06', 300, 0), row('2026-04-07', 300, 200), row('2026-04-08', 300, 300)];
    expect(netMaterials(rows, new Map([['P1', { onHand: 400, safety: 100 }]]))).toEqual([
      { itemId: 'P1', kind: 'buy', gross: 900, onHand: 400, safety: 100, net: 600, planned: 500, firstNeedOn: '2026-04-06', isPastDue: false },
    ]);
  });
});

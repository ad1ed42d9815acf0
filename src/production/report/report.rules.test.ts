import { describe, expect, it } from 'vitest';
import { completedSeries, isLagging, type LineSeries, monthFigures, progressOf } from './completion.rules';
import { finalWorkshops, isFinalOperation, mergeWorkshopPlan, spreadToWorkshops } from './plan-series.rules';
import { checkReport, diffReportLines, receiptChanged, receiptLines } from './report.rules';
import { checkScheduleLines, deriveScheduleLines } from './schedule.rules';

const line = (over: Partial<LineSeries>): LineSeries => ({ workshopId: 'w', itemId: 'i', plan: [], output: [], received: [], isFinalOperation: true, ...over });

describe('completion against plan (PP-18, PP-22)', () => {
  it('PP-22 by 进仓 the last operation counts its receipts; by reported output it counts the output', () => {
    const l = line({ plan: [100, 100], output: [100, 90], received: [80, 70] });
    expect(completedSeries(l, 'warehouse_receipt')).toEqual([80, 70]);
    expect(completedSeries(l, 'reported_output')).toEqual([100, 90]);
  });

  it('PP-22 an earlier operation hands over to the next workshop: its output is its completion either way', () => {
    const l = line({ output: [100], received: [0], isFinalOperation: false });
    expect(completedSeries(l, 'warehouse_receipt')).toEqual([100]);
  });

  it('PP-18 the lag to date is in quantity and in days of the period’s planned output', () => {
    // 6 working days of 100 over 7 days; 3 days in, 180 done of 300.
    const p = progressOf([100, 100, 100, 100, 100, 100, 0], [60, 60, 60, 0, 0, 0, 0], 2);
    expect(p).toMatchObject({ planToDate: 300, doneToDate: 180, lagQty: 120, lagShare: 0.4, lagDays: 1.2, periodPlan: 600 });
    expect(isLagging(p, 0.1)).toBe(true);
    expect(isLagging(p, 0.4)).toBe(false);
    expect(progressOf([100, 100], [150, 100], 1)).toMatchObject({ lagQty: 0, lagShare: 0 });
  });

  it('PP-18 nothing planned yet is never a lag', () => {
    const p = progressOf([0, 0, 100], [0, 0, 0], 1);
    expect(p.planToDate).toBe(0);
    expect(isLagging(p, 0)).toBe(false);
  });

  it('PP-18 PP-29 month-end figures: plan against 进仓, the variance and whether it is large', () => {
    const l = line({ plan: [500, 500], output: [500, 480], received: [450, 470] });
    expect(monthFigures(l, 'warehouse_receipt', 0.05)).toEqual({
      plan: 1000,
      output: 980,
      received: 920,
      completed: 920,
      variance: -80,
      rate: 0.92,
      isLarge: true,
    });
    expect(monthFigures(l, 'reported_output', 0.05)).toMatchObject({ completed: 980, variance: -20, isLarge: false });
  });
});

describe('each workshop’s plan per day (PP-18)', () => {
  const ops = [
    { itemId: 'wine', workshopId: 'fill', seq: 10, offsetDays: -1 },
    { itemId: 'wine', workshopId: 'pack', seq: 20, offsetDays: 0 },
    { itemId: 'base', workshopId: 'brew', seq: 10, offsetDays: 0 },
  ];

  it('PP-18 the product leaves into the warehouse from its last operation', () => {
    const finals = finalWorkshops(ops);
    expect(finals.get('wine')).toBe('pack');
    expect(isFinalOperation(finals, 'fill', 'wine')).toBe(false);
    expect(isFinalOperation(finals, 'pack', 'wine')).toBe(true);
    expect(isFinalOperation(finals, 'fill', 'unrouted')).toBe(true);
  });

  it('PP-18 the monthly plan’s day reaches each workshop along the routing, on its working days', () => {
    const hours = new Map([
      ['fill', [8, 8, 0, 8]],
      ['pack', [8, 8, 8, 8]],
    ]);
    const plan = spreadToWorkshops(new Map([['wine', [0, 100, 0, 200]]]), ops, hours, 4);
    expect(plan.get('pack')?.get('wine')).toEqual([0, 100, 0, 200]);
    // Filling works the working day before: day 3 is its rest day, so day 4's lot is filled on day 2.
    expect(plan.get('fill')?.get('wine')).toEqual([100, 200, 0, 0]);
  });

  it('PP-18 a weekly plan covering the day wins over the daily schedule, which wins over the monthly plan', () => {
    const fallback = new Map([['fill', new Map([['wine', [10, 10, 10, 10, 10]]])]]);
    const schedule = { workshopId: 'fill', start: -2, length: 6, lines: [{ itemId: 'wine', quantities: [0, 0, 20, 20, 20, 20] }] };
    const weekly = { workshopId: 'fill', start: 3, length: 1, lines: [{ itemId: 'cork', quantities: [30] }] };
    const merged = mergeWorkshopPlan(5, [weekly], [schedule], fallback);
    expect(merged.get('fill')?.get('wine')).toEqual([20, 20, 20, 0, 10]);
    expect(merged.get('fill')?.get('cork')).toEqual([0, 0, 0, 30, 0]);
  });
});

describe('the shift report (PP-18)', () => {
  const ctx = { today: '2026-03-20', reportDate: '2026-03-20', shift: 1, shiftsPerDay: 2 };
  const l = (itemId: string, outputQty: number, warehouseQty: number, scrapQty = 0) => ({ itemId, outputQty, warehouseQty, scrapQty });

  it('PP-18 a report is for today or before, a shift the workshop works, one line per product', () => {
    expect(checkReport({ hoursWorked: 8, lines: [l('a', 10, 10)], stoppages: [] }, ctx)).toEqual([]);
    const bad = checkReport({ hoursWorked: 8, lines: [l('a', 10, 10), l('a', 1, 1)], stoppages: [] }, { ...ctx, reportDate: '2026-03-21', shift: 3 });
    expect(bad.map((p) => p.field)).toEqual(['reportDate', 'shift', 'lines.1.itemId']);
    expect(checkReport({ hoursWorked: 0, lines: [l('a', 0, 0)], stoppages: [] }, ctx)[0].field).toBe('lines');
    // A shift that only stopped is still a report.
    expect(checkReport({ hoursWorked: 0, lines: [], stoppages: [{ reason: 'outage', minutes: 480 }] }, ctx)).toEqual([]);
  });

  it('PP-18 the 进仓 becomes the receipt’s lines; an amendment lists every figure it changed', () => {
    expect(receiptLines([l('a', 10, 8), l('b', 5, 0)])).toEqual([{ itemId: 'a', qty: 8 }]);
    const changes = diffReportLines([l('a', 10, 8), l('b', 5, 0)], [l('a', 10, 9, 1)]);
    expect(changes).toEqual([
      { itemId: 'a', field: 'warehouseQty', before: 8, after: 9 },
      { itemId: 'a', field: 'scrapQty', before: 0, after: 1 },
      { itemId: 'b', field: 'outputQty', before: 5, after: 0 },
    ]);
    expect(receiptChanged([l('a', 10, 8)], [l('a', 12, 8)])).toBe(false);
    expect(receiptChanged([l('a', 10, 8)], [l('a', 10, 9)])).toBe(true);
  });
});

describe('the daily schedule (PP-29)', () => {
  it('PP-29 the workshop’s products of the plan are spread over its working days of the month', () => {
    const ops = [
      { itemId: 'wine', workshopId: 'fill', seq: 10, offsetDays: -1 },
      { itemId: 'base', workshopId: 'brew', seq: 10, offsetDays: 0 },
    ];
    const lines = deriveScheduleLines(
      'fill',
      new Map([
        ['wine', 1000],
        ['base', 50],
      ]),
      ops,
      [8, 8, 0, 8, 8],
    );
    expect(lines).toEqual([{ itemId: 'wine', total: 1000, quantities: [250, 250, 0, 250, 250] }]);
    expect(checkScheduleLines([{ itemId: 'wine', quantities: [1, 2] }], 5)[0].field).toBe('lines.0.quantities');
    expect(checkScheduleLines([{ itemId: 'wine', quantities: [1, -2, 0, 0, 0] }], 5)[0].zh).toContain('负');
  });
});

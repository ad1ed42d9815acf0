import { describe, expect, it } from 'vitest';
import { AGENDA_MARKER, dispatchAgenda } from './dispatch.rules';

describe('dispatch meeting agenda (T4 第五十六条)', () => {
  it('PP-21 reports the month’s results and next month’s plan from the records', () => {
    const text = dispatchAgenda({
      month: '2026-04',
      nextMonth: '2026-05',
      thisPlan: {
        number: 'YJH-2026-0003',
        title: '2026年4月生产计划',
        state: 'issued',
        revision: 2,
        lineCount: 6,
        total: 30500,
        overloads: [],
        underloads: [],
        shortages: [],
      },
      nextPlan: {
        number: 'YJH-2026-0009',
        title: '2026年5月生产计划',
        state: 'submitted',
        revision: 1,
        lineCount: 6,
        total: 32000,
        overloads: ['灌装车间 第2周 112%'],
        underloads: [],
        shortages: ['BZ-750 酒瓶 750ml 1200 个'],
      },
      salesSheets: 4,
      shippedQty: 1200,
      plannedShipQty: 1500,
      absorbed: 3,
      adjusted: 1,
      lateItems: ['下达2026年4月生产计划（2026-03-31）'],
      openRequests: [],
      nextPlanDueOn: '2026-04-28',
    });
    expect(text.startsWith(AGENDA_MARKER)).toBe(true);
    expect(text).toContain('YJH-2026-0003 2026年4月生产计划（已下达，第 2 版）：品种 6 个，计划总量 30,500');
    expect(text).toContain('超出须调整计划 1 笔');
    expect(text).toContain('二、下月生产计划（2026年5月）');
    expect(text).toContain('超产能：灌装车间 第2周 112%');
    expect(text).toContain('物料短缺：BZ-750 酒瓶 750ml 1200 个');
  });

  it('PP-21 says when next month’s plan is not compiled yet', () => {
    const text = dispatchAgenda({
      month: '2026-04',
      nextMonth: '2026-05',
      thisPlan: null,
      nextPlan: null,
      salesSheets: 0,
      shippedQty: 0,
      plannedShipQty: 0,
      absorbed: 0,
      adjusted: 0,
      lateItems: [],
      openRequests: [],
      nextPlanDueOn: '2026-04-09',
    });
    expect(text).toContain('下月生产计划尚未编制');
    // Issue 14 item 7: the due day is the preset's (T1: the 9th), never a fixed 28th.
    expect(text).toContain('2026-04-09 前编制');
    expect(text).not.toContain('28日');
  });
});

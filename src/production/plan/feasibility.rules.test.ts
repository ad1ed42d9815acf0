import { describe, expect, it } from 'vitest';
import { checkCapacity } from '../capacity/index';
import { feedbackText, findBottlenecks, judgeFeasibility } from './feasibility.rules';

const groups = [0, 1].map((k) => ({ start: `2026-04-0${k + 1}`, label: { zh: `04-0${k + 1}`, en: `04-0${k + 1}` }, buckets: [k] }));
const workshops = [{ id: 'FILL', code: 'GZ', name: '灌装车间', hours: [10, 10] }];
const ops = [{ itemId: 'wine', workshopId: 'FILL', hoursPerUnit: 0.1, offsetDays: 0 }];
const thresholds = { maxUtilisation: 1, minUtilisation: 0 };
const run = (planned: { itemId: string; bucket: number; qty: number }[]) =>
  checkCapacity({ bucket: 'day', bucketCount: 2, groups, workshops, ops, planned, thresholds });

describe('special and temporary plan feasibility (T2 五.2–3)', () => {
  it('PP-11 names the workshop and day the request pushes over capacity', () => {
    const base = [{ itemId: 'wine', bucket: 1, qty: 80 }];
    const withRequest = run([...base, { itemId: 'wine', bucket: 1, qty: 50 }]);
    const b = findBottlenecks(withRequest, run(base));
    expect(b).toEqual([
      { workshopId: 'FILL', workshopName: '灌装车间', start: '2026-04-02', end: '2026-04-02', excessHours: 3, utilisation: 1.3, load: 13, capacity: 10 },
    ]);
    const f = judgeFeasibility(b, [], []);
    expect(f.isFeasible).toBe(false);
    const text = feedbackText('temporary', '某经销商加急', f, {});
    expect(text.zh).toContain('瓶颈车间：灌装车间 2026-04-02 负荷 13 小时，产能 10 小时（130%，超出 3 小时）');
    expect(text.zh).toContain('T2 五.3');
  });

  it('PP-11 an overload that was there before the request is not the request’s bottleneck', () => {
    const base = [{ itemId: 'wine', bucket: 0, qty: 200 }];
    expect(findBottlenecks(run([...base, { itemId: 'wine', bucket: 1, qty: 10 }]), run(base))).toEqual([]);
  });

  it('PP-11 names the short material with its lead time; a feasible request says so', () => {
    const shortage = {
      itemId: 'b',
      code: 'BZ-750',
      name: '酒瓶 750ml',
      unit: '个',
      qty: 1200,
      needOn: '2026-04-05',
      releaseOn: '2026-03-26',
      leadTimeDays: 10,
    };
    const f = judgeFeasibility([], [shortage], []);
    expect(feedbackText('special', '国庆礼盒', f, {}).zh).toContain('物料短缺：BZ-750 酒瓶 750ml 缺 1200 个，采购/生产周期 10 天');
    expect(feedbackText('special', '国庆礼盒', judgeFeasibility([], [], []), {}).zh).toContain('可以满足');
  });
});

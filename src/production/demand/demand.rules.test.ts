import { describe, expect, it } from 'vitest';
import { changeNotice, partiesOfDepartment, reviewGaps, reviewPartyDepartments, summariseCollection, summariseSales } from './demand.rules';

describe('demand rules', () => {
  it('issue 14 item 6: each joint-review party is a department (T4 第十四条); a person speaks only for their own', () => {
    const depts = [
      { id: 'p', name: '生产部' },
      { id: 'q', name: '质量部' },
      { id: 't', name: '技术研发部' },
      { id: 'm', name: '市场部' },
      { id: 'w', name: '灌装车间' },
    ];
    const map = reviewPartyDepartments(depts);
    // 质量部 is named before 技术研发部: the quality party is 质量部 alone.
    expect(map).toEqual({ production: ['p'], quality: ['q'], business: ['m'] });
    expect(partiesOfDepartment(map, 'q')).toEqual(['quality']);
    expect(partiesOfDepartment(map, 'p')).toEqual(['production']);
    expect(partiesOfDepartment(map, 'w')).toEqual([]);
    expect(partiesOfDepartment(map, null)).toEqual([]);
    // T4's own names: 质量技术研发部 and a 事业部.
    expect(
      reviewPartyDepartments([
        { id: 'qt', name: '质量技术研发部' },
        { id: 'b', name: '白酒事业部' },
        { id: 'm', name: '市场部' },
      ]),
    ).toEqual({ production: [], quality: ['qt'], business: ['b'] });
  });

  it('PP-3 the joint review needs production, quality/R&D and the business unit, all agreeing', () => {
    expect(reviewGaps([{ party: 'production', isAgreed: true }])).toEqual({ missing: ['quality', 'business'], disagreeing: [] });
    expect(
      reviewGaps([
        { party: 'production', isAgreed: true },
        { party: 'quality', isAgreed: false },
        { party: 'business', isAgreed: true },
      ]),
    ).toEqual({ missing: [], disagreeing: ['quality'] });
  });

  it('PP-4 a change reaching production fewer than N days before the first affected ship date is short notice', () => {
    expect(changeNotice('2026-04-10', ['2026-04-20', '2026-04-12'], 3)).toEqual({ noticeDays: 2, isShortNotice: true });
    expect(changeNotice('2026-04-10', ['2026-04-13'], 3)).toEqual({ noticeDays: 3, isShortNotice: false });
    expect(changeNotice('2026-04-10', [null, '2026-04-30'], 3).isShortNotice).toBe(false);
  });

  it('PP-5 the month-end summary gives sales by product and collection by customer', () => {
    const shipments = [
      { itemId: 'a', customer: '甲商贸', qty: 100, shippedQty: 100, invoicedAmount: 1000, collectedAmount: 600 },
      { itemId: 'a', customer: '乙酒行', qty: 50, shippedQty: 20, invoicedAmount: 200.1, collectedAmount: 200.1 },
      { itemId: 'b', customer: '甲商贸', qty: 10, shippedQty: 0, invoicedAmount: 0, collectedAmount: 0 },
    ];
    expect(
      summariseSales(
        new Map([
          ['a', 120],
          ['c', 5],
        ]),
        shipments,
      ),
    ).toEqual([
      { itemId: 'a', planned: 120, ordered: 150, shipped: 120, invoiced: 1200.1 },
      { itemId: 'c', planned: 5, ordered: 0, shipped: 0, invoiced: 0 },
      { itemId: 'b', planned: 0, ordered: 10, shipped: 0, invoiced: 0 },
    ]);
    expect(summariseCollection(shipments)).toEqual([
      { customer: '甲商贸', invoiced: 1000, collected: 600, outstanding: 400 },
      { customer: '乙酒行', invoiced: 200.1, collected: 200.1, outstanding: 0 },
    ]);
  });
});

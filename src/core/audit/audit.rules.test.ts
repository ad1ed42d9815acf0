import { describe, expect, it } from 'vitest';
import { composeAuditLabels, diffValues, recordName } from './audit.rules';

const labels = composeAuditLabels([
  {
    name: 'production',
    label: { zh: '生产计划管理', en: 'Production' },
    audit: { actions: { 'production.order.create': { zh: '创建订单', en: 'Created an order' } }, entities: { prod_order: { zh: '订单', en: 'Order' } } },
  },
]);

describe('the audit log in words (issue 15 item 5, CORE-10)', () => {
  it('issue 15 item 5: a declared action reads as its label; an undeclared one is built from verb and record kind, never the code', () => {
    expect(labels.action('production.order.create', 'prod_order').zh).toBe('创建订单');
    expect(labels.action('production.order.approve', 'prod_order')).toEqual({ zh: '批准订单', en: 'Approved order' });
    const unknown = labels.action('production.variance.cause', 'prod_month_variance');
    expect(unknown.zh).toBe('处理生产计划管理');
    expect(unknown.zh).not.toContain('.');
    expect(labels.entity('prod_month_variance', 'production.variance.cause').zh).toBe('生产计划管理');
  });

  it('issue 15 item 5: the record is named by its name or number, a composite id keeps its readable part, a uuid is shortened', () => {
    expect(recordName('x', null, { name: '酿造车间' })).toBe('酿造车间');
    expect(recordName('2026-11:b5bdf087-51af-40c9-800e-c578bdc4412e:bc55254a-51af-40c9-800e-c578bdc4412e', null, null)).toBe('2026-11');
    expect(recordName('b5bdf087-51af-40c9-800e-c578bdc4412e', null, null)).toBe('#b5bdf087');
  });

  it('issue 15 item 5: old → new lists only the fields that changed, without ids and versions', () => {
    expect(diffValues({ id: 'a', name: '甲', version: 1, kind: 'x' }, { id: 'a', name: '乙', version: 2, kind: 'x' })).toEqual([
      { field: 'name', before: '甲', after: '乙' },
    ]);
    // issue 15 item 1: a deadline's rule code and requirement id never reach the page; its clause does.
    expect(
      diffValues(null, { ruleCode: 'production.daily-schedule.late', requirementId: 'PP-29', subjectType: 'daily-schedule', clause: 'T2 附 3.(1)' }),
    ).toEqual([{ field: 'clause', before: null, after: 'T2 附 3.(1)' }]);
    expect(diffValues(['a'], ['a', 'b'])).toEqual([{ field: 'value', before: ['a'], after: ['a', 'b'] }]);
  });
});

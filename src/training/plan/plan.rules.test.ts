import { describe, expect, it } from 'vitest';
import { checkPlanReadyToSubmit, checkPlanShape, planDocumentBody, type PlanShape } from './plan.rules';

const plan = (over: Partial<PlanShape> = {}): PlanShape => ({
  kind: 'semester',
  schoolYear: '2025-2026',
  term: 2,
  startsOn: '2026-02-23',
  endsOn: '2026-07-03',
  goals: '提高课堂教学能力',
  items: [{ category: 'theory', topic: '新课标解读', ownerTeacherId: 't1', schedule: '每周一', month: '2026-03', hours: 2 }],
  ...over,
});

describe('training plans (ST-1)', () => {
  it('ST-1 accepts a complete semester plan inside its term', () => {
    expect(checkPlanReadyToSubmit(plan())).toEqual([]);
  });

  it('ST-1 refuses dates outside the term and months outside the plan', () => {
    const problems = checkPlanShape(
      plan({ startsOn: '2026-01-10', items: [{ category: 'theory', topic: 'x', ownerTeacherId: null, schedule: '', month: '2026-08', hours: null }] }),
    );
    expect(problems.map((p) => p.field)).toEqual(['startsOn', 'items.0.month']);
  });

  it('ST-1 a semester plan needs its term and an annual one has none', () => {
    expect(checkPlanShape(plan({ term: null })).map((p) => p.field)).toContain('term');
    expect(checkPlanShape(plan({ kind: 'annual', term: 1, startsOn: '2025-09-01', endsOn: '2026-07-10' })).map((p) => p.field)).toEqual(['term']);
  });

  it('ST-1 needs goals, content and an owner for each item before submission', () => {
    const problems = checkPlanReadyToSubmit(
      plan({ goals: ' ', items: [{ category: 'language', topic: '普通话', ownerTeacherId: null, schedule: '', month: null, hours: null }] }),
    );
    expect(problems.map((p) => p.field)).toEqual(['goals', 'items.0.ownerTeacherId']);
    expect(checkPlanReadyToSubmit(plan({ items: [] })).map((p) => p.field)).toEqual(['items']);
  });

  it('ST-1 writes a readable body for the approver with each item and its owner', () => {
    const body = planDocumentBody(plan(), new Map([['t1', '高老师']]));
    expect(body.content).toContain('2025-2026 学年第二学期培训计划');
    expect(body.lines).toEqual([{ key: '教育教学基本理论｜新课标解读', value: '负责人：高老师；每周一；2 学时' }]);
  });
});

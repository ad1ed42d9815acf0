import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '#server';
import { signIn, startTestApp, type TestApp } from '../support';

// Issue 13 items 15, 16 in the demo school: a new user opening 教研组计划与经费 or the handbook
// pages after `npm start` finds records to look at, not empty tables.
const NOW = '2026-11-17T02:00:00Z'; // a Tuesday, 10:00 in Shanghai
const YEAR = '2026-2027';

describe('issue 13 items 15, 16: the demo school carries group plans, the budget, handbook sign-offs and record-book checks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await seedDemo(t.ctx.db, t.ctx.registry, new Date(NOW));
  }, 600_000);
  afterAll(() => t.close());

  it('the Chinese group’s plan sits approved under the annual plan; the budget has items with totals', async () => {
    const office = await signIn(t.app, 'school.office', DEMO_PASSWORD);
    const plans = (await office.get(`/api/training/group-plans?schoolYear=${YEAR}`)).json() as { plans: { groupName: string; state: string }[] };
    expect(plans.plans).toEqual([expect.objectContaining({ groupName: '语文教研组', state: 'approved' })]);
    const budget = (await office.get(`/api/training/budget?schoolYear=${YEAR}`)).json() as {
      items: unknown[];
      totals: { planned: number; spent: number; remaining: number };
    };
    expect(budget.items).toHaveLength(3);
    expect(budget.totals).toEqual({ planned: 37000, spent: 12410.5, remaining: 24589.5 });
  });

  it('handbooks are signed for the months already past (September and October by 17 November), one asking for more', async () => {
    const office = await signIn(t.app, 'school.office', DEMO_PASSWORD);
    const grid = (await office.get(`/api/training/handbook?schoolYear=${YEAR}`)).json() as {
      rows: { name: string; signOffs: { month: string; rating: string }[] }[];
    };
    const signed = grid.rows.filter((r) => r.signOffs.length > 0);
    expect(signed).toHaveLength(4);
    expect(new Set(signed.flatMap((r) => r.signOffs.map((s) => s.month)))).toEqual(new Set(['2026-09', '2026-10']));
    expect(signed.flatMap((r) => r.signOffs).filter((s) => s.rating === 'improve')).toHaveLength(1);
    const checks = (await office.get(`/api/training/record-book-checks?schoolYear=${YEAR}`)).json() as { rows: { checks: { finding: string }[] }[] };
    expect(checks.rows.flatMap((r) => r.checks.map((c) => c.finding)).sort()).toEqual(['complete', 'complete', 'incomplete']);
  });
});

import { describe, expect, it } from 'vitest';
import { solveAggregatePlan } from '#production/planning';
import { buildLevelPlanInput } from './level-plan.rules';

describe('quarterly rolling plan (T1 6)', () => {
  it('PP-7 builds stock in a slack month and draws it down when demand exceeds capacity', async () => {
    // 20 days × 10 h = 200 h a month; a case takes 0.1 h → 2,000 cases a month of capacity.
    const months = ['7月', '8月', '9月'].map((label) => ({ label, workingDays: 20, hoursPerDay: 10 }));
    const input = buildLevelPlanInput(months, [{ itemId: 'wine', demand: [1500, 2000, 2400], hoursPerUnit: 0.1, onHand: 0, safetyStock: 0 }]);
    const result = await solveAggregatePlan(input);
    expect(result.status).toBe('optimal');
    const family = result.families![0].periods;
    // July makes more than its demand, September draws the stock down: no backlog at all.
    expect(family[0].production).toBeGreaterThan(1500);
    expect(family[0].inventory).toBeGreaterThan(0);
    expect(family[2].production).toBeLessThan(2400 + 1e-6);
    expect(family.every((p) => p.backlog < 1e-6)).toBe(true);
    expect(result.periods.every((p) => p.workforce === 1)).toBe(true);
  });
});

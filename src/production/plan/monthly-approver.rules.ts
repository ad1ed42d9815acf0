import type { ChainStep } from '#core/approval';

// The policy's monthlyPlanApproverRole gives the monthly plan its final approval (T2 五.1.2):
// the general manager; T4 第十九条, T1 and T3: the vice GM / production director). Pure.

export const MONTHLY_APPROVER_STEP_KEY = 'monthly-approver';
// Steps the customer-change rule (T3 第十五条) adds on top; they stay after the final approver.
const ADDED_STEP_PREFIX = 'customer-change';

/**
 * The chain a monthly plan goes up: the configured steps up to the first one the policy's role
 * holds (any later step is cut: that role approves last), or the configured steps with that
 * role added as the last step when none holds it.
 */
export function withMonthlyApprover(steps: readonly ChainStep[], roleCode: string, roleName: string): { steps: ChainStep[]; isChanged: boolean } {
  const at = steps.findIndex((s) => s.roleCode === roleCode);
  if (at >= 0) {
    const kept = steps.filter((s, i) => i <= at || s.key.startsWith(ADDED_STEP_PREFIX));
    return { steps: kept, isChanged: kept.length !== steps.length };
  }
  const added: ChainStep = {
    key: MONTHLY_APPROVER_STEP_KEY,
    nameZh: `${roleName}批准（月度计划审批人）`,
    nameEn: `${roleName} approval (monthly plan approver)`,
    roleCode,
  };
  const own = steps.filter((s) => !s.key.startsWith(ADDED_STEP_PREFIX));
  return { steps: [...own, added, ...steps.filter((s) => s.key.startsWith(ADDED_STEP_PREFIX))], isChanged: true };
}

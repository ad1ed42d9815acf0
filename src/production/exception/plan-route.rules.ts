import type { ChainStep } from '#core/approval';
import type { UnmetAction, UnmetState } from './plan-route.contract';

// T3 第十四条: 没能完成临时计划的车间须及时通知生产部，生产部通知市场部，市场部与客户取得联系后
// 对合同进行修改. Production may also decline the workshop's claim; the market may find the
// customer unwilling. Pure.

const STEPS: Record<UnmetAction, { from: UnmetState; to: UnmetState; by: 'production' | 'market' }> = {
  forward: { from: 'reported', to: 'forwarded', by: 'production' },
  decline: { from: 'reported', to: 'declined', by: 'production' },
  changeContract: { from: 'forwarded', to: 'contract_changed', by: 'market' },
  refuse: { from: 'forwarded', to: 'refused', by: 'market' },
};

export function nextUnmetState(state: UnmetState, action: UnmetAction): UnmetState | null {
  const step = STEPS[action];
  return step.from === state ? step.to : null;
}

export function allowedUnmetActions(state: UnmetState, who: { isProduction: boolean; isMarket: boolean }): UnmetAction[] {
  return (Object.keys(STEPS) as UnmetAction[]).filter((a) => STEPS[a].from === state && (STEPS[a].by === 'production' ? who.isProduction : who.isMarket));
}

export const CUSTOMER_CHANGE_STEP_KEY = 'customer-change';

/**
 * T3 第十五条: a monthly plan adjusted for a customer's change is approved by the policy's
 * role (the GM). When the chain lacks that role, it is added as the last step; a chain that
 * already has it is left as it is.
 */
export function withApproverStep(steps: readonly ChainStep[], roleCode: string, roleName: string): { steps: ChainStep[]; isAdded: boolean } {
  if (steps.some((s) => s.roleCode === roleCode)) return { steps: [...steps], isAdded: false };
  const keys = new Set(steps.map((s) => s.key));
  let key = CUSTOMER_CHANGE_STEP_KEY;
  for (let n = 2; keys.has(key); n++) key = `${CUSTOMER_CHANGE_STEP_KEY}-${n}`;
  return {
    steps: [
      ...steps,
      { key, nameZh: `${roleName}批准（客户变更调整，T3 第十五条）`, nameEn: `${roleName} approval (adjusted for a customer change, T3 art. 15)`, roleCode },
    ],
    isAdded: true,
  };
}

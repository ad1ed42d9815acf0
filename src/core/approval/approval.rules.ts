// The document workflow as data (CORE-3): each rule says from which state an action
// leads where, who may take it, whether the author may act on their own document, and
// which named guard must hold. `transition` is pure: the services gather the facts.

export const DOCUMENT_STATES = ['draft', 'submitted', 'approved', 'rejected', 'issued', 'closed'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

export const DOCUMENT_ACTIONS = ['submit', 'withdraw', 'approve', 'reject', 'revise', 'issue', 'close', 'adjust'] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];

type Text = { zh: string; en: string };

export const STATE_LABELS: Record<DocumentState, Text> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '审批中', en: 'Submitted' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已退回', en: 'Rejected' },
  issued: { zh: '已发放', en: 'Issued' },
  closed: { zh: '已关闭', en: 'Closed' },
};

export const ACTION_LABELS: Record<DocumentAction, Text> = {
  submit: { zh: '提交审批', en: 'Submit' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  approve: { zh: '批准', en: 'Approve' },
  reject: { zh: '退回', en: 'Reject' },
  revise: { zh: '修改后重新提交', en: 'Revise' },
  issue: { zh: '发放', en: 'Issue' },
  close: { zh: '关闭', en: 'Close' },
  adjust: { zh: '调整', en: 'Adjust' },
};

/** Who takes an action: the author, a holder of the waiting step's role, or an issuer. */
export type Party = 'author' | 'stepHolder' | 'issuer';

export interface TransitionFacts {
  /** The step the document waits at (submitted only). */
  stepIndex: number | null;
  stepCount: number;
  isAuthor: boolean;
  hasStepRole: boolean;
  /** The chain's policy: may the author act on a step of their own document? */
  allowSelfApproval: boolean;
  /** The author, or someone sharing the author's role who may write documents. Defaults to isAuthor. */
  isIssuer?: boolean;
}

export type TransitionGuard = (facts: TransitionFacts) => boolean;

export function hasSteps(facts: TransitionFacts): boolean {
  return facts.stepCount > 0;
}

export function hasNextStep(facts: TransitionFacts): boolean {
  return facts.stepIndex !== null && facts.stepIndex + 1 < facts.stepCount;
}

export function isLastStep(facts: TransitionFacts): boolean {
  return facts.stepIndex !== null && facts.stepIndex + 1 >= facts.stepCount;
}

const GUARD_REFUSALS = new Map<TransitionGuard, Text>([
  [hasSteps, { zh: '该文件类型没有配置审批流程', en: 'No approval chain is configured for this document type' }],
  [hasNextStep, { zh: '已是最后一步', en: 'This is the last step' }],
  [isLastStep, { zh: '还有后续审批步骤', en: 'Further approval steps follow' }],
]);

export interface TransitionRule {
  from: DocumentState;
  action: DocumentAction;
  to: DocumentState;
  roles: Party[];
  /** 'per-chain': the chain's allowSelfApproval decides; true: the author acts by design. */
  allowSelfApproval: boolean | 'per-chain';
  guard?: TransitionGuard;
  /** Where the step pointer goes: the first step, the next one, or nowhere. */
  step: 'first' | 'next' | 'none';
}

export const DOCUMENT_WORKFLOW: readonly TransitionRule[] = [
  { from: 'draft', action: 'submit', to: 'submitted', roles: ['author'], allowSelfApproval: true, guard: hasSteps, step: 'first' },
  { from: 'submitted', action: 'withdraw', to: 'draft', roles: ['author'], allowSelfApproval: true, step: 'none' },
  { from: 'submitted', action: 'approve', to: 'submitted', roles: ['stepHolder'], allowSelfApproval: 'per-chain', guard: hasNextStep, step: 'next' },
  { from: 'submitted', action: 'approve', to: 'approved', roles: ['stepHolder'], allowSelfApproval: 'per-chain', guard: isLastStep, step: 'none' },
  { from: 'submitted', action: 'reject', to: 'rejected', roles: ['stepHolder'], allowSelfApproval: 'per-chain', step: 'none' },
  { from: 'rejected', action: 'revise', to: 'draft', roles: ['author'], allowSelfApproval: true, step: 'none' },
  { from: 'approved', action: 'issue', to: 'issued', roles: ['issuer'], allowSelfApproval: true, step: 'none' },
  { from: 'issued', action: 'close', to: 'closed', roles: ['issuer'], allowSelfApproval: true, step: 'none' },
  { from: 'approved', action: 'adjust', to: 'draft', roles: ['issuer'], allowSelfApproval: true, step: 'none' },
  { from: 'issued', action: 'adjust', to: 'draft', roles: ['issuer'], allowSelfApproval: true, step: 'none' },
];

export type TransitionRefusalCode = 'INVALID_STATE' | 'FORBIDDEN' | 'SELF_APPROVAL_FORBIDDEN';

export type TransitionResult =
  | { ok: true; to: DocumentState; stepIndex: number | null; rule: TransitionRule }
  | { ok: false; code: TransitionRefusalCode; reason: Text };

function isParty(party: Party, facts: TransitionFacts): boolean {
  if (party === 'author') return facts.isAuthor;
  if (party === 'stepHolder') return facts.hasStepRole;
  return facts.isIssuer ?? facts.isAuthor;
}

function nextStepIndex(rule: TransitionRule, facts: TransitionFacts): number | null {
  if (rule.step === 'first') return 0;
  if (rule.step === 'next') return (facts.stepIndex ?? -1) + 1;
  return null;
}

export function transition(state: DocumentState, action: DocumentAction, facts: TransitionFacts): TransitionResult {
  const candidates = DOCUMENT_WORKFLOW.filter((r) => r.from === state && r.action === action);
  if (candidates.length === 0) {
    const s = STATE_LABELS[state];
    const a = ACTION_LABELS[action];
    return {
      ok: false,
      code: 'INVALID_STATE',
      reason: { zh: `文件处于“${s.zh}”状态，不能${a.zh}`, en: `A ${s.en.toLowerCase()} document cannot be ${pastTense(action)}` },
    };
  }
  // Rules sharing from/action share parties and self-approval policy; they differ by guard only.
  const [first] = candidates;
  const isSelfAct = first.allowSelfApproval === 'per-chain' && facts.isAuthor && !facts.allowSelfApproval;
  if (isSelfAct && first.roles.some((p) => isParty(p, facts))) {
    return {
      ok: false,
      code: 'SELF_APPROVAL_FORBIDDEN',
      reason: { zh: '不能审批自己起草的文件', en: 'You cannot approve or reject your own document' },
    };
  }
  if (!first.roles.some((p) => isParty(p, facts))) {
    return { ok: false, code: 'FORBIDDEN', reason: forbiddenReason(first.roles) };
  }
  const rule = candidates.find((r) => !r.guard || r.guard(facts));
  if (!rule) {
    const failed = candidates.find((r) => r.guard)?.guard;
    const reason = (failed && GUARD_REFUSALS.get(failed)) ?? { zh: '当前条件不允许此操作', en: 'This action is not possible now' };
    return { ok: false, code: 'INVALID_STATE', reason };
  }
  return { ok: true, to: rule.to, stepIndex: nextStepIndex(rule, facts), rule };
}

/** The actions the viewer could take now (drives which buttons the page shows). */
export function findAllowedActions(state: DocumentState, facts: TransitionFacts): DocumentAction[] {
  return DOCUMENT_ACTIONS.filter((a) => transition(state, a, facts).ok);
}

function forbiddenReason(roles: Party[]): Text {
  if (roles.includes('stepHolder')) return { zh: '您不是当前审批步骤的审批人', en: 'You do not hold the role of the current approval step' };
  if (roles.includes('issuer')) return { zh: '只有起草人或同岗位人员可以执行此操作', en: 'Only the author or a colleague in the same role may do this' };
  return { zh: '只有起草人可以执行此操作', en: 'Only the author may do this' };
}

function pastTense(action: DocumentAction): string {
  const map: Record<DocumentAction, string> = {
    submit: 'submitted',
    withdraw: 'withdrawn',
    approve: 'approved',
    reject: 'rejected',
    revise: 'revised',
    issue: 'issued',
    close: 'closed',
    adjust: 'adjusted',
  };
  return map[action];
}

import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATES, findAllowedActions, transition, type TransitionFacts } from './approval.rules';

const facts = (over: Partial<TransitionFacts> = {}): TransitionFacts => ({
  stepIndex: null,
  stepCount: 2,
  isAuthor: false,
  hasStepRole: false,
  allowSelfApproval: false,
  ...over,
});

describe('document workflow (transition)', () => {
  it('CORE-3 the author submits a draft to the first step of the chain', () => {
    expect(transition('draft', 'submit', facts({ isAuthor: true }))).toMatchObject({ ok: true, to: 'submitted', stepIndex: 0 });
  });

  it('CORE-3 refuses to submit when the chain has no steps', () => {
    const r = transition('draft', 'submit', facts({ isAuthor: true, stepCount: 0 }));
    expect(r).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('CORE-3 only the author submits', () => {
    expect(transition('draft', 'submit', facts({ hasStepRole: true }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('CORE-3 approval moves to the next step, and after the last step to approved', () => {
    expect(transition('submitted', 'approve', facts({ stepIndex: 0, hasStepRole: true }))).toMatchObject({ ok: true, to: 'submitted', stepIndex: 1 });
    expect(transition('submitted', 'approve', facts({ stepIndex: 1, hasStepRole: true }))).toMatchObject({ ok: true, to: 'approved', stepIndex: null });
    expect(transition('submitted', 'approve', facts({ stepIndex: 0, stepCount: 1, hasStepRole: true }))).toMatchObject({ ok: true, to: 'approved' });
  });

  it('CORE-3 a person without the waiting step’s role cannot approve or reject', () => {
    expect(transition('submitted', 'approve', facts({ stepIndex: 0 }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(transition('submitted', 'reject', facts({ stepIndex: 0 }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('CORE-3 refuses self-approval unless the chain allows it', () => {
    const own = facts({ stepIndex: 0, isAuthor: true, hasStepRole: true });
    expect(transition('submitted', 'approve', own)).toMatchObject({ ok: false, code: 'SELF_APPROVAL_FORBIDDEN' });
    expect(transition('submitted', 'reject', own)).toMatchObject({ ok: false, code: 'SELF_APPROVAL_FORBIDDEN' });
    expect(transition('submitted', 'approve', { ...own, allowSelfApproval: true })).toMatchObject({ ok: true, to: 'submitted', stepIndex: 1 });
  });

  it('CORE-3 a rejected document goes back to draft by its author and can be submitted again', () => {
    expect(transition('submitted', 'reject', facts({ stepIndex: 1, hasStepRole: true }))).toMatchObject({ ok: true, to: 'rejected' });
    expect(transition('rejected', 'revise', facts({ isAuthor: true }))).toMatchObject({ ok: true, to: 'draft' });
    expect(transition('rejected', 'revise', facts({ hasStepRole: true }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('CORE-3 refuses actions the state does not allow, naming the state', () => {
    const r = transition('draft', 'approve', facts({ hasStepRole: true }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('INVALID_STATE');
      expect(r.reason.zh).toContain('草稿');
    }
    expect(transition('closed', 'adjust', facts({ isAuthor: true }))).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('CORE-5 issue and close belong to the author or a colleague in the author’s role', () => {
    expect(transition('approved', 'issue', facts({ isAuthor: true }))).toMatchObject({ ok: true, to: 'issued' });
    expect(transition('approved', 'issue', facts({ isIssuer: true }))).toMatchObject({ ok: true, to: 'issued' });
    expect(transition('approved', 'issue', facts({ hasStepRole: true }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(transition('issued', 'close', facts({ isAuthor: true }))).toMatchObject({ ok: true, to: 'closed' });
  });

  it('CORE-4 an approved or issued document can be adjusted into a new draft', () => {
    expect(transition('approved', 'adjust', facts({ isAuthor: true }))).toMatchObject({ ok: true, to: 'draft' });
    expect(transition('issued', 'adjust', facts({ isAuthor: true }))).toMatchObject({ ok: true, to: 'draft' });
    expect(transition('submitted', 'adjust', facts({ isAuthor: true }))).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('CORE-3 every state has a way forward except closed', () => {
    const everyone = facts({ stepIndex: 0, isAuthor: true, hasStepRole: true, allowSelfApproval: true });
    for (const s of DOCUMENT_STATES) {
      expect(findAllowedActions(s, everyone).length > 0).toBe(s !== 'closed');
    }
  });

  it('CORE-3 lists the approver’s actions on a submitted document', () => {
    expect(findAllowedActions('submitted', facts({ stepIndex: 0, hasStepRole: true }))).toEqual(['approve', 'reject']);
    expect(findAllowedActions('submitted', facts({ stepIndex: 0, isAuthor: true }))).toEqual(['withdraw']);
  });
});

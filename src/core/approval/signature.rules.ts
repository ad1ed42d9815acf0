import type { ChainStep } from './approval.schema';

// Issue 14 item 11: a printed document's signature lines filled from the approval engine's own
// records — who submitted it and who decided each step of its chain, for the revision printed.
// Pure: the service reads the records and the role names.

export interface SignatureAction {
  seq: number;
  revision: number;
  action: string;
  stepIndex: number | null;
  actorId: string;
  actorName: string;
  at: Date;
}

export type SignatureDecision = 'prepared' | 'submitted' | 'approved' | 'rejected' | 'confirmed';

export interface SignatureSlot {
  /** 'prepared' for the author's line, else the chain step's key. */
  key: string;
  label: { zh: string; en: string };
  /** The chain step's role; null for the author's line (the service names the author's roles). */
  roleCode: string | null;
  decision: SignatureDecision | null;
  actorId: string | null;
  actorName: string | null;
  at: Date | null;
}

const PREPARED = { zh: '编制', en: 'Prepared by' };

/**
 * One line for the author and one per chain step. Only the latest submission of the revision
 * counts: a withdrawn submission leaves every line blank, a step decided before a re-submission
 * is blank again until it is decided anew.
 */
export function signatureSlots(steps: readonly ChainStep[], actions: readonly SignatureAction[], revision: number): SignatureSlot[] {
  const acts = actions.filter((a) => a.revision === revision).sort((a, b) => a.seq - b.seq);
  let submit: SignatureAction | undefined;
  for (const a of acts) {
    if (a.action === 'submit') submit = a;
    else if (a.action === 'withdraw' || a.action === 'revise' || a.action === 'adjust') submit = undefined;
  }
  const blank = { decision: null, actorId: null, actorName: null, at: null };
  const prepared: SignatureSlot = submit
    ? { key: 'prepared', label: PREPARED, roleCode: null, decision: 'submitted', actorId: submit.actorId, actorName: submit.actorName, at: submit.at }
    : { key: 'prepared', label: PREPARED, roleCode: null, ...blank };
  const since = submit?.seq ?? Number.POSITIVE_INFINITY;
  return [
    prepared,
    ...steps.map((s, i): SignatureSlot => {
      const decided = acts.filter((a) => a.seq > since && a.stepIndex === i && (a.action === 'approve' || a.action === 'reject')).at(-1);
      const label = { zh: s.nameZh, en: s.nameEn };
      if (!decided) return { key: s.key, label, roleCode: s.roleCode, ...blank };
      return {
        key: s.key,
        label,
        roleCode: s.roleCode,
        decision: decided.action === 'approve' ? 'approved' : 'rejected',
        actorId: decided.actorId,
        actorName: decided.actorName,
        at: decided.at,
      };
    }),
  ];
}

/** '2026-03-28 09:00' on the organisation's wall clock. */
export function formatOrgTime(instant: Date, utcOffsetMinutes: number): string {
  return new Date(instant.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

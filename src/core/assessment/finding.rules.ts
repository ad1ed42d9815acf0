import type { FindingAction, FindingState } from './assessment.schema';

export type FindingCommand = Exclude<FindingAction, 'create'>;

// Where each action may start, and where it leads (falsification keeps the state).
const TRANSITIONS: Record<FindingCommand, { from: FindingState[]; to?: FindingState }> = {
  dispute: { from: ['open'], to: 'disputed' },
  confirm: { from: ['open', 'disputed'], to: 'confirmed' },
  withdraw: { from: ['open', 'disputed'], to: 'withdrawn' },
  falsified: { from: ['open', 'disputed', 'confirmed'] },
};

/** The state after the action, or undefined when the action is not allowed from here. */
export function nextFindingState(state: FindingState, action: FindingCommand): FindingState | undefined {
  const t = TRANSITIONS[action];
  return t.from.includes(state) ? (t.to ?? state) : undefined;
}

export interface FindingFacts {
  state: FindingState;
  subjectUserId: string | null;
  subjectDepartmentId: string | null;
  amount: number | null;
  isFalsified: boolean;
}

export interface Viewer {
  userId: string;
  departmentId: string | null;
  canManage: boolean;
}

/** The subject person, or a member of the subject department. */
export const isFindingSubject = (f: FindingFacts, v: Viewer): boolean =>
  f.subjectUserId === v.userId || (!!f.subjectDepartmentId && f.subjectDepartmentId === v.departmentId);

/** Nobody confirms, withdraws or aggravates a finding about themselves. */
const isSelf = (f: FindingFacts, v: Viewer): boolean => f.subjectUserId === v.userId;

export function availableFindingActions(f: FindingFacts, v: Viewer): FindingCommand[] {
  const out: FindingCommand[] = [];
  if (nextFindingState(f.state, 'dispute') && isFindingSubject(f, v)) out.push('dispute');
  if (!v.canManage || isSelf(f, v)) return out;
  if (nextFindingState(f.state, 'confirm')) out.push('confirm');
  if (nextFindingState(f.state, 'withdraw')) out.push('withdraw');
  if (nextFindingState(f.state, 'falsified') && !f.isFalsified && f.amount !== null) out.push('falsified');
  return out;
}

/** T2 七.5: falsified facts multiply the penalty; to the fen, and only once. */
export function falsifiedAmount(amount: number, multiplier: number): number {
  return Math.round(amount * multiplier * 100) / 100;
}

/**
 * T2 七.5 cited on the doubled finding itself: 'T2 七.2' doubled under 'T2 七.5' reads
 * 'T2 七.2、七.5'; a clause of another regulation keeps its own and adds the whole citation.
 */
export function withFalsificationClause(clause: string, falsification: string): string {
  if (clause.includes(falsification)) return clause;
  const space = falsification.indexOf(' ');
  const source = space > 0 ? falsification.slice(0, space) : '';
  const item = space > 0 ? falsification.slice(space + 1) : falsification;
  if (source && clause.startsWith(`${source} `)) return clause.includes(item) ? clause : `${clause}、${item}`;
  return `${clause}；${falsification}`;
}

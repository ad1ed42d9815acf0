import { describe, expect, it } from 'vitest';
import { availableFindingActions, type FindingFacts, falsifiedAmount, nextFindingState, type Viewer, withFalsificationClause } from './finding.rules';

const finding = (over: Partial<FindingFacts> = {}): FindingFacts => ({
  state: 'open',
  subjectUserId: 'u-subject',
  subjectDepartmentId: 'd-fill',
  amount: 50,
  isFalsified: false,
  ...over,
});
const manager: Viewer = { userId: 'u-manager', departmentId: 'd-prod', canManage: true };
const subject: Viewer = { userId: 'u-subject', departmentId: 'd-fill', canManage: false };
const colleague: Viewer = { userId: 'u-colleague', departmentId: 'd-fill', canManage: false };
const stranger: Viewer = { userId: 'u-x', departmentId: 'd-other', canManage: false };

describe('finding lifecycle rules (CORE-8)', () => {
  it('CORE-8 moves open → disputed → confirmed, or to withdrawn; nothing leaves confirmed or withdrawn except falsification', () => {
    expect(nextFindingState('open', 'dispute')).toBe('disputed');
    expect(nextFindingState('disputed', 'confirm')).toBe('confirmed');
    expect(nextFindingState('open', 'confirm')).toBe('confirmed');
    expect(nextFindingState('disputed', 'withdraw')).toBe('withdrawn');
    expect(nextFindingState('disputed', 'dispute')).toBeUndefined();
    expect(nextFindingState('confirmed', 'withdraw')).toBeUndefined();
    expect(nextFindingState('withdrawn', 'confirm')).toBeUndefined();
    expect(nextFindingState('confirmed', 'falsified')).toBe('confirmed');
    expect(nextFindingState('withdrawn', 'falsified')).toBeUndefined();
  });

  it('CORE-8 the subject or a member of the subject department may dispute; a stranger may do nothing', () => {
    expect(availableFindingActions(finding(), subject)).toEqual(['dispute']);
    expect(availableFindingActions(finding(), colleague)).toEqual(['dispute']);
    expect(availableFindingActions(finding(), stranger)).toEqual([]);
    expect(availableFindingActions(finding({ state: 'disputed' }), subject)).toEqual([]);
  });

  it('CORE-8 a manager confirms, withdraws or marks falsified, but never on a finding about themselves', () => {
    expect(availableFindingActions(finding(), manager)).toEqual(['confirm', 'withdraw', 'falsified']);
    expect(availableFindingActions(finding({ state: 'confirmed' }), manager)).toEqual(['falsified']);
    expect(availableFindingActions(finding({ state: 'confirmed', isFalsified: true }), manager)).toEqual([]);
    expect(availableFindingActions(finding({ amount: null }), manager)).toEqual(['confirm', 'withdraw']);
    expect(availableFindingActions(finding({ subjectUserId: 'u-manager' }), manager)).toEqual(['dispute']);
  });

  it('PP-27 falsification multiplies the penalty to the fen', () => {
    expect(falsifiedAmount(50, 2)).toBe(100);
    expect(falsifiedAmount(33.33, 1.5)).toBe(50);
    expect(falsifiedAmount(0.1, 3)).toBe(0.3);
  });

  it('PP-27 CORE-8 a doubled finding cites T2 七.5 beside its own clause, once', () => {
    expect(withFalsificationClause('T2 七.2', 'T2 七.5')).toBe('T2 七.2、七.5');
    expect(withFalsificationClause('T2 七.2、七.5', 'T2 七.5')).toBe('T2 七.2、七.5');
    expect(withFalsificationClause('S2 四.3', 'T2 七.5')).toBe('S2 四.3；T2 七.5');
  });
});

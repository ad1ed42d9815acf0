import { describe, expect, it } from 'vitest';
import { allowedExceptionActions, isLoopClosed, judgeImpact, lastPlannedDay } from './exception.rules';
import { allowedUnmetActions, nextUnmetState, withApproverStep } from './plan-route.rules';

const line = (over: Partial<Parameters<typeof judgeImpact>[0]['lines'][number]> = {}) => ({
  planId: 'p1',
  itemId: 'i1',
  label: '4月生产计划 · W1 干红',
  dueOn: '2026-04-10',
  capacityHours: 100,
  loadHours: 88,
  ...over,
});

describe('exception impact rule (PP-19, T4 第三十五条)', () => {
  it('PP-19 another workshop named in the impact calls a coordination meeting', () => {
    const v = judgeImpact({ workshopId: 'fill', affectedWorkshops: [{ id: 'pack', name: '包装车间' }], hoursLost: 2, hoursEstimated: 0, lines: [] });
    expect(v).toMatchObject({ affectsOtherWorkshops: true, affectsSchedule: false, needsCoordination: true });
    expect(v.reasons[0].zh).toBe('影响其它车间生产：包装车间');
  });

  it('PP-19 the reporting workshop itself in the list is not another workshop', () => {
    const v = judgeImpact({ workshopId: 'fill', affectedWorkshops: [{ id: 'fill', name: '灌装车间' }], hoursLost: 1, hoursEstimated: 0, lines: [] });
    expect(v.needsCoordination).toBe(false);
  });

  it('PP-19 lost hours beyond the spare hours before a line is due make it late: the total schedule is hit', () => {
    const v = judgeImpact({ workshopId: 'fill', affectedWorkshops: [], hoursLost: 4, hoursEstimated: 16, lines: [line()] });
    // 100 h of capacity, 88 h of load: 12 spare hours; the estimate of 16 lost hours is larger.
    expect(v.lostHours).toBe(16);
    expect(v.lines[0]).toMatchObject({ slackHours: 12, isLate: true });
    expect(v).toMatchObject({ affectsSchedule: true, needsCoordination: true });
    expect(v.reasons[0].zh).toContain('须于 2026-04-10 前完成，本车间届时仅余 12 小时富余产能，损失 16 小时将使其延误');
  });

  it('PP-19 lost hours the spare capacity absorbs (equal included) leave the schedule alone', () => {
    const v = judgeImpact({
      workshopId: 'fill',
      affectedWorkshops: [],
      hoursLost: 12,
      hoursEstimated: 0,
      lines: [line(), line({ itemId: 'i2', dueOn: null })],
    });
    expect(v.lines.map((l) => l.isLate)).toEqual([false, false]);
    expect(v).toMatchObject({ affectsSchedule: false, needsCoordination: false, reasons: [] });
  });

  it('PP-19 a line already over capacity is not made late by an exception that lost nothing', () => {
    const v = judgeImpact({ workshopId: 'fill', affectedWorkshops: [], hoursLost: 0, hoursEstimated: 0, lines: [line({ loadHours: 120 })] });
    expect(v.lines[0]).toMatchObject({ slackHours: -20, isLate: false });
  });

  it('PP-19 the last planned day of a line counts from the start of the exception', () => {
    const days = ['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04'];
    expect(lastPlannedDay(days, [5, 5, 5, 0], '2026-04-02')).toBe('2026-04-03');
    expect(lastPlannedDay(days, [5, 0, 0, 0], '2026-04-02')).toBeNull();
  });
});

describe('exception states (PP-19)', () => {
  const facts = (state: 'reported' | 'coordinating' | 'resolved' | 'closed', actionStates: ('open' | 'done' | 'cancelled')[] = [], isEscalated = false) => ({
    state,
    actionStates,
    isEscalated,
  });

  it('PP-19 a reported exception can be coordinated, escalated, resolved or closed by production only', () => {
    expect(allowedExceptionActions(facts('reported'), true)).toEqual(['callMeeting', 'escalate', 'resolve', 'close']);
    expect(allowedExceptionActions(facts('reported'), false)).toEqual([]);
  });

  it('PP-19 while action items are open the loop stays open; escalation happens once', () => {
    expect(allowedExceptionActions(facts('coordinating', ['open', 'done']), true)).toEqual(['escalate']);
    expect(allowedExceptionActions(facts('coordinating', ['done'], true), true)).toEqual(['resolve']);
    expect(allowedExceptionActions(facts('resolved', ['done']), true)).toEqual([]);
  });

  it('PP-19 closing the last action item closes the loop; a meeting without items does not', () => {
    expect(isLoopClosed(['done', 'cancelled'])).toBe(true);
    expect(isLoopClosed(['done', 'open'])).toBe(false);
    expect(isLoopClosed([])).toBe(false);
  });
});

describe('T3 第十四条 and 第十五条 (PP-28)', () => {
  it('PP-28 an unmet temporary plan goes workshop → production → market; each party acts on its step only', () => {
    expect(allowedUnmetActions('reported', { isProduction: true, isMarket: false })).toEqual(['forward', 'decline']);
    expect(allowedUnmetActions('reported', { isProduction: false, isMarket: true })).toEqual([]);
    expect(allowedUnmetActions('forwarded', { isProduction: false, isMarket: true })).toEqual(['changeContract', 'refuse']);
    expect(nextUnmetState('forwarded', 'changeContract')).toBe('contract_changed');
    expect(nextUnmetState('reported', 'changeContract')).toBeNull();
    expect(nextUnmetState('contract_changed', 'refuse')).toBeNull();
  });

  it('PP-28 the approver of a customer-change adjustment is added as the last step only when the chain lacks the role', () => {
    const vp = { key: 'vp', nameZh: '副总经理审批', nameEn: 'VP', roleCode: 'vp_production' };
    const added = withApproverStep([vp], 'gm', '总经理');
    expect(added.isAdded).toBe(true);
    expect(added.steps.map((s) => s.roleCode)).toEqual(['vp_production', 'gm']);
    expect(added.steps[1].nameZh).toBe('总经理批准（客户变更调整，T3 第十五条）');
    const gm = withApproverStep([{ ...vp, key: 'gm', roleCode: 'gm' }], 'gm', '总经理');
    expect(gm).toMatchObject({ isAdded: false, steps: [{ roleCode: 'gm' }] });
    expect(withApproverStep([{ ...vp, key: 'customer-change' }], 'gm', '总经理').steps[1].key).toBe('customer-change-2');
  });
});

import type { Actor } from '#core/access';
import { dueDateFor, loadBusinessCalendar } from '#core/calendar';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { ensureDeadline, monthStart } from '../common/index';

export const MONTHLY_COMPILE = 'production.monthly_plan.compile';
export const MONTHLY_ISSUE = 'production.monthly_plan.issue';
export const LATE_ISSUE_RULE = 'production.plan.late-issue';

/** The day of month `month − 1` a monthly-plan duty falls due (T2 五.1.2), T4 第十九条). */
export async function monthlyPlanDueDates(db: Db, orgId: string, month: string) {
  const [policy, calendar] = await Promise.all([getPolicy(db, orgId), loadBusinessCalendar(db, orgId)]);
  const ref = monthStart(month);
  const onRestDay = policy.deadlines.dayOfMonthOnRestDay;
  return {
    compileOn: dueDateFor({ kind: 'dayOfMonth', day: policy.production.monthlyPlanDueDay, monthOffset: -1 }, ref, calendar, { onRestDay }),
    issueOn: dueDateFor({ kind: 'dayOfMonth', day: policy.production.planIssueDay, monthOffset: -1 }, ref, calendar, { onRestDay }),
  };
}

/**
 * PP-8: the monthly plan is compiled by the due day and issued by the issue day of the month
 * before. Reminders and escalation come from the calendar; the late-issue penalty (PP-27) is
 * computed by the planning assessment, which also honours the immature-product exclusion.
 */
export async function ensureMonthlyPlanDeadlines(tx: Db, actor: Actor, month: string, owner: { userId: string; departmentId: string | null }, link?: string) {
  const { compileOn, issueOn } = await monthlyPlanDueDates(tx, actor.orgId, month);
  const [y, m] = month.split('-').map(Number);
  const name = { zh: `${y}年${m}月生产计划`, en: `production plan ${month}` };
  await ensureDeadline(tx, actor, {
    subjectType: MONTHLY_COMPILE,
    subjectId: month,
    title: { zh: `编制并报批${name.zh}`, en: `Compile and submit the ${name.en}` },
    ownerUserId: owner.userId,
    ownerDepartmentId: owner.departmentId,
    dueOn: compileOn,
    link,
    rule: { clause: 'T4 第十九条', requirementId: 'PP-8', ruleCode: 'production.monthly_plan.late-compile' },
  });
  await ensureDeadline(tx, actor, {
    subjectType: MONTHLY_ISSUE,
    subjectId: month,
    title: { zh: `下达${name.zh}`, en: `Issue the ${name.en}` },
    ownerUserId: owner.userId,
    ownerDepartmentId: owner.departmentId,
    dueOn: issueOn,
    link,
    rule: { clause: 'T2 七.1', requirementId: 'PP-27', ruleCode: LATE_ISSUE_RULE, recordsFinding: false },
  });
}

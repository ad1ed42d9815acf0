import { and, eq } from 'drizzle-orm';
import { loadActor } from '#core/auth';
import { addDays } from '#core/calendar';
import { departments } from '#core/org';
import { getPolicy } from '#core/policy';
import { createGroupPlan, addBudgetItem, reviewGroupPlan, submitGroupPlan } from '../group-plan';
import { recordRecordBookCheck, signHandbook, signOffMonthsOf } from '../handbook';
import { trainingPlans } from '../plan';
import type { SeedContext } from './seed-term';

/**
 * Issue 13 items 15, 16 in the demo: the Chinese group's plan under the school's annual plan,
 * approved by the office; the year's training budget with what is spent so far; the handbooks
 * of a few teachers signed for the months already past; and one record-book inspection.
 */
export async function seedRegulationRecords(ctx: SeedContext): Promise<void> {
  const { db, org, office, now } = ctx;
  const [annual] = await db
    .select({ id: trainingPlans.id })
    .from(trainingPlans)
    .where(and(eq(trainingPlans.orgId, org.orgId), eq(trainingPlans.kind, 'annual'), eq(trainingPlans.schoolYear, ctx.schoolYear)));
  const [chineseGroup] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.orgId, org.orgId), eq(departments.name, '语文教研组')));
  const leaderId = org.userIds.get('school.chinese');
  const leader = leaderId ? await loadActor(db, org.orgId, leaderId) : undefined;
  if (annual && chineseGroup && leader) {
    const plan = await createGroupPlan(
      db,
      leader,
      {
        schoolPlanId: annual.id,
        groupId: chineseGroup.id,
        title: `语文教研组${ctx.schoolYear}学年校本培训计划`,
        content:
          '一、指导思想：围绕学校年度培训计划，聚焦整本书阅读教学。\n二、主要内容：每双周一次组内研讨课；青年教师每学期一节汇报课；共读《给教师的建议》。\n三、时间安排：每周四下午第三节。',
      },
      now,
    );
    const submitted = await submitGroupPlan(db, leader, plan.id, plan.version, now);
    await reviewGroupPlan(db, office, plan.id, { decision: 'approve', comment: '符合学校计划要求，同意实施', version: submitted.version }, now);
  }

  const budget = [
    { title: '专家讲座劳务费', plannedAmount: 12000, spentAmount: 4800, note: '已完成两场' },
    { title: '外出培训差旅费', plannedAmount: 20000, spentAmount: 6350.5 },
    { title: '培训资料与书籍', plannedAmount: 5000, spentAmount: 1260 },
  ];
  for (const item of budget) await addBudgetItem(db, office, { schoolYear: ctx.schoolYear, planId: annual?.id ?? null, ...item }, now);

  const policy = await getPolicy(db, org.orgId);
  const past = signOffMonthsOf(ctx.schoolYear, policy.training).filter((m) => m < ctx.today.slice(0, 7));
  const signed = ctx.teachers.filter((t) => ['school.chinese', 'school.math', 'school.t1', 'school.t2'].includes(t.username ?? ''));
  const comments = { good: '记实完整，反思深入', pass: '按时记实，内容可再具体', improve: '记实不全，请补齐本月内容' } as const;
  for (const [i, t] of signed.entries()) {
    for (const month of past) {
      const rating = i === signed.length - 1 && month === past.at(-1) ? 'improve' : i % 2 === 0 ? 'good' : 'pass';
      await signHandbook(db, office, { teacherId: t.id, month, rating, comment: comments[rating] }, now);
    }
  }

  const inspected = ctx.teachers.filter((t) => ['school.t1', 'school.t2', 'school.t3'].includes(t.username ?? ''));
  const findings = ['complete', 'complete', 'incomplete'] as const;
  for (const [i, t] of inspected.entries()) {
    await recordRecordBookCheck(
      db,
      ctx.principal,
      { teacherId: t.id, checkedOn: addDays(ctx.today, -3), finding: findings[i], comment: findings[i] === 'complete' ? undefined : '缺少近两周的记录' },
      now,
    );
  }
}

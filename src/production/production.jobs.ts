import { sql } from 'drizzle-orm';
import { systemActor } from '#core/access';
import { addDays, dueDateFor, loadBusinessCalendar, orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import type { Job } from '#core/http';
import { findActiveOrganisationIds } from '#core/org';
import { getPolicy } from '#core/policy';
import { assessMissedRequestIssues, runDueExecutionAssessment, runPlanningAssessment } from './assessment/index';
import { addMonths, ensureDeadline, findResponsible, monthOf, monthStart } from './common/index';
import { ensureForecastDeadline, SALES_STATISTICS_SUBJECT } from './demand/index';
import { prefillUpcomingDispatchAgendas } from './dispatch/index';
import { ensureMaintenancePlanDeadline } from './equipment/index';
import { ensureMonthlyPlanDeadlines } from './plan/index';
import { runMaterialUsageAssessment } from './requisition/index';
import { ensureDailyScheduleDeadlines, recordLags } from './report/index';

const done = new Set<string>();

/**
 * Once a day per plant: the month's duties exist as deadlines before anyone opens a screen
 * (PP-2 forecast, PP-8 compile and issue, PP-5 month-end report), late issues become
 * findings (PP-27), lags open coordination items (PP-18), last month's material over-use
 * becomes a finding (PP-17), and the coming dispatch meeting gets its agenda (PP-21).
 */
export async function runPlantDailyDuties(db: Db, orgId: string, now: Date): Promise<void> {
  const actor = systemActor(orgId);
  const today = await orgToday(db, orgId, now);
  const next = addMonths(monthOf(today), 1);
  await db.transaction(async (tx) => {
    // Two app servers: only one does an organisation's duties at a time.
    const result = (await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${`zhidu.production.${orgId}`})) as ok`)) as unknown as {
      rows?: { ok: boolean }[];
    };
    if (result.rows?.[0]?.ok === false) return;
    const market = await findResponsible(tx, orgId, 'production.demand.write');
    const planner = await findResponsible(tx, orgId, 'production.plan.write');
    if (market) {
      await ensureForecastDeadline(tx, actor, next, market);
      const [policy, calendar] = await Promise.all([getPolicy(tx, orgId), loadBusinessCalendar(tx, orgId)]);
      const month = monthOf(today);
      await ensureDeadline(tx, actor, {
        subjectType: SALES_STATISTICS_SUBJECT,
        subjectId: month,
        title: { zh: `报送${month}产品销售统计表、货款回收汇总表`, en: `Send the sales statistics and collection summary of ${month}` },
        ownerUserId: market.userId,
        ownerDepartmentId: market.departmentId,
        dueOn: dueDateFor({ kind: 'dayOfMonth', day: policy.production.salesStatisticsDueDay, monthOffset: 0 }, monthStart(month), calendar, {
          onRestDay: policy.deadlines.dayOfMonthOnRestDay,
        }),
        link: `/production/shipments?month=${month}`,
        rule: { clause: 'T4 第十八条', requirementId: 'PP-5', ruleCode: 'production.sales-statistics.late' },
      });
    }
    if (planner) await ensureMonthlyPlanDeadlines(tx, actor, next, planner);
    await ensureMaintenancePlanDeadline(tx, actor, today);
    await runPlanningAssessment(tx, actor, now);
    // T4 第三十条: last month's material use against the norm, once the month is over (PP-17).
    await runMaterialUsageAssessment(tx, actor, addMonths(monthOf(today), -1));
    // PP-18, PP-29, PP-27: up to yesterday, a workshop that reported nothing lags too; next
    // month's daily schedules are owed; on the policy's day last month is assessed by 进仓.
    const yesterday = addDays(today, -1);
    if (monthOf(yesterday) === monthOf(today)) await recordLags(tx, actor, yesterday, { now });
    await ensureDailyScheduleDeadlines(tx, actor, today);
    await runDueExecutionAssessment(tx, actor, now);
  });
  await prefillUpcomingDispatchAgendas(db, actor, now);
}

export const productionJobs: Job[] = [
  // Every tick: a special or temporary request past its issue deadline is penalised at the deadline.
  async (ctx) => {
    try {
      await assessMissedRequestIssues(ctx.db, ctx.clock());
    } catch (err) {
      console.error('production request issue assessment failed', err instanceof Error ? err.message : err);
    }
  },
  async (ctx) => {
    const now = ctx.clock();
    // A disabled plant (issue 12) is skipped.
    const plants = (await findActiveOrganisationIds(ctx.db, 'enterprise', 'production')).map((id) => ({ id }));
    for (const p of plants) {
      const key = `${p.id}:${now.toISOString().slice(0, 10)}`;
      if (done.has(key)) continue;
      try {
        await runPlantDailyDuties(ctx.db, p.id, now);
        done.add(key);
      } catch (err) {
        console.error('production daily duties failed', p.id, err instanceof Error ? err.message : err);
      }
    }
  },
];

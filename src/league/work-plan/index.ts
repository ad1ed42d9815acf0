// The term work plan by month with themed education months (YL-2), weekly flag-raising and blackboard checks (YL-3).
export { blackboardChecks, blackboardScores, flagRaisings, leaguePlanItems, leaguePlans } from './work-plan.schema';
export type { Criterion, FlagRaisingRow, LeaguePlanItemRow, LeaguePlanRow } from './work-plan.schema';
export { checkDates, DEFAULT_CRITERIA, missingFlagWeeks, scoreBlackboard, templateItems, weekdaysBetween } from './work-plan.rules';
export type { ThemedMonth } from './work-plan.rules';
export { addPlanItem, createLeaguePlan, getLeaguePlan, updatePlanItem } from './work-plan.service';
export type { PlanWithItems } from './work-plan.service';
export { findBlackboardChecks, findFlagRaisings, saveFlagRaising, scheduleBlackboardChecks, scoreBranch } from './week.service';
export { workPlanRoutes } from './work-plan.routes';

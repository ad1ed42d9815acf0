// Daily reports, completion by 进仓, month-end statistics and daily schedules (PP-18, PP-22, PP-29).
export {
  CAUSE_KINDS,
  prodCoordinationItems,
  prodDailyReportLines,
  prodDailyReportRevisions,
  prodDailyReportStoppages,
  prodDailyReports,
  prodDailyScheduleLines,
  prodDailySchedules,
  prodMonthVariances,
  STOPPAGE_REASONS,
} from './report.schema';
export type { CauseKind, CompletionMeasure, DailyReportRow, StoppageReason } from './report.schema';
export { completedSeries, isLagging, monthFigures, progressOf } from './completion.rules';
export type { LineSeries, MonthFigures, Progress } from './completion.rules';
export { finalWorkshops, isFinalOperation, mergeWorkshopPlan, spreadToWorkshops } from './plan-series.rules';
export { checkReport, diffReportLines, receiptChanged, receiptLines, STOPPAGE_LABELS } from './report.rules';
export { checkScheduleLines, deriveScheduleLines } from './schedule.rules';
export { loadPlanSeries, slicePlanSeries } from './plan-series.service';
export { loadLineSeries } from './actuals.query';
export { getProgress, loadLabels, loadMonthLines } from './completion.service';
export { amendReport, submitReport } from './report.service';
export { findReports, getReport, getReportForm } from './report.query';
export { findCoordinationInbox, findCoordinationItems, linkCoordinationMeeting, recordLags, resolveCoordination } from './coordination.service';
export { EXECUTION_RULE_CODES, getMonthEnd, saveVarianceCause } from './month-end.service';
export { createDailySchedule, DAILY_SCHEDULE_DOC, saveScheduleLines, scheduleDocumentTypes, scheduleGuards, scheduleTransitionHooks } from './schedule.service';
export { ensureDailyScheduleDeadlines, findDailySchedules, getDailySchedule } from './schedule.query';
export { reportRoutes } from './report.routes';
export type { CoordinationView, ReportBody, ReportForm, ReportSummary, ReportView } from './report.contract';
export type { MonthEndView, MonthRow, ProgressView } from './completion.contract';
export type { ScheduleList, ScheduleView } from './schedule.contract';

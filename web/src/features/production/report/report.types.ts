// The execution pages' types come from the server's contracts (type-only), never hand copies.
export type { CoordinationView, MonthEndView, MonthRow, ProgressView, ReportForm, ReportSummary, ReportView, ScheduleList, ScheduleView } from '#production';

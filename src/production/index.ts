export { productionModule } from './production.module';
export { runPlantDailyDuties } from './production.jobs';

export type { CapacityView, HeatCell, HeatRow, Overload } from './capacity';
export type { CoordinationView, MonthEndView, MonthRow, ProgressView, ReportForm, ReportSummary, ReportView, ScheduleList, ScheduleView } from './report/index';

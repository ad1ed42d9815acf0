export { productionModule } from './production.module';
export { runPlantDailyDuties } from './production.jobs';

export type { CapacityView, HeatCell, HeatRow, Overload } from './capacity';
export type { IssueResult, MaterialNormRow, PlanDaysView, ProposalView, RequisitionStage, RequisitionSummary, RequisitionView, UsageView, WorkshopUsageView } from './requisition';

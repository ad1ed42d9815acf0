export { productionModule } from './production.module';
export { runPlantDailyDuties } from './production.jobs';

export type { CapacityView, CountermeasureVerdict, CoveredOverload, HeatCell, HeatRow, Overload } from './capacity';
export type {
  ChangeCauses,
  ExceptionDetail,
  ExceptionKind,
  ExceptionOptions,
  ExceptionState,
  ExceptionSummary,
  MeetingDraft,
  UnmetRoutes,
  UnmetRouteView,
} from './exception/index';
export type {
  ChecklistForm,
  DueList as FloorDueList,
  FloorOverview,
  OperationRecordView,
  PatrolView,
  ProcessBody,
  ProcessCategory,
  ProcessDiffEntry,
  ProcessDocDetail,
  ProcessDocSummary,
  RectificationView,
  SafetyCheckView,
  SafetyItemView,
} from './shopfloor/index';
export type * from './equipment/index';
export type { DocumentContext, DocumentPage, LocationView, OnHandRow, ShipmentOption, StockCard, StockDocView, StockSummaryPage } from './warehouse/index';
export type { MaterialPlanView, OpenOrderLine, PurchaseLine, PurchasePlanSummary, PurchasePlanView, ShortageView } from './purchase/index';
export type { PlanSignatureLine, PlanSignatures, ReserveCeilings } from './plan/index';
export type {
  IssueResult,
  MaterialNormRow,
  PlanDaysView,
  ProposalView,
  RequisitionStage,
  RequisitionSummary,
  RequisitionView,
  UsageView,
  WorkshopUsageView,
} from './requisition';
export type { CoordinationView, MonthEndView, MonthRow, ProgressView, ReportForm, ReportSummary, ReportView, ScheduleList, ScheduleView } from './report/index';
export type { DocStep, DocView } from './common/document.contract';
export type {
  BomLineView,
  CapacityCalendarRow,
  ItemOut,
  ItemWithStock,
  RoutingOpView,
  StockStandards,
  WorkshopDayOut,
  WorkshopOut,
} from './master/master.contract';
export type {
  AbsorptionRow,
  AnnualInputView,
  CountermeasureOut,
  ItemLabel,
  LevelPlanView,
  LinesSaved,
  MaterialSummaryOut,
  OrderHeadroom,
  PlanDiff,
  PlanMaterials,
  PlanOut,
  PlanSummary,
  PlanView,
} from './plan/plan.contract';
export type { PlanRequestOut, PlanRequestRow, PlanRequestView } from './plan/plan-request.contract';
export type {
  CustomerChangeOut,
  MonthSummary,
  OrderOut,
  OrderSummary,
  OrderView,
  SalesPlanSummary,
  SalesPlanView,
  ShipmentLine,
} from './demand/demand.contract';
export type { NoticeSummary, NoticeView, TransferOut } from './notice/notice.contract';
export type { DispatchAgenda, DispatchMeeting } from './dispatch/dispatch.contract';
export type { PlanningDashboard } from './dashboard/dashboard.contract';

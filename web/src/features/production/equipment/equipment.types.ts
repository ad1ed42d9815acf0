// The equipment API's shapes are the server's own contracts (types only; one source of truth).
export type {
  ComplianceView,
  DueList,
  MachineCard,
  MachineDetail,
  MachinePhoneView,
  MachineSummary,
  MaintenanceBalance,
  MaintenanceLineView,
  MaintenancePlanSummary,
  MaintenancePlanView,
  RepairSummary,
  RepairView,
  SlotView,
  SpotCheckAnswer,
  UpkeepRecordView,
} from '#production';

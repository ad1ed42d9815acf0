// Equipment (PP-23 … PP-26, T4 第四十六 … 五十二条): machines and their cards, daily upkeep,
// the annual maintenance plan and its monthly balance, spot checks and repairs.
export {
  MACHINE_STATES,
  prodMachines,
  prodRepairOrders,
  prodSpotChecks,
  prodUpkeepItems,
  prodUpkeepRecords,
  REPAIR_STATES,
  UPKEEP_FREQUENCIES,
} from './equipment.schema';
export type { MachineRow, MachineState, RepairRow, UpkeepFrequency } from './equipment.schema';
export { MAINTENANCE_CYCLES, prodMaintenanceLines, prodMaintenancePlans, prodMaintenanceSlots } from './maintenance.schema';
export { machineShare, refuseStateChange, downtimeHours, machinePhonePath } from './machine.rules';
export { upkeepStatus, upkeepCompliance, complianceRate } from './upkeep.rules';
export { balanceMaintenance, defaultMonths, splitMonth, weekStartsOfMonth } from './maintenance.rules';
export { createMachine, findMachines, getMachine, getMachineCards, setMachineState, updateMachine } from './machine.service';
export { saveCheckItems, saveUpkeepItems } from './machine-items.service';
export { findDueList, getUpkeepCompliance, recordUpkeep } from './upkeep.service';
export { getMachinePhone, recordSpotCheck } from './spot-check.service';
export { acceptRepair, completeRepair, diagnoseRepair, reportFailure } from './repair.service';
export { findRepairs, getRepair } from './repair.query';
export { createMaintenancePlan, getMaintenancePlan, MAINTENANCE_DOC, saveMaintenanceLines } from './maintenance-plan.service';
export { getMaintenanceBalance, moveSlot } from './maintenance-balance.service';
export {
  ensureMaintenancePlanDeadline,
  MAINTENANCE_PLAN_DUE,
  maintenanceDocumentTypes,
  maintenanceGuards,
  maintenanceTransitionHooks,
} from './maintenance.workflow';
export { machinesExcelTable } from './machine.sheet';
export { machineRoutes } from './machine.routes';
export { repairRoutes } from './repair.routes';
export { maintenanceRoutes } from './maintenance.routes';
export type * from './machine.contract';
export type * from './repair.contract';
export type * from './upkeep.contract';
export type * from './maintenance.contract';

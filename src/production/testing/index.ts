export { countStock, newPlant, workingDayQuantities } from './plant.fixture';
export type { TestPlant } from './plant.fixture';
export { approvedWinePlan, confirmedFillingWeek, newRequisitionPlant } from './requisition.fixture';
export type { RequisitionPlant } from './requisition.fixture';

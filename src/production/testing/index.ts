export { countStock, newPlant, workingDayQuantities } from './plant.fixture';
export { newIssuedPlan } from './issued-plan.fixture';
export type { TestPlant } from './plant.fixture';
export { approvedMonthlyPlan, approveThrough, newFloor } from './floor.fixture';
export type { TestFloor } from './floor.fixture';
export { newRolePerson } from './role-person.fixture';
export { approvedWinePlan, confirmedFillingWeek, newRequisitionPlant } from './requisition.fixture';
export type { RequisitionPlant } from './requisition.fixture';

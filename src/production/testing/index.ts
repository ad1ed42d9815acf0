export { countStock, newPlant, workingDayQuantities } from './plant.fixture';
export type { TestPlant } from './plant.fixture';
export { approvedMonthlyPlan, approveThrough, newFloor } from './floor.fixture';
export type { TestFloor } from './floor.fixture';

export { newPlant, workingDayQuantities } from './plant.fixture';
export type { TestPlant } from './plant.fixture';
export { approvedMonthlyPlan, newFloor } from './floor.fixture';
export type { TestFloor } from './floor.fixture';

export { countStock, newPlant, workingDayQuantities } from './plant.fixture';
export type { TestPlant } from './plant.fixture';
export { issueMonthlyPlan, newExecutionPeople } from './execution.fixture';
export type { ExecutionPeople } from './execution.fixture';

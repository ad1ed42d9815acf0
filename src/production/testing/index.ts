export { countStock, newPlant, workingDayQuantities } from './plant.fixture';
export { newIssuedPlan } from './issued-plan.fixture';
export type { TestPlant } from './plant.fixture';
export { newRolePerson } from './role-person.fixture';

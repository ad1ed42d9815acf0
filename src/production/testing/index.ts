export { countStock, newPlant, workingDayQuantities } from './plant.fixture';
export type { TestPlant } from './plant.fixture';

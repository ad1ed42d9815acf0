import type { DemoSeeder } from './demo-seed';

// Each module's demo data, run in order for every demo organisation. One line per module.
export const demoSeeders: DemoSeeder[] = [];

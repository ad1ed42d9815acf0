import type { RouteModule } from '../http';

// Filled in by the Excel import/export framework (CORE-11).
export const excelRoutes: RouteModule = () => undefined;

import type { RouteModule } from '../http';

// Filled in by archives (CORE-9).
export const archiveRoutes: RouteModule = () => undefined;

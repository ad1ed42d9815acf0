export { actorOf, sendFile } from './context';
export type { AppContext, RouteModule, StartupWork, ZodApp } from './context';
export { defineModule } from './module';
export type { DemoOrg, DemoSeeder, Job, ModuleDeclaration, OrgKind, Registry, ScopedRegistry } from './module';
export { arrivalOf, stampArrival } from './arrival';

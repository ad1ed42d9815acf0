export { actorOf, sendFile } from './context';
export type { AppContext, RouteModule, ZodApp } from './context';

export { actorOf, sendFile } from './context';
export type { AppContext, RouteModule, ZodApp } from './context';
export { arrivalOf, stampArrival } from './arrival';

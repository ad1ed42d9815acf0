// Development stages and backbone teachers: the target share and the 100-hour track (ST-12).
export { backboneHours } from './backbone.schema';
export type { BackboneHoursRow } from './backbone.schema';
export { backboneShareOf, trackProgressOf } from './backbone.rules';
export type { BackboneShare, TrackProgress } from './backbone.rules';
export { addBackboneHours, findBackboneHours, getBackboneOverview } from './backbone.service';
export { backboneRoutes } from './backbone.routes';
export { BackboneHoursSchema, BackboneShareSchema } from './backbone.contract';

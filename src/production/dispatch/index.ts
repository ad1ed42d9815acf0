export { AGENDA_MARKER, dispatchAgenda } from './dispatch.rules';
export type { DispatchFacts, PlanFacts } from './dispatch.rules';
export { findDispatchMeetings, gatherDispatchFacts, prefillDispatchAgenda, prefillUpcomingDispatchAgendas, previewDispatchAgenda } from './dispatch.service';
export { dispatchRoutes } from './dispatch.routes';

export { EXCEPTION_ACTIONS, EXCEPTION_KINDS, EXCEPTION_STATES } from './exception.contract';
export type {
  CallMeetingInput,
  ExceptionAction,
  ExceptionDetail,
  ExceptionKind,
  ExceptionOptions,
  ExceptionState,
  ExceptionSummary,
  ImpactLineView,
  MeetingDraft,
  ReportExceptionInput,
} from './exception.contract';
export { prodExceptionEvents, prodExceptions, prodExceptionWorkshops } from './exception.schema';
export type { ExceptionRow } from './exception.schema';
export { allowedExceptionActions, isLoopClosed, judgeImpact, lastPlannedDay } from './exception.rules';
export type { ImpactFacts, ImpactVerdict } from './exception.rules';
export { EXCEPTION_LABELS, exceptionLink } from './exception.labels';
export { findExceptions, getExceptionRow, reportException } from './exception.service';
export { getException } from './exception-view.service';
export { getExceptionOptions } from './exception-impact.service';
export {
  callCoordinationMeeting,
  closeException,
  completeExceptionAction,
  draftCoordinationMeeting,
  escalateException,
  resolveException,
  settleCoordinatedExceptions,
} from './exception-flow.service';
export { assertActsForWorkshop, findWorkshopHeads, getWorkshopFor, isProductionDept, isWorkshopMember } from './workshop-scope';
export { findMyWorkshopId } from './exception-impact.service';
export { exceptionRoutes } from './exception.routes';
export { exceptionJobs } from './exception.jobs';
export { findExceptionInbox } from './exception-inbox.service';
export { UNMET_ACTIONS, UNMET_STATES } from './plan-route.contract';
export type {
  ChangeCauses,
  MarkChangeCauseInput,
  ReportUnmetInput,
  RouteStepInput,
  UnmetAction,
  UnmetRoutes,
  UnmetRouteView,
  UnmetState,
} from './plan-route.contract';
export { prodPlanChangeCauses, prodUnmetPlanRoutes } from './plan-route.schema';
export { allowedUnmetActions, nextUnmetState, withApproverStep } from './plan-route.rules';
export { advanceUnmetPlan, findUnmetRoutes, reportUnmetPlan } from './unmet-plan.service';
export { findCustomerChangeCauses, markCustomerChangeCause, onCustomerChangeSubmit, recheckAfterCustomerChange } from './change-approval.service';
export { planRouteRoutes } from './plan-route.routes';

// Leave for one session, asked in writing beforehand and approved by the leadership group's head (ST-4).
export { leaveInbox } from './leave.inbox';
export { LEAVE_KINDS, trainingLeaveRequests } from './leave.schema';
export type { LeaveKind, LeaveRow, LeaveState } from './leave.schema';
export { decideLeave, decideLeaves, findLeaveRequests, getLeave, requestLeave, withdrawLeave } from './leave.service';
export type { LeaveDecision, LeaveFilter, LeaveInput, LeaveView } from './leave.service';
export { leaveRoutes } from './leave.routes';
export { LeaveViewSchema } from './leave.contract';

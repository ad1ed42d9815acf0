import type { BlackboardCheckView, Branch as BranchData, FlagRaisingWeeks, MemberTasks, MemberViewData, TermPlan } from '#league';
import type { Json } from '../training/training.types';

// The shapes the League API returns, read from the server's contracts (issue 16 item 2).

export type Branch = Json<BranchData>;
export type Member = Json<MemberViewData>;
export type Tasks = Json<MemberTasks>;
export type PlanResponse = Json<TermPlan>;
export type Item = NonNullable<PlanResponse['plan']>['items'][number];
export type Weeks = Json<FlagRaisingWeeks>;
export type Week = Weeks['weeks'][number];
export type Check = Json<BlackboardCheckView>;

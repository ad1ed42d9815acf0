// The member register: branches, members and preparatory members, registration, transfer out (YL-1).
export { leagueBranches, leagueMembers, leagueRegistrations } from './members.schema';
export type { BranchRow, MemberRow, MemberStatus } from './members.schema';
export { checkPromotion, registrationGaps, termCodeOf, transferOutDue } from './members.rules';
export type { TransferRules } from './members.rules';
export { addBranch, addMember, findBranches, findMembers, getMemberTasks, promoteMember, registerMembers, transferOutMember } from './members.service';
export type { MemberInput, MemberView } from './members.service';
export { memberRoutes } from './members.routes';

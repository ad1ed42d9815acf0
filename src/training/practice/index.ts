// The "four ones" (ST-14), assignments handed in and reviewed (ST-15), semester activities (ST-16).
export { ACTIVITY_KINDS, activities, ASSIGNMENT_KINDS, assignments, FOUR_ONES_ITEMS, fourOnes, submissions } from './practice.schema';
export type { ActivityKind, ActivityRow, AssignmentKind, AssignmentRow, FourOnesItem, FourOnesRow, SubmissionRow } from './practice.schema';
export { activityCoverageOf, fourOnesProgressOf, submissionStatusOf } from './practice.rules';
export type { ActivityCoverage, FourOnesProgress, SubmissionStatus } from './practice.rules';
export { addFourOne, findFourOnes, findFourOnesProgress } from './four-ones.service';
export { createAssignment, findAssignments, findSubmissions, reviewSubmission, submitAssignment } from './assignment.service';
export type { AssignmentInput, AssignmentView } from './assignment.service';
export { addActivity, findActivities } from './activity.service';
export type { ActivityInput } from './activity.service';
export { practiceRoutes } from './practice.routes';
export { ActivitySchema, AssignmentSchema, FourOneSchema, SubmissionSchema } from './practice.contract';
export { AssignmentViewSchema, FourOnesProgressSchema } from './practice.contract';

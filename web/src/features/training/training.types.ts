import type {
  ActivityList,
  AssessmentReasonData,
  AssessmentViewData,
  AssignmentViewData,
  AttendanceChange as AttendanceChangeData,
  AttendanceViewData,
  BackboneHoursData,
  BackboneOverview,
  ClaimViewData,
  CreditLineData,
  CreditSummaryData,
  Criterion as CriterionData,
  FourOneData,
  FourOnesProgressList,
  GenerationResultData,
  HonourViewData,
  LeaveViewData,
  MentorPairViewData,
  MyHome,
  OfficeDashboard,
  PlanDetailData,
  PlanItemData,
  PublicEvaluationForm,
  RosterData,
  RoundLink as RoundLinkData,
  RoundViewData,
  ScreenQrData,
  SelfStudy as SelfStudyData,
  SessionViewData,
  SignInResult,
  StudyNote,
  SubmissionList,
  TeacherArchiveData,
  TeacherCredits,
  TeacherEvaluationData,
  TeacherViewData,
  TermSummaryView,
  VoidOutcomeData,
} from '#training';

// The shapes the training API returns, read from the server's contracts (issue 16 item 2).

/** What JSON makes of a server type: instants arrive as ISO strings. */
export type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

export type Teacher = Json<TeacherViewData>;
export type Session = Json<SessionViewData>;
export type AttendanceRecord = Json<AttendanceViewData>;
export type AttendanceStatus = AttendanceRecord['status'];
export type Roster = Json<RosterData>;
export type RosterStatus = Roster['rows'][number]['status'];
export type OutlineStatus = Session['outlineStatus'];
export type SessionPhase = Session['phase'];
export type PlanItem = Json<PlanItemData>;
/** A plan as GET /training/plans/:id answers it; the list leaves `document` out. */
export type Plan = Json<PlanDetailData>;
export type Leave = Json<LeaveViewData>;
export type CreditLine = Json<CreditLineData>;
export type CreditReport = Json<TeacherCredits>;
export type Claim = Json<ClaimViewData>;
export type AssessmentReason = Json<AssessmentReasonData>;
export type Assessment = Json<AssessmentViewData>;
/** A note; the office's list names its teacher. */
export type Note = Json<StudyNote> & { teacherName?: string };
export type SelfStudy = Json<SelfStudyData>;
export type AssignmentView = Json<AssignmentViewData>;
export type SubmissionRow = Json<SubmissionList>[number];
export type AttendanceChange = Json<AttendanceChangeData>;
export type ScreenQr = Json<ScreenQrData>;
export type SignInOutcome = Json<SignInResult>;
export type Generation = Json<GenerationResultData>;
export type CreditSummary = Json<CreditSummaryData>;
export type Backbone = Json<BackboneOverview>;
export type BackboneHours = Json<BackboneHoursData>;
export type Dashboard = Json<OfficeDashboard>;
export type Home = Json<MyHome>;
export type Round = Json<RoundViewData>;
export type RoundResult = Json<TeacherEvaluationData>;
export type PublicForm = Json<PublicEvaluationForm>;
export type MentorPair = Json<MentorPairViewData>;
export type Honour = Json<HonourViewData>;
export type TermSummary = Json<TermSummaryView>;
export type TeacherArchive = Json<TeacherArchiveData>;
export type FourOnesProgressRow = Json<FourOnesProgressList>[number];
export type FourOne = Json<FourOneData>;
export type Activities = Json<ActivityList>;
export type Criterion = Json<CriterionData>;
export type RoundLink = Json<RoundLinkData>;
export type VoidOutcome = Json<VoidOutcomeData>;

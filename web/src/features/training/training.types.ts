import type { Text } from '../../ui/i18n';

// The shapes the training API returns (src/training/**); dates arrive as ISO strings.

export type AttendanceStatus = 'on_time' | 'late' | 'left_early' | 'absent' | 'excused';
export type RosterStatus = AttendanceStatus | 'pending' | 'not_signed_in';
export type OutlineStatus = 'written' | 'late' | 'due' | 'missing';
export type SessionPhase = 'upcoming' | 'open' | 'ended' | 'cancelled';

export interface Teacher {
  id: string;
  staffNo: string;
  name: string;
  userId: string | null;
  username: string | null;
  groupId: string | null;
  groupName: string | null;
  subject: string | null;
  grades: string | null;
  title: string | null;
  stage: string;
  backboneLevel: string | null;
  leadershipRole: string | null;
  phone: string | null;
  joinedOn: string | null;
  isActive: boolean;
  version: number;
}

export interface Session {
  id: string;
  planId: string | null;
  slotCode: string | null;
  title: string;
  topic: string | null;
  category: string;
  creditParts: { category: string; minutes: number }[];
  trainerTeacherId: string | null;
  trainerName: string | null;
  trainerDisplay: string | null;
  recorderTeacherId: string | null;
  recorderName: string | null;
  location: string | null;
  sessionDate: string;
  startsAt: string;
  endsAt: string;
  audience: 'all' | 'group';
  groupId: string | null;
  groupName: string | null;
  isCentralised: boolean;
  outline: string | null;
  outlineAt: string | null;
  minutes: string | null;
  minutesAt: string | null;
  state: 'scheduled' | 'cancelled' | 'void';
  cancelReason: string | null;
  voidReason: string | null;
  voidedAt: string | null;
  rosterClosedAt: string | null;
  durationMinutes: number;
  outlineStatus: OutlineStatus;
  phase: SessionPhase;
  isLocked: boolean;
  localStart: string;
  localEnd: string;
  version: number;
}

export interface AttendanceRecord {
  id: string;
  sessionId: string;
  teacherId: string;
  status: AttendanceStatus;
  lateMinutes: number;
  leftEarlyMinutes: number;
  signedInAt: string | null;
  signedOutAt: string | null;
  source: string;
  flags: string[];
  deviceId: string | null;
  leaveId: string | null;
  note: string | null;
  version: number;
}

export interface Roster {
  session: Session;
  rows: { teacherId: string; name: string; staffNo: string; groupName: string | null; status: RosterStatus; record: AttendanceRecord | null }[];
  counts: { expected: number; present: number; onTime: number; late: number; leftEarly: number; absent: number; excused: number; notSignedIn: number; rate: number | null };
  canOverrideLock: boolean;
}

export interface PlanItem {
  category: string;
  topic: string;
  ownerTeacherId: string | null;
  schedule: string;
  month: string | null;
  hours: number | null;
}

export interface Plan {
  id: string;
  kind: 'annual' | 'semester';
  schoolYear: string;
  term: 1 | 2 | null;
  startsOn: string;
  endsOn: string;
  goals: string;
  items: PlanItem[];
  title: string;
  number: string;
  state: string;
  revision: number;
  documentVersion: number;
  version: number;
  sessionsGeneratedAt: string | null;
  ownerNames: Record<string, string>;
  document: { allowedActions: string[]; canEdit: boolean; version: number; timeline: { action: string; actorName: string; opinion: string | null; at: string; stepNameZh: string | null }[] } | null;
}

export interface Leave {
  id: string;
  sessionId: string;
  teacherId: string;
  teacherName: string;
  sessionTitle: string;
  sessionDate: string;
  startsAt: string;
  kind: string;
  reason: string;
  attachmentId: string | null;
  state: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  requestedAt: string;
  decidedByName: string | null;
  opinion: string | null;
  version: number;
}

export interface CreditLine {
  source: 'session' | 'claim';
  refId: string;
  date: string;
  title: string;
  category: string;
  minutes: number | null;
  hours: number;
  credits: number;
  notes: Text[];
}

export interface CreditReport {
  teacherName: string;
  schoolYear: string;
  lines: CreditLine[];
  categories: { category: string; hours: number; credits: number; cap: number | null; isCapped: boolean }[];
  totalHours: number;
  totalCredits: number;
  required: number;
  isMet: boolean;
  shortfall: number;
  progress: number;
}

export interface Claim {
  id: string;
  teacherName: string;
  kind: string;
  title: string;
  organiser: string | null;
  category: string;
  hours: number;
  startedOn: string;
  endedOn: string;
  certificateNo: string | null;
  attachmentIds: string[];
  state: 'pending' | 'recognised' | 'rejected' | 'withdrawn';
  recognisedHours: number | null;
  opinion: string | null;
  version: number;
}

export interface AssessmentReason {
  code: string;
  requirementId: string;
  clause: string;
  summary: Text;
  evidence: { entity: string; entityId: string; label: string; link?: string }[];
}

export interface Assessment {
  id: string;
  teacherId: string;
  teacherName: string;
  staffNo: string;
  groupName: string | null;
  schoolYear: string;
  verdict: 'qualified' | 'unqualified';
  reasons: AssessmentReason[];
  credits: number;
  requiredCredits: number;
  unexcusedAbsences: number;
  state: 'computed' | 'confirmed';
  confirmedByName: string | null;
  opinion: string | null;
  version: number;
}

export interface Note {
  id: string;
  kind: string;
  weekStart: string;
  title: string;
  source: string | null;
  content: string;
  teacherName?: string;
  version: number;
}

export interface SelfStudy {
  weeks: { weekStart: string; articleExcerpts: number; informationExcerpts: number; isMet: boolean }[];
  weeksMet: number;
  weeksDue: number;
  journals: string[];
  journalsRequired: number;
  isJournalMet: boolean;
}

export interface AssignmentView {
  id: string;
  kind: string;
  title: string;
  description: string;
  dueOn: string;
  groupName: string | null;
  expected: number;
  submitted: number;
  myStatus: string | null;
  mySubmission: { id: string; reviewState: string; reviewComment: string | null; version: number } | null;
}

import type { Text } from '../../ui/i18n';

// The shapes the production API returns (src/production), as the pages read them.

export type DocState = 'draft' | 'submitted' | 'approved' | 'rejected' | 'issued' | 'closed' | 'confirmed';
export type DocAction = 'submit' | 'withdraw' | 'approve' | 'reject' | 'revise' | 'issue' | 'close' | 'adjust';
export type PlanKind = 'annual' | 'quarterly' | 'monthly' | 'weekly' | 'special' | 'temporary';

export interface ItemLabel {
  code: string;
  name: string;
  spec: string;
  unit: string;
  category?: string;
}

// The capacity check's shapes are the server's own (one source of truth; types only).
import type { CapacityView, CountermeasureVerdict, CoveredOverload, Overload } from '#production';

export type { CapacityView, CountermeasureVerdict, CoveredOverload, HeatCell, HeatRow, Overload } from '#production';

export interface Countermeasure {
  id: string;
  workshopId: string;
  bucketStart: string;
  bucketEnd: string | null;
  kind: 'overtime' | 'outsourcing' | 'reschedule' | 'other';
  description: string;
  extraHours: number | null;
  sharePct: number | null;
  version: number;
}

export interface PlanLine {
  itemId: string;
  forecastQty: number | null;
  quantities: number[];
  total: number;
  note: string;
}

export interface DocStep {
  key: string;
  nameZh: string;
  nameEn: string;
  roleCode: string;
}

export interface DocView {
  id: string;
  number: string;
  title: string;
  state: DocState;
  revision: number;
  effectiveRevision: number | null;
  version: number;
  stepIndex: number | null;
  steps: DocStep[];
  allowedActions: DocAction[];
  canAcknowledge: boolean;
  body: { content?: string; contentEn?: string; lines?: { key: string; value: string; valueEn?: string }[] };
  timeline: { seq: number; revision: number; action: DocAction; toState: DocState; stepNameZh: string | null; stepNameEn: string | null; actorName: string; opinion: string | null; at: string }[];
}

export interface MaterialSummary {
  make: number;
  buy: number;
  outsource: number;
  shortages: { itemId: string; qty: number; needOn: string; releaseOn: string }[];
}

export interface PlanView {
  id: string;
  kind: PlanKind;
  title: string;
  periodStart: string;
  periodEnd: string;
  bucket: 'day' | 'month';
  workshopId: string | null;
  workshopName: string | null;
  parentPlanId: string | null;
  requestId: string | null;
  version: number;
  state: DocState;
  documentId: string | null;
  number: string | null;
  revision: number | null;
  effectiveRevision: number | null;
  confirmedAt: string | null;
  isEditable: boolean;
  canEdit: boolean;
  buckets: string[];
  capacityGroups: { start: string; label: Text }[];
  lines: PlanLine[];
  items: Record<string, ItemLabel>;
  capacity: CapacityView | null;
  capacityStatus: string;
  isCapacityFresh: boolean;
  capacityCalendarChangedOn: string | null;
  overloads: CoveredOverload[];
  allOverloads: CoveredOverload[];
  countermeasureCheck: CountermeasureVerdict[];
  underloads: Overload[];
  underReportedAt: string | null;
  countermeasures: Countermeasure[];
  materialsAt: string | null;
  materialsSummary: MaterialSummary | null;
  revisions: number[];
  document: DocView | null;
}

export interface PlanSummary {
  id: string;
  kind: PlanKind;
  title: string;
  periodStart: string;
  periodEnd: string;
  workshopName: string | null;
  number: string | null;
  state: DocState;
  revision: number | null;
  effectiveRevision: number | null;
  capacityStatus: string;
  lineCount: number;
  total: number;
  link: string;
}

export interface Item extends ItemLabel {
  id: string;
  category: 'finished' | 'semi' | 'raw' | 'packaging';
  source: 'make' | 'buy' | 'outsource';
  leadTimeDays: number;
  lotRule: 'lfl' | 'fixed' | 'multiple';
  lotQty: number | null;
  lotMin: number | null;
  isMature: boolean;
  isActive: boolean;
  supplier: string;
  onHand: number;
  minQty: number | null;
  maxQty: number | null;
  safetyStock: number;
  /** A changed safety stock waiting for approval (T4 第二十四条). */
  safetyPending: number | null;
  stockVersion: number | null;
  isSafetyApproved: boolean;
  version: number;
}

export interface Workshop {
  id: string;
  code: string;
  name: string;
  departmentId: string | null;
  shiftsPerDay: number;
  hoursPerShift: number;
  lines: number;
  efficiency: number;
  workingWeekdays: number[];
  version: number;
}

export interface OrderLine {
  id: string;
  lineNo: number;
  itemId: string;
  code: string;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  requestedShipOn: string;
  agreedQty: number | null;
  agreedShipOn: string | null;
}

export interface OrderView {
  id: string;
  number: string;
  kind: 'contract' | 'oral' | 'written' | 'delivery_request';
  customer: string;
  contact: string;
  receivedOn: string;
  note: string;
  state: 'received' | 'in_review' | 'submitted' | 'approved' | 'rejected' | 'cancelled';
  reviewDocumentId: string | null;
  salesSheetNumber: string | null;
  version: number;
  lines: OrderLine[];
  reviews: { party: 'production' | 'quality' | 'business'; opinion: string; isAgreed: boolean; reviewerName: string; at: string }[];
  /** Which department speaks for each party, and whether the viewer may (a member of it). */
  reviewParties?: { party: 'production' | 'quality' | 'business'; departmentNames: string[]; mayReview: boolean }[];
  changes: {
    id: string;
    orderLineId: string;
    kind: 'product' | 'quantity' | 'date' | 'cancel';
    newQty: number | null;
    newShipOn: string | null;
    reason: string;
    receivedOn: string;
    hasWrittenConfirmation: boolean;
    confirmationRef: string;
    noticeDays: number;
    isShortNotice: boolean;
    shortNoticeReason: string | null;
    state: 'pending' | 'applied' | 'rejected';
    decisionNote: string | null;
    version: number;
  }[];
}

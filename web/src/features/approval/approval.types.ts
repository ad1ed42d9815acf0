import { type Text, tx } from '../../ui/i18n';

// The shapes the approval API returns (src/core/approval), as the pages read them.

export type DocumentState = 'draft' | 'submitted' | 'approved' | 'rejected' | 'issued' | 'closed';
export type DocumentAction = 'submit' | 'withdraw' | 'approve' | 'reject' | 'revise' | 'issue' | 'close' | 'adjust';

export interface ChainStep {
  key: string;
  nameZh: string;
  nameEn: string;
  roleCode: string;
}

export interface DocumentSummary {
  id: string;
  docType: string;
  docTypeLabel: Text;
  number: string;
  title: string;
  state: DocumentState;
  revision: number;
  effectiveRevision: number | null;
  waitingRole: string | null;
  authorName: string;
  updatedAt: string;
  link: string;
}

export interface TimelineEntry {
  seq: number;
  revision: number;
  action: DocumentAction;
  fromState: DocumentState;
  toState: DocumentState;
  stepIndex: number | null;
  stepNameZh: string | null;
  stepNameEn: string | null;
  actorName: string;
  opinion: string | null;
  at: string;
}

export interface DocumentView extends DocumentSummary {
  body: Record<string, unknown>;
  stepIndex: number | null;
  steps: ChainStep[];
  allowSelfApproval: boolean;
  departmentName: string | null;
  createdAt: string;
  submittedAt: string | null;
  version: number;
  isGenericEditable: boolean;
  allowedActions: DocumentAction[];
  canEdit: boolean;
  canAcknowledge: boolean;
  timeline: TimelineEntry[];
}

export interface ReceiptView {
  id: string;
  revision: number;
  departmentId: string | null;
  userId: string | null;
  recipientName: string;
  issuedAt: string;
  issuedByName: string;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
}

export interface DistributionView {
  revision: number | null;
  total: number;
  acknowledged: number;
  pending: string[];
  receipts: ReceiptView[];
}

export interface RevisionView {
  revision: number;
  title: string;
  body: unknown;
  state: string;
  authorName: string;
  createdAt: string;
  approvedAt: string | null;
  supersededAt: string | null;
  isInForce: boolean;
}

export interface DiffEntry {
  path: string;
  labelZh?: string;
  before: unknown;
  after: unknown;
  kind: 'added' | 'removed' | 'changed';
}

export interface InboxItem {
  kind: string;
  /** The kind in words, declared by the module the item comes from. */
  tag: Text;
  id: string;
  title: Text;
  link: string;
  since: string;
  due?: string;
}

export interface DocumentTypeInfo {
  docType: string;
  label: Text;
  numberPrefix: string;
  isGenericEditable: boolean;
}

export interface ChainView {
  docType: string;
  label: Text;
  steps: ChainStep[];
  allowSelfApproval: boolean;
  version: number | null;
  updatedAt: string | null;
}

/** The body the generic editor writes: free text plus key/value lines. */
export interface GeneralBody {
  content?: string;
  lines?: { key: string; value: string }[];
}

export const STATE_LABELS: Record<DocumentState, Text> = {
  draft: tx('草稿', 'Draft'),
  submitted: tx('审批中', 'Submitted'),
  approved: tx('已批准', 'Approved'),
  rejected: tx('已退回', 'Rejected'),
  issued: tx('已发放', 'Issued'),
  closed: tx('已关闭', 'Closed'),
};

export const STATE_COLORS: Record<DocumentState, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  issued: 'blue',
  closed: 'default',
};

export const ACTION_LABELS: Record<DocumentAction, Text> = {
  submit: tx('提交审批', 'Submit'),
  withdraw: tx('撤回', 'Withdraw'),
  approve: tx('批准', 'Approve'),
  reject: tx('退回', 'Reject'),
  revise: tx('修改后重新提交', 'Revise'),
  issue: tx('发放', 'Issue'),
  close: tx('关闭', 'Close'),
  adjust: tx('调整', 'Adjust'),
};


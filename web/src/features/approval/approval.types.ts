import { type Text, tx } from '../../ui/i18n';

// The shapes the approval API returns: the server's own types (src/core/approval/approval.contract.ts).
// Times arrive as ISO strings (`Wire`: the server's `Date` is serialised).

import type * as Server from '#core/approval';
import type { Wire } from '#core/validation';

export type { ChainStep, DiffEntry, DocumentAction, DocumentState, DocumentTypeListItem as DocumentTypeInfo, InboxItem } from '#core/approval';
export type DocumentSummary = Wire<Server.DocumentSummary>;
export type TimelineEntry = Wire<Server.TimelineEntry>;
export type DocumentView = Wire<Server.DocumentView>;
export type ReceiptView = Wire<Server.ReceiptView>;
export type DistributionView = Wire<Server.DistributionView>;
export type RevisionView = Wire<Server.RevisionView>;
export type ChainView = Wire<Server.ChainView>;
import type { DocumentAction, DocumentState } from '#core/approval';

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

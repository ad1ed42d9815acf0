import { type Text, tx } from '../../../ui/i18n';

// The server's types for the shop-floor pages (one source of truth; types only).
export type {
  ChecklistForm,
  FloorDueList,
  FloorOverview,
  OperationRecordView,
  PatrolView,
  ProcessBody,
  ProcessCategory,
  ProcessDiffEntry,
  ProcessDocDetail,
  ProcessDocSummary,
  RectificationView,
  SafetyCheckView,
  SafetyItemView,
} from '#production';

export const RECTIFICATION_STATES: Record<string, { text: Text; color: string }> = {
  open: { text: tx('整改中', 'Open'), color: 'orange' },
  escalated: { text: tx('已上报生产部', 'Escalated'), color: 'red' },
  done: { text: tx('已整改', 'Done'), color: 'green' },
};

export const OPERATION_KIND_LABELS: Record<string, Text> = {
  self: tx('自检', 'Self check'),
  mutual: tx('互检', 'Mutual check'),
  operation: tx('操作记录', 'Operation record'),
};

export const SHIFT_LABELS: Record<number, Text> = { 1: tx('早班', 'Day shift'), 2: tx('中班', 'Middle shift'), 3: tx('夜班', 'Night shift') };

export const PROCESS_CATEGORY_LABELS: Record<string, Text> = {
  outline: tx('工艺大纲', 'Process outline'),
  procedure: tx('操作规程', 'Operating procedure'),
  standard: tx('现场作业标准', 'Site standard'),
};

export const DOC_STATE_LABELS: Record<string, { text: Text; color: string }> = {
  draft: { text: tx('草稿', 'Draft'), color: 'default' },
  submitted: { text: tx('审批中', 'In approval'), color: 'processing' },
  approved: { text: tx('现行有效', 'In force'), color: 'green' },
  rejected: { text: tx('已退回', 'Rejected'), color: 'red' },
  issued: { text: tx('现行有效', 'In force'), color: 'green' },
  closed: { text: tx('已废止', 'Withdrawn'), color: 'default' },
};

import { type Text, tx } from '../../../ui/i18n';

// The server's types for the exception pages (one source of truth; types only).
export type {
  ChangeCauses,
  ExceptionDetail,
  ExceptionKind,
  ExceptionOptions,
  ExceptionState,
  ExceptionSummary,
  MeetingDraft,
  UnmetRoutes,
  UnmetRouteView,
} from '#production';

/** T4 第三十五条 names them: 断料、设备故障、停电停水 … */
export const EXCEPTION_KIND_LABELS: Record<string, Text> = {
  material: tx('断料', 'Material shortage'),
  equipment: tx('设备故障', 'Equipment failure'),
  outage: tx('停电/停水', 'Power or water outage'),
  quality: tx('质量问题', 'Quality problem'),
  process: tx('工艺问题', 'Process problem'),
  other: tx('其他', 'Other'),
};

export const EXCEPTION_STATE_LABELS: Record<string, { text: Text; color: string }> = {
  reported: { text: tx('已上报', 'Reported'), color: 'orange' },
  coordinating: { text: tx('协调中', 'Coordinating'), color: 'processing' },
  resolved: { text: tx('已解决', 'Resolved'), color: 'green' },
  closed: { text: tx('已关闭', 'Closed'), color: 'default' },
};

export const TIMELINE_LABELS: Record<string, Text> = {
  reported: tx('上报', 'Reported'),
  escalated: tx('上报副总经理', 'Escalated to the vice GM'),
  meeting: tx('召开协调会', 'Coordination meeting called'),
  action_done: tx('事项办结', 'Action item closed'),
  resolved: tx('已解决', 'Resolved'),
  closed: tx('已关闭', 'Closed'),
};

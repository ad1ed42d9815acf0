import type { RequisitionStage, RequisitionView } from '#production';
import { type Text, tx } from '../../../ui/i18n';

// What people read for a requisition's stage and steps (never the internal codes).

export const STAGES: Record<RequisitionStage, { text: Text; color: string }> = {
  submitted: { text: tx('待车间主任批准', 'Awaiting the director'), color: 'processing' },
  escalated: { text: tx('超定额待批准', 'Above norm, awaiting approval'), color: 'warning' },
  rejected: { text: tx('已退回', 'Rejected'), color: 'error' },
  withdrawn: { text: tx('已撤回', 'Withdrawn'), color: 'default' },
  to_issue: { text: tx('待发料', 'To issue'), color: 'cyan' },
  partial: { text: tx('部分发料', 'Partly issued'), color: 'gold' },
  issued: { text: tx('已发料', 'Issued'), color: 'success' },
};

export const EVENTS: Record<RequisitionView['events'][number]['action'], Text> = {
  submit: tx('提交', 'Submitted'),
  approve: tx('车间主任批准', 'Approved by the director'),
  approve_above_norm: tx('超定额批准', 'Above-norm approval'),
  reject: tx('退回', 'Rejected'),
  withdraw: tx('撤回', 'Withdrawn'),
};

export const SOURCES: Record<RequisitionView['source'], Text> = {
  weekly: tx('周生产计划', 'Weekly plan'),
  monthly: tx('月度计划（无已确认周计划）', 'Monthly plan (no confirmed weekly plan)'),
};

/** The days as people say them: 4/7, or 4/1–4/15 (12 天). */
export function daysText(days: readonly string[]): string {
  const md = (d: string) => `${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}`;
  if (days.length === 0) return '';
  if (days.length === 1) return md(days[0]);
  return `${md(days[0])}–${md(days[days.length - 1])}（${days.length}）`;
}

/** Above the norm when, with what the days already got, they get more than norm × (1 + tolerance). */
export const isAboveNorm = (l: { normQty: number; priorQty: number }, requested: number, tolerance: number): boolean =>
  l.priorQty + requested > l.normQty * (1 + tolerance) + 1e-6;

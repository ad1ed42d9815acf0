import { type Text, tx } from '../../../ui/i18n';

export const MACHINE_STATES: Record<string, { text: Text; color: string }> = {
  running: { text: tx('运行', 'Running'), color: 'green' },
  stopped: { text: tx('停机', 'Stopped'), color: 'red' },
  under_repair: { text: tx('维修中', 'Under repair'), color: 'orange' },
  retired: { text: tx('报废', 'Retired'), color: 'default' },
};

export const FREQUENCIES: Record<string, Text> = {
  shift: tx('每班', 'Every shift'),
  daily: tx('每天', 'Daily'),
  weekly: tx('每周', 'Weekly'),
  monthly: tx('每月', 'Monthly'),
};

export const REPAIR_STATES: Record<string, { text: Text; color: string }> = {
  reported: { text: tx('待受理', 'Reported'), color: 'red' },
  accepted: { text: tx('已受理', 'Accepted'), color: 'orange' },
  repairing: { text: tx('维修中', 'Repairing'), color: 'gold' },
  done: { text: tx('已修复', 'Repaired'), color: 'green' },
};

export const REPAIR_SOURCES: Record<string, Text> = { spot_check: tx('点检异常', 'Spot check'), report: tx('报修', 'Reported') };

export const CYCLES: Record<string, Text> = {
  monthly: tx('每月', 'Monthly'),
  quarterly: tx('每季度', 'Quarterly'),
  half_yearly: tx('每半年', 'Half-yearly'),
  yearly: tx('每年', 'Yearly'),
};

export const UPKEEP_STATUS: Record<string, { text: Text; color: string }> = {
  done: { text: tx('已完成', 'Done'), color: 'green' },
  due: { text: tx('今日待做', 'Due'), color: 'gold' },
  overdue: { text: tx('已逾期', 'Overdue'), color: 'red' },
  rest: { text: tx('休息日', 'Rest day'), color: 'default' },
};

/** A recorded instant in the organisation's time zone (its policy's UTC offset), as MM-DD HH:mm. */
export function formatAt(iso: string | null | undefined, utcOffsetMinutes: number): string {
  if (!iso) return '—';
  const local = new Date(new Date(iso).getTime() + utcOffsetMinutes * 60_000).toISOString();
  return `${local.slice(5, 10)} ${local.slice(11, 16)}`;
}

import { type Text, tx } from '../../ui/i18n';

// The shapes the assessment API returns: the server's own types (src/core/assessment/assessment.contract.ts).
// Times arrive as ISO strings (`Wire`: the server's `Date` is serialised).

import type * as Server from '#core/assessment';
import type { Wire } from '#core/validation';
import type { FindingState } from '#core/assessment';

export type { Evidence, FindingCommand, FindingState } from '#core/assessment';
export type Finding = Wire<Server.Finding>;
export type FindingEvent = Wire<Server.FindingEvent>;
export type FindingDetail = Wire<Server.FindingDetail>;
export type FindingList = Wire<Server.FindingListView>;

export interface FindingFilter {
  state?: FindingState;
  ruleCode?: string;
  period?: string;
}

export const STATE_LABELS: Record<FindingState, { text: Text; color: string }> = {
  open: { text: tx('待确认', 'Open'), color: 'blue' },
  disputed: { text: tx('申诉中', 'Disputed'), color: 'orange' },
  confirmed: { text: tx('已确认', 'Confirmed'), color: 'red' },
  withdrawn: { text: tx('已撤销', 'Withdrawn'), color: 'default' },
};

export const ACTION_LABELS: Record<FindingEvent['action'], Text> = {
  create: tx('生成', 'Recorded'),
  dispute: tx('申诉', 'Dispute'),
  confirm: tx('确认', 'Confirm'),
  withdraw: tx('撤销', 'Withdraw'),
  falsified: tx('弄虚作假加倍', 'Falsified: double'),
};

const VERDICTS: Record<string, Text> = {
  penalty: tx('扣罚', 'Penalty'),
  unqualified: tx('不合格', 'Unqualified'),
  qualified: tx('合格', 'Qualified'),
  commendation: tx('表彰', 'Commendation'),
  'missed-deadline': tx('逾期', 'Missed deadline'),
};

export const verdictLabel = (v: string): Text => VERDICTS[v] ?? { zh: v, en: v };

export const formatYuan = (n: number | null | undefined): string => (n === null || n === undefined ? '' : `¥${n.toFixed(2)}`);

/** The query string of a filter, for the list, the export and the print page alike. */
export const filterQuery = (f: FindingFilter): string => new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => !!e[1])).toString();

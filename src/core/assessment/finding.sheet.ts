import { defineSheet, type SheetRow } from '../excel';
import type { FindingRow } from './finding-query.service';

export const FINDING_STATES = [
  { value: 'open', zh: '待确认', en: 'Open' },
  { value: 'disputed', zh: '申诉中', en: 'Disputed' },
  { value: 'confirmed', zh: '已确认', en: 'Confirmed' },
  { value: 'withdrawn', zh: '已撤销', en: 'Withdrawn' },
];

export const findingsSheet = defineSheet({
  name: 'findings',
  columns: [
    { key: 'createdAt', header: { zh: '日期', en: 'Date' }, type: 'date', width: 12 },
    { key: 'period', header: { zh: '期间', en: 'Period' }, type: 'string', width: 10 },
    { key: 'subject', header: { zh: '考核对象', en: 'Subject' }, type: 'string', required: true, width: 16 },
    { key: 'clause', header: { zh: '依据条款', en: 'Clause' }, type: 'string', required: true, width: 14 },
    { key: 'requirementId', header: { zh: '需求编号', en: 'Requirement' }, type: 'string', width: 10 },
    { key: 'ruleCode', header: { zh: '规则', en: 'Rule' }, type: 'string', width: 26 },
    { key: 'verdict', header: { zh: '结论', en: 'Verdict' }, type: 'string', width: 12 },
    { key: 'amount', header: { zh: '金额（元）', en: 'Amount (yuan)' }, type: 'number', width: 12 },
    { key: 'isFalsified', header: { zh: '弄虚作假加倍', en: 'Doubled for falsification' }, type: 'boolean', width: 12 },
    { key: 'state', header: { zh: '状态', en: 'State' }, type: 'enum', required: true, enumValues: FINDING_STATES, width: 10 },
    { key: 'summary', header: { zh: '说明', en: 'Summary' }, type: 'string', width: 40 },
  ],
});

/** utcOffsetMinutes: the organisation's local time, so the date is the one people saw. */
export function findingSheetRow(f: FindingRow, locale: 'zh-CN' | 'en', utcOffsetMinutes: number): SheetRow {
  return {
    createdAt: new Date(f.createdAt.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10),
    period: f.period,
    subject: f.subjectLabel,
    clause: f.clause,
    requirementId: f.requirementId,
    ruleCode: f.ruleCode,
    verdict: f.verdict,
    amount: f.amount,
    isFalsified: f.isFalsified,
    state: f.state,
    summary: locale === 'en' ? f.summaryEn : f.summaryZh,
  };
}

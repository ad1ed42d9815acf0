import type { PresetName } from './policy.schema';

// Shared vocabulary of the policy metadata: units, role choices, and the note for a
// value a template does not state and borrows from another.

export interface Text {
  zh: string;
  en: string;
}

export interface FieldMeta {
  label: Text;
  unit?: Text;
  /** The clause the value comes from, as users read it: 'T2 五.1' or 'T4 第十九条'. */
  clause: string;
  requirementId?: string;
  help?: Text;
  /** Per template: where its value comes from when it differs, or that it is borrowed. */
  notes?: Partial<Record<PresetName, Text>>;
  options?: { value: string; label: Text }[];
}

export const t = (zh: string, en: string): Text => ({ zh, en });
export const U = {
  day: t('日（每月）', 'day of month'),
  days: t('天', 'days'),
  yuan: t('元/次', 'yuan per incident'),
  times: t('倍', '×'),
  share: t('比例（0–1）', 'share (0–1)'),
  credits: t('学分', 'credits'),
  hours: t('学时', 'hours'),
  minutes: t('分钟', 'minutes'),
  seconds: t('秒', 'seconds'),
  count: t('次/个', 'count'),
  month: t('月', 'month'),
};
export const role = (value: string, zh: string, en: string) => ({ value, label: t(zh, en) });
export const ROLE_OPTIONS = [
  role('gm', '总经理', 'General manager'),
  role('vp_production', '副总经理/生产总监', 'VP production'),
  role('production_head', '生产部负责人', 'Production head'),
  role('principal', '校长', 'Principal'),
  role('academic_director', '教导处主任', 'Teaching-affairs director'),
];
export const borrowed = (from: string): Text => t(`本模板未规定，取 ${from} 的规定`, `Silent in this template; taken from ${from}`);
export const zhiduDefault = t('制度未给出数值，为系统默认值，可按本单位实际修改', 'The regulations give no number; a product default to adjust');
export const schoolsBorrow = (from: string) => ({ S1: borrowed(from), S3: borrowed(from), S4: borrowed(from), T5: borrowed(from) });
export const plantsBorrow = (from: string) => ({ T1: borrowed(from), T3: borrowed(from), T4: borrowed(from) });

import type { MemberStatus } from './members.schema';

type Text = { zh: string; en: string };

/** S5 三.2 as the school's policy sets it: which grade graduates and from which month it transfers out. */
export interface TransferRules {
  graduatingGrade: number;
  transferOutMonth: number;
}

/** '2026-2027-2': the term a registration (团员注册, S5 三.1) belongs to. */
export const termCodeOf = (schoolYear: string, term: 1 | 2): string => `${schoolYear}-${term}`;

/** S5 三.2: 预备团员 → 团员 on a day not before the preparatory period began. */
export function checkPromotion(m: { status: MemberStatus; preparatorySince: string | null }, joinedOn: string): Text | null {
  if (m.status !== 'preparatory') return { zh: '只有预备团员可以转为团员', en: 'Only a preparatory member can become a member' };
  if (m.preparatorySince && joinedOn < m.preparatorySince)
    return { zh: '入团日期早于预备期开始日期', en: 'The joining date is before the preparatory period began' };
  return null;
}

/** S5 三.2: who of the graduating grade still has to transfer out, from the policy's month (May) to the summer. */
export function transferOutDue<T extends { status: MemberStatus; grade: number }>(members: T[], today: string, rules: TransferRules): T[] {
  const month = Number(today.slice(5, 7));
  if (month < rules.transferOutMonth || month > 8) return [];
  return members.filter((m) => m.grade === rules.graduatingGrade && m.status !== 'transferred_out');
}

/** S5 三.1: every member on the register is registered for the term ("人人有档案"). */
export function registrationGaps<T extends { id: string; status: MemberStatus }>(members: T[], registered: Set<string>): T[] {
  return members.filter((m) => m.status !== 'transferred_out' && !registered.has(m.id));
}

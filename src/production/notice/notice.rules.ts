// PP-13 (T3 第六条): a production notice carries product, quantity, specification, quality and
// packaging requirements and the due date; T3 第十条: a transfer of intermediate material quotes
// the notice's number. Pure.

export interface NoticeFacts {
  qty: number;
  spec: string;
  qualityRequirements: string;
  packagingRequirements: string;
  dueOn: string;
}

export interface Missing {
  field: keyof NoticeFacts;
  zh: string;
  en: string;
}

export function missingNoticeFields(n: NoticeFacts, today: string): Missing[] {
  const out: Missing[] = [];
  if (!(n.qty > 0)) out.push({ field: 'qty', zh: '数量须大于 0', en: 'quantity must be above 0' });
  if (!n.spec.trim()) out.push({ field: 'spec', zh: '请填写规格', en: 'the specification is required' });
  if (!n.qualityRequirements.trim()) out.push({ field: 'qualityRequirements', zh: '请填写质量要求', en: 'the quality requirements are required' });
  if (!n.packagingRequirements.trim()) out.push({ field: 'packagingRequirements', zh: '请填写包装要求', en: 'the packaging requirements are required' });
  if (n.dueOn < today) out.push({ field: 'dueOn', zh: '交货期限早于今天', en: 'the due date is in the past' });
  return out;
}

/** A notice number as people write it (SCTZ-2026-0007), found whatever the spacing or case. */
export const normaliseNoticeNumber = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

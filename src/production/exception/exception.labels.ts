import type { ExceptionKind } from './exception.contract';

export const exceptionLink = (id: string) => `/production/exceptions/${id}`;

/** 断料、设备故障、停电停水 … as T4 第三十五条 names them. */
export const EXCEPTION_LABELS: Record<ExceptionKind, { zh: string; en: string }> = {
  material: { zh: '断料', en: 'Material shortage' },
  equipment: { zh: '设备故障', en: 'Equipment failure' },
  outage: { zh: '停电/停水', en: 'Power or water outage' },
  quality: { zh: '质量问题', en: 'Quality problem' },
  process: { zh: '工艺问题', en: 'Process problem' },
  other: { zh: '其他', en: 'Other' },
};

import { defineSheet, type SheetLocale, type SheetRow } from '#core/excel';
import type { MonthEndView } from './completion.contract';
import { CAUSE_KINDS } from './report.schema';

const CAUSE_LABELS: Record<(typeof CAUSE_KINDS)[number], { zh: string; en: string }> = {
  organisation: { zh: '组织不合理', en: 'Organisation' },
  quality: { zh: '质量问题', en: 'Quality' },
  material: { zh: '断料', en: 'Material shortage' },
  equipment: { zh: '设备故障', en: 'Equipment' },
  outage: { zh: '停电停水', en: 'Outage' },
  process: { zh: '工艺问题', en: 'Process' },
  other: { zh: '其他', en: 'Other' },
};

/** 月度统计 (T4 第三十四条, T2 (2011) 4.(1)): a clean table, one row per workshop and product. */
export const monthEndSheet = defineSheet({
  name: '月度计划完成情况',
  columns: [
    { key: 'month', header: { zh: '月份', en: 'Month' }, type: 'string', width: 10 },
    { key: 'workshop', header: { zh: '车间', en: 'Workshop' }, type: 'string', width: 12 },
    { key: 'code', header: { zh: '产品编码', en: 'Product code' }, type: 'string', width: 12 },
    { key: 'name', header: { zh: '产品名称', en: 'Product' }, type: 'string', width: 22 },
    { key: 'unit', header: { zh: '单位', en: 'Unit' }, type: 'string', width: 6 },
    { key: 'plan', header: { zh: '计划数', en: 'Planned' }, type: 'number' },
    { key: 'received', header: { zh: '进仓数', en: 'Put into warehouse' }, type: 'number' },
    { key: 'output', header: { zh: '报产量', en: 'Reported output' }, type: 'number' },
    { key: 'completed', header: { zh: '完成数', en: 'Completed' }, type: 'number' },
    { key: 'variance', header: { zh: '差异', en: 'Variance' }, type: 'number' },
    { key: 'rate', header: { zh: '完成率', en: 'Completion rate' }, type: 'number' },
    { key: 'isLarge', header: { zh: '较大差异', en: 'Large variance' }, type: 'boolean' },
    { key: 'causeKind', header: { zh: '原因类别', en: 'Cause kind' }, type: 'enum', enumValues: CAUSE_KINDS.map((v) => ({ value: v, ...CAUSE_LABELS[v] })) },
    { key: 'cause', header: { zh: '原因分析', en: 'Cause' }, type: 'string', width: 30 },
    { key: 'correctiveAction', header: { zh: '纠正措施', en: 'Corrective action' }, type: 'string', width: 30 },
    { key: 'isImmature', header: { zh: '不成熟产品（专项考核）', en: 'Immature (own assessment)' }, type: 'boolean' },
  ],
});

export function monthEndRows(view: MonthEndView): SheetRow[] {
  return [...view.rows, ...view.immature].map((r) => ({
    month: view.month,
    workshop: r.workshopName,
    code: r.code,
    name: r.name,
    unit: r.unit,
    plan: r.plan,
    received: r.received,
    output: r.output,
    completed: r.completed,
    variance: r.variance,
    rate: r.rate,
    isLarge: r.isLarge,
    causeKind: r.cause?.causeKind ?? null,
    cause: r.cause?.cause ?? null,
    correctiveAction: r.cause?.correctiveAction ?? null,
    isImmature: view.immature.includes(r),
  }));
}

export const monthEndFileName = (month: string, locale: SheetLocale) => (locale === 'en' ? `completion-${month}.xlsx` : `月度计划完成情况-${month}.xlsx`);

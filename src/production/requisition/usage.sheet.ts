import { defineSheet, type SheetRow } from '#core/excel';
import type { UsageView } from './requisition.contract';

// 用料分析 as a clean Excel table: one header row, one row per workshop and material.

export const usageSheet = defineSheet({
  name: '用料分析',
  columns: [
    { key: 'month', header: { zh: '月份', en: 'Month' }, type: 'string', width: 10 },
    { key: 'workshop', header: { zh: '车间', en: 'Workshop' }, type: 'string', width: 12 },
    { key: 'code', header: { zh: '物料编码', en: 'Item code' }, type: 'string', width: 12 },
    { key: 'name', header: { zh: '物料名称', en: 'Item' }, type: 'string', width: 20 },
    { key: 'unit', header: { zh: '单位', en: 'Unit' }, type: 'string', width: 6 },
    { key: 'issued', header: { zh: '实际领用（扣退料）', en: 'Issued net of returns' }, type: 'number', width: 16 },
    { key: 'normActual', header: { zh: '进仓定额用量', en: 'Norm for 进仓' }, type: 'number', width: 14 },
    { key: 'normPlanned', header: { zh: '计划定额用量', en: 'Norm for the plan' }, type: 'number', width: 14 },
    { key: 'variance', header: { zh: '差异（领用−进仓定额）', en: 'Variance (issued − norm)' }, type: 'number', width: 18 },
    { key: 'varianceRate', header: { zh: '差异率', en: 'Variance rate' }, type: 'number', width: 10 },
    { key: 'isOver', header: { zh: '超考核阈值', en: 'Beyond threshold' }, type: 'boolean', width: 10 },
  ],
});

export function usageSheetRows(view: UsageView): SheetRow[] {
  return view.workshops.flatMap((w) =>
    w.rows.map((r) => ({
      month: view.month,
      workshop: w.workshopName,
      code: r.code,
      name: r.name,
      unit: r.unit,
      issued: r.issuedQty,
      normActual: r.normActualQty,
      normPlanned: r.normPlannedQty,
      variance: r.varianceQty,
      varianceRate: r.varianceRate,
      isOver: r.isOverThreshold,
    })),
  );
}

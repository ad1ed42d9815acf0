import { defineSheet, type SheetRow } from '#core/excel';
import type { MaterialPlanView, PurchasePlanView } from './purchase.contract';

// The purchase plan and the plan's material orders as clean Excel tables: one header row,
// one row per order line, nothing above the table (printed forms are separate).

const KIND_LABELS = [
  { value: 'make', zh: '自制', en: 'Make' },
  { value: 'buy', zh: '外购', en: 'Buy' },
  { value: 'outsource', zh: '外协', en: 'Outsource' },
];

export const purchaseOrderSheet = defineSheet({
  name: 'purchase-plan',
  columns: [
    { key: 'supplier', header: { zh: '供应商', en: 'Supplier' }, type: 'string', width: 20 },
    { key: 'code', header: { zh: '物料编码', en: 'Item code' }, type: 'string', width: 14 },
    { key: 'name', header: { zh: '品名', en: 'Name' }, type: 'string', width: 22 },
    { key: 'spec', header: { zh: '规格', en: 'Specification' }, type: 'string', width: 16 },
    { key: 'unit', header: { zh: '单位', en: 'Unit' }, type: 'string', width: 8 },
    { key: 'periodStart', header: { zh: '订货周期起', en: 'Period from' }, type: 'date', width: 12 },
    { key: 'needOn', header: { zh: '到货日', en: 'Needed on' }, type: 'date', width: 12 },
    { key: 'releaseOn', header: { zh: '下单日', en: 'Order by' }, type: 'date', width: 12 },
    { key: 'gross', header: { zh: '毛需求', en: 'Gross' }, type: 'number', width: 12 },
    { key: 'net', header: { zh: '净需求', en: 'Net' }, type: 'number', width: 12 },
    { key: 'qty', header: { zh: '采购数量', en: 'Order quantity' }, type: 'number', width: 12 },
    { key: 'received', header: { zh: '已到货', en: 'Received' }, type: 'number', width: 12 },
  ],
});

export function purchaseOrderRows(view: PurchasePlanView): SheetRow[] {
  return view.orders.map((o) => ({
    supplier: o.supplier || null,
    code: o.code,
    name: o.name,
    spec: o.spec || null,
    unit: o.unit,
    periodStart: o.periodStart,
    needOn: o.needOn,
    releaseOn: o.releaseOn,
    gross: o.gross,
    net: o.net,
    qty: o.qty,
    received: o.received,
  }));
}

export const materialOrderSheet = defineSheet({
  name: 'material-plan',
  columns: [
    { key: 'kind', header: { zh: '类别', en: 'Kind' }, type: 'enum', enumValues: KIND_LABELS, width: 8 },
    { key: 'code', header: { zh: '物料编码', en: 'Item code' }, type: 'string', width: 14 },
    { key: 'name', header: { zh: '品名', en: 'Name' }, type: 'string', width: 22 },
    { key: 'unit', header: { zh: '单位', en: 'Unit' }, type: 'string', width: 8 },
    { key: 'isoWeek', header: { zh: '周次', en: 'ISO week' }, type: 'string', width: 10 },
    { key: 'periodStart', header: { zh: '周期起', en: 'Period from' }, type: 'date', width: 12 },
    { key: 'periodEnd', header: { zh: '周期止', en: 'Period to' }, type: 'date', width: 12 },
    { key: 'needOn', header: { zh: '需用日', en: 'Needed on' }, type: 'date', width: 12 },
    { key: 'releaseOn', header: { zh: '下单/投产日', en: 'Release on' }, type: 'date', width: 12 },
    { key: 'gross', header: { zh: '毛需求', en: 'Gross' }, type: 'number', width: 12 },
    { key: 'qty', header: { zh: '计划量', en: 'Planned' }, type: 'number', width: 12 },
  ],
});

/** Issue 14 item 10: the netting per material, the workbook's second sheet. */
export const materialNettingSheet = defineSheet({
  name: 'netting',
  columns: [
    { key: 'kind', header: { zh: '类别', en: 'Kind' }, type: 'enum', enumValues: KIND_LABELS, width: 8 },
    { key: 'code', header: { zh: '物料编码', en: 'Item code' }, type: 'string', width: 14 },
    { key: 'name', header: { zh: '品名', en: 'Name' }, type: 'string', width: 22 },
    { key: 'spec', header: { zh: '规格', en: 'Specification' }, type: 'string', width: 16 },
    { key: 'unit', header: { zh: '单位', en: 'Unit' }, type: 'string', width: 8 },
    { key: 'supplier', header: { zh: '供应商', en: 'Supplier' }, type: 'string', width: 18 },
    { key: 'gross', header: { zh: '毛需求', en: 'Gross' }, type: 'number', width: 12 },
    { key: 'onHand', header: { zh: '现有库存', en: 'On hand' }, type: 'number', width: 12 },
    { key: 'safety', header: { zh: '安全库存', en: 'Safety stock' }, type: 'number', width: 12 },
    { key: 'net', header: { zh: '净需求', en: 'Net' }, type: 'number', width: 12 },
    { key: 'planned', header: { zh: '计划量', en: 'Planned' }, type: 'number', width: 12 },
    { key: 'firstNeedOn', header: { zh: '首次需用', en: 'First need' }, type: 'date', width: 12 },
  ],
});

/** The totals per unit, the workbook's third sheet. */
export const materialTotalsSheet = defineSheet({
  name: 'totals',
  columns: [
    { key: 'unit', header: { zh: '单位', en: 'Unit' }, type: 'string', width: 8 },
    { key: 'gross', header: { zh: '毛需求合计', en: 'Gross total' }, type: 'number', width: 14 },
    { key: 'onHand', header: { zh: '现有库存合计', en: 'On hand total' }, type: 'number', width: 14 },
    { key: 'safety', header: { zh: '安全库存合计', en: 'Safety total' }, type: 'number', width: 14 },
    { key: 'net', header: { zh: '净需求合计', en: 'Net total' }, type: 'number', width: 14 },
    { key: 'planned', header: { zh: '计划量合计', en: 'Planned total' }, type: 'number', width: 14 },
  ],
});

export function materialPlanWorkbook(view: MaterialPlanView) {
  return [
    { def: materialOrderSheet, rows: materialOrderRows(view) },
    {
      def: materialNettingSheet,
      rows: view.materials.map(
        (m): SheetRow => ({
          kind: m.kind,
          code: m.code,
          name: m.name,
          spec: m.spec || null,
          unit: m.unit,
          supplier: m.supplier || null,
          gross: m.gross,
          onHand: m.onHand,
          safety: m.safety,
          net: m.net,
          planned: m.planned,
          firstNeedOn: m.firstNeedOn,
        }),
      ),
    },
    { def: materialTotalsSheet, rows: view.totals.map((u): SheetRow => ({ unit: u.unit, ...u.values })) },
  ];
}

export function materialOrderRows(view: MaterialPlanView): SheetRow[] {
  return view.orders.map((o) => ({
    kind: o.kind,
    code: o.code,
    name: o.name,
    unit: o.unit,
    isoWeek: o.isoWeek,
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
    needOn: o.needOn,
    releaseOn: o.releaseOn,
    gross: o.gross,
    qty: o.qty,
  }));
}

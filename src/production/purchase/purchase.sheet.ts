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
    { key: 'periodStart', header: { zh: '周期起', en: 'Period from' }, type: 'date', width: 12 },
    { key: 'needOn', header: { zh: '需用日', en: 'Needed on' }, type: 'date', width: 12 },
    { key: 'releaseOn', header: { zh: '下单/投产日', en: 'Release on' }, type: 'date', width: 12 },
    { key: 'gross', header: { zh: '毛需求', en: 'Gross' }, type: 'number', width: 12 },
    { key: 'qty', header: { zh: '计划量', en: 'Planned' }, type: 'number', width: 12 },
  ],
});

export function materialOrderRows(view: MaterialPlanView): SheetRow[] {
  return view.orders.map((o) => ({ kind: o.kind, code: o.code, name: o.name, unit: o.unit, periodStart: o.periodStart, needOn: o.needOn, releaseOn: o.releaseOn, gross: o.gross, qty: o.qty }));
}

import { type Text, tx } from '../../../ui/i18n';

// What the warehouse's codes read as on screen and on paper (PP-16).

export const DOC_KIND_LABELS: Record<string, Text> = {
  opening: tx('期初', 'Opening'),
  receipt: tx('入库', 'Receipt'),
  issue: tx('出库', 'Issue'),
  transfer: tx('调拨', 'Transfer'),
  count: tx('盘点', 'Count'),
  reversal: tx('冲销', 'Reversal'),
};

export const DOC_KIND_COLORS: Record<string, string> = {
  opening: 'default',
  receipt: 'green',
  issue: 'orange',
  transfer: 'blue',
  count: 'purple',
  reversal: 'red',
};

/** The printed form's title per kind (入库单 / 出库单 / 调拨单 / 盘点单 …). */
export const SHEET_TITLES: Record<string, Text> = {
  opening: tx('期初库存单', 'Opening stock'),
  receipt: tx('入库单', 'Goods receipt'),
  issue: tx('出库单', 'Goods issue'),
  transfer: tx('调拨单', 'Stock transfer'),
  count: tx('盘点单', 'Stock count'),
  reversal: tx('冲销单', 'Reversal'),
};

export const PURPOSE_LABELS: Record<string, Text> = {
  opening: tx('期初', 'Opening'),
  purchase: tx('采购入库', 'Purchase'),
  production: tx('生产进仓', 'Production'),
  return: tx('退料入库', 'Return'),
  requisition: tx('领料出库', 'Requisition'),
  shipment: tx('销售出库', 'Shipment'),
  transfer: tx('调拨', 'Transfer'),
  count: tx('盘点', 'Count'),
  reversal: tx('冲销', 'Reversal'),
  other: tx('其他', 'Other'),
};

export const LOCATION_KIND_LABELS: Record<string, Text> = {
  general: tx('综合库', 'General'),
  raw: tx('原料库', 'Raw materials'),
  semi: tx('半成品库', 'Semi-finished'),
  finished: tx('成品库', 'Finished goods'),
  wip: tx('在制品', 'Work in progress'),
};

export const PERIOD_LABELS: Record<string, Text> = { day: tx('日', 'day'), week: tx('周', 'week'), month: tx('月', 'month') };

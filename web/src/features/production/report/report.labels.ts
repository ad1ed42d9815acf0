import { type Text, tx } from '../../../ui/i18n';

export const STOPPAGE_LABELS: Record<string, Text> = {
  material: tx('断料', 'Material shortage'),
  equipment: tx('设备', 'Equipment'),
  outage: tx('停电停水', 'Power or water outage'),
  quality: tx('质量', 'Quality'),
  process: tx('工艺', 'Process'),
  other: tx('其他', 'Other'),
};

export const CAUSE_LABELS: Record<string, Text> = {
  organisation: tx('组织不合理', 'Organisation'),
  quality: tx('质量问题', 'Quality'),
  material: tx('断料', 'Material shortage'),
  equipment: tx('设备故障', 'Equipment failure'),
  outage: tx('停电停水', 'Power or water outage'),
  process: tx('工艺问题', 'Process'),
  other: tx('其他', 'Other'),
};

export const MEASURE_LABELS: Record<string, Text> = {
  warehouse_receipt: tx('按进仓数量', 'by quantity put into the warehouse'),
  reported_output: tx('按车间报产量', 'by reported output'),
};

export const shiftLabel = (shift: number): Text => tx(`第${shift}班`, `Shift ${shift}`);

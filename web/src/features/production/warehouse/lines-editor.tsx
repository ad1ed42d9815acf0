import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Input, InputNumber, Space } from 'antd';
import { tx, useI18n } from '../../../ui/i18n';
import { ItemSelect, LocationSelect } from './pickers';

export interface DraftLine {
  key: number;
  itemId?: string;
  qty?: number | null;
  lot?: string;
  locationId?: string;
  toLocationId?: string;
  purchaseLineId?: string;
  /** What the line was taken from (an order line), shown instead of the item picker. */
  label?: string;
  unit?: string;
}

let next = 1;
export const newLine = (extra: Partial<DraftLine> = {}): DraftLine => ({ key: next++, ...extra });

/** Lines of a document: item, quantity, lot, location (and where to, for a transfer); a card each on a phone. */
export function LinesEditor({
  lines,
  onChange,
  withTarget = false,
  qtyLabel,
}: {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  withTarget?: boolean;
  qtyLabel?: string;
}) {
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const set = (key: number, change: Partial<DraftLine>) => onChange(lines.map((l) => (l.key === key ? { ...l, ...change } : l)));
  const full = isMobile ? { width: '100%' } : undefined;
  return (
    <div data-testid="lines-editor">
      {lines.map((l, i) => (
        <Card size="small" key={l.key} style={{ marginBottom: 8 }} data-testid="draft-line">
          <Space wrap direction={isMobile ? 'vertical' : 'horizontal'} style={{ width: '100%' }} align={isMobile ? undefined : 'center'}>
            <span style={{ color: '#888' }}>{i + 1}</span>
            {l.label ? (
              <strong>{l.label}</strong>
            ) : (
              <ItemSelect
                value={l.itemId}
                onChange={(itemId, item) => set(l.key, { itemId, unit: item?.unit })}
                style={{ width: isMobile ? '100%' : 260 }}
                id={`line-item-${i}`}
              />
            )}
            <InputNumber
              min={0}
              value={l.qty ?? null}
              onChange={(v) => set(l.key, { qty: v })}
              addonBefore={qtyLabel ?? t(tx('数量', 'Qty'))}
              addonAfter={l.unit}
              style={full ?? { width: 200 }}
              inputMode="decimal"
              data-testid={`line-qty-${i}`}
            />
            <Input
              value={l.lot}
              onChange={(e) => set(l.key, { lot: e.target.value })}
              placeholder={t(tx('批次（可空）', 'Lot (optional)'))}
              style={full ?? { width: 130 }}
              data-testid={`line-lot-${i}`}
            />
            <LocationSelect
              value={l.locationId}
              onChange={(v) => set(l.key, { locationId: v })}
              style={full ?? { width: 130 }}
              placeholder={withTarget ? t(tx('调出库位', 'From')) : undefined}
            />
            {withTarget && (
              <LocationSelect
                value={l.toLocationId}
                onChange={(v) => set(l.key, { toLocationId: v })}
                style={full ?? { width: 130 }}
                placeholder={t(tx('调入库位', 'To'))}
              />
            )}
            <Button icon={<DeleteOutlined />} onClick={() => onChange(lines.filter((x) => x.key !== l.key))} aria-label={t(tx('删除此行', 'Remove line'))} />
          </Space>
        </Card>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => onChange([...lines, newLine()])} block={isMobile} data-testid="add-line">
        {t(tx('添加一行', 'Add a line'))}
      </Button>
    </div>
  );
}

/** The lines as the API takes them: blank lines dropped, empty fields left out. */
export function payloadOf(lines: DraftLine[], withTarget = false) {
  return lines
    .filter((l) => l.itemId && l.qty !== undefined && l.qty !== null)
    .map((l) => ({
      itemId: l.itemId!,
      qty: Number(l.qty),
      ...(l.lot?.trim() ? { lot: l.lot.trim() } : {}),
      ...(l.locationId ? { locationId: l.locationId } : {}),
      ...(withTarget && l.toLocationId ? { toLocationId: l.toLocationId } : {}),
      ...(l.purchaseLineId ? { purchaseLineId: l.purchaseLineId } : {}),
    }));
}

import { useMutation, useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Card, Checkbox, DatePicker, Empty, Grid, Input, List, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { OpenOrderLine, StockDocView } from '#production';
import { get, post } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { fmt } from '../production.labels';
import { type DraftLine, LinesEditor, newLine, payloadOf } from './lines-editor';
import { useItems, useWorkshops } from './pickers';

/**
 * 采购入库 (PP-16): the keeper ticks what arrived of the approved purchase plan's open order
 * lines (PP-15) — the quantity still to come is proposed — and adds anything else by hand.
 */
export function PurchaseReceiptForm({ onPosted }: { onPosted: (doc: StockDocView) => void }) {
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const items = useItems();
  const open = useQuery({ queryKey: ['production', 'purchase-orders', 'open'], queryFn: () => get<OpenOrderLine[]>('/production/purchase-orders/open') });
  const [planId, setPlanId] = useState<string | undefined>();
  const [supplier, setSupplier] = useState('');
  const [picked, setPicked] = useState<Record<string, { qty: number | null; lot: string }>>({});
  const [extra, setExtra] = useState<DraftLine[]>([]);
  const [docDate, setDocDate] = useState(dayjs());
  const [note, setNote] = useState('');
  const plans = useMemo(() => [...new Map((open.data ?? []).map((l) => [l.purchasePlanId, l.number])).entries()], [open.data]);
  const planLines = (open.data ?? []).filter((l) => l.purchasePlanId === planId);
  // One delivery comes from one supplier: once it is named, only its lines are offered.
  const lines = planLines.some((l) => l.supplier === supplier) ? planLines.filter((l) => l.supplier === supplier || picked[l.id]) : planLines;
  const suppliers = [...new Set([...(items.data ?? []).map((i) => i.supplier), ...(open.data ?? []).map((l) => l.supplier)].filter(Boolean))];
  const save = useMutation({
    mutationFn: () =>
      post<StockDocView>('/production/purchase-receipts', {
        supplier: supplier || undefined,
        purchasePlanId: planId ?? null,
        docDate: docDate.format('YYYY-MM-DD'),
        note: note || undefined,
        lines: [
          ...lines
            .filter((l) => picked[l.id] && picked[l.id].qty)
            .map((l) => ({
              itemId: l.itemId,
              qty: Number(picked[l.id].qty),
              purchaseLineId: l.id,
              ...(picked[l.id].lot.trim() ? { lot: picked[l.id].lot.trim() } : {}),
            })),
          ...payloadOf(extra),
        ],
      }),
    onSuccess: onPosted,
  });
  const toggle = (l: OpenOrderLine, on: boolean) => {
    const next = { ...picked };
    if (on) next[l.id] = { qty: l.open, lot: '' };
    else delete next[l.id];
    setPicked(next);
    if (on && !supplier && l.supplier) setSupplier(l.supplier);
  };
  return (
    <div>
      <ErrorAlert error={save.error ?? open.error} />
      <Space wrap direction={isMobile ? 'vertical' : 'horizontal'} style={{ width: '100%', marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t(tx('按采购计划收货（可不选）', 'Against a purchase plan (optional)'))}
          value={planId}
          id="receipt-plan"
          onChange={(v) => {
            setPlanId(v);
            setPicked({});
          }}
          style={{ width: isMobile ? '100%' : 260 }}
          options={plans.map(([id, number]) => ({ value: id, label: number }))}
          data-testid="receipt-plan"
        />
        <AutoComplete
          value={supplier}
          onChange={setSupplier}
          options={suppliers.map((s) => ({ value: s }))}
          filterOption
          placeholder={t(tx('供应商', 'Supplier'))}
          style={{ width: isMobile ? '100%' : 200 }}
          data-testid="receipt-supplier"
        />
        <DatePicker value={docDate} onChange={(d) => d && setDocDate(d)} allowClear={false} style={{ width: isMobile ? '100%' : undefined }} />
      </Space>
      {planId && (
        <Card size="small" title={t(tx('未到齐的订单行：勾选到货的行', 'Open order lines: tick what arrived'))} style={{ marginBottom: 12 }}>
          <List<OpenOrderLine>
            dataSource={lines}
            locale={{ emptyText: <Empty description={t(tx('该采购计划已全部到货', 'Everything on this plan has arrived'))} /> }}
            renderItem={(l) => (
              <List.Item data-testid="open-line">
                <div style={{ width: '100%' }}>
                  <Checkbox checked={!!picked[l.id]} onChange={(e) => toggle(l, e.target.checked)} data-testid="open-line-pick">
                    <strong>
                      {l.code} {l.name}
                    </strong>
                  </Checkbox>
                  <div style={{ color: '#888' }}>
                    {l.supplier || t(tx('未指定供应商', 'No supplier'))} · {t(tx('到货日', 'due'))} {l.needOn} · {t(tx('订购', 'ordered'))} {fmt(l.qty)} ·{' '}
                    {t(tx('已到', 'received'))} {fmt(l.received)} · {t(tx('未到', 'open'))} {fmt(l.open)} {l.unit}
                  </div>
                  {picked[l.id] && (
                    <Space wrap direction={isMobile ? 'vertical' : 'horizontal'} style={{ width: '100%', marginTop: 4 }}>
                      <Input
                        type="number"
                        inputMode="decimal"
                        value={picked[l.id].qty ?? ''}
                        onChange={(e) => setPicked({ ...picked, [l.id]: { ...picked[l.id], qty: e.target.value === '' ? null : Number(e.target.value) } })}
                        addonBefore={t(tx('实收', 'Received'))}
                        addonAfter={l.unit}
                        style={{ width: isMobile ? '100%' : 220 }}
                        data-testid="open-line-qty"
                      />
                      <Input
                        value={picked[l.id].lot}
                        onChange={(e) => setPicked({ ...picked, [l.id]: { ...picked[l.id], lot: e.target.value } })}
                        placeholder={t(tx('批次', 'Lot'))}
                        style={{ width: isMobile ? '100%' : 140 }}
                        data-testid="open-line-lot"
                      />
                    </Space>
                  )}
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Typography.Text type="secondary">{t(tx('其他到货物料', 'Other goods received'))}</Typography.Text>
      <LinesEditor lines={extra} onChange={setExtra} />
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t(tx('备注（送货单号等）', 'Note (delivery note no. …)'))}
        autoSize
        style={{ margin: '12px 0' }}
      />
      <Button type="primary" size="large" block={isMobile} loading={save.isPending} onClick={() => save.mutate()} data-testid="post-document">
        {t(tx('过账入库', 'Post the receipt'))}
      </Button>
    </div>
  );
}

/** 退料入库: a workshop returns materials to the warehouse. */
export function ReturnForm({ onPosted }: { onPosted: (doc: StockDocView) => void }) {
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const workshops = useWorkshops();
  const [workshopId, setWorkshopId] = useState<string | undefined>();
  const [lines, setLines] = useState<DraftLine[]>([newLine()]);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      post<StockDocView>('/production/stock-documents', {
        kind: 'receipt',
        purpose: 'return',
        workshopId: workshopId ?? null,
        note: note || undefined,
        lines: payloadOf(lines),
      }),
    onSuccess: onPosted,
  });
  return (
    <div>
      <ErrorAlert error={save.error} />
      <Select
        placeholder={t(tx('退料车间', 'Returning workshop'))}
        value={workshopId}
        onChange={setWorkshopId}
        style={{ width: isMobile ? '100%' : 200, marginBottom: 12 }}
        options={(workshops.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
      />
      <LinesEditor lines={lines} onChange={setLines} />
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t(tx('退料原因', 'Why returned'))}
        autoSize
        style={{ margin: '12px 0' }}
      />
      <Button type="primary" size="large" block={isMobile} loading={save.isPending} onClick={() => save.mutate()} data-testid="post-document">
        {t(tx('过账入库', 'Post the receipt'))}
      </Button>
    </div>
  );
}

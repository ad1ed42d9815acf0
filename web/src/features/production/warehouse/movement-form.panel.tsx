import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Grid, Input, InputNumber, List, Space, Table, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { OnHandRow, ShipmentOption, StockDocView } from '#production';
import { api, download, get, post } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { fmt } from '../production.labels';
import { type DraftLine, LinesEditor, newLine, payloadOf } from './lines-editor';
import { LocationSelect } from './pickers';

/** 销售出库: finished goods go out against a line of the month's shipment plan (PP-5). */
export function ShipmentIssueForm({ onPosted }: { onPosted: (doc: StockDocView) => void }) {
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const [month, setMonth] = useState(dayjs());
  const [chosen, setChosen] = useState<ShipmentOption | null>(null);
  const [qty, setQty] = useState<number | null>(null);
  const [lot, setLot] = useState('');
  const [locationId, setLocationId] = useState<string | undefined>();
  const options = useQuery({
    queryKey: ['production', 'shipment-options', month.format('YYYY-MM')],
    queryFn: () => get<ShipmentOption[]>(`/production/shipment-issues/options?month=${month.format('YYYY-MM')}`),
  });
  const save = useMutation({
    mutationFn: () =>
      post<StockDocView>('/production/shipment-issues', {
        shipmentId: chosen!.id,
        lines: [{ qty: Number(qty), ...(lot.trim() ? { lot: lot.trim() } : {}), ...(locationId ? { locationId } : {}) }],
      }),
    onSuccess: onPosted,
  });
  return (
    <div>
      <ErrorAlert error={save.error ?? options.error} />
      <DatePicker
        aria-label={t(tx('月份', 'Month'))}
        picker="month"
        value={month}
        onChange={(d) => d && setMonth(d)}
        allowClear={false}
        style={{ marginBottom: 8 }}
      />
      <List<ShipmentOption>
        dataSource={options.data ?? []}
        locale={{ emptyText: <Empty description={t(tx('本月没有出货计划', 'No shipments planned this month'))} /> }}
        renderItem={(s) => (
          <List.Item
            onClick={() => {
              setChosen(s);
              setQty(Math.max(0, s.qty - s.issued));
            }}
            style={{ cursor: 'pointer', background: chosen?.id === s.id ? '#e6f4ff' : undefined, padding: 8 }}
            data-testid="shipment-option"
          >
            <div style={{ width: '100%' }}>
              <strong>{s.customer}</strong> · {s.code} {s.name}
              <div style={{ color: '#888' }}>
                {s.plannedOn} · {s.salesSheetNumber} · {t(tx('计划', 'planned'))} {fmt(s.qty)} · {t(tx('已出库', 'issued'))} {fmt(s.issued)} {s.unit}
              </div>
            </div>
          </List.Item>
        )}
      />
      {chosen && (
        <Card size="small" style={{ margin: '12px 0' }} title={`${chosen.customer} · ${chosen.code} ${chosen.name}`}>
          <Space wrap direction={isMobile ? 'vertical' : 'horizontal'} style={{ width: '100%' }}>
            <InputNumber
              min={0}
              value={qty}
              onChange={setQty}
              addonBefore={t(tx('出库数量', 'Quantity'))}
              addonAfter={chosen.unit}
              style={{ width: isMobile ? '100%' : 220 }}
            />
            <Input
              value={lot}
              onChange={(e) => setLot(e.target.value)}
              placeholder={t(tx('批次（可空）', 'Lot (optional)'))}
              style={{ width: isMobile ? '100%' : 140 }}
            />
            <LocationSelect value={locationId} onChange={setLocationId} style={{ width: isMobile ? '100%' : 140 }} />
          </Space>
        </Card>
      )}
      <Button
        type="primary"
        size="large"
        block={isMobile}
        disabled={!chosen || !qty}
        loading={save.isPending}
        onClick={() => save.mutate()}
        data-testid="post-document"
      >
        {t(tx('过账出库', 'Post the issue'))}
      </Button>
    </div>
  );
}

/** 调拨: stock moves between locations; the item's total stays. */
export function TransferForm({ onPosted }: { onPosted: (doc: StockDocView) => void }) {
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const [lines, setLines] = useState<DraftLine[]>([newLine()]);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      post<StockDocView>('/production/stock-documents', { kind: 'transfer', purpose: 'transfer', note: note || undefined, lines: payloadOf(lines, true) }),
    onSuccess: onPosted,
  });
  return (
    <div>
      <ErrorAlert error={save.error} />
      <LinesEditor lines={lines} onChange={setLines} withTarget />
      <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} placeholder={t(tx('备注', 'Note'))} autoSize style={{ margin: '12px 0' }} />
      <Button type="primary" size="large" block={isMobile} loading={save.isPending} onClick={() => save.mutate()} data-testid="post-document">
        {t(tx('过账调拨', 'Post the transfer'))}
      </Button>
    </div>
  );
}

/**
 * 盘点: the counted quantity of what one location holds, typed in or brought back from the
 * Excel count sheet; the count posts the differences as ONE count document.
 */
export function CountForm({ onPosted }: { onPosted: (doc: StockDocView) => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const isMobile = !Grid.useBreakpoint().md;
  const [locationId, setLocationId] = useState<string | undefined>();
  const [counted, setCounted] = useState<Record<string, number | null>>({});
  const [extra, setExtra] = useState<DraftLine[]>([]);
  // A location may hold thousands of balances: the keeper finds one by code or name and pages
  // through the rest 50 at a time; what was typed stays when the page or the search changes.
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const held = useQuery({
    queryKey: ['production', 'stock', 'location', locationId],
    queryFn: () => get<OnHandRow[]>(`/production/stock?locationId=${locationId}`),
    enabled: !!locationId,
  });
  const keyOf = (r: OnHandRow) => `${r.itemId}|${r.lot}`;
  const words = search.trim().toLocaleLowerCase();
  const shown = (held.data ?? []).filter((r) => !words || `${r.code} ${r.name} ${r.lot}`.toLocaleLowerCase().includes(words));
  const typed = (held.data ?? []).filter((r) => counted[keyOf(r)] !== undefined && counted[keyOf(r)] !== null).length;
  const lineCount = typed + payloadOf(extra).length;
  // Posting moves stock by the differences: the keeper confirms what is about to be posted.
  const confirmPost = () =>
    modal.confirm({
      title: t(tx('过账盘点单？', 'Post the count?')),
      content: t(
        tx(
          `将按实盘数过账 ${lineCount} 行，账面按差异调整；过账后不能修改，只能冲销。`,
          `${lineCount} counted lines will be posted and the books adjusted by the differences; a posted count cannot be edited, only reversed.`,
        ),
      ),
      okText: t(tx('过账', 'Post')),
      cancelText: t(tx('取消', 'Cancel')),
      // A refusal closes the dialog and shows above the form, with what was typed kept.
      onOk: () => save.mutateAsync().catch(() => undefined),
    });
  const save = useMutation({
    mutationFn: () =>
      post<StockDocView>('/production/stock-documents', {
        kind: 'count',
        purpose: 'count',
        lines: [
          ...(held.data ?? [])
            .filter((r) => counted[keyOf(r)] !== undefined && counted[keyOf(r)] !== null)
            .map((r) => ({ itemId: r.itemId, locationId: r.locationId, ...(r.lot ? { lot: r.lot } : {}), qty: Number(counted[keyOf(r)]) })),
          ...payloadOf(extra.map((l) => ({ ...l, locationId: l.locationId ?? locationId }))),
        ],
      }),
    onSuccess: onPosted,
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<{ inserted: number; updated: number }>('POST', '/excel/production-stock-count/import', form);
    },
    onSuccess: (r) => {
      message.success(
        t(
          tx(
            `已按实盘过账一张盘点单：盘点 ${r.inserted} 行，有差异 ${r.updated} 行`,
            `One count posted: ${r.inserted} lines counted, ${r.updated} with a difference`,
          ),
        ),
      );
      qc.invalidateQueries({ queryKey: ['production'] });
    },
  });
  return (
    <div>
      <ErrorAlert error={save.error ?? upload.error ?? held.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} onClick={() => download('/excel/production-stock-count/export', '盘点表.xlsx')} data-testid="count-export">
          {t(tx('导出盘点表', 'Export the count sheet'))}
        </Button>
        {can('excel.import') && (
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(f) => {
              upload.mutate(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t(tx('导入实盘数（生成一张盘点单）', 'Import counted quantities (one count)'))}
            </Button>
          </Upload>
        )}
      </Space>
      <div style={{ marginBottom: 8 }}>
        <LocationSelect
          id="count-location"
          value={locationId}
          onChange={(v) => {
            setLocationId(v);
            setCounted({});
            setPage(1);
          }}
          placeholder={t(tx('选择盘点库位', 'Location to count'))}
          style={{ width: isMobile ? '100%' : 200 }}
        />
        {locationId && (
          <Input.Search
            allowClear
            placeholder={t(tx('物料编码、名称或批次', 'Code, name or lot'))}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
            style={{ width: isMobile ? '100%' : 240, marginLeft: isMobile ? 0 : 8, marginTop: isMobile ? 8 : 0 }}
            data-testid="count-search"
          />
        )}
      </div>
      {locationId && held.data && (
        <Typography.Paragraph type="secondary" data-testid="count-tally">
          {t(tx(`已填实盘 ${typed} 行，共 ${held.data.length} 行`, `${typed} of ${held.data.length} lines counted`))}
        </Typography.Paragraph>
      )}
      {locationId && (
        <Table<OnHandRow>
          size="small"
          rowKey={keyOf}
          pagination={
            shown.length > 50 ? { current: page, pageSize: 50, total: shown.length, onChange: setPage, showSizeChanger: false, simple: isMobile } : false
          }
          dataSource={shown}
          loading={held.isLoading}
          columns={[
            { title: t(tx('物料', 'Item')), render: (_: unknown, r) => `${r.code} ${r.name}${r.lot ? ` · ${r.lot}` : ''}` },
            ...(isMobile
              ? []
              : [
                  {
                    title: t(tx('账面', 'Book')),
                    dataIndex: 'onHand',
                    width: 110,
                    align: 'right' as const,
                    render: (v: number, r: OnHandRow) => `${fmt(v)} ${r.unit}`,
                  },
                ]),
            {
              title: t(tx('实盘', 'Counted')),
              width: isMobile ? 120 : 160,
              render: (_: unknown, r) => (
                <InputNumber
                  min={0}
                  value={counted[keyOf(r)] ?? null}
                  onChange={(v) => setCounted({ ...counted, [keyOf(r)]: v })}
                  placeholder={isMobile ? fmt(r.onHand) : undefined}
                  style={{ width: '100%' }}
                  inputMode="decimal"
                  data-testid="count-input"
                />
              ),
            },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t(tx('账上没有、实际盘到的物料：', 'Found but not on the books:'))}
      </Typography.Paragraph>
      <LinesEditor lines={extra} onChange={setExtra} qtyLabel={t(tx('实盘', 'Counted'))} />
      <Button
        type="primary"
        size="large"
        block={isMobile}
        style={{ marginTop: 12 }}
        loading={save.isPending}
        disabled={lineCount === 0}
        onClick={confirmPost}
        data-testid="post-document"
      >
        {t(tx('过账盘点单', 'Post the count'))}
      </Button>
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { DatePicker, Grid, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { DocumentPage } from '#production';
import { get } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { fmt } from '../production.labels';
import { ItemSelect, useWorkshops } from './pickers';
import { DOC_KIND_COLORS, DOC_KIND_LABELS, PURPOSE_LABELS } from './warehouse.labels';
import { WAREHOUSE, WarehouseNav } from './warehouse-nav';

type Row = DocumentPage['rows'][number];
const PAGE = 50;

interface Filter {
  kind?: string;
  purpose?: string;
  from?: string;
  to?: string;
  itemId?: string;
  workshopId?: string;
  reference?: string;
  q?: string;
}

/** Every warehouse document, found by kind, purpose, date, item, workshop, reference or number (PP-16). */
export function DocumentsPage() {
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const [f, setF] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const workshops = useWorkshops();
  const set = (change: Partial<Filter>) => {
    setF({ ...f, ...change });
    setPage(1);
  };
  const params = new URLSearchParams({ limit: String(PAGE), offset: String((page - 1) * PAGE) });
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
  const q = useQuery({
    queryKey: ['production', 'stock-documents', params.toString()],
    queryFn: () => get<DocumentPage>(`/production/stock-documents?${params}`),
  });
  const label = (r: Row) => (
    <>
      <Tag color={DOC_KIND_COLORS[r.kind]}>{t(PURPOSE_LABELS[r.purpose])}</Tag>
      {r.isReversed && <Tag color="red">{t(tx('已冲销', 'Reversed'))}</Tag>}
    </>
  );
  return (
    <Page title={tx('仓库单据', 'Warehouse documents')}>
      <WarehouseNav />
      <ErrorAlert error={q.error} />
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search
          aria-label={t(tx('单号', 'Number'))}
          placeholder={t(tx('单号', 'Number'))}
          allowClear
          onSearch={(v) => set({ q: v })}
          style={{ width: 150 }}
          data-testid="doc-search"
        />
        <Select
          allowClear
          aria-label={t(tx('单据类型', 'Kind'))}
          placeholder={t(tx('单据类型', 'Kind'))}
          value={f.kind}
          onChange={(v) => set({ kind: v })}
          style={{ width: 110 }}
          options={Object.entries(DOC_KIND_LABELS).map(([value, l]) => ({ value, label: t(l) }))}
        />
        <Select
          allowClear
          aria-label={t(tx('业务', 'Purpose'))}
          placeholder={t(tx('业务', 'Purpose'))}
          value={f.purpose}
          onChange={(v) => set({ purpose: v })}
          style={{ width: 120 }}
          options={Object.entries(PURPOSE_LABELS).map(([value, l]) => ({ value, label: t(l) }))}
        />
        <DatePicker.RangePicker
          aria-label={t(tx('日期范围', 'Dates'))}
          value={f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null}
          onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          style={{ width: isMobile ? '100%' : 240 }}
        />
        <ItemSelect value={f.itemId} onChange={(v) => set({ itemId: v })} style={{ width: 200 }} />
        <Select
          allowClear
          aria-label={t(tx('车间', 'Workshop'))}
          placeholder={t(tx('车间', 'Workshop'))}
          value={f.workshopId}
          onChange={(v) => set({ workshopId: v })}
          style={{ width: 120 }}
          options={(workshops.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
        />
        <Input.Search
          aria-label={t(tx('来源单号', 'Reference no.'))}
          placeholder={t(tx('来源单号', 'Reference no.'))}
          allowClear
          onSearch={(v) => set({ reference: v })}
          style={{ width: 150 }}
        />
        {q.data && <Typography.Text type="secondary">{t(tx(`共 ${q.data.total} 张`, `${q.data.total} documents`))}</Typography.Text>}
      </Space>
      {isMobile ? (
        <List<Row>
          dataSource={q.data?.rows ?? []}
          loading={q.isLoading}
          pagination={q.data && q.data.total > PAGE ? { current: page, pageSize: PAGE, total: q.data.total, onChange: setPage, simple: true } : false}
          renderItem={(r) => (
            <List.Item data-testid="doc-row">
              <div style={{ width: '100%' }}>
                <div style={{ display: 'flex', justifyContent: 'space-between' }}>
                  <Link to={`${WAREHOUSE}/documents/${r.id}`}>{r.number}</Link>
                  <span>{r.docDate}</span>
                </div>
                {label(r)}
                <Typography.Text type="secondary">
                  {t(tx(`${r.lines} 行`, `${r.lines} lines`))}
                  {r.workshopName ? ` · ${r.workshopName}` : ''}
                  {r.referenceNumber ? ` · ${r.referenceNumber}` : ''}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<Row>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={q.data?.rows}
          pagination={{ current: page, pageSize: PAGE, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          onRow={() => ({ 'data-testid': 'doc-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t(tx('单号', 'Number')),
              dataIndex: 'number',
              width: 140,
              render: (v: string, r) => <Link to={`${WAREHOUSE}/documents/${r.id}`}>{v}</Link>,
            },
            { title: t(tx('日期', 'Date')), dataIndex: 'docDate', width: 110 },
            { title: t(tx('业务', 'Purpose')), width: 160, render: (_: unknown, r) => label(r) },
            { title: t(tx('车间', 'Workshop')), dataIndex: 'workshopName', width: 100 },
            { title: t(tx('来源单据', 'Reference')), dataIndex: 'referenceNumber', width: 150 },
            { title: t(tx('行数', 'Lines')), dataIndex: 'lines', width: 70, align: 'right' },
            { title: t(tx('数量', 'Quantity')), dataIndex: 'qty', width: 110, align: 'right', render: (v: number) => fmt(v) },
            { title: t(tx('经办人', 'Posted by')), dataIndex: 'postedByName', width: 100, render: (v: string | null) => v ?? t(tx('系统', 'System')) },
            { title: t(tx('备注', 'Note')), dataIndex: 'note', ellipsis: true },
          ]}
        />
      )}
    </Page>
  );
}

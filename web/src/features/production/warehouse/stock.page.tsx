import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Empty, Grid, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { OnHandRow, StockSummaryPage } from '#production';
import { get } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { CATEGORY_LABELS, fmt } from '../production.labels';
import { useLocations, WAREHOUSE, WarehouseNav } from './warehouse-nav';

type Row = StockSummaryPage['rows'][number];
const PAGE = 50;

function Flags({ row }: { row: Row }) {
  const { t } = useI18n();
  return (
    <>
      {row.isBelowSafety && <Tag color="red">{t(tx('低于安全库存', 'Below safety'))}</Tag>}
      {row.isBelowMin && !row.isBelowSafety && <Tag color="orange">{t(tx('低于最低库存', 'Below minimum'))}</Tag>}
    </>
  );
}

/** Where an item lies: location, lot and quantity (the expanded row and the phone card). */
function Places({ rows, unit }: { rows: OnHandRow[]; unit: string }) {
  const { t } = useI18n();
  if (rows.length === 0) return <Typography.Text type="secondary">{t(tx('无库存', 'None on hand'))}</Typography.Text>;
  return (
    <div>
      {rows.map((r) => (
        <div key={`${r.locationId}-${r.lot}`} style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }} data-testid="stock-place">
          <span>
            {r.locationName}
            {r.lot ? ` · ${t(tx('批次', 'lot'))} ${r.lot}` : ''}
          </span>
          <strong>
            {fmt(r.onHand)} {unit}
          </strong>
        </div>
      ))}
    </div>
  );
}

function ItemPlaces({ itemId, unit, locationId }: { itemId: string; unit: string; locationId?: string }) {
  const q = useQuery({
    queryKey: ['production', 'stock', 'item', itemId, locationId],
    queryFn: () => get<OnHandRow[]>(`/production/stock?itemId=${itemId}${locationId ? `&locationId=${locationId}` : ''}`),
  });
  return <Places rows={q.data ?? []} unit={unit} />;
}

/** PP-16 (T4 第二十五条): stock on hand at any time, with each item's standards and a flag when below. */
export function StockPage() {
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const [q, setQ] = useState('');
  const [locationId, setLocationId] = useState<string | undefined>();
  const [low, setLow] = useState(false);
  const [page, setPage] = useState(1);
  const locations = useLocations(true);
  const params = new URLSearchParams({
    limit: String(PAGE),
    offset: String((page - 1) * PAGE),
    ...(q ? { q } : {}),
    ...(locationId ? { locationId } : {}),
    ...(low ? { low: 'true' } : {}),
  });
  const summary = useQuery({
    queryKey: ['production', 'stock', 'summary', params.toString()],
    queryFn: () => get<StockSummaryPage>(`/production/stock/summary?${params}`),
  });
  // The phone shows every lot on the card: one read of the balances behind this page's items.
  const places = useQuery({
    queryKey: ['production', 'stock', 'places', q, locationId],
    queryFn: () => get<OnHandRow[]>(`/production/stock?limit=2000${q ? `&q=${encodeURIComponent(q)}` : ''}${locationId ? `&locationId=${locationId}` : ''}`),
    enabled: isMobile,
  });
  const placesOf = (itemId: string) => (places.data ?? []).filter((p) => p.itemId === itemId);
  const data = summary.data;
  return (
    <Page title={tx('仓库与库存', 'Warehouse and stock')}>
      <WarehouseNav />
      <ErrorAlert error={summary.error} />
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search
          aria-label={t(tx('编码、品名或规格', 'Code, name or spec'))}
          placeholder={t(tx('编码、品名或规格', 'Code, name or spec'))}
          allowClear
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          style={{ width: isMobile ? '100%' : 220 }}
          data-testid="stock-search"
        />
        <Select
          allowClear
          aria-label={t(tx('库位', 'Location'))}
          placeholder={t(tx('全部库位', 'All locations'))}
          value={locationId}
          onChange={(v) => {
            setLocationId(v);
            setPage(1);
          }}
          style={{ width: 160 }}
          options={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        />
        <Checkbox
          checked={low}
          onChange={(e) => {
            setLow(e.target.checked);
            setPage(1);
          }}
          data-testid="stock-low"
        >
          {t(tx('只看低于安全/最低库存', 'Only below safety or minimum'))}
        </Checkbox>
        {data && (
          <Typography.Text type="secondary">
            {t(tx(`共 ${data.total} 种，低于标准 ${data.low} 种`, `${data.total} items, ${data.low} below standard`))}
          </Typography.Text>
        )}
      </Space>
      {isMobile ? (
        <List
          dataSource={data?.rows ?? []}
          loading={summary.isLoading}
          locale={{ emptyText: <Empty description={t(tx('没有符合条件的物料', 'No items match'))} /> }}
          pagination={data && data.total > PAGE ? { current: page, pageSize: PAGE, total: data.total, onChange: setPage, simple: true } : false}
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="stock-card">
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Link to={`${WAREHOUSE}/items/${r.itemId}`}>
                  <strong>
                    {r.code} {r.name}
                  </strong>
                </Link>
                <strong style={{ whiteSpace: 'nowrap' }}>
                  {fmt(r.onHand)} {r.unit}
                </strong>
              </div>
              {r.spec && <Typography.Text type="secondary">{r.spec}</Typography.Text>}
              <div>
                <Flags row={r} />
              </div>
              <Places rows={placesOf(r.itemId)} unit={r.unit} />
            </Card>
          )}
        />
      ) : (
        <Table<Row>
          rowKey="itemId"
          size="small"
          loading={summary.isLoading}
          dataSource={data?.rows}
          pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          expandable={{ expandedRowRender: (r) => <ItemPlaces itemId={r.itemId} unit={r.unit} locationId={locationId} />, rowExpandable: (r) => r.places > 0 }}
          columns={[
            { title: t(tx('编码', 'Code')), dataIndex: 'code', width: 110, render: (v: string, r) => <Link to={`${WAREHOUSE}/items/${r.itemId}`}>{v}</Link> },
            { title: t(tx('品名', 'Name')), dataIndex: 'name', render: (v: string, r) => `${v} ${r.spec}` },
            { title: t(tx('类别', 'Category')), dataIndex: 'category', width: 90, render: (c: string) => t(CATEGORY_LABELS[c]) },
            {
              title: t(tx('现有库存', 'On hand')),
              dataIndex: 'onHand',
              width: 130,
              align: 'right',
              render: (v: number, r) => <strong data-testid="stock-qty">{`${fmt(v)} ${r.unit}`}</strong>,
            },
            { title: t(tx('库位/批次', 'Places')), dataIndex: 'places', width: 90, align: 'right' },
            {
              title: t(tx('最低/最高', 'Min / max')),
              width: 140,
              align: 'right',
              render: (_: unknown, r) => `${fmt(r.minQty) || '—'} / ${fmt(r.maxQty) || '—'}`,
            },
            { title: t(tx('安全库存', 'Safety')), dataIndex: 'safetyStock', width: 100, align: 'right', render: (v: number) => fmt(v) },
            { title: '', width: 130, render: (_: unknown, r) => <Flags row={r} /> },
          ]}
        />
      )}
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, Grid, List, Spin, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { OnHandRow, StockCard } from '#production';
import { get } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { fmt } from '../production.labels';
import { DOC_KIND_COLORS, PURPOSE_LABELS } from './warehouse.labels';
import { WAREHOUSE, WarehouseNav } from './warehouse-nav';

type Move = StockCard['moves'][number];
const signed = (n: number) => (n > 0 ? `+${fmt(n)}` : fmt(n));

/** 库存台账: every move of one item with the balance after it, newest first (PP-16). */
export function StockCardPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const card = useQuery({ queryKey: ['production', 'stock-card', id], queryFn: () => get<StockCard>(`/production/items/${id}/stock-card`) });
  const places = useQuery({ queryKey: ['production', 'stock', 'item', id], queryFn: () => get<OnHandRow[]>(`/production/stock?itemId=${id}`) });
  const c = card.data;
  return (
    <Page title={tx('库存台账', 'Stock card')}>
      <WarehouseNav />
      <ErrorAlert error={card.error ?? places.error} />
      {card.isLoading && <Spin />}
      {c && (
        <>
          <Card size="small" style={{ marginBottom: 12 }} data-testid="stock-card-head">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {c.item.code} {c.item.name} <Typography.Text type="secondary">{c.item.spec}</Typography.Text>
            </Typography.Title>
            <Typography.Paragraph style={{ margin: '4px 0' }}>
              {t(tx('现有库存', 'On hand'))}：<strong>{`${fmt(c.onHand)} ${c.item.unit}`}</strong>
            </Typography.Paragraph>
            {(places.data ?? []).map((p) => (
              <div key={`${p.locationId}-${p.lot}`} style={{ display: 'flex', justifyContent: 'space-between', maxWidth: 420 }}>
                <span>
                  {p.locationName}
                  {p.lot ? ` · ${t(tx('批次', 'lot'))} ${p.lot}` : ''}
                </span>
                <span>{`${fmt(p.onHand)} ${c.item.unit}`}</span>
              </div>
            ))}
          </Card>
          {isMobile ? (
            <List<Move>
              dataSource={c.moves}
              renderItem={(m) => (
                <List.Item>
                  <div style={{ width: '100%' }}>
                    <div style={{ display: 'flex', justifyContent: 'space-between' }}>
                      <Link to={`${WAREHOUSE}/documents/${m.docId}`}>{m.number}</Link>
                      <strong>{signed(m.qty)}</strong>
                    </div>
                    <Typography.Text type="secondary">
                      {m.docDate} · {t(PURPOSE_LABELS[m.purpose])} · {m.locationName}
                      {m.lot ? ` · ${m.lot}` : ''} · {t(tx('库位结存', 'left there'))} {fmt(m.balanceAfter)}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table<Move>
              size="small"
              rowKey={(m) => `${m.docId}-${m.locationName}-${m.lot}-${m.qty}`}
              dataSource={c.moves}
              pagination={{ pageSize: 50 }}
              columns={[
                { title: t(tx('日期', 'Date')), dataIndex: 'docDate', width: 110 },
                {
                  title: t(tx('单号', 'Number')),
                  dataIndex: 'number',
                  width: 140,
                  render: (v: string, m) => <Link to={`${WAREHOUSE}/documents/${m.docId}`}>{v}</Link>,
                },
                {
                  title: t(tx('业务', 'Purpose')),
                  dataIndex: 'purpose',
                  width: 110,
                  render: (p: string, m) => <Tag color={DOC_KIND_COLORS[m.kind]}>{t(PURPOSE_LABELS[p])}</Tag>,
                },
                { title: t(tx('来源单据', 'Reference')), dataIndex: 'referenceNumber', width: 150 },
                { title: t(tx('库位', 'Location')), dataIndex: 'locationName', width: 110 },
                { title: t(tx('批次', 'Lot')), dataIndex: 'lot', width: 100 },
                {
                  title: t(tx('收/发', 'In / out')),
                  dataIndex: 'qty',
                  width: 110,
                  align: 'right',
                  render: (v: number, m) => (m.shortage > 0 ? `${signed(v)}（${t(tx('欠', 'short'))} ${fmt(m.shortage)}）` : signed(v)),
                },
                { title: t(tx('库位结存', 'Left there')), dataIndex: 'balanceAfter', width: 110, align: 'right', render: (v: number) => fmt(v) },
              ]}
            />
          )}
        </>
      )}
    </Page>
  );
}

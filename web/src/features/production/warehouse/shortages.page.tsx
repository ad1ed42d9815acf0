import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Grid, List, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ShortageView } from '#production';
import { get } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { fmt } from '../production.labels';
import { WAREHOUSE, WarehouseNav } from './warehouse-nav';

type Projected = ShortageView['projected'][number];
type Recorded = ShortageView['recorded'][number];

/** T4 第二十六、二十七条: what will run short before the issued plans need it, and what issues recorded short. */
export function ShortagesPage() {
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const q = useQuery({ queryKey: ['production', 'shortages'], queryFn: () => get<ShortageView>('/production/shortages') });
  const projected = q.data?.projected ?? [];
  return (
    <Page title={tx('缺料预警', 'Shortages')}>
      <WarehouseNav />
      <ErrorAlert error={q.error} />
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            '依据 T4 第二十六、二十七条：按已下达生产计划的物料需求，现有库存加未到齐的采购订单在需用日前不够的物料，请及时采购、催货或调整计划。',
            'T4 art. 26–27: materials whose stock plus open purchase orders will not cover the issued plans by the day they are needed; buy, chase or reschedule in time.',
          ),
        )}
      </Typography.Paragraph>
      {q.data && projected.length === 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(tx('已下达计划的物料需求均有库存或在途订单保障', 'Every need of the issued plans is covered by stock or open orders'))}
        />
      )}
      <Card size="small" title={t(tx('缺料预警', 'Shortages ahead'))} style={{ marginBottom: 12 }}>
        {isMobile ? (
          <List<Projected>
            dataSource={projected}
            renderItem={(s) => (
              <List.Item data-testid="shortage-row">
                <div style={{ width: '100%' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                    <Link to={`${WAREHOUSE}/items/${s.itemId}`}>{`${s.code} ${s.name}`}</Link>
                    <strong style={{ color: '#cf1322', whiteSpace: 'nowrap' }}>{`${fmt(s.shortQty)} ${s.unit}`}</strong>
                  </div>
                  <Typography.Text type="secondary">
                    {s.shortOn} {t(tx('起短缺', 'short from'))} · {s.supplier || t(tx('未指定供应商', 'no supplier'))}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        ) : (
          <Table<Projected>
            size="small"
            rowKey="itemId"
            pagination={false}
            dataSource={projected}
            onRow={() => ({ 'data-testid': 'shortage-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t(tx('物料', 'Item')), render: (_: unknown, s) => <Link to={`${WAREHOUSE}/items/${s.itemId}`}>{`${s.code} ${s.name}`}</Link> },
              { title: t(tx('供应商', 'Supplier')), dataIndex: 'supplier', width: 140 },
              { title: t(tx('起缺日', 'Short from')), dataIndex: 'shortOn', width: 110 },
              { title: t(tx('计划需用', 'Needed')), dataIndex: 'needed', width: 110, align: 'right', render: (v: number) => fmt(v) },
              { title: t(tx('现有库存', 'On hand')), dataIndex: 'onHand', width: 110, align: 'right', render: (v: number) => fmt(v) },
              { title: t(tx('在途订单', 'On order')), dataIndex: 'onOrder', width: 110, align: 'right', render: (v: number) => fmt(v) },
              {
                title: t(tx('缺口', 'Short by')),
                dataIndex: 'shortQty',
                width: 120,
                align: 'right',
                render: (v: number, s) => <strong style={{ color: '#cf1322' }}>{`${fmt(v)} ${s.unit}`}</strong>,
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t(tx('出库欠料记录（近 60 天）', 'Issued short (last 60 days)'))}>
        <List<Recorded>
          dataSource={q.data?.recorded ?? []}
          locale={{ emptyText: t(tx('没有欠料记录', 'Nothing issued short')) }}
          renderItem={(r) => (
            <List.Item>
              <span>
                <Link to={`${WAREHOUSE}/documents/${r.docId}`}>{r.number}</Link> {r.docDate} {r.workshopName ?? ''} · {r.code} {r.name}
              </span>
              <strong>{t(tx(`欠 ${fmt(r.shortage)} ${r.unit}`, `${fmt(r.shortage)} ${r.unit} short`))}</strong>
            </List.Item>
          )}
        />
      </Card>
    </Page>
  );
}

import { Card, List, Progress, Table, Tag, Typography } from 'antd';
import type { PurchaseLine, PurchasePlanView } from '#production';
import { tx, useI18n } from '../../../ui/i18n';
import { fmt } from '../production.labels';

type Material = PurchasePlanView['materials'][number];

/** The order lines, grouped by supplier: what to buy, by when, and what has arrived. */
export function OrdersTable({ plan, isMobile }: { plan: PurchasePlanView; isMobile: boolean }) {
  const { t } = useI18n();
  const isOrdering = plan.state === 'approved' || plan.state === 'issued';
  const bySupplier = [...new Set(plan.orders.map((o) => o.supplier))];
  const due = (o: PurchaseLine) =>
    o.isPastDue ? <Tag color="red">{t(tx(`应于 ${o.releaseOn} 下单`, `order by ${o.releaseOn}`))}</Tag> : `${t(tx('下单', 'order'))} ${o.releaseOn}`;
  if (isMobile) {
    return (
      <div>
        {bySupplier.map((s) => (
          <Card key={s} size="small" title={s || t(tx('未指定供应商', 'No supplier'))} style={{ marginBottom: 8 }}>
            <List<PurchaseLine>
              dataSource={plan.orders.filter((o) => o.supplier === s)}
              renderItem={(o) => (
                <List.Item data-testid="purchase-order-line">
                  <div style={{ width: '100%' }}>
                    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                      <strong>{`${o.code} ${o.name}`}</strong>
                      <strong style={{ whiteSpace: 'nowrap' }}>{`${fmt(o.qty)} ${o.unit}`}</strong>
                    </div>
                    <Typography.Text type="secondary">
                      {t(tx('到货', 'due'))} {o.needOn} · {due(o)}
                      {isOrdering ? ` · ${t(tx('已到', 'received'))} ${fmt(o.received)}` : ''}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        ))}
      </div>
    );
  }
  return (
    <Table<PurchaseLine>
      size="small"
      rowKey="id"
      dataSource={plan.orders}
      pagination={{ pageSize: 100 }}
      onRow={() => ({ 'data-testid': 'purchase-order-line' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t(tx('供应商', 'Supplier')), dataIndex: 'supplier', width: 140, render: (v: string) => v || t(tx('未指定', 'None')) },
        { title: t(tx('物料', 'Item')), render: (_: unknown, o) => `${o.code} ${o.name} ${o.spec}` },
        { title: t(tx('周期起', 'Period')), dataIndex: 'periodStart', width: 110 },
        { title: t(tx('到货日', 'Due')), dataIndex: 'needOn', width: 110 },
        { title: t(tx('下单日', 'Order by')), width: 170, render: (_: unknown, o) => due(o) },
        { title: t(tx('毛需求', 'Gross')), dataIndex: 'gross', width: 100, align: 'right', render: (v: number) => fmt(v) },
        { title: t(tx('净需求', 'Net')), dataIndex: 'net', width: 100, align: 'right', render: (v: number) => fmt(v) },
        { title: t(tx('采购数量', 'Order')), dataIndex: 'qty', width: 120, align: 'right', render: (v: number, o) => <strong>{`${fmt(v)} ${o.unit}`}</strong> },
        ...(isOrdering
          ? [
              {
                title: t(tx('到货', 'Received')),
                key: 'received',
                width: 150,
                render: (_: unknown, o: PurchaseLine) => (
                  <Progress size="small" percent={Math.min(100, Math.round((o.received / o.qty) * 100))} format={() => fmt(o.received)} />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Per material: gross requirement, on hand, open orders, safety, min/max, net need and planned order, with totals per unit. */
export function MaterialsTable({ plan, isMobile }: { plan: PurchasePlanView; isMobile: boolean }) {
  const { t } = useI18n();
  const totals = (
    <div style={{ marginTop: 8 }} data-testid="purchase-totals">
      {plan.totals.map((u) => (
        <div key={u.unit}>
          <strong>{t(tx(`合计（${u.unit}）`, `Total (${u.unit})`))}</strong>：{t(tx('毛需求', 'gross'))} {fmt(u.values.gross)} · {t(tx('现有', 'on hand'))}{' '}
          {fmt(u.values.onHand)} · {t(tx('净需求', 'net'))} {fmt(u.values.net)} · {t(tx('计划采购', 'planned'))} {fmt(u.values.planned)}
        </div>
      ))}
    </div>
  );
  if (isMobile) {
    return (
      <div>
        <List<Material>
          dataSource={plan.materials}
          renderItem={(m) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <strong>{`${m.code} ${m.name}`}</strong>
                  <strong style={{ whiteSpace: 'nowrap' }}>{`${fmt(m.planned)} ${m.unit}`}</strong>
                </div>
                <Typography.Text type="secondary">
                  {t(tx('毛需求', 'gross'))} {fmt(m.gross)} · {t(tx('现有', 'on hand'))} {fmt(m.onHand)} · {t(tx('安全', 'safety'))} {fmt(m.safety)} ·{' '}
                  {t(tx('净需求', 'net'))} {fmt(m.net)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
        {totals}
      </div>
    );
  }
  return (
    <div>
      <Table<Material>
        size="small"
        rowKey="itemId"
        dataSource={plan.materials}
        pagination={{ pageSize: 100 }}
        columns={[
          { title: t(tx('物料', 'Item')), render: (_: unknown, m) => `${m.code} ${m.name} ${m.spec}` },
          { title: t(tx('供应商', 'Supplier')), dataIndex: 'supplier', width: 130 },
          { title: t(tx('毛需求', 'Gross')), dataIndex: 'gross', width: 100, align: 'right', render: (v: number) => fmt(v) },
          { title: t(tx('现有库存', 'On hand')), dataIndex: 'onHand', width: 100, align: 'right', render: (v: number) => fmt(v) },
          { title: t(tx('在途订单', 'On order')), dataIndex: 'openOrders', width: 100, align: 'right', render: (v: number) => fmt(v) },
          { title: t(tx('安全库存', 'Safety')), dataIndex: 'safety', width: 90, align: 'right', render: (v: number) => fmt(v) },
          {
            title: t(tx('最低/最高', 'Min / max')),
            width: 130,
            align: 'right',
            render: (_: unknown, m) => `${fmt(m.minQty) || '—'} / ${fmt(m.maxQty) || '—'}`,
          },
          { title: t(tx('净需求', 'Net')), dataIndex: 'net', width: 100, align: 'right', render: (v: number) => fmt(v) },
          {
            title: t(tx('计划采购', 'Planned')),
            dataIndex: 'planned',
            width: 120,
            align: 'right',
            render: (v: number, m) => <strong>{`${fmt(v)} ${m.unit}`}</strong>,
          },
        ]}
      />
      {totals}
    </div>
  );
}

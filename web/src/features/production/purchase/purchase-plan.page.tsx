import { DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Grid, Progress, Row, Space, Spin, Statistic, Tabs, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { PurchasePlanView } from '#production';
import { download, get, post } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { ApprovalTimeline } from '../../approval/approval-timeline.panel';
import type { DocumentView } from '../../approval/approval.types';
import { DocumentActions } from '../../approval/document-actions.panel';
import { fmt, STATE_COLORS, STATE_LABELS } from '../production.labels';
import { PERIOD_LABELS } from '../warehouse/warehouse.labels';
import { MaterialsTable, OrdersTable } from './purchase-tables.panel';
import { orgTime } from '../../../ui/time';

export const LOT_POLICY_LABELS = {
  max_min: tx('低于最低库存时补足到最高库存', 'Below the minimum, up to the maximum'),
  lot_for_lot: tx('按净需求采购', 'The net need (lot for lot)'),
};

/** One purchase plan: approval level by level, the netting per material, the orders per supplier (PP-15). */
export function PurchasePlanPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const isMobile = !Grid.useBreakpoint().md;
  const q = useQuery({ queryKey: ['production', 'purchase-plan', id], queryFn: () => get<PurchasePlanView>(`/production/purchase-plans/${id}`) });
  const p = q.data;
  const doc = useQuery({ queryKey: ['document', p?.documentId], queryFn: () => get<DocumentView>(`/documents/${p!.documentId}`), enabled: !!p });
  // An approval changes the plan's state: read it again when the document moves.
  const docState = doc.data?.state;
  useEffect(() => {
    if (docState && p && docState !== p.state) qc.invalidateQueries({ queryKey: ['production', 'purchase-plan', id] });
  }, [docState, p, id, qc]);
  const recompile = useMutation({
    mutationFn: () => post(`/production/purchase-plans/${id}/recompile`, { version: p!.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['production', 'purchase-plan', id] }),
  });
  if (!p) {
    return (
      <Page title={tx('物资采购计划', 'Purchase plan')}>
        <ErrorAlert error={q.error} />
        {q.isLoading && <Spin />}
      </Page>
    );
  }
  const received = p.orders.filter((o) => o.received >= o.qty - 1e-6).length;
  const summary = (
    <div>
      {doc.data && <DocumentActions doc={doc.data} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t(tx('物料', 'Materials'))} value={p.materials.length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t(tx('需采购', 'To buy'))} value={p.materials.filter((m) => m.planned > 0).length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t(tx('订单行', 'Order lines'))} value={p.orders.length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t(tx('供应商', 'Suppliers'))} value={p.suppliers.length} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t(tx('按供应商汇总', 'Per supplier'))} style={{ marginBottom: 12 }} data-testid="supplier-totals">
        {p.suppliers.map((s) => (
          <div key={s.supplier} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
            <strong>{s.supplier || t(tx('未指定供应商', 'No supplier'))}</strong>
            <span style={{ textAlign: 'right' }}>
              {t(tx(`${s.materials} 项 · ${s.lines} 行`, `${s.materials} items · ${s.lines} lines`))}
              <br />
              {s.byUnit.map((u) => `${fmt(u.qty)} ${u.unit}`).join('，')}
            </span>
          </div>
        ))}
      </Card>
      {(p.state === 'approved' || p.state === 'issued') && p.orders.length > 0 && (
        <Card size="small" title={t(tx('到货进度', 'Received'))} style={{ marginBottom: 12 }}>
          <Progress percent={Math.round((received / p.orders.length) * 100)} format={() => `${received} / ${p.orders.length}`} />
        </Card>
      )}
      {doc.data && <ApprovalTimeline doc={doc.data} />}
    </div>
  );
  return (
    <Page
      title={{ zh: p.title, en: p.title }}
      extra={
        <Space wrap>
          <Tag color={STATE_COLORS[p.state]} data-testid="purchase-state">
            {t(STATE_LABELS[p.state])}
          </Tag>
          <Button icon={<DownloadOutlined />} onClick={() => download(`/production/purchase-plans/${id}/export`, `${p.number}.xlsx`)}>
            {t(tx('导出 Excel', 'Export'))}
          </Button>
          <Link to={`/production/purchase-plans/${id}/print`}>
            <Button icon={<PrinterOutlined />}>{t(tx('打印', 'Print'))}</Button>
          </Link>
          {p.state === 'draft' && can('production.purchase.write') && (
            <Button
              icon={<ReloadOutlined />}
              loading={recompile.isPending}
              onClick={() =>
                modal.confirm({
                  title: t(tx('按今天的库存和订单重新编制？', 'Compile again from today’s stock and orders?')),
                  content: t(tx('草稿的订单行将被重新计算的结果替换。', 'The draft’s order lines are replaced by the new result.')),
                  onOk: () => recompile.mutateAsync(),
                })
              }
              data-testid="purchase-recompile"
            >
              {t(tx('重新编制', 'Compile again'))}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {p.number} · {t(tx('依据', 'from'))} <Link to={`/production/plans/${p.sourcePlanId}`}>{`${p.sourcePlanNumber ?? ''} ${p.sourcePlanTitle}`}</Link> ·{' '}
        {t(tx('按供应商、物料、', 'one line per supplier, item and '))}
        {t(PERIOD_LABELS[p.orderPeriod])}
        {t(tx('合并', ''))} · {t(LOT_POLICY_LABELS[p.lotPolicy])} · {p.createdByName} {orgTime(p.compiledAt).format('YYYY-MM-DD HH:mm')}
      </Typography.Paragraph>
      <ErrorAlert error={recompile.error ?? doc.error} />
      {p.isStale && p.state === 'draft' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(tx('生产计划的物料需求已重新分解，请重新编制后再报批', 'The production plan’s materials changed; compile again before submitting'))}
        />
      )}
      <Tabs
        items={[
          { key: 'summary', label: t(tx('概览与审批', 'Summary and approval')), children: summary },
          { key: 'orders', label: <span data-testid="tab-orders">{t(tx('采购订单', 'Orders'))}</span>, children: <OrdersTable plan={p} isMobile={isMobile} /> },
          {
            key: 'materials',
            label: <span data-testid="tab-materials">{t(tx('物料净需求', 'Netting per material'))}</span>,
            children: <MaterialsTable plan={p} isMobile={isMobile} />,
          },
        ]}
      />
    </Page>
  );
}

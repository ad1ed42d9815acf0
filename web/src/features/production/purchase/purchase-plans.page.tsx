import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Grid, List, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import type { PurchasePlanSummary } from '#production';
import { get, post } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { STATE_COLORS, STATE_LABELS } from '../production.labels';
import type { PlanSummary } from '../production.types';
import { PERIOD_LABELS } from '../warehouse/warehouse.labels';
import { orgTime } from '../../../ui/time';

/** PP-15 (T4 第二十三条): the purchase plans, and compiling one from an issued production plan. */
export function PurchasePlansPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const isMobile = !Grid.useBreakpoint().md;
  const [compiling, setCompiling] = useState(false);
  const [sourcePlanId, setSourcePlanId] = useState<string | undefined>();
  const list = useQuery({ queryKey: ['production', 'purchase-plans'], queryFn: () => get<PurchasePlanSummary[]>('/production/purchase-plans') });
  const sources = useQuery({
    queryKey: ['production', 'plans', 'purchase-sources'],
    queryFn: async () =>
      (await get<PlanSummary[]>('/production/plans')).filter(
        (p) => ['monthly', 'special', 'temporary'].includes(p.kind) && ['approved', 'issued'].includes(p.state),
      ),
    enabled: compiling,
  });
  const compile = useMutation({
    mutationFn: () => post<{ id: string }>('/production/purchase-plans', { sourcePlanId }),
    onSuccess: (p) => navigate(`/production/purchase-plans/${p.id}`),
  });
  const state = (s: string) => <Tag color={STATE_COLORS[s]}>{t(STATE_LABELS[s])}</Tag>;
  return (
    <Page
      title={tx('物资采购计划', 'Purchase plans')}
      extra={
        can('production.purchase.write') && (
          <Button type="primary" onClick={() => setCompiling(true)} data-testid="purchase-new">
            {t(tx('按生产计划编制', 'Compile from a production plan'))}
          </Button>
        )
      }
    >
      <ErrorAlert error={list.error} />
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            '依据 T4 第二十三条：按已下达生产计划的物料需求、最高/最低库存与安全库存、现有库存和在途订单编制，经有关领导逐级审批后组织采购。',
            'T4 art. 23: compiled from the issued plan’s material needs, the maximum, minimum and safety stock, what is on hand and on order; approved level by level, then bought.',
          ),
        )}
      </Typography.Paragraph>
      {isMobile ? (
        <List<PurchasePlanSummary>
          dataSource={list.data ?? []}
          loading={list.isLoading}
          renderItem={(p) => (
            <List.Item data-testid="purchase-row">
              <div style={{ width: '100%' }}>
                <Link to={p.link}>{`${p.number} ${p.title}`}</Link>
                <div>
                  {state(p.state)}
                  <Typography.Text type="secondary">
                    {t(
                      tx(
                        `${p.lines} 行 · ${p.suppliers} 家供应商 · 到齐 ${p.received} 行`,
                        `${p.lines} lines · ${p.suppliers} suppliers · ${p.received} received`,
                      ),
                    )}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<PurchasePlanSummary>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data}
          pagination={{ pageSize: 50 }}
          onRow={() => ({ 'data-testid': 'purchase-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t(tx('编号', 'Number')), dataIndex: 'number', width: 140, render: (v: string, p) => <Link to={p.link}>{v}</Link> },
            { title: t(tx('采购计划', 'Purchase plan')), dataIndex: 'title' },
            {
              title: t(tx('依据', 'From')),
              dataIndex: 'sourcePlanTitle',
              width: 180,
              render: (v: string, p) => <Link to={`/production/plans/${p.sourcePlanId}`}>{v}</Link>,
            },
            { title: t(tx('状态', 'State')), dataIndex: 'state', width: 100, render: state },
            { title: t(tx('合并周期', 'Per')), dataIndex: 'orderPeriod', width: 80, render: (v: string) => t(PERIOD_LABELS[v]) },
            { title: t(tx('订单行/到齐', 'Lines / received')), width: 120, align: 'right', render: (_: unknown, p) => `${p.lines} / ${p.received}` },
            { title: t(tx('供应商', 'Suppliers')), dataIndex: 'suppliers', width: 80, align: 'right' },
            { title: t(tx('编制时间', 'Compiled')), dataIndex: 'compiledAt', width: 140, render: (v: string) => orgTime(v).format('YYYY-MM-DD HH:mm') },
          ]}
        />
      )}
      <Modal
        open={compiling}
        title={t(tx('编制物资采购计划', 'Compile a purchase plan'))}
        onCancel={() => setCompiling(false)}
        onOk={() => compile.mutate()}
        okButtonProps={{ disabled: !sourcePlanId, loading: compile.isPending, ...({ 'data-testid': 'purchase-compile' } as Record<string, string>) }}
      >
        <ErrorAlert error={compile.error ?? sources.error} />
        <Typography.Paragraph>
          {t(tx('选择已批准下达的月度、专项或临时生产计划：', 'Choose an approved, issued monthly, special or temporary plan:'))}
        </Typography.Paragraph>
        <Select
          style={{ width: '100%' }}
          value={sourcePlanId}
          onChange={setSourcePlanId}
          loading={sources.isLoading}
          aria-label={t(tx('生产计划', 'Production plan'))}
          placeholder={t(tx('生产计划', 'Production plan'))}
          options={(sources.data ?? []).map((p) => ({ value: p.id, label: `${p.number ?? ''} ${p.title}` }))}
          id="purchase-source"
          data-testid="purchase-source"
        />
      </Modal>
    </Page>
  );
}

/** The inbox links the approval document; the purchase plan's own page is where it is read. */
export function PurchasePlanDocumentRedirect() {
  const { documentId = '' } = useParams();
  const q = useQuery({
    queryKey: ['production', 'purchase-by-doc', documentId],
    queryFn: () => get<{ id: string }>(`/production/purchase-plan-doc/${documentId}`),
  });
  if (q.data) return <Navigate to={`/production/purchase-plans/${q.data.id}`} replace />;
  return (
    <Page title={tx('物资采购计划', 'Purchase plan')}>
      <ErrorAlert error={q.error} />
    </Page>
  );
}

import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Grid, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { Attachments } from '../../ui/attachments';
import { ErrorAlert, Page } from '../../ui/page';
import { CapacityPanel } from './capacity.panel';
import { CustomerChangePanel, UnmetRoutePanel } from './exception/plan-route.panel';
import { PlanActions } from './plan-actions.panel';
import { DiffPanel, DistributionPanel, MaterialsPanel, PlanSummaryPanel, WeeklyPanel } from './plan-details.panel';
import { LevelPlanPanel } from './level-plan.panel';
import { ReserveCeilingPanel } from './reserve-ceiling.panel';
import { AbsorptionsPanel, AnnualInputsPanel } from './plan-extras.panel';
import { PlanGrid } from './plan-grid';
import { CAPACITY_LABELS, KIND_LABELS, STATE_COLORS, STATE_LABELS } from './production.labels';
import type { CapacityView, PlanView } from './production.types';

/** One plan: its grid, the capacity heat map, approval and issue, materials, revisions. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const [preview, setPreview] = useState<CapacityView | null>(null);
  const q = useQuery({ queryKey: ['production', 'plan', id], queryFn: () => get<PlanView>(`/production/plans/${id}`) });
  const plan = q.data;
  const [tab, setTab] = useState<string | undefined>();
  useEffect(() => {
    if (id) setPreview(null);
  }, [id]);
  if (!plan) {
    return (
      <Page title={tx('生产计划', 'Production plan')}>
        <ErrorAlert error={q.error} />
        {q.isLoading && <Spin />}
      </Page>
    );
  }
  const isAdjusting = plan.effectiveRevision !== null && plan.revision !== null && plan.effectiveRevision !== plan.revision;
  const cap = CAPACITY_LABELS[plan.capacityStatus] ?? CAPACITY_LABELS.unchecked;
  const lines = {
    key: 'lines',
    label: t(tx('计划明细', 'Lines')),
    children: (
      <>
        <PlanGrid plan={plan} onPreview={setPreview} />
        <div style={{ marginTop: 12 }}>
          <CapacityPanel plan={plan} preview={preview} />
        </div>
      </>
    ),
  };
  const summary = {
    key: 'summary',
    label: t(tx('概览与审批', 'Summary')),
    children: (
      <>
        <PlanSummaryPanel plan={plan} />
        <div style={{ marginTop: 12 }}>
          <CapacityPanel plan={plan} />
        </div>
      </>
    ),
  };
  const items = [
    // Approvers, often on a phone, start from the summary; planners from the grid.
    ...(plan.canEdit && !isMobile ? [lines, summary] : [summary, lines]),
    ...(plan.kind !== 'weekly' ? [{ key: 'materials', label: t(tx('物料需求', 'Materials')), children: <MaterialsPanel plan={plan} /> }] : []),
    ...(plan.revisions.length > 0
      ? [{ key: 'diff', label: <span data-testid="tab-diff">{t(tx('版本对比', 'Revisions'))}</span>, children: <DiffPanel plan={plan} /> }]
      : []),
    ...(plan.documentId ? [{ key: 'distribution', label: t(tx('下达与签收', 'Distribution')), children: <DistributionPanel plan={plan} /> }] : []),
    ...(plan.kind === 'monthly'
      ? [
          { key: 'absorptions', label: t(tx('计划后订单', 'Orders after the plan')), children: <AbsorptionsPanel plan={plan} /> },
          { key: 'weekly', label: t(tx('车间周计划', 'Weekly plans')), children: <WeeklyPanel plan={plan} /> },
        ]
      : []),
    // PP-28: T3 第十五条 (customer change → GM) and 第十四条 (a temporary plan not met).
    ...(plan.kind === 'monthly'
      ? [{ key: 'customer-change', label: t(tx('客户变更调整', 'Customer changes')), children: <CustomerChangePanel planId={plan.id} /> }]
      : []),
    ...(plan.kind === 'temporary' && plan.requestId
      ? [{ key: 'unmet', label: t(tx('无法完成的处理', 'Not met')), children: <UnmetRoutePanel requestId={plan.requestId} /> }]
      : []),
    ...(plan.kind === 'annual' ? [{ key: 'inputs', label: t(tx('各部门资料', 'Department inputs')), children: <AnnualInputsPanel plan={plan} /> }] : []),
    ...(plan.bucket === 'month' ? [{ key: 'level', label: t(tx('综合平衡', 'Level plan')), children: <LevelPlanPanel plan={plan} /> }] : []),
    ...(plan.kind === 'annual' || plan.kind === 'quarterly'
      ? [
          {
            key: 'ceilings',
            label: <span data-testid="tab-ceilings">{t(tx('最高储备量', 'Reserve ceilings'))}</span>,
            children: <ReserveCeilingPanel plan={plan} />,
          },
        ]
      : []),
    // Issue 14 item 13 (CORE-9): minutes of the balancing meeting, signed scans, department inputs.
    { key: 'attachments', label: t(tx('附件', 'Attachments')), children: <Attachments entity="production.plan" entityId={plan.id} defaultCategory="record" /> },
  ];
  return (
    <Page
      title={{ zh: plan.title, en: plan.title }}
      extra={
        <Space wrap>
          <Tag color={STATE_COLORS[plan.state]} data-testid="plan-state">
            {t(STATE_LABELS[plan.state])}
          </Tag>
          <Tag color={cap.color} data-testid="plan-capacity">
            {t(cap.text)}
          </Tag>
          <Link to={`/production/plans/${plan.id}/print`}>
            <Button icon={<PrinterOutlined />}>{t(tx('打印', 'Print'))}</Button>
          </Link>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {plan.number ? `${plan.number} · ` : ''}
        {t(KIND_LABELS[plan.kind])} · {plan.periodStart} ~ {plan.periodEnd}
        {plan.revision ? ` · ${t(tx(`第 ${plan.revision} 版`, `revision ${plan.revision}`))}` : ''}
        {plan.workshopName ? ` · ${plan.workshopName}` : ''}
        {plan.parentPlanId && (
          <>
            {' · '}
            <Link to={`/production/plans/${plan.parentPlanId}`}>{t(tx('所属月度计划', 'Monthly plan'))}</Link>
          </>
        )}
        {plan.requestId && (
          <>
            {' · '}
            <Link to={`/production/requests/${plan.requestId}`}>{t(tx('需求单', 'Requirement'))}</Link>
          </>
        )}
      </Typography.Paragraph>
      {isAdjusting && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="plan-adjusting"
          message={t(
            tx(
              `正在调整：第 ${plan.revision} 版按原审批流程批准前，第 ${plan.effectiveRevision} 版继续有效（T4 第二十一条）`,
              `Being adjusted: revision ${plan.effectiveRevision} stays in force until revision ${plan.revision} is approved through the same chain`,
            ),
          )}
        />
      )}
      <PlanActions plan={plan} />
      <Tabs activeKey={tab ?? items[0].key} onChange={setTab} items={items} />
    </Page>
  );
}

/** Links from the approval inbox carry the document id; the plan screen is the place to read it. */
export function PlanDocumentRedirect() {
  const { documentId = '' } = useParams();
  const q = useQuery({
    queryKey: ['production', 'plan-by-doc', documentId],
    queryFn: () => get<{ id: string }>(`/production/plans/by-document/${documentId}`),
  });
  if (q.data) return <Navigate to={`/production/plans/${q.data.id}`} replace />;
  return (
    <Page title={tx('生产计划', 'Production plan')}>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
    </Page>
  );
}

export function SalesPlanDocumentRedirect() {
  const { documentId = '' } = useParams();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['production', 'sales-by-doc', documentId],
    queryFn: () => get<{ id: string }>(`/production/sales-plans/by-document/${documentId}`),
  });
  useEffect(() => {
    if (q.data) navigate(`/production/sales-plans/${q.data.id}`, { replace: true });
  }, [q.data, navigate]);
  return (
    <Page title={tx('销售计划', 'Sales plan')}>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
    </Page>
  );
}

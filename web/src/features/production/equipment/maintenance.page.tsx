import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, InputNumber, Modal, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { get, post, put } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { STATE_COLORS, STATE_LABELS } from '../production.labels';
import type { MaintenancePlanSummary, MaintenancePlanView } from './equipment.types';
import { MaintenanceActions } from './maintenance-actions.panel';
import { MaintenanceBalancePanel } from './maintenance-balance.panel';
import { type EditLine, MaintenanceLinesPanel } from './maintenance-lines.panel';

/** 年度设备保养计划 (PP-25, T4 第四十八条) and its monthly balance against production (第四十九条). */
export function MaintenancePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [year, setYear] = useState(dayjs().year());
  const q = useQuery({ queryKey: ['equipment', 'maintenance-plans'], queryFn: () => get<MaintenancePlanSummary[]>('/production/equipment/maintenance-plans') });
  const create = useMutation({
    mutationFn: () => post<MaintenancePlanSummary>('/production/equipment/maintenance-plans', { year }),
    onSuccess: (p) => navigate(`/production/equipment/maintenance/${p.id}`),
  });
  const plans = (
    <div>
      <ErrorAlert error={q.error} />
      <Table<MaintenancePlanSummary>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data}
        pagination={false}
        columns={[
          { title: t(tx('编号', 'Number')), dataIndex: 'number', width: 140 },
          { title: t(tx('计划', 'Plan')), dataIndex: 'title', render: (v: string, p) => <Link to={`/production/equipment/maintenance/${p.id}`}>{v}</Link> },
          { title: t(tx('设备行数', 'Lines')), dataIndex: 'lineCount', width: 90, align: 'right' },
          { title: t(tx('全年保养工时', 'Hours a year')), dataIndex: 'totalHours', width: 120, align: 'right' },
          { title: t(tx('状态', 'State')), dataIndex: 'state', width: 100, render: (s: string) => <Tag color={STATE_COLORS[s]}>{t(STATE_LABELS[s])}</Tag> },
        ]}
      />
    </div>
  );
  return (
    <Page
      title={tx('设备保养计划', 'Maintenance plans')}
      extra={
        can('production.equipment.write') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t(tx('制定年度保养计划', 'New annual plan'))}
          </Button>
        )
      }
    >
      <Tabs
        items={[
          { key: 'month', label: t(tx('月度保养与生产平衡', 'Monthly balance')), children: <MaintenanceBalancePanel /> },
          { key: 'plans', label: t(tx('年度保养计划', 'Annual plans')), children: plans },
        ]}
      />
      <Modal
        open={creating}
        title={t(tx('制定年度设备保养计划', 'New annual maintenance plan'))}
        onCancel={() => setCreating(false)}
        onOk={() => create.mutate()}
        confirmLoading={create.isPending}
      >
        <ErrorAlert error={create.error} />
        <Space direction="vertical">
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => setYear(v ?? year)} addonAfter={t(tx('年度', 'year'))} />
          <Typography.Text type="secondary">
            {t(tx('已有上年计划时，自动带入上年各设备的保养周期、内容和责任人。', 'Last year’s lines are copied in when there is a plan for it.'))}
          </Typography.Text>
        </Space>
      </Modal>
    </Page>
  );
}

/** One year's plan: lines while a draft, the GM's approval, issue; hours per workshop and month. */
export function MaintenancePlanPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({
    queryKey: ['equipment', 'maintenance-plan', id],
    queryFn: () => get<MaintenancePlanView>(`/production/equipment/maintenance-plans/${id}`),
  });
  const p = q.data;
  const [lines, setLines] = useState<EditLine[] | null>(null);
  useEffect(() => {
    if (p?.version) setLines(null);
  }, [p?.version]);
  const save = useMutation({
    mutationFn: () => put(`/production/equipment/maintenance-plans/${id}/lines`, { version: p!.version, lines: lines!.map(({ ownerName: _o, ...l }) => l) }),
    onSuccess: () => {
      message.success('✓');
      qc.invalidateQueries({ queryKey: ['equipment'] });
    },
  });
  if (!p) return <Page title={tx('设备保养计划', 'Maintenance plan')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  const shown: EditLine[] =
    lines ??
    p.lines.map((l) => ({
      id: l.id,
      machineId: l.machineId,
      cycle: l.cycle,
      content: l.content,
      ownerUserId: l.ownerUserId,
      ownerName: l.ownerName,
      hours: l.hours,
      months: l.months,
      week: l.week,
    }));
  const months = Array.from({ length: 12 }, (_, k) => k);
  return (
    <Page
      title={{ zh: p.title, en: `Maintenance plan ${p.year}` }}
      extra={
        <Tag color={STATE_COLORS[p.state]} data-testid="maintenance-state">
          {t(STATE_LABELS[p.state])}
        </Tag>
      }
    >
      <ErrorAlert error={save.error} />
      <Typography.Paragraph type="secondary">
        {p.number} ·{' '}
        {t(tx(`报批期限 ${p.dueOn}（制度参数：年度设备保养计划编制月份，依据 T4 第四十八条）`, `Due ${p.dueOn} (policy: maintenance plan month, T4 art. 48)`))}
      </Typography.Paragraph>
      <MaintenanceActions plan={p} dirty={!!lines} />
      {p.canEdit && (
        <Button
          type="primary"
          disabled={!lines}
          loading={save.isPending}
          onClick={() => save.mutate()}
          style={{ marginBottom: 8 }}
          data-testid="maintenance-save"
        >
          {t(tx('保存明细', 'Save lines'))}
        </Button>
      )}
      <MaintenanceLinesPanel lines={shown} editable={p.canEdit} onChange={setLines} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t(tx('各车间每月保养工时', 'Maintenance hours per workshop and month'))}
      </Typography.Title>
      <Table
        size="small"
        rowKey="workshopId"
        pagination={false}
        dataSource={p.monthHours}
        scroll={{ x: 900 }}
        columns={[
          { title: t(tx('车间', 'Workshop')), dataIndex: 'workshopName', width: 100, fixed: 'left' },
          ...months.map((k) => ({
            title: t(tx(`${k + 1}月`, `M${k + 1}`)),
            width: 60,
            align: 'right' as const,
            render: (_: unknown, r: { hours: number[] }) => r.hours[k] || '',
          })),
        ]}
      />
    </Page>
  );
}

/** The approval inbox opens the document; this finds its plan. */
export function MaintenanceDocRedirect() {
  const { documentId = '' } = useParams();
  const q = useQuery({
    queryKey: ['equipment', 'maintenance-doc', documentId],
    queryFn: () => get<{ id: string }>(`/production/equipment/maintenance-plans/by-document/${documentId}`),
  });
  if (q.data) return <Navigate to={`/production/equipment/maintenance/${q.data.id}`} replace />;
  return <Page title={tx('设备保养计划', 'Maintenance plan')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
}

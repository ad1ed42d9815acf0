import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { CAPACITY_LABELS, fmt, KIND_LABELS, STATE_COLORS, STATE_LABELS } from './production.labels';
import type { PlanKind, PlanSummary } from './production.types';

/** Every plan: annual, quarterly, monthly, weekly workshop, special and temporary. */
export function PlansPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [kind, setKind] = useState<PlanKind | 'all'>('all');
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ kind: 'annual' | 'quarterly' | 'monthly'; month?: dayjs.Dayjs; year?: number; quarter?: number }>();
  const q = useQuery({
    queryKey: ['production', 'plans', kind],
    queryFn: () => get<PlanSummary[]>(`/production/plans${kind === 'all' ? '' : `?kind=${kind}`}`),
  });
  const create = useMutation({
    mutationFn: (v: { kind: string; month?: dayjs.Dayjs; year?: number; quarter?: number }) =>
      post<{ id: string }>(
        '/production/plans',
        v.kind === 'monthly'
          ? { kind: 'monthly', month: v.month?.format('YYYY-MM') }
          : v.kind === 'annual'
            ? { kind: 'annual', year: v.year }
            : { kind: 'quarterly', year: v.year, quarter: v.quarter },
      ),
    onSuccess: (p) => navigate(`/production/plans/${p.id}`),
  });
  const chosen = Form.useWatch('kind', form);
  return (
    <Page
      title={tx('生产计划', 'Production plans')}
      extra={
        <Space wrap>
          <Select
            value={kind}
            onChange={setKind}
            style={{ width: 130 }}
            options={[{ value: 'all', label: t(tx('全部', 'All')) }, ...Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))]}
          />
          {can('production.plan.write') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="plan-new">
              {t(tx('编制计划', 'New plan'))}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={q.error} />
      <Table<PlanSummary>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 900 }}
        columns={[
          { title: t(tx('编号', 'Number')), dataIndex: 'number', width: 130 },
          {
            title: t(tx('计划', 'Plan')),
            dataIndex: 'title',
            render: (v: string, p) => (
              <Link to={p.link} data-testid="plan-link">
                {v}
              </Link>
            ),
          },
          { title: t(tx('类型', 'Kind')), dataIndex: 'kind', width: 90, render: (k: string) => t(KIND_LABELS[k]) },
          { title: t(tx('期间', 'Period')), width: 190, render: (_: unknown, p) => `${p.periodStart} ~ ${p.periodEnd}` },
          {
            title: t(tx('状态', 'State')),
            dataIndex: 'state',
            width: 120,
            render: (s: string, p) => (
              <Tag color={STATE_COLORS[s]}>
                {t(STATE_LABELS[s])}
                {p.revision && p.revision > 1 ? ` v${p.revision}` : ''}
              </Tag>
            ),
          },
          {
            title: t(tx('产能', 'Capacity')),
            dataIndex: 'capacityStatus',
            width: 120,
            render: (s: string) => <Tag color={CAPACITY_LABELS[s]?.color}>{t(CAPACITY_LABELS[s]?.text ?? CAPACITY_LABELS.unchecked.text)}</Tag>,
          },
          { title: t(tx('合计', 'Total')), dataIndex: 'total', width: 110, align: 'right', render: (v: number) => fmt(v) },
        ]}
      />
      <Modal
        open={creating}
        title={t(tx('编制生产计划', 'New production plan'))}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okButtonProps={{ ...({ 'data-testid': 'plan-create' } as Record<string, string>) }}
      >
        <ErrorAlert error={create.error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'monthly', month: dayjs().add(1, 'month'), year: dayjs().year(), quarter: Math.floor(dayjs().month() / 3) + 1 }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="kind" label={t(tx('类型', 'Kind'))}>
            <Select options={(['monthly', 'quarterly', 'annual'] as const).map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))} />
          </Form.Item>
          {chosen === 'monthly' ? (
            <Form.Item name="month" label={t(tx('月份', 'Month'))} rules={[{ required: true }]}>
              <DatePicker picker="month" />
            </Form.Item>
          ) : (
            <Form.Item name="year" label={t(tx('年度', 'Year'))} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
          )}
          {chosen === 'quarterly' && (
            <Form.Item name="quarter" label={t(tx('季度', 'Quarter'))}>
              <Select options={[1, 2, 3, 4].map((x) => ({ value: x, label: `Q${x}` }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Page>
  );
}

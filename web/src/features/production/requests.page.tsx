import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { UnmetRoutePanel } from './exception/plan-route.panel';
import { fmt, KIND_LABELS } from './production.labels';
import type { Item } from './production.types';
import { orgTime } from '../../ui/time';
import type { PlanRequestRow, PlanRequestView } from '#production';

type RequestRow = PlanRequestRow;

const STATES = {
  received: tx('待编计划', 'To plan'),
  planned: tx('已编计划', 'Planned'),
  infeasible: tx('不可行，已反馈', 'Infeasible, fed back'),
  closed: tx('计划已下达', 'Plan issued'),
};

/** PP-11: special (专项) and temporary (临时) requirements with their clocks and feasibility. */
export function RequestsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['production', 'requests'], queryFn: () => get<RequestRow[]>('/production/requests') });
  const items = useQuery({
    queryKey: ['production', 'items', 'finished'],
    queryFn: () => get<Item[]>('/production/items?category=finished'),
    enabled: creating,
  });
  const create = useMutation({
    mutationFn: (v: { kind: string; title: string; lines: { itemId: string; qty: number; dueOn: Dayjs }[] }) =>
      post<{ id: string }>('/production/requests', { ...v, lines: v.lines.map((l) => ({ ...l, dueOn: l.dueOn.format('YYYY-MM-DD') })) }),
    onSuccess: (r) => navigate(`/production/requests/${r.id}`),
  });
  return (
    <Page
      title={tx('专项与临时生产需求', 'Special and temporary requirements')}
      extra={
        (can('production.demand.write') || can('production.plan.write')) && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t(tx('提出需求', 'New requirement'))}
          </Button>
        )
      }
    >
      <ErrorAlert error={q.error} />
      <Table<RequestRow>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data}
        scroll={{ x: 760 }}
        columns={[
          { title: t(tx('编号', 'Number')), dataIndex: 'number', width: 120, render: (v: string, r) => <Link to={`/production/requests/${r.id}`}>{v}</Link> },
          { title: t(tx('需求', 'Requirement')), dataIndex: 'title' },
          { title: t(tx('类型', 'Kind')), dataIndex: 'kind', width: 80, render: (k: string) => t(KIND_LABELS[k]) },
          { title: t(tx('收到', 'Received')), dataIndex: 'receivedOn', width: 110 },
          { title: t(tx('计划下达期限', 'Issue plan by')), dataIndex: 'issueDueOn', width: 120 },
          {
            title: t(tx('状态', 'State')),
            dataIndex: 'state',
            width: 140,
            render: (s: RequestRow['state']) => <Tag color={s === 'infeasible' ? 'red' : s === 'closed' ? 'green' : 'processing'}>{t(STATES[s])}</Tag>,
          },
        ]}
      />
      <Modal
        open={creating}
        width={680}
        title={t(tx('提出专项/临时生产需求', 'New requirement'))}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <ErrorAlert error={create.error} />
        <Typography.Paragraph type="secondary">
          {t(
            tx(
              '专项计划 2 日内下达，临时计划当日或次日下达；不能满足时系统当即书面反馈（T2 五.2–3）。',
              'Special plans within 2 days, temporary the same or next day; if infeasible, written feedback at once (T2 5.2–3).',
            ),
          )}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ kind: 'temporary', lines: [{}] }} onFinish={(v) => create.mutate(v)}>
          <Space wrap>
            <Form.Item name="kind" label={t(tx('类型', 'Kind'))}>
              <Select
                style={{ width: 120 }}
                options={[
                  { value: 'special', label: t(KIND_LABELS.special) },
                  { value: 'temporary', label: t(KIND_LABELS.temporary) },
                ]}
              />
            </Form.Item>
            <Form.Item name="title" label={t(tx('需求名称', 'Title'))} rules={[{ required: true }]}>
              <Input style={{ width: 280 }} />
            </Form.Item>
          </Space>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="baseline">
                    <Form.Item name={[f.name, 'itemId']} rules={[{ required: true }]}>
                      <Select
                        showSearch
                        optionFilterProp="label"
                        style={{ width: 220 }}
                        placeholder={t(tx('产品', 'Product'))}
                        options={(items.data ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.name}` }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'qty']} rules={[{ required: true }]}>
                      <InputNumber min={0.001} placeholder={t(tx('数量', 'Quantity'))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]}>
                      <DatePicker placeholder={t(tx('交货期限', 'Due on'))} />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t(tx('添加产品', 'Add a product'))}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Page>
  );
}

/** A requirement: its feasibility, the written feedback, and its plan. */
export function RequestPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['production', 'request', id], queryFn: () => get<PlanRequestView>(`/production/requests/${id}`) });
  const r = q.data;
  const evaluate = useMutation({
    mutationFn: () => post(`/production/requests/${id}/evaluate`, { version: r!.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['production', 'request', id] }),
  });
  const plan = useMutation({
    mutationFn: () => post<{ link: string }>(`/production/requests/${id}/plan`, { version: r!.version }),
    onSuccess: (x) => navigate(x.link),
  });
  if (!r) return <Page title={tx('生产需求', 'Requirement')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  return (
    <Page title={{ zh: `${r.number} ${r.title}`, en: `${r.number} ${r.title}` }} extra={<Tag>{t(KIND_LABELS[r.kind])}</Tag>}>
      <ErrorAlert error={evaluate.error ?? plan.error} />
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t(tx('收到日期', 'Received'))}>{r.receivedOn}</Descriptions.Item>
        <Descriptions.Item label={t(tx('计划下达期限', 'Issue plan by'))}>{r.issueDueOn}</Descriptions.Item>
        <Descriptions.Item label={t(tx('状态', 'State'))}>{t(STATES[r.state])}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey={(l) => `${l.itemId}-${l.dueOn}`}
        pagination={false}
        dataSource={r.lines}
        style={{ marginBottom: 12 }}
        columns={[
          { title: t(tx('产品', 'Product')), render: (_: unknown, l) => `${r.items?.[l.itemId]?.code ?? ''} ${r.items?.[l.itemId]?.name ?? ''}` },
          { title: t(tx('数量', 'Quantity')), align: 'right', render: (_: unknown, l) => `${fmt(l.qty)} ${r.items?.[l.itemId]?.unit ?? ''}` },
          { title: t(tx('交货期限', 'Due on')), dataIndex: 'dueOn' },
        ]}
      />
      <Card size="small" title={t(tx('可行性评估与书面反馈', 'Feasibility and written feedback'))} style={{ marginBottom: 12 }}>
        <Alert type={r.isFeasible ? 'success' : 'error'} showIcon message={locale === 'en' ? r.feedbackEn : r.feedbackZh} data-testid="request-feedback" />
        {r.feedbackSentAt && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t(tx('已书面反馈提出部门', 'Feedback sent'))} {orgTime(r.feedbackSentAt).format('YYYY-MM-DD HH:mm')}
          </Typography.Paragraph>
        )}
      </Card>
      <Space wrap>
        {can('production.plan.write') && !r.planId && (
          <>
            <Button onClick={() => evaluate.mutate()} loading={evaluate.isPending}>
              {t(tx('重新评估', 'Re-judge'))}
            </Button>
            <Button type="primary" onClick={() => plan.mutate()} loading={plan.isPending} data-testid="request-plan">
              {t(tx('编制专项/临时计划', 'Make its plan'))}
            </Button>
          </>
        )}
        {r.planLink && (
          <Link to={r.planLink}>
            <Button type="primary">{t(tx('打开计划', 'Open the plan'))}</Button>
          </Link>
        )}
      </Space>
      {r.kind === 'temporary' && <UnmetRoutePanel requestId={r.id} />}
    </Page>
  );
}

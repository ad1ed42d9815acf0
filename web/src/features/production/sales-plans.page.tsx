import { DeleteOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, InputNumber, Modal, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { get, post, put } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { ACTION_LABELS, fmt, KIND_LABELS, STATE_COLORS, STATE_LABELS } from './production.labels';
import type { Item } from './production.types';
import { ExcelButtons } from './excel-buttons';
import type { SalesPlanSummary, SalesPlanView } from '#production';

/** PP-1 / PP-2: annual, quarterly and monthly sales plans; the monthly one is next month's forecast. */
export function SalesPlansPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['production', 'sales-plans'], queryFn: () => get<SalesPlanSummary[]>('/production/sales-plans') });
  const create = useMutation({
    mutationFn: (v: { kind: string; month?: dayjs.Dayjs; year?: number; quarter?: number }) =>
      post<{ id: string }>(
        '/production/sales-plans',
        v.kind === 'monthly'
          ? { kind: 'monthly', month: v.month?.format('YYYY-MM') }
          : v.kind === 'annual'
            ? { kind: 'annual', year: v.year }
            : { kind: 'quarterly', year: v.year, quarter: v.quarter },
      ),
    onSuccess: (p) => navigate(`/production/sales-plans/${p.id}`),
  });
  const kind = Form.useWatch('kind', form);
  return (
    <Page
      title={tx('销售计划与需求预报', 'Sales plans and forecasts')}
      extra={
        <Space wrap>
          <ExcelButtons table="production-sales-plans" label={t(tx('销售计划', 'Sales plans'))} permission="production.demand.write" />
          {can('production.demand.write') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t(tx('编制销售计划', 'New sales plan'))}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={q.error} />
      <Table<SalesPlanSummary>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data}
        scroll={{ x: 760 }}
        columns={[
          { title: t(tx('编号', 'Number')), dataIndex: 'number', width: 140 },
          { title: t(tx('销售计划', 'Sales plan')), dataIndex: 'title', render: (v: string, p) => <Link to={p.link}>{v}</Link> },
          { title: t(tx('类型', 'Kind')), dataIndex: 'kind', width: 80, render: (k: string) => t(KIND_LABELS[k]) },
          { title: t(tx('状态', 'State')), dataIndex: 'state', width: 100, render: (s: string) => <Tag color={STATE_COLORS[s]}>{t(STATE_LABELS[s])}</Tag> },
          { title: t(tx('合计', 'Total')), dataIndex: 'total', width: 110, align: 'right', render: (v: number) => fmt(v) },
        ]}
      />
      <Modal
        open={creating}
        title={t(tx('编制销售计划', 'New sales plan'))}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <ErrorAlert error={create.error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'monthly', month: dayjs().add(1, 'month'), year: dayjs().year(), quarter: 1 }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="kind" label={t(tx('类型', 'Kind'))}>
            <Select options={(['monthly', 'quarterly', 'annual'] as const).map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))} />
          </Form.Item>
          {kind === 'monthly' ? (
            <Form.Item name="month" label={t(tx('月份（须于截止日前报送生产部）', 'Month (send to production by the due day)'))}>
              <DatePicker picker="month" />
            </Form.Item>
          ) : (
            <Form.Item name="year" label={t(tx('年度', 'Year'))}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
          )}
          {kind === 'quarterly' && (
            <Form.Item name="quarter" label={t(tx('季度', 'Quarter'))}>
              <Select options={[1, 2, 3, 4].map((x) => ({ value: x, label: `Q${x}` }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Page>
  );
}

type EditLine = { itemId: string; onDate: string; qty: number };

/** A sales plan's lines (monthly: product × ship date — the delivery schedule), then up to the GM. */
export function SalesPlanPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['production', 'sales-plan', id], queryFn: () => get<SalesPlanView>(`/production/sales-plans/${id}`) });
  const items = useQuery({ queryKey: ['production', 'items', 'finished'], queryFn: () => get<Item[]>('/production/items?category=finished') });
  const [lines, setLines] = useState<EditLine[] | null>(null);
  const p = q.data;
  useEffect(() => {
    if (p?.version) setLines(null);
  }, [p?.version]);
  const shown: EditLine[] = lines ?? p?.lines.map((l) => ({ itemId: l.itemId, onDate: l.onDate, qty: l.qty })) ?? [];
  const editable = p?.state === 'draft' && can('production.demand.write');
  const refresh = () => qc.invalidateQueries({ queryKey: ['production', 'sales-plan', id] });
  const save = useMutation({
    mutationFn: () => put(`/production/sales-plans/${id}/lines`, { version: p!.version, lines: shown }),
    onSuccess: () => {
      message.success('✓');
      refresh();
    },
  });
  const act = useMutation({ mutationFn: (a: string) => post(`/documents/${p!.documentId}/${a}`, { version: p!.document!.version }), onSuccess: refresh });
  if (!p) return <Page title={tx('销售计划', 'Sales plan')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  const set = (i: number, patch: Partial<EditLine>) => setLines(shown.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  const total = shown.reduce((s, l) => s + (l.qty || 0), 0);
  return (
    <Page title={{ zh: p.title, en: p.title }} extra={<Tag color={STATE_COLORS[p.state]}>{t(STATE_LABELS[p.state])}</Tag>}>
      <ErrorAlert error={save.error ?? act.error} />
      <Typography.Paragraph type="secondary">
        {p.number} · {p.periodStart} ~ {p.periodEnd} · {t(tx('合计', 'Total'))} {fmt(total)}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        {editable && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => setLines([...shown, { itemId: items.data?.[0]?.id ?? '', onDate: p.periodStart, qty: 0 }])}>
              {t(tx('添加行', 'Add a line'))}
            </Button>
            <Button type="primary" disabled={!lines} loading={save.isPending} onClick={() => save.mutate()}>
              {t(tx('保存', 'Save'))}
            </Button>
          </>
        )}
        {(p.document?.allowedActions ?? [])
          .filter((a) => ['submit', 'approve', 'withdraw', 'revise', 'adjust'].includes(a))
          .map((a) => (
            <Button
              key={a}
              type={a === 'submit' || a === 'approve' ? 'primary' : 'default'}
              disabled={!!lines}
              onClick={() => act.mutate(a)}
              loading={act.isPending}
            >
              {t(ACTION_LABELS[a])}
            </Button>
          ))}
        <Link to={`/production/sales-plans/${p.id}/print`}>
          <Button icon={<PrinterOutlined />} data-testid="sales-plan-print">
            {t(tx('打印', 'Print'))}
          </Button>
        </Link>
      </Space>
      <Table<EditLine>
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={shown}
        scroll={{ x: 600 }}
        columns={[
          {
            title: t(tx('产品', 'Product')),
            render: (_: unknown, l, i) =>
              editable ? (
                <Select
                  showSearch
                  optionFilterProp="label"
                  value={l.itemId}
                  style={{ width: 240 }}
                  onChange={(v) => set(i, { itemId: v })}
                  options={(items.data ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.name}` }))}
                />
              ) : (
                `${p.lines[i]?.code} ${p.lines[i]?.name}`
              ),
          },
          {
            title: p.kind === 'monthly' ? t(tx('发货日期', 'Ship on')) : t(tx('月份', 'Month')),
            width: 170,
            render: (_: unknown, l, i) =>
              editable ? (
                <DatePicker
                  picker={p.kind === 'monthly' ? 'date' : 'month'}
                  value={dayjs(l.onDate)}
                  allowClear={false}
                  onChange={(d) => d && set(i, { onDate: d.format(p.kind === 'monthly' ? 'YYYY-MM-DD' : 'YYYY-MM-01') })}
                />
              ) : (
                l.onDate.slice(0, p.kind === 'monthly' ? 10 : 7)
              ),
          },
          {
            title: t(tx('数量', 'Quantity')),
            width: 150,
            render: (_: unknown, l, i) => (editable ? <InputNumber min={0} value={l.qty} onChange={(v) => set(i, { qty: v ?? 0 })} /> : fmt(l.qty)),
          },
          ...(editable
            ? [
                {
                  title: '',
                  width: 50,
                  render: (_: unknown, __: EditLine, i: number) => (
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => setLines(shown.filter((_x, k) => k !== i))} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {p.productTotals.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="itemId"
          pagination={false}
          data-testid="product-totals"
          title={() => <Typography.Text strong>{t(tx('按产品合计', 'Totals by product'))}</Typography.Text>}
          dataSource={p.productTotals}
          columns={[
            { title: t(tx('产品', 'Product')), render: (_: unknown, r) => `${r.code} ${r.name}` },
            { title: t(tx('行数', 'Lines')), dataIndex: 'lineCount', width: 70, align: 'right' },
            { title: t(tx('合计数量', 'Total quantity')), width: 140, align: 'right', render: (_: unknown, r) => `${fmt(r.qty)} ${r.unit}` },
            { title: t(tx('金额', 'Amount')), width: 130, align: 'right', render: (_: unknown, r) => (r.amount === null ? '' : fmt(r.amount)) },
          ]}
        />
      )}
    </Page>
  );
}

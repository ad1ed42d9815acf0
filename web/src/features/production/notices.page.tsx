import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Spin, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { Attachments } from '../../ui/attachments';
import { ErrorAlert, Page } from '../../ui/page';
import { PrintButton, PrintSheet } from '../../ui/print-sheet';
import { NoticeActions } from './notice-actions.panel';
import { fmt } from './production.labels';
import type { Item, Workshop } from './production.types';
import type { NoticeSummary, NoticeView } from '#production';

type Notice = NoticeSummary;

const STATES: Record<Notice['state'], { text: Text; color: string }> = {
  draft: { text: tx('草稿', 'Draft'), color: 'default' },
  issued: { text: tx('已下达', 'Issued'), color: 'cyan' },
  done: { text: tx('已完成', 'Done'), color: 'green' },
  cancelled: { text: tx('已取消', 'Cancelled'), color: 'default' },
};

/** PP-13 (T3 第六条): numbered production notices. */
export function NoticesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['production', 'notices'], queryFn: () => get<Notice[]>('/production/notices') });
  const items = useQuery({ queryKey: ['production', 'items'], queryFn: () => get<Item[]>('/production/items'), enabled: creating });
  const workshops = useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops'), enabled: creating });
  const create = useMutation({
    mutationFn: (v: Record<string, unknown> & { dueOn: dayjs.Dayjs }) =>
      post<{ id: string }>('/production/notices', { ...v, dueOn: v.dueOn.format('YYYY-MM-DD') }),
    onSuccess: (n) => navigate(`/production/notices/${n.id}`),
  });
  return (
    <Page
      title={tx('生产通知单', 'Production notices')}
      extra={
        can('production.plan.write') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t(tx('开具通知单', 'New notice'))}
          </Button>
        )
      }
    >
      <ErrorAlert error={q.error} />
      <Table<Notice>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data}
        scroll={{ x: 760 }}
        columns={[
          { title: t(tx('编号', 'Number')), dataIndex: 'number', width: 140, render: (v: string, n) => <Link to={`/production/notices/${n.id}`}>{v}</Link> },
          { title: t(tx('品名', 'Product')), render: (_: unknown, n) => `${n.code} ${n.name}` },
          { title: t(tx('数量', 'Quantity')), width: 110, align: 'right', render: (_: unknown, n) => `${fmt(n.qty)} ${n.unit}` },
          { title: t(tx('车间', 'Workshop')), dataIndex: 'workshopName', width: 100 },
          { title: t(tx('交货期限', 'Due')), dataIndex: 'dueOn', width: 110 },
          {
            title: t(tx('状态', 'State')),
            dataIndex: 'state',
            width: 90,
            render: (s: Notice['state']) => <Tag color={STATES[s].color}>{t(STATES[s].text)}</Tag>,
          },
        ]}
      />
      <Modal
        open={creating}
        title={t(tx('开具生产通知单（T3 第六条）', 'New production notice (T3 art. 6)'))}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <ErrorAlert error={create.error} />
        <Form form={form} layout="vertical" initialValues={{ dueOn: dayjs().add(7, 'day') }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="itemId" label={t(tx('品名', 'Product'))} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(items.data ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.name} ${x.spec}` }))} />
          </Form.Item>
          <Form.Item name="qty" label={t(tx('数量', 'Quantity'))} rules={[{ required: true }]}>
            <InputNumber min={0.001} />
          </Form.Item>
          <Form.Item name="spec" label={t(tx('规格（默认取物料规格）', 'Specification'))}>
            <Input />
          </Form.Item>
          <Form.Item name="qualityRequirements" label={t(tx('质量要求', 'Quality requirements'))} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="packagingRequirements" label={t(tx('包装要求', 'Packaging requirements'))} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="dueOn" label={t(tx('交货期限', 'Due on'))}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="workshopId" label={t(tx('下达车间', 'Workshop'))}>
            <Select allowClear options={(workshops.data ?? []).map((w) => ({ value: w.id, label: w.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}

/** One notice, issue it, and the intermediate transfers that quote its number (T3 第十条). */
export function NoticePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['production', 'notice', id], queryFn: () => get<NoticeView>(`/production/notices/${id}`) });
  const n = q.data;
  const issue = useMutation({
    mutationFn: () => post(`/production/notices/${id}/issue`, { version: n!.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['production'] }),
  });
  if (!n) return <Page title={tx('生产通知单', 'Production notice')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  return (
    <Page
      title={{ zh: `生产通知单 ${n.number}`, en: `Production notice ${n.number}` }}
      extra={
        <Space>
          <Tag color={STATES[n.state].color}>{t(STATES[n.state].text)}</Tag>
          <Link to={`/production/notices/${id}/print`}>
            <Button icon={<PrinterOutlined />}>{t(tx('打印', 'Print'))}</Button>
          </Link>
        </Space>
      }
    >
      <ErrorAlert error={issue.error} />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t(tx('品名', 'Product'))}>
          {n.item?.code} {n.item?.name}
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('数量', 'Quantity'))}>
          {fmt(n.qty)} {n.item?.unit}
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('规格', 'Specification'))}>{n.spec}</Descriptions.Item>
        <Descriptions.Item label={t(tx('交货期限', 'Due on'))}>{n.dueOn}</Descriptions.Item>
        <Descriptions.Item label={t(tx('质量要求', 'Quality'))}>{n.qualityRequirements}</Descriptions.Item>
        <Descriptions.Item label={t(tx('包装要求', 'Packaging'))}>{n.packagingRequirements}</Descriptions.Item>
        <Descriptions.Item label={t(tx('车间', 'Workshop'))}>{n.workshopName}</Descriptions.Item>
        <Descriptions.Item label={t(tx('所属计划', 'Plan'))}>
          {n.planId ? <Link to={`/production/plans/${n.planId}`}>{t(tx('查看', 'Open'))}</Link> : '—'}
        </Descriptions.Item>
      </Descriptions>
      {n.state === 'draft' && can('production.plan.write') && (
        <Button type="primary" onClick={() => issue.mutate()} loading={issue.isPending} style={{ marginBottom: 12 }}>
          {t(tx('下达', 'Issue'))}
        </Button>
      )}
      <NoticeActions notice={n} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={n.transfers}
        title={() => t(tx('中间物料转移记录（须标明本通知单编号）', 'Intermediate transfers quoting this notice'))}
        columns={[
          { title: t(tx('日期', 'Date')), dataIndex: 'transferredOn', width: 110 },
          { title: t(tx('物料', 'Material')), render: (_: unknown, x) => `${x.code} ${x.name}` },
          { title: t(tx('数量', 'Quantity')), align: 'right', render: (_: unknown, x) => `${fmt(x.qty)} ${x.unit}` },
          { title: t(tx('登记人', 'Recorded by')), dataIndex: 'recordedByName', width: 100 },
        ]}
      />
      <div style={{ marginTop: 12 }} data-testid="notice-attachments">
        <Attachments entity="production.notice" entityId={n.id} defaultCategory="record" />
      </div>
    </Page>
  );
}

/** The notice as the A4 form the workshop keeps (生产通知单). */
export function NoticePrintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['production', 'notice', id], queryFn: () => get<NoticeView>(`/production/notices/${id}`) });
  const n = q.data;
  const rows = n
    ? [
        { k: t(tx('品名', 'Product')), v: `${n.item?.code} ${n.item?.name}` },
        { k: t(tx('规格', 'Specification')), v: n.spec },
        { k: t(tx('数量', 'Quantity')), v: `${fmt(n.qty)} ${n.item?.unit}` },
        { k: t(tx('质量要求', 'Quality requirements')), v: n.qualityRequirements },
        { k: t(tx('包装要求', 'Packaging requirements')), v: n.packagingRequirements },
        { k: t(tx('交货期限', 'Due on')), v: n.dueOn },
        { k: t(tx('承制车间', 'Workshop')), v: n.workshopName ?? '' },
        { k: t(tx('备注', 'Note')), v: n.note },
      ]
    : [];
  return (
    <div>
      <Space className="zd-no-print" style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/production/notices/${id}`)}>
          {t(tx('返回', 'Back'))}
        </Button>
        <PrintButton disabled={!n} />
      </Space>
      {q.isLoading && <Spin />}
      <ErrorAlert error={q.error} />
      {n && (
        <PrintSheet<{ k: string; v: string }>
          title={t(tx('生产通知单', 'Production notice'))}
          meta={[
            { label: t(tx('编号', 'No.')), value: n.number },
            { label: t(tx('下达日期', 'Issued')), value: n.issuedAt ? dayjs(n.issuedAt).format('YYYY-MM-DD') : '—' },
          ]}
          rows={rows}
          columns={[
            { key: 'k', title: t(tx('项目', 'Item')), width: '25%' },
            { key: 'v', title: t(tx('内容', 'Content')) },
          ]}
          signatures={[t(tx('开单（生产部）', 'Issued by (production)')), t(tx('接收（车间）', 'Received (workshop)')), t(tx('质检', 'Quality'))]}
        >
          {t(tx('中间物料转移须标明本通知单编号（T3 第十条）。', 'Intermediate transfers must quote this notice number (T3 art. 10).'))}
        </PrintSheet>
      )}
    </div>
  );
}

import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { fmt, ORDER_KIND_LABELS, ORDER_STATE_LABELS } from './production.labels';
import type { Item } from './production.types';
import { ExcelButtons } from './excel-buttons';
import { ListTable } from '../../ui/list-table';
import type { OrderSummary } from '#production';

interface NewOrder {
  kind: string;
  customer: string;
  contact?: string;
  receivedOn: dayjs.Dayjs;
  note?: string;
  lines: { itemId: string; qty: number; requestedShipOn: dayjs.Dayjs }[];
}

/** PP-3: orders of every kind, their joint review and the sales order sheets they became. */
export function OrdersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [state, setState] = useState<string>('all');
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewOrder>();
  const q = useQuery({
    queryKey: ['production', 'orders', state],
    queryFn: () => get<OrderSummary[]>(`/production/orders${state === 'all' ? '' : `?state=${state}`}`),
  });
  const items = useQuery({
    queryKey: ['production', 'items', 'finished'],
    queryFn: () => get<Item[]>('/production/items?category=finished'),
    enabled: creating,
  });
  const create = useMutation({
    mutationFn: (v: NewOrder) =>
      post<{ id: string }>('/production/orders', {
        ...v,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        lines: v.lines.map((l) => ({ ...l, requestedShipOn: l.requestedShipOn.format('YYYY-MM-DD') })),
      }),
    onSuccess: (o) => navigate(`/production/orders/${o.id}`),
  });
  return (
    <Page
      title={tx('订单与订单汇审', 'Orders and joint review')}
      extra={
        <Space wrap>
          <Select
            aria-label={t(tx('状态', 'State'))}
            value={state}
            onChange={setState}
            style={{ width: 150 }}
            options={[{ value: 'all', label: t(tx('全部', 'All')) }, ...Object.entries(ORDER_STATE_LABELS).map(([value, l]) => ({ value, label: t(l.text) }))]}
          />
          <ExcelButtons table="production-orders" label={t(tx('客户订单', 'Customer orders'))} permission="production.demand.write" />
          {can('production.demand.write') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="order-new">
              {t(tx('登记订单', 'Record an order'))}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={q.error} />
      <ListTable<OrderSummary>
        rowKey="id"
        loading={q.isLoading}
        rows={q.data}
        scrollX={860}
        testId="order-list"
        search={{ label: tx('搜索订单号或客户', 'Search order or customer'), fields: (o) => [o.number, o.salesSheetNumber, o.customer] }}
        columns={[
          {
            key: 'number',
            title: t(tx('订单号', 'Order')),
            dataIndex: 'number',
            width: 130,
            card: 'title',
            render: (v: string, o) => (
              <Link to={o.link} data-testid="order-link">
                {v}
              </Link>
            ),
          },
          {
            key: 'state',
            title: t(tx('状态', 'State')),
            dataIndex: 'state',
            width: 130,
            card: 'status',
            render: (s: string) => <Tag color={ORDER_STATE_LABELS[s].color}>{t(ORDER_STATE_LABELS[s].text)}</Tag>,
          },
          { key: 'customer', title: t(tx('客户', 'Customer')), dataIndex: 'customer', width: 200 },
          { key: 'sheet', title: t(tx('销售计划单', 'Sales sheet')), dataIndex: 'salesSheetNumber', width: 140 },
          { key: 'kind', title: t(tx('类型', 'Kind')), dataIndex: 'kind', width: 100, render: (k: string) => t(ORDER_KIND_LABELS[k]) },
          { key: 'received', title: t(tx('接单日期', 'Received')), dataIndex: 'receivedOn', width: 110, card: 'hidden' },
          { key: 'firstShip', title: t(tx('首次发货', 'First ship')), dataIndex: 'firstShipOn', width: 110 },
          { key: 'qty', title: t(tx('数量', 'Quantity')), dataIndex: 'totalQty', width: 100, align: 'right', render: (v: number) => fmt(v) },
        ]}
      />
      <Modal
        open={creating}
        width={720}
        title={t(tx('登记订单（合同、口头、书面订单或要货通知）', 'Record an order'))}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okButtonProps={{ ...({ 'data-testid': 'order-create' } as Record<string, string>) }}
      >
        <ErrorAlert error={create.error} />
        <Form form={form} layout="vertical" initialValues={{ kind: 'contract', receivedOn: dayjs(), lines: [{}] }} onFinish={(v) => create.mutate(v)}>
          <Space wrap>
            <Form.Item name="kind" label={t(tx('类型', 'Kind'))}>
              <Select style={{ width: 140 }} options={Object.entries(ORDER_KIND_LABELS).map(([value, l]) => ({ value, label: t(l) }))} />
            </Form.Item>
            <Form.Item name="customer" label={t(tx('客户', 'Customer'))} rules={[{ required: true }]}>
              <Input style={{ width: 200 }} data-testid="order-customer" />
            </Form.Item>
            <Form.Item name="receivedOn" label={t(tx('接单日期', 'Received on'))}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="contact" label={t(tx('联系人', 'Contact'))}>
            <Input />
          </Form.Item>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} wrap align="baseline">
                    <Form.Item name={[f.name, 'itemId']} rules={[{ required: true }]}>
                      <Select
                        showSearch
                        optionFilterProp="label"
                        style={{ width: 220 }}
                        placeholder={t(tx('产品', 'Product'))}
                        options={(items.data ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.name} ${x.spec}` }))}
                        data-testid={`order-item-${i}`}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'qty']} rules={[{ required: true }]}>
                      <InputNumber min={0.001} placeholder={t(tx('数量', 'Quantity'))} data-testid={`order-qty-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'requestedShipOn']} rules={[{ required: true }]}>
                      <DatePicker placeholder={t(tx('要求发货日', 'Ship on'))} data-testid={`order-ship-${i}`} />
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

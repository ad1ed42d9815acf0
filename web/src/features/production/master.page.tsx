import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { get, patch, post, put } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { ExcelButtons } from './excel-buttons';
import { BomPanel, RoutingPanel } from './master-structure.panel';
import { WorkshopsPanel } from './workshops.panel';
import { CATEGORY_LABELS, fmt, SOURCE_LABELS } from './production.labels';
import type { Item } from './production.types';

function ItemsPanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const [stock, setStock] = useState<Item | null>(null);
  const [form] = Form.useForm();
  const [stockForm] = Form.useForm();
  const list = useQuery({
    queryKey: ['production', 'items', 'all', q],
    queryFn: () => get<Item[]>(`/production/items?includeInactive=true${q ? `&q=${encodeURIComponent(q)}` : ''}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['production', 'items'] });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      editing === 'new' ? post('/production/items', v) : patch(`/production/items/${(editing as Item).id}`, { ...v, version: (editing as Item).version }),
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
  });
  const saveStock = useMutation({
    mutationFn: (v: Record<string, unknown>) => put(`/production/items/${stock!.id}/stock`, { ...v, version: stock!.stockVersion }),
    onSuccess: () => {
      setStock(null);
      refresh();
    },
  });
  const approve = useMutation({
    mutationFn: (i: Item) => post(`/production/items/${i.id}/stock/approve-safety`, { version: i.stockVersion }),
    onSuccess: refresh,
  });
  const canWrite = can('production.master.write');
  return (
    <div>
      <ErrorAlert error={list.error ?? approve.error} />
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search
          aria-label={t(tx('编码或品名', 'Code or name'))}
          placeholder={t(tx('编码或品名', 'Code or name'))}
          onSearch={setQ}
          allowClear
          style={{ width: 200 }}
        />
        {canWrite && (
          <Button
            type="primary"
            onClick={() => {
              form.resetFields();
              setEditing('new');
            }}
          >
            {t(tx('新增物料', 'New item'))}
          </Button>
        )}
        <ExcelButtons table="production-items" label={t(tx('物料与库存', 'Items and stock'))} />
      </Space>
      <Table<Item>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 1300 }}
        columns={[
          { title: t(tx('编码', 'Code')), dataIndex: 'code', width: 100, fixed: 'left' },
          {
            title: t(tx('品名', 'Name')),
            dataIndex: 'name',
            width: 160,
            render: (v: string, i) =>
              canWrite ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => {
                    form.setFieldsValue(i);
                    setEditing(i);
                  }}
                >
                  {v}
                </Button>
              ) : (
                v
              ),
          },
          { title: t(tx('规格', 'Spec')), dataIndex: 'spec', width: 130 },
          { title: t(tx('单位', 'Unit')), dataIndex: 'unit', width: 60 },
          { title: t(tx('类别', 'Category')), dataIndex: 'category', width: 90, render: (c: string) => t(CATEGORY_LABELS[c]) },
          { title: t(tx('来源', 'Source')), dataIndex: 'source', width: 70, render: (c: string) => t(SOURCE_LABELS[c]) },
          { title: t(tx('提前期', 'Lead time')), dataIndex: 'leadTimeDays', width: 80 },
          { title: t(tx('现有库存', 'On hand')), dataIndex: 'onHand', width: 100, align: 'right', render: (v: number) => fmt(v) },
          { title: t(tx('最低/最高', 'Min / max')), width: 130, render: (_: unknown, i) => `${fmt(i.minQty)} / ${fmt(i.maxQty)}` },
          { title: t(tx('供应商', 'Supplier')), dataIndex: 'supplier', width: 120 },
          {
            title: t(tx('安全库存', 'Safety stock')),
            width: 200,
            // The value in force is the approved one; a change waits for the approver (T4 第二十四条).
            render: (_: unknown, i) => (
              <span data-testid="safety-cell">
                {fmt(i.safetyStock)}
                {i.safetyPending !== null && (
                  <>
                    {' → '}
                    <Tag color="orange">{t(tx(`待批准 ${fmt(i.safetyPending)}`, `${fmt(i.safetyPending)} to approve`))}</Tag>
                    {can('production.plan.approve') && (
                      <Button size="small" onClick={() => approve.mutate(i)}>
                        {t(tx('批准', 'Approve'))}
                      </Button>
                    )}
                  </>
                )}
              </span>
            ),
          },
          {
            title: '',
            width: 80,
            render: (_: unknown, i) =>
              canWrite || can('production.stock.write') ? (
                <Button
                  size="small"
                  data-testid="item-stock"
                  onClick={() => {
                    stockForm.setFieldsValue({ ...i, safetyStock: i.safetyPending ?? i.safetyStock });
                    setStock(i);
                  }}
                >
                  {t(tx('库存', 'Stock'))}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? t(tx('新增物料', 'New item')) : t(tx('修改物料', 'Edit item'))}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
      >
        <ErrorAlert error={save.error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ category: 'finished', source: 'make', leadTimeDays: 0, isMature: true }}
          onFinish={(v) => save.mutate(v)}
        >
          <Space wrap>
            <Form.Item name="code" label={t(tx('编码', 'Code'))} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="name" label={t(tx('品名', 'Name'))} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="spec" label={t(tx('规格', 'Spec'))}>
              <Input />
            </Form.Item>
            <Form.Item name="unit" label={t(tx('单位', 'Unit'))} rules={[{ required: true }]}>
              <Input style={{ width: 80 }} />
            </Form.Item>
            <Form.Item name="category" label={t(tx('类别', 'Category'))}>
              <Select style={{ width: 120 }} options={Object.entries(CATEGORY_LABELS).map(([value, l]) => ({ value, label: t(l) }))} />
            </Form.Item>
            <Form.Item name="source" label={t(tx('来源', 'Source'))}>
              <Select style={{ width: 100 }} options={Object.entries(SOURCE_LABELS).map(([value, l]) => ({ value, label: t(l) }))} />
            </Form.Item>
            <Form.Item name="leadTimeDays" label={t(tx('提前期（天）', 'Lead time (days)'))}>
              <InputNumber min={0} max={365} />
            </Form.Item>
            <Form.Item name="supplier" label={t(tx('供应商', 'Supplier'))}>
              <Input style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="isMature" valuePropName="checked">
              <Checkbox>{t(tx('成熟产品（可批量生产）', 'Mature product'))}</Checkbox>
            </Form.Item>
          </Space>
        </Form>
      </Modal>
      <Modal
        open={!!stock}
        title={t(tx('最高/最低/安全库存', 'Stock levels'))}
        onCancel={() => setStock(null)}
        onOk={() => stockForm.submit()}
        confirmLoading={saveStock.isPending}
      >
        <ErrorAlert error={saveStock.error} />
        <Form form={stockForm} layout="vertical" onFinish={(v) => saveStock.mutate(v)}>
          {stock?.safetyPending !== null && stock?.safetyPending !== undefined && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t(
                tx(
                  `安全库存 ${fmt(stock.safetyPending)} 待批准；批准前按 ${fmt(stock.safetyStock)} 计划`,
                  `Safety stock ${fmt(stock.safetyPending)} awaits approval; ${fmt(stock.safetyStock)} is planned on until then`,
                ),
              )}
            />
          )}
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t(
              tx('现有库存只随仓库单据（入库、出库、盘点）变化', 'What is on hand changes only through warehouse documents (receipts, issues, counts)'),
            )}
          />
          <Form.Item name="minQty" label={t(tx('最低库存', 'Minimum'))}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="maxQty" label={t(tx('最高库存', 'Maximum'))}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item
            name="safetyStock"
            label={t(tx('安全库存（修改后须经批准才生效，T4 第二十四条）', 'Safety stock (takes effect once approved, T4 art. 24)'))}
          >
            <InputNumber min={0} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

/** Master data: items and stock, BOM, routings, workshops with capacity calendars; all to and from Excel. */
export function MasterDataPage() {
  const { t } = useI18n();
  return (
    <Page title={tx('基础资料', 'Master data')}>
      <Tabs
        items={[
          { key: 'items', label: t(tx('物料与库存', 'Items and stock')), children: <ItemsPanel /> },
          { key: 'bom', label: t(tx('物料清单', 'BOM')), children: <BomPanel /> },
          { key: 'routing', label: t(tx('工艺路线', 'Routings')), children: <RoutingPanel /> },
          { key: 'workshops', label: t(tx('车间与产能日历', 'Workshops and capacity')), children: <WorkshopsPanel /> },
        ]}
      />
    </Page>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { LocationView } from '#production';
import { patch, post } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { LOCATION_KIND_LABELS } from './warehouse.labels';
import { useLocations, WarehouseNav } from './warehouse-nav';

/** Warehouses and locations (库位) as master data: a location holding stock cannot be retired. */
export function LocationsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const list = useLocations(true);
  const [editing, setEditing] = useState<LocationView | 'new' | null>(null);
  const [form] = Form.useForm();
  const refresh = () => qc.invalidateQueries({ queryKey: ['production', 'locations'] });
  const save = useMutation({
    mutationFn: (v: { code: string; name: string; kind: string; sort?: number }) =>
      editing === 'new'
        ? post('/production/locations', v)
        : patch(`/production/locations/${(editing as LocationView).id}`, {
            version: (editing as LocationView).version,
            name: v.name,
            kind: v.kind,
            sort: v.sort,
          }),
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (l: LocationView) => post(`/production/locations/${l.id}/${l.isActive ? 'retire' : 'reactivate'}`, { version: l.version }),
    onSuccess: refresh,
  });
  const canWrite = can('production.stock.write');
  const confirmRetire = (l: LocationView) =>
    modal.confirm({
      title: t(tx(`停用 ${l.name}？`, `Retire ${l.name}?`)),
      content: t(tx('停用后不能再向该库位收发货；历史单据保留。', 'No goods can be received into or issued from it any more; its documents stay.')),
      onOk: () => toggle.mutateAsync(l),
    });
  return (
    <Page title={tx('库位', 'Locations')}>
      <WarehouseNav />
      <ErrorAlert error={list.error ?? toggle.error} />
      {canWrite && (
        <Button
          type="primary"
          style={{ marginBottom: 8 }}
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ kind: 'general', sort: 0 });
            setEditing('new');
          }}
          data-testid="location-new"
        >
          {t(tx('新增库位', 'New location'))}
        </Button>
      )}
      <Table<LocationView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data}
        loading={list.isLoading}
        scroll={{ x: 520 }}
        columns={[
          { title: t(tx('编码', 'Code')), dataIndex: 'code', width: 90 },
          {
            title: t(tx('名称', 'Name')),
            dataIndex: 'name',
            render: (v: string, l) => (
              <Space>
                {v}
                {!l.isActive && <Tag>{t(tx('已停用', 'Retired'))}</Tag>}
              </Space>
            ),
          },
          { title: t(tx('类型', 'Kind')), dataIndex: 'kind', width: 110, render: (k: string) => t(LOCATION_KIND_LABELS[k]) },
          { title: t(tx('库存项', 'Stock lines')), dataIndex: 'stockLines', width: 90, align: 'right' },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, l: LocationView) => (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => {
                          form.setFieldsValue(l);
                          setEditing(l);
                        }}
                      >
                        {t(tx('修改', 'Edit'))}
                      </Button>
                      {l.isActive ? (
                        <Button size="small" danger onClick={() => confirmRetire(l)}>
                          {t(tx('停用', 'Retire'))}
                        </Button>
                      ) : (
                        <Button size="small" onClick={() => toggle.mutate(l)}>
                          {t(tx('启用', 'Reactivate'))}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? t(tx('新增库位', 'New location')) : t(tx('修改库位', 'Edit location'))}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
      >
        <ErrorAlert error={save.error} />
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="code" label={t(tx('编码', 'Code'))} rules={[{ required: true }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="name" label={t(tx('名称', 'Name'))} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t(tx('类型', 'Kind'))}>
            <Select options={Object.entries(LOCATION_KIND_LABELS).map(([value, l]) => ({ value, label: t(l) }))} />
          </Form.Item>
          <Form.Item name="sort" label={t(tx('排序', 'Order'))}>
            <InputNumber />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}

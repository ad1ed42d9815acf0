import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Grid, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { get, patch, post } from '../../ui/api';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';

interface Department {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  retiredAt: string | null;
  version: number;
}

const KINDS: Record<string, Text> = {
  department: tx('部门', 'Department'),
  workshop: tx('车间', 'Workshop'),
  teaching_group: tx('教研组', 'Teaching-research group'),
  leadership_group: tx('领导小组', 'Leadership group'),
  league: tx('团委', 'Youth League'),
};

/** Ids of a department and everything below it (never offered as its new parent). */
function selfAndBelow(all: Department[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of all)
      if (d.parentId && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
  }
  return out;
}

export function DepartmentsPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const isPhone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm();
  const [editForm] = Form.useForm();
  const [editing, setEditing] = useState<Department | null>(null);
  const q = useQuery({ queryKey: ['departments', 'all'], queryFn: () => get<Department[]>('/org/departments?includeRetired=true') });
  const all = q.data ?? [];
  const refresh = () => qc.invalidateQueries({ queryKey: ['departments'] });
  const add = useMutation({
    mutationFn: (v: { name: string; kind: string; parentId?: string }) => post('/org/departments', v),
    onSuccess: () => {
      message.success(t(tx('已添加', 'Added')));
      form.resetFields();
      refresh();
    },
  });
  const change = useMutation({
    mutationFn: ({ d, body }: { d: Department; body: Record<string, unknown> }) => patch(`/org/departments/${d.id}`, { version: d.version, ...body }),
    onSuccess: () => {
      message.success(t(tx('已保存', 'Saved')));
      setEditing(null);
      refresh();
    },
  });
  const inUse = all.filter((d) => !d.retiredAt);
  const open = (d: Department) => {
    change.reset();
    editForm.setFieldsValue({ name: d.name, parentId: d.parentId ?? undefined });
    setEditing(d);
  };
  const nameOf = (id: string | null) => all.find((d) => d.id === id)?.name ?? '';
  return (
    <Page title={tx('组织机构', 'Organisation structure')}>
      <ErrorAlert error={q.error ?? add.error ?? (editing ? null : change.error)} />
      <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="name" label={t(tx('名称', 'Name'))} rules={[{ required: true, message: t(tx('请输入名称', 'Enter a name')) }]}>
          <Input placeholder={t(tx('如 酿造车间', 'e.g. Brewing workshop'))} />
        </Form.Item>
        <Form.Item name="kind" label={t(tx('类型', 'Kind'))} initialValue="department">
          <Select style={{ width: 160 }} options={Object.entries(KINDS).map(([value, label]) => ({ value, label: t(label) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t(tx('上级', 'Parent'))}>
          <Select allowClear style={{ width: 180 }} placeholder={t(tx('可选', 'Optional'))} options={inUse.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t(tx('添加', 'Add'))}
          </Button>
        </Space>
      </Form>
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={all}
        pagination={false}
        rowClassName={(d) => (d.retiredAt ? 'dept-retired' : '')}
        columns={[
          { title: t(tx('名称', 'Name')), dataIndex: 'name', ellipsis: true },
          ...(isPhone
            ? []
            : [
                {
                  title: t(tx('类型', 'Kind')),
                  dataIndex: 'kind',
                  width: 150,
                  render: (k: string) => <Tag>{KINDS[k] ? t(KINDS[k]) : t(tx('其他', 'Other'))}</Tag>,
                },
              ]),
          { title: t(tx('上级', 'Parent')), dataIndex: 'parentId', ellipsis: true, render: (id: string | null) => nameOf(id) },
          {
            title: t(tx('状态', 'Status')),
            dataIndex: 'retiredAt',
            width: 80,
            render: (r: string | null) => (r ? <Tag>{t(tx('已撤销', 'Retired'))}</Tag> : <Tag color="green">{t(tx('在用', 'In use'))}</Tag>),
          },
          {
            title: t(tx('操作', 'Actions')),
            width: isPhone ? 110 : 170,
            render: (_: unknown, d: Department) =>
              d.retiredAt ? (
                <Popconfirm
                  title={t(tx(`恢复“${d.name}”？`, `Restore “${d.name}”?`))}
                  description={t(tx('恢复后可再把人员调入该部门。', 'People can be placed in it again.'))}
                  okText={t(tx('恢复', 'Restore'))}
                  cancelText={t(tx('取消', 'Cancel'))}
                  onConfirm={() => change.mutateAsync({ d, body: { retired: false } }).catch((e) => message.error((e as Error).message))}
                >
                  <Button size="small" data-testid="dept-restore">
                    {t(tx('恢复', 'Restore'))}
                  </Button>
                </Popconfirm>
              ) : (
                <Space size={4} wrap>
                  <Button size="small" data-testid="dept-edit" onClick={() => open(d)}>
                    {t(tx('编辑', 'Edit'))}
                  </Button>
                  <Popconfirm
                    title={t(tx(`撤销“${d.name}”？`, `Retire “${d.name}”?`))}
                    description={t(
                      tx(
                        '撤销后不能再把人员调入该部门，已有记录仍保留其名称；其中还有人员或下级部门时不能撤销。',
                        'Nobody can be placed in it afterwards; records keep its name. It cannot be retired while people or sub-departments are still in it.',
                      ),
                    )}
                    okText={t(tx('撤销', 'Retire'))}
                    okButtonProps={{ danger: true, 'data-testid': 'dept-retire-confirm' }}
                    cancelText={t(tx('取消', 'Cancel'))}
                    onConfirm={() => change.mutateAsync({ d, body: { retired: true } }).catch(() => undefined)}
                  >
                    <Button size="small" danger data-testid="dept-retire">
                      {t(tx('撤销', 'Retire'))}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t(tx('修改部门', 'Change department'))}
        onCancel={() => setEditing(null)}
        onOk={() => editForm.submit()}
        okText={t(tx('保存', 'Save'))}
        okButtonProps={{ 'data-testid': 'dept-save' }}
        cancelText={t(tx('取消', 'Cancel'))}
        confirmLoading={change.isPending}
        destroyOnHidden
        forceRender
      >
        <ErrorAlert error={change.error} />
        <Form
          form={editForm}
          layout="vertical"
          onFinish={(v: { name: string; parentId?: string }) => editing && change.mutate({ d: editing, body: { name: v.name, parentId: v.parentId ?? null } })}
        >
          <Form.Item name="name" label={t(tx('名称', 'Name'))} rules={[{ required: true, message: t(tx('请输入名称', 'Enter a name')) }]}>
            <Input data-testid="dept-name" />
          </Form.Item>
          <Form.Item name="parentId" label={t(tx('上级', 'Parent'))}>
            <Select
              allowClear
              data-testid="dept-parent"
              placeholder={t(tx('无（顶级）', 'None (top level)'))}
              options={(() => {
                const below = editing ? selfAndBelow(all, editing.id) : new Set<string>();
                return inUse.filter((d) => !below.has(d.id)).map((d) => ({ value: d.id, label: d.name }));
              })()}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}

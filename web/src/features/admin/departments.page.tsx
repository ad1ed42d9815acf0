import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { get, post } from '../../ui/api';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';

interface Department {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
}

const KINDS: Record<string, Text> = {
  department: tx('部门', 'Department'),
  workshop: tx('车间', 'Workshop'),
  teaching_group: tx('教研组', 'Teaching-research group'),
  leadership_group: tx('领导小组', 'Leadership group'),
  league: tx('团委', 'Youth League'),
};

export function DepartmentsPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['departments'], queryFn: () => get<Department[]>('/org/departments') });
  const add = useMutation({
    mutationFn: (v: { name: string; kind: string; parentId?: string }) => post('/org/departments', v),
    onSuccess: () => {
      message.success(t(tx('已添加', 'Added')));
      form.resetFields();
      qc.invalidateQueries({ queryKey: ['departments'] });
    },
  });
  return (
    <Page title={tx('组织机构', 'Organisation structure')}>
      <ErrorAlert error={q.error ?? add.error} />
      <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="name" rules={[{ required: true, message: t(tx('请输入名称', 'Enter a name')) }]}>
          <Input placeholder={t(tx('名称，如 酿造车间', 'Name, e.g. Brewing workshop'))} />
        </Form.Item>
        <Form.Item name="kind" initialValue="department">
          <Select style={{ width: 160 }} options={Object.entries(KINDS).map(([value, label]) => ({ value, label: t(label) }))} />
        </Form.Item>
        <Form.Item name="parentId">
          <Select allowClear style={{ width: 180 }} placeholder={t(tx('上级（可选）', 'Parent (optional)'))} options={q.data?.map((d) => ({ value: d.id, label: d.name }))} />
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
        dataSource={q.data}
        pagination={false}
        columns={[
          { title: t(tx('名称', 'Name')), dataIndex: 'name' },
          { title: t(tx('类型', 'Kind')), dataIndex: 'kind', render: (k: string) => <Tag>{KINDS[k] ? t(KINDS[k]) : k}</Tag> },
          { title: t(tx('上级', 'Parent')), dataIndex: 'parentId', render: (id: string | null) => q.data?.find((d) => d.id === id)?.name ?? '' },
        ]}
      />
    </Page>
  );
}

import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance, Input, Select, Space, Table } from 'antd';
import { tx, useI18n } from '../../../ui/i18n';
import { PROCESS_CATEGORY_LABELS, type ProcessBody } from './shopfloor.labels';

export interface ProcessFormValues {
  category: string;
  title: string;
  workshopId?: string | null;
  scope: string;
  items: { key?: string; title: string; requirement: string }[];
}

/** Title, scope and the items (工序/项目 and its requirement); keys stay with their items across revisions. */
export function ProcessDocForm({
  form,
  workshops,
  isNew,
  initialValues,
  onFinish,
}: {
  form: FormInstance<ProcessFormValues>;
  workshops: { id: string; name: string }[];
  isNew: boolean;
  initialValues: ProcessFormValues;
  onFinish: (v: ProcessFormValues) => void;
}) {
  const { t } = useI18n();
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
      <Space wrap>
        <Form.Item name="category" label={t(tx('类别', 'Category'))} rules={[{ required: true }]}>
          <Select disabled={!isNew} style={{ width: 150 }} options={Object.entries(PROCESS_CATEGORY_LABELS).map(([value, l]) => ({ value, label: t(l) }))} />
        </Form.Item>
        <Form.Item name="workshopId" label={t(tx('适用车间', 'Workshop'))}>
          <Select
            allowClear
            placeholder={t(tx('全部车间', 'All workshops'))}
            style={{ width: 150 }}
            options={workshops.map((w) => ({ value: w.id, label: w.name }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="title" label={t(tx('标题', 'Title'))} rules={[{ required: true }]}>
        <Input maxLength={200} data-testid="proc-title" />
      </Form.Item>
      <Form.Item name="scope" label={t(tx('适用范围', 'Scope'))}>
        <Input maxLength={1000} />
      </Form.Item>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true }]} style={{ marginBottom: 6 }}>
                  <Input placeholder={t(tx('工序/项目', 'Step or item'))} style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'requirement']} style={{ marginBottom: 6 }}>
                  <Input.TextArea autoSize placeholder={t(tx('要求、参数', 'Requirement, parameters'))} style={{ width: 320, maxWidth: '70vw' }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', requirement: '' })}>
              {t(tx('添加一项', 'Add an item'))}
            </Button>
          </>
        )}
      </Form.List>
    </Form>
  );
}

/** The items of a revision as a table people read on the floor. */
export function ProcessItemsTable({ body }: { body: ProcessBody }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={body.items}
      columns={[
        { title: t(tx('工序/项目', 'Step or item')), dataIndex: 'title', width: 140 },
        { title: t(tx('要求', 'Requirement')), dataIndex: 'requirement' },
      ]}
    />
  );
}

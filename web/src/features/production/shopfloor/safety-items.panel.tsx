import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Form, Input, InputNumber, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { get, post, put } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import type { SafetyItemView } from './shopfloor.labels';

/** The items of the safety checklist (安全生产检查表), plant-wide or per workshop; retired, never deleted. */
export function SafetyItemsDrawer({ open, workshops, onClose }: { open: boolean; workshops: { id: string; name: string }[]; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const items = useQuery({ queryKey: ['production', 'safety-items'], queryFn: () => get<SafetyItemView[]>('/production/floor/safety-items'), enabled: open });
  const [form] = Form.useForm<{ text: string; workshopId?: string; sort: number }>();
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['production', 'safety-items'] });
    qc.invalidateQueries({ queryKey: ['production', 'floor'] });
  };
  const add = useMutation({
    mutationFn: (v: { text: string; workshopId?: string; sort: number }) => post('/production/floor/safety-items', { ...v, workshopId: v.workshopId ?? null }),
    onSuccess: () => {
      form.resetFields();
      refresh();
    },
  });
  const retire = useMutation({
    mutationFn: (i: SafetyItemView) =>
      put(`/production/floor/safety-items/${i.id}`, { version: i.version, text: i.text, workshopId: i.workshopId, sort: i.sort, isActive: !i.isActive }),
    onSuccess: refresh,
  });
  const name = (id: string | null) => (id ? (workshops.find((w) => w.id === id)?.name ?? '') : t(tx('全部车间', 'All workshops')));
  return (
    <Drawer open={open} onClose={onClose} title={t(tx('安全生产检查表：检查项', 'Safety checklist items'))} width={Math.min(520, window.innerWidth)}>
      <ErrorAlert error={items.error ?? add.error ?? retire.error} />
      <List
        size="small"
        dataSource={items.data}
        renderItem={(i) => (
          <List.Item
            actions={[
              <Popconfirm
                key="r"
                title={i.isActive ? t(tx('停用后不再出现在检查表中。确定停用？', 'Retire this item?')) : t(tx('重新启用？', 'Use it again?'))}
                onConfirm={() => retire.mutate(i)}
              >
                <Button size="small">{i.isActive ? t(tx('停用', 'Retire')) : t(tx('启用', 'Use'))}</Button>
              </Popconfirm>,
            ]}
          >
            <Space wrap>
              <Tag>{name(i.workshopId)}</Tag>
              <Typography.Text delete={!i.isActive}>{i.text}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Form form={form} layout="vertical" initialValues={{ sort: (items.data?.length ?? 0) + 1 }} onFinish={(v) => add.mutate(v)} style={{ marginTop: 12 }}>
        <Form.Item name="text" label={t(tx('检查内容', 'Item'))} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="workshopId" label={t(tx('适用车间', 'Workshop'))}>
            <Select
              allowClear
              aria-label={t(tx('车间', 'Workshop'))}
              placeholder={t(tx('全部车间', 'All workshops'))}
              style={{ width: 160 }}
              options={workshops.map((w) => ({ value: w.id, label: w.name }))}
            />
          </Form.Item>
          <Form.Item name="sort" label={t(tx('顺序', 'Order'))}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t(tx('添加检查项', 'Add the item'))}
        </Button>
      </Form>
    </Drawer>
  );
}

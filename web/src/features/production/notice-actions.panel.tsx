import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import type { Item, Workshop } from './production.types';

interface NoticeFacts {
  id: string;
  number: string;
  state: 'draft' | 'issued' | 'done' | 'cancelled';
  version: number;
  workshopId: string | null;
}

// Issue 14 item 13 (PP-13, T3 第十条): the intermediate transfer quoting this notice is recorded
// here; the server decides who may (the two workshops, the warehouse, production).
function TransferForm({ notice, onClose }: { notice: NoticeFacts; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const items = useQuery({ queryKey: ['production', 'items', 'all'], queryFn: () => get<Item[]>('/production/items') });
  const workshops = useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops') });
  const save = useMutation({
    mutationFn: (v: { itemId: string; qty: number; fromWorkshopId?: string; toWorkshopId?: string; transferredOn: dayjs.Dayjs; note?: string }) =>
      post('/production/transfers', { ...v, noticeNumber: notice.number, transferredOn: v.transferredOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['production', 'notice', notice.id] });
      onClose();
    },
  });
  const workshopOptions = (workshops.data ?? []).map((w) => ({ value: w.id, label: w.name }));
  return (
    <Modal
      open
      title={t(tx(`登记中间物料转移（通知单 ${notice.number}）`, `Record a transfer (notice ${notice.number})`))}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'transfer-save' } as Record<string, string>}
    >
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ transferredOn: dayjs(), toWorkshopId: notice.workshopId ?? undefined }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="itemId" label={t(tx('物料', 'Material'))} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))} />
        </Form.Item>
        <Form.Item name="qty" label={t(tx('数量', 'Quantity'))} rules={[{ required: true }]}>
          <InputNumber min={0.001} style={{ width: '100%' }} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="fromWorkshopId" label={t(tx('转出车间', 'From workshop'))}>
            <Select allowClear style={{ width: 160 }} options={workshopOptions} />
          </Form.Item>
          <Form.Item name="toWorkshopId" label={t(tx('接收车间', 'To workshop'))}>
            <Select allowClear style={{ width: 160 }} options={workshopOptions} />
          </Form.Item>
        </Space>
        <Form.Item name="transferredOn" label={t(tx('日期', 'Date'))} rules={[{ required: true }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="note" label={t(tx('备注', 'Note'))}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What can be done to an issued notice: record a transfer, close it as done, or cancel it (PP-13). */
export function NoticeActions({ notice }: { notice: NoticeFacts }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [recording, setRecording] = useState(false);
  const close = useMutation({
    mutationFn: (state: 'done' | 'cancelled') => post(`/production/notices/${notice.id}/state`, { version: notice.version, state }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['production'] }),
  });
  const mayClose = can('production.plan.write') && (notice.state === 'issued' || notice.state === 'draft');
  if (notice.state !== 'issued' && !mayClose) return null;
  return (
    <div style={{ marginBottom: 12 }}>
      <ErrorAlert error={close.error} />
      <Space wrap>
        {notice.state === 'issued' && (
          <Button onClick={() => setRecording(true)} data-testid="transfer-record">
            {t(tx('登记中间物料转移', 'Record a transfer'))}
          </Button>
        )}
        {mayClose && notice.state === 'issued' && (
          <Popconfirm
            title={t(tx('确认本通知单已完成？完成后不能再登记转移。', 'Close this notice as done? No more transfers can quote it.'))}
            onConfirm={() => close.mutate('done')}
          >
            <Button type="primary" loading={close.isPending} data-testid="notice-done">
              {t(tx('关闭（已完成）', 'Close as done'))}
            </Button>
          </Popconfirm>
        )}
        {mayClose && (
          <Popconfirm title={t(tx('确认取消本通知单？', 'Cancel this notice?'))} onConfirm={() => close.mutate('cancelled')}>
            <Button danger loading={close.isPending} data-testid="notice-cancel">
              {t(tx('取消通知单', 'Cancel the notice'))}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {recording && <TransferForm notice={notice} onClose={() => setRecording(false)} />}
    </div>
  );
}

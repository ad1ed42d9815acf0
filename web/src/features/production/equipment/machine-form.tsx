import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { get, post, put } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import type { Workshop } from '../production.types';
import type { MachineSummary } from './equipment.types';

interface Values {
  code: string;
  name: string;
  model?: string;
  workshopId: string;
  location?: string;
  maker?: string;
  commissionedOn?: dayjs.Dayjs | null;
  ownerUserId?: string | null;
  capacityShare?: number | null;
  note?: string;
}

/** New machine or a change of one (PP-23): number, name, model, workshop, place, maker, owner, share. */
export function MachineForm({
  machine,
  open,
  onClose,
  onSaved,
}: {
  machine: MachineSummary | null;
  open: boolean;
  onClose: () => void;
  onSaved: (m: MachineSummary) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const workshops = useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops'), enabled: open });
  const people = useQuery({
    queryKey: ['equipment', 'people'],
    queryFn: () => get<{ id: string; displayName: string }[]>('/production/equipment/people'),
    enabled: open,
  });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (machine)
      form.setFieldsValue({
        ...machine,
        commissionedOn: machine.commissionedOn ? dayjs(machine.commissionedOn) : null,
        capacityShare: machine.capacityShare === null ? null : Math.round(machine.capacityShare * 1000) / 10,
      });
  }, [open, machine, form]);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        ...v,
        commissionedOn: v.commissionedOn ? v.commissionedOn.format('YYYY-MM-DD') : null,
        ownerUserId: v.ownerUserId ?? null,
        capacityShare: v.capacityShare ? v.capacityShare / 100 : null,
      };
      return machine
        ? put<MachineSummary>(`/production/equipment/machines/${machine.id}`, { ...body, version: machine.version })
        : post<MachineSummary>('/production/equipment/machines', body);
    },
    onSuccess: (m) => {
      qc.invalidateQueries({ queryKey: ['equipment'] });
      onSaved(m);
    },
  });
  return (
    <Modal
      open={open}
      title={machine ? t(tx('修改设备', 'Edit machine')) : t(tx('登记设备', 'New machine'))}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ ...({ 'data-testid': 'machine-save' } as object) }}
    >
      <ErrorAlert error={save.error} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="code" label={t(tx('设备编号（一机一号）', 'Machine number'))} rules={[{ required: true }]}>
          <Input maxLength={40} data-testid="machine-code" />
        </Form.Item>
        <Form.Item name="name" label={t(tx('设备名称', 'Name'))} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="machine-name" />
        </Form.Item>
        <Form.Item name="model" label={t(tx('规格型号', 'Model'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="workshopId" label={t(tx('所属车间', 'Workshop'))} rules={[{ required: true }]}>
          <Select options={(workshops.data ?? []).map((w) => ({ value: w.id, label: w.name }))} />
        </Form.Item>
        <Form.Item name="location" label={t(tx('安装位置', 'Location'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="maker" label={t(tx('制造厂家', 'Maker'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="commissionedOn" label={t(tx('启用日期', 'Commissioned on'))}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="ownerUserId" label={t(tx('设备责任人', 'Owner'))}>
          <Select allowClear showSearch optionFilterProp="label" options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))} />
        </Form.Item>
        <Form.Item
          name="capacityShare"
          label={t(tx('占车间产能（%）', 'Share of workshop capacity (%)'))}
          extra={t(
            tx(
              '停机时从车间产能中扣除的比例；不填则按车间在用设备平均分摊。一台设备停机即停一条线时，填 100 ÷ 线数。',
              'What a stop takes from the workshop; empty = an equal share of its machines. A machine that stops a whole line: 100 ÷ lines.',
            ),
          )}
        >
          <InputNumber min={0.1} max={100} addonAfter="%" />
        </Form.Item>
        <Form.Item name="note" label={t(tx('备注', 'Note'))}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

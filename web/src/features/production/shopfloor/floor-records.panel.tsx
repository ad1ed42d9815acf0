import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { AutoComplete, Button, DatePicker, Form, Input, List, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { post } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { OPERATION_KIND_LABELS, type OperationRecordView, type PatrolView, SHIFT_LABELS } from './shopfloor.labels';
import { orgTime } from '../../../ui/time';

type Person = { id: string; name: string };

/** T4 第三十七条: a director's patrol; each finding has an owner and a due date. */
export function PatrolModal({ open, workshopId, people, onClose }: { open: boolean; workshopId: string; people: Person[]; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string; findings: { problem: string; ownerUserId: string; dueOn: dayjs.Dayjs }[] }>();
  const save = useMutation({
    mutationFn: (v: { note: string; findings?: { problem: string; ownerUserId: string; dueOn: dayjs.Dayjs }[] }) =>
      post('/production/floor/patrols', {
        workshopId,
        note: v.note ?? '',
        findings: (v.findings ?? []).map((f) => ({ ...f, dueOn: f.dueOn.format('YYYY-MM-DD') })),
      }),
    onSuccess: () => {
      form.resetFields();
      onClose(true);
    },
  });
  return (
    <Modal
      open={open}
      title={t(tx('记录巡检', 'Record a patrol'))}
      okText={t(tx('保存', 'Save'))}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="note" label={t(tx('巡检情况', 'Notes'))}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t(tx('如：上午巡检灌装线，无异常', 'e.g. morning round, all fine'))} />
        </Form.Item>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline" style={{ marginBottom: 4 }}>
                  <Form.Item name={[f.name, 'problem']} rules={[{ required: true, min: 2 }]} style={{ marginBottom: 4 }}>
                    <Input placeholder={t(tx('发现的问题', 'Problem found'))} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ownerUserId']} rules={[{ required: true }]} style={{ marginBottom: 4 }}>
                    <Select placeholder={t(tx('责任人', 'Owner'))} style={{ width: 110 }} options={people.map((p) => ({ value: p.id, label: p.name }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]} initialValue={dayjs().add(1, 'day')} style={{ marginBottom: 4 }}>
                    <DatePicker inputReadOnly style={{ width: 130 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t(tx('添加发现的问题', 'Add a finding'))}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** T4 第三十九条: an operator's quick record of one step in one shift. */
export function RecordModal({
  open,
  workshopId,
  people,
  steps,
  onClose,
}: {
  open: boolean;
  workshopId: string;
  people: Person[];
  steps: string[];
  onClose: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const result = Form.useWatch('result', form);
  const hour = dayjs().hour();
  const save = useMutation({
    mutationFn: (v: { shift: number; step: string; kind: string; result: string; note?: string; checkedUserId?: string }) =>
      post('/production/floor/records', { workshopId, ...v, note: v.note ?? '' }),
    onSuccess: () => {
      form.resetFields();
      onClose(true);
    },
  });
  return (
    <Modal
      open={open}
      title={t(tx('自检、互检、操作记录', 'Check or operation record'))}
      okText={t(tx('保存', 'Save'))}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ shift: hour < 16 && hour >= 8 ? 1 : hour >= 16 ? 2 : 3, kind: 'self', result: 'ok' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="kind">
          <Radio.Group optionType="button" buttonStyle="solid" options={Object.entries(OPERATION_KIND_LABELS).map(([value, l]) => ({ value, label: t(l) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="shift" label={t(tx('班次', 'Shift'))}>
            <Select style={{ width: 100 }} options={[1, 2, 3].map((s) => ({ value: s, label: t(SHIFT_LABELS[s]) }))} />
          </Form.Item>
          <Form.Item name="step" label={t(tx('工序', 'Step'))} rules={[{ required: true }]}>
            <AutoComplete style={{ width: 180 }} options={steps.map((s) => ({ value: s }))} filterOption />
          </Form.Item>
        </Space>
        {kind === 'mutual' && (
          <Form.Item name="checkedUserId" label={t(tx('被检查人', 'Whose work'))} rules={[{ required: true }]}>
            <Select options={people.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        )}
        <Form.Item name="result" label={t(tx('结果', 'Result'))}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'ok', label: t(tx('正常', 'OK')) },
              { value: 'problem', label: t(tx('有问题', 'Problem')) },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t(tx('记录', 'Notes'))} rules={result === 'problem' ? [{ required: true, min: 2 }] : []}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PatrolList({ patrols }: { patrols: PatrolView[] }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      dataSource={patrols}
      locale={{ emptyText: t(tx('暂无巡检记录', 'No patrols yet')) }}
      renderItem={(p) => (
        <List.Item data-testid="patrol">
          <div>
            <Typography.Text strong>{orgTime(p.inspectedAt).format('MM-DD HH:mm')}</Typography.Text> {p.inspectorName} · {p.note || t(tx('巡检', 'Patrol'))}{' '}
            {p.findingCount > 0 ? (
              <Tag color="orange">{t(tx(`发现问题 ${p.findingCount} 项`, `${p.findingCount} findings`))}</Tag>
            ) : (
              <Tag color="green">{t(tx('正常', 'All fine'))}</Tag>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}

export function RecordList({ records }: { records: OperationRecordView[] }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      dataSource={records}
      locale={{ emptyText: t(tx('暂无记录', 'No records yet')) }}
      renderItem={(r) => (
        <List.Item>
          <div>
            <Typography.Text type="secondary">{orgTime(r.recordedAt).format('MM-DD HH:mm')}</Typography.Text> {t(SHIFT_LABELS[r.shift])} · {r.step} ·{' '}
            {t(OPERATION_KIND_LABELS[r.kind])}
            {r.checkedUserName ? `（${r.checkedUserName}）` : ''} · {r.recordedByName}{' '}
            {r.result === 'ok' ? <Tag color="green">{t(tx('正常', 'OK'))}</Tag> : <Tag color="red">{t(tx('有问题', 'Problem'))}</Tag>}
            {r.note && <div>{r.note}</div>}
          </div>
        </List.Item>
      )}
    />
  );
}

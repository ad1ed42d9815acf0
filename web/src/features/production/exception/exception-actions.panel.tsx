import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../../ui/api';
import { type Text, tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import type { ExceptionDetail, MeetingDraft } from './exception.labels';
import { orgInstant } from '../../../ui/time';

type Step = 'callMeeting' | 'escalate' | 'resolve' | 'close';

const BUTTONS: Record<Step, { label: Text; confirm: Text; field?: 'note' | 'resolution' }> = {
  callMeeting: {
    label: tx('召开生产协调会', 'Call the coordination meeting'),
    confirm: tx('通知与会人员并将异常转入协调中。确定召开？', 'Invite the people and move the exception to coordinating. Call it?'),
  },
  escalate: {
    label: tx('上报副总经理', 'Escalate to the vice GM'),
    confirm: tx('将通知副总经理并记录上报人和时间，上报后不能撤回。', 'The vice GM is told; who and when are recorded and cannot be undone.'),
    field: 'note',
  },
  resolve: {
    label: tx('已解决', 'Resolved'),
    confirm: tx('标记为已解决后异常结束，不能再修改。', 'Once resolved, the exception ends and cannot change.'),
    field: 'resolution',
  },
  close: {
    label: tx('无需协调，关闭', 'Close without a meeting'),
    confirm: tx('关闭后异常结束，不能再修改。', 'Once closed, the exception ends and cannot change.'),
    field: 'note',
  },
};

/** What the production department does with the exception: the buttons the server allows. */
export function ExceptionActions({ exception: e, onChanged }: { exception: ExceptionDetail; onChanged: (e: ExceptionDetail) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Step | null>(null);
  const [form] = Form.useForm();
  const draft = useQuery({
    queryKey: ['production', 'exception', e.id, 'draft'],
    queryFn: () => get<MeetingDraft>(`/production/exceptions/${e.id}/meeting-draft`),
    enabled: open === 'callMeeting',
  });
  const act = useMutation({
    mutationFn: ({ step, values }: { step: Step; values: Record<string, unknown> }) => {
      if (step === 'callMeeting') {
        const v = values as { startsAt: dayjs.Dayjs; durationMinutes: number; location?: string; attendeeUserIds: string[] };
        return post<ExceptionDetail>(`/production/exceptions/${e.id}/meeting`, {
          version: e.version,
          startsAt: orgInstant(v.startsAt),
          durationMinutes: v.durationMinutes,
          location: v.location || null,
          attendeeUserIds: v.attendeeUserIds,
        });
      }
      return post<ExceptionDetail>(`/production/exceptions/${e.id}/${step}`, { version: e.version, ...values });
    },
    onSuccess: (d) => {
      setOpen(null);
      form.resetFields();
      onChanged(d);
    },
  });
  if (e.allowedActions.length === 0) return null;
  const start = dayjs().add(1, 'hour').startOf('hour');
  const step = open ? BUTTONS[open] : null;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {e.allowedActions.map((a) => (
          <Button
            key={a}
            type={a === 'callMeeting' || (a === 'escalate' && e.needsCoordination) ? 'primary' : 'default'}
            onClick={() => setOpen(a)}
            data-testid={`exc-${a}`}
          >
            {t(BUTTONS[a].label)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!open}
        title={step ? t(step.label) : ''}
        okText={t(tx('确定', 'Confirm'))}
        cancelText={t(tx('取消', 'Cancel'))}
        confirmLoading={act.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {step && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t(step.confirm)} />}
        <ErrorAlert error={act.error} />
        {open === 'callMeeting' && draft.data && (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ startsAt: start, durationMinutes: 60, attendeeUserIds: draft.data.attendees.map((a) => a.id) }}
            onFinish={(values) => act.mutate({ step: 'callMeeting', values })}
          >
            <Form.Item label={t(tx('主持人（T4 第五十五条：主管生产副总经理）', 'Chair (T4 art. 55: the vice GM)'))}>
              <Input value={draft.data.chair?.name ?? t(tx('未设置', 'Not set'))} disabled data-testid="exc-meeting-chair" />
            </Form.Item>
            <Space wrap>
              <Form.Item name="startsAt" label={t(tx('时间', 'Time'))} rules={[{ required: true }]}>
                <DatePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" inputReadOnly />
              </Form.Item>
              <Form.Item name="durationMinutes" label={t(tx('时长（分钟）', 'Minutes'))}>
                <InputNumber min={10} max={600} step={15} />
              </Form.Item>
            </Space>
            <Form.Item name="location" label={t(tx('地点', 'Place'))}>
              <Input maxLength={200} placeholder={t(tx('如：生产部会议室', 'e.g. production meeting room'))} />
            </Form.Item>
            <Form.Item name="attendeeUserIds" label={t(tx('参加人员', 'Attendees'))}>
              <Select mode="multiple" optionFilterProp="label" options={draft.data.people.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          </Form>
        )}
        {open && open !== 'callMeeting' && step?.field && (
          <Form form={form} layout="vertical" onFinish={(values) => act.mutate({ step: open, values })}>
            <Form.Item
              name={step.field}
              label={t(
                open === 'resolve'
                  ? tx('如何解决的', 'How it was solved')
                  : open === 'escalate'
                    ? tx('上报说明', 'Why it goes up')
                    : tx('关闭原因', 'Why it is closed'),
              )}
              rules={[{ required: true, min: 2 }]}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="exc-step-note" />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}

import { useMutation, useQuery } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, TimePicker } from 'antd';
import type dayjs from 'dayjs';
import { get, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { KIND_LABELS, type MeetingKind, type Person, WEEKDAY_OPTIONS } from './meeting.types';
import { orgInstant } from '../../ui/time';

export const usePeople = () => useQuery({ queryKey: ['meetings', 'people'], queryFn: () => get<Person[]>('/meetings/people'), staleTime: 60_000 });

const peopleOptions = (people: Person[] | undefined) => (people ?? []).map((p) => ({ value: p.id, label: p.displayName }));

interface SeriesValues {
  title: string;
  kind: MeetingKind;
  repeat: 'monthly' | 'weekly';
  dayFrom: 'policy' | 'fixed';
  day?: number;
  weekdays?: number[];
  time: dayjs.Dayjs;
  durationMinutes: number;
  location?: string;
  chairUserId: string;
  leaveApproverUserId?: string;
  audience: 'all' | 'listed';
  attendeeUserIds?: string[];
  agendaTemplate?: string;
}

/** 设立例会: a monthly meeting (day N, or the policy's dispatch day) or a weekly one. */
export function SeriesFormModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SeriesValues>();
  const people = usePeople();
  const repeat = Form.useWatch('repeat', form);
  const dayFrom = Form.useWatch('dayFrom', form);
  const audience = Form.useWatch('audience', form);
  const save = useMutation({
    mutationFn: (v: SeriesValues) =>
      post<{ meetingsCreated: number }>('/meeting-series', {
        title: v.title,
        kind: v.kind,
        recurrence:
          v.repeat === 'monthly' ? { kind: 'monthly', ...(v.dayFrom === 'fixed' ? { day: v.day } : {}) } : { kind: 'weekly', weekdays: v.weekdays ?? [] },
        policyDayPath: v.repeat === 'monthly' && v.dayFrom === 'policy' ? 'production.dispatchMeetingDay' : null,
        startTime: v.time.format('HH:mm'),
        durationMinutes: v.durationMinutes,
        location: v.location ?? null,
        chairUserId: v.chairUserId,
        leaveApproverUserId: v.leaveApproverUserId ?? null,
        audience: v.audience,
        attendeeUserIds: v.audience === 'listed' ? (v.attendeeUserIds ?? []) : [],
        agendaTemplate: v.agendaTemplate ?? '',
        ...(v.kind === 'dispatch' ? { clause: 'T4 第五十六条', requirementId: 'PP-21' } : {}),
      }),
    onSuccess: (r) => {
      message.success(t(tx(`已生成 ${r.meetingsCreated} 次会议`, `${r.meetingsCreated} meetings generated`)));
      form.resetFields();
      onDone();
    },
  });
  return (
    <Modal
      open={open}
      title={t(tx('设立例会', 'New recurring meeting'))}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ kind: 'dispatch', repeat: 'monthly', dayFrom: 'policy', durationMinutes: 90, audience: 'listed', weekdays: [1] }}
      >
        <Form.Item name="title" label={t(tx('会议名称', 'Title'))} rules={[{ required: true }]}>
          <Input placeholder={t(tx('生产调度例会', 'Production dispatch meeting'))} />
        </Form.Item>
        <Form.Item name="kind" label={t(tx('类型', 'Kind'))}>
          <Select options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
        </Form.Item>
        <Form.Item name="repeat" label={t(tx('周期', 'Repeats'))}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'monthly', label: t(tx('每月', 'Monthly')) },
              { value: 'weekly', label: t(tx('每周', 'Weekly')) },
            ]}
          />
        </Form.Item>
        {repeat === 'monthly' ? (
          <>
            <Form.Item name="dayFrom" label={t(tx('日期', 'Day'))}>
              <Radio.Group
                options={[
                  { value: 'policy', label: t(tx('按制度参数“生产调度例会日”', 'The policy’s dispatch meeting day')) },
                  { value: 'fixed', label: t(tx('每月固定日期', 'A fixed day')) },
                ]}
              />
            </Form.Item>
            {dayFrom === 'fixed' && (
              <Form.Item name="day" label={t(tx('每月几日（31 = 月末）', 'Day of month (31 = month end)'))} rules={[{ required: true }]}>
                <InputNumber min={1} max={31} />
              </Form.Item>
            )}
          </>
        ) : (
          <Form.Item name="weekdays" label={t(tx('星期', 'Weekdays'))} rules={[{ required: true }]}>
            <Select mode="multiple" optionFilterProp="label" options={WEEKDAY_OPTIONS.map((w, i) => ({ value: i + 1, label: t(w) }))} />
          </Form.Item>
        )}
        <Form.Item name="time" label={t(tx('开始时间', 'Starts at'))} rules={[{ required: true }]}>
          <TimePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t(tx('时长（分钟）', 'Duration (minutes)'))}>
          <InputNumber min={5} max={600} />
        </Form.Item>
        <Form.Item name="location" label={t(tx('地点', 'Location'))}>
          <Input />
        </Form.Item>
        <Form.Item name="chairUserId" label={t(tx('主持人', 'Chair'))} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={peopleOptions(people.data)} />
        </Form.Item>
        <Form.Item name="leaveApproverUserId" label={t(tx('请假审批人（空 = 主持人）', 'Leave approver (empty = the chair)'))}>
          <Select allowClear showSearch optionFilterProp="label" options={peopleOptions(people.data)} />
        </Form.Item>
        <Form.Item name="audience" label={t(tx('参会人', 'Attendees'))}>
          <Radio.Group
            options={[
              { value: 'listed', label: t(tx('指定人员', 'Chosen people')) },
              { value: 'all', label: t(tx('全体人员', 'Everyone')) },
            ]}
          />
        </Form.Item>
        {audience === 'listed' && (
          <Form.Item name="attendeeUserIds" rules={[{ required: true, message: t(tx('请选择参会人', 'Choose the attendees')) }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={peopleOptions(people.data)} />
          </Form.Item>
        )}
        <Form.Item name="agendaTemplate" label={t(tx('议程模板', 'Agenda template'))}>
          <Input.TextArea rows={3} placeholder={t(tx('本月生产完成情况、下月生产计划', 'Output of the month, plan of the next'))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AdHocValues {
  title: string;
  kind: MeetingKind;
  date: dayjs.Dayjs;
  time: [dayjs.Dayjs, dayjs.Dayjs];
  location?: string;
  chairUserId: string;
  attendeeUserIds: string[];
  agenda?: string;
}

/** 临时会议: e.g. a coordination meeting over a shortage or a breakdown (PP-19). */
export function AdHocFormModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AdHocValues>();
  const people = usePeople();
  // The picked wall clock is the organisation's, whatever zone the browser is in.
  const at = (d: dayjs.Dayjs, time: dayjs.Dayjs) => orgInstant(d.hour(time.hour()).minute(time.minute()).second(0));
  const save = useMutation({
    mutationFn: (v: AdHocValues) =>
      post<{ id: string }>('/meetings', {
        title: v.title,
        kind: v.kind,
        chairUserId: v.chairUserId,
        location: v.location ?? null,
        startsAt: at(v.date, v.time[0]),
        endsAt: at(v.date, v.time[1]),
        agenda: v.agenda ?? '',
        attendeeUserIds: v.attendeeUserIds,
      }),
    onSuccess: (m) => {
      form.resetFields();
      onDone(m.id);
    },
  });
  return (
    <Modal
      open={open}
      title={t(tx('召开临时会议', 'Call a meeting'))}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <ErrorAlert error={save.error} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ kind: 'coordination' }}>
        <Form.Item name="title" label={t(tx('会议名称', 'Title'))} rules={[{ required: true }]}>
          <Input placeholder={t(tx('生产协调会', 'Production coordination meeting'))} />
        </Form.Item>
        <Form.Item name="kind" label={t(tx('类型', 'Kind'))}>
          <Select options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
        </Form.Item>
        <Form.Item name="date" label={t(tx('日期', 'Date'))} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="time" label={t(tx('时间', 'Time'))} rules={[{ required: true }]}>
          <TimePicker.RangePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
        <Form.Item name="location" label={t(tx('地点', 'Location'))}>
          <Input />
        </Form.Item>
        <Form.Item name="chairUserId" label={t(tx('主持人', 'Chair'))} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={peopleOptions(people.data)} />
        </Form.Item>
        <Form.Item name="attendeeUserIds" label={t(tx('参会人', 'Attendees'))} rules={[{ required: true }]}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={peopleOptions(people.data)} />
        </Form.Item>
        <Form.Item name="agenda" label={t(tx('议程', 'Agenda'))}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

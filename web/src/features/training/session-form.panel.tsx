import { useMutation, useQuery } from '@tanstack/react-query';
import { type ButtonProps, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { get, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { CATEGORY_LABELS, CATEGORY_OPTIONS } from './training.labels';
import type { Session, Teacher } from './training.types';

interface Group {
  id: string;
  name: string;
  kind: string;
}

/** ST-2: an ad-hoc session (临时培训) with trainer, recorder, topic, category and length. */
export function SessionFormModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (s: Session) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const teachers = useQuery({ queryKey: ['training', 'teachers'], queryFn: () => get<Teacher[]>('/training/teachers?active=true'), enabled: open });
  const groups = useQuery({ queryKey: ['departments'], queryFn: () => get<Group[]>('/org/departments'), enabled: open });
  const audience = Form.useWatch('audience', form);
  const create = useMutation({
    mutationFn: (v: Record<string, unknown> & { date: dayjs.Dayjs; time: dayjs.Dayjs }) =>
      post<Session>('/training/sessions', {
        title: v.title,
        topic: v.topic,
        category: v.category,
        trainerTeacherId: v.trainerTeacherId ?? null,
        recorderTeacherId: v.recorderTeacherId ?? null,
        location: v.location,
        date: v.date.format('YYYY-MM-DD'),
        startTime: v.time.format('HH:mm'),
        durationMinutes: v.durationMinutes,
        audience: v.audience,
        groupId: v.audience === 'group' ? v.groupId : null,
        isCentralised: v.isCentralised,
      }),
    onSuccess: (s) => {
      form.resetFields();
      onCreated(s);
    },
  });
  const teacherOptions = teachers.data?.map((x) => ({ value: x.id, label: `${x.name}${x.groupName ? `（${x.groupName}）` : ''}` }));
  return (
    <Modal
      open={open}
      title={t(tx('新增临时培训', 'Add an ad-hoc session'))}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'session-create' } as ButtonProps}
    >
      <ErrorAlert error={create.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          category: 'informationTechnology',
          audience: 'all',
          durationMinutes: 90,
          isCentralised: true,
          date: dayjs(),
          time: dayjs().add(10, 'minute'),
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="title" label={t(tx('培训名称', 'Title'))} rules={[{ required: true }]}>
          <Input data-testid="session-title" />
        </Form.Item>
        <Form.Item name="topic" label={t(tx('主题', 'Topic'))}>
          <Input />
        </Form.Item>
        <Row gutter={8}>
          <Col xs={24} sm={12}>
            <Form.Item name="category" label={t(tx('内容类别', 'Category'))} rules={[{ required: true }]}>
              <Select options={CATEGORY_OPTIONS.map((c) => ({ value: c, label: t(CATEGORY_LABELS[c]) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="location" label={t(tx('地点', 'Place'))}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="date" label={t(tx('日期', 'Date'))} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="time" label={t(tx('开始时间', 'Starts at'))} rules={[{ required: true }]}>
              <TimePicker format="HH:mm" style={{ width: '100%' }} data-testid="session-time" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="durationMinutes" label={t(tx('时长（分钟）', 'Minutes'))} rules={[{ required: true }]}>
              <InputNumber min={5} max={600} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12}>
            <Form.Item name="trainerTeacherId" label={t(tx('主讲人', 'Trainer'))}>
              <Select allowClear showSearch optionFilterProp="label" options={teacherOptions} data-testid="session-trainer" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12}>
            <Form.Item name="recorderTeacherId" label={t(tx('记录员', 'Recorder'))}>
              <Select allowClear showSearch optionFilterProp="label" options={teacherOptions} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12}>
            <Form.Item name="audience" label={t(tx('参训对象', 'Audience'))}>
              <Select
                options={[
                  { value: 'all', label: t(tx('全体教师', 'All teachers')) },
                  { value: 'group', label: t(tx('一个教研组', 'One group')) },
                ]}
              />
            </Form.Item>
          </Col>
          {audience === 'group' && (
            <Col xs={12} sm={12}>
              <Form.Item name="groupId" label={t(tx('教研组', 'Group'))} rules={[{ required: true }]}>
                <Select options={groups.data?.filter((g) => g.kind === 'teaching_group').map((g) => ({ value: g.id, label: g.name }))} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="isCentralised" valuePropName="checked">
          <Checkbox>{t(tx('校本集中培训（缺席计入年度考核）', 'Centralised training (absences count in the yearly assessment)'))}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

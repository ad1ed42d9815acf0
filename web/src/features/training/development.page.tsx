import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, List, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { AssignmentsPanel } from './assignment-review.panel';
import { BackbonePanel } from './backbone.panel';
import { MentorPairsPanel } from './mentor-pairs.panel';
import { ACTIVITY_LABELS, ASSIGNMENT_KIND_LABELS, currentSchoolYear, currentTerm, FOUR_ONES_LABELS } from './training.labels';
import type { Activities, AssignmentView, FourOnesProgressRow } from './training.types';

function FourOnesTab() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['training', 'four-ones'], queryFn: () => get<FourOnesProgressRow[]>('/training/four-ones') });
  return (
    <Table
      rowKey="teacherId"
      size="small"
      dataSource={q.data}
      pagination={{ pageSize: 50 }}
      scroll={{ x: 700 }}
      columns={[
        { title: t(tx('姓名', 'Name')), dataIndex: 'name', width: 90 },
        { title: t(tx('教研组', 'Group')), dataIndex: 'groupName', width: 110 },
        ...['book', 'demo_lesson', 'lesson_evaluation', 'narrative'].map((item) => ({
          title: t(FOUR_ONES_LABELS[item]),
          render: (_: unknown, r: { progress: { items: { item: string; done: number; required: number; isMet: boolean }[] } }) => {
            const x = r.progress.items.find((i) => i.item === item);
            return x ? <Tag color={x.isMet ? 'green' : 'default'}>{`${x.done}/${x.required}`}</Tag> : null;
          },
        })),
      ]}
    />
  );
}

function WorkTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [open, setOpen] = useState<'assignment' | 'activity' | null>(null);
  const [form] = Form.useForm();
  const year = currentSchoolYear();
  const term = currentTerm();
  const tasks = useQuery({
    queryKey: ['training', 'assignments', year],
    queryFn: () => get<AssignmentView[]>(`/training/assignments?schoolYear=${year}&term=${term}`),
  });
  const acts = useQuery({
    queryKey: ['training', 'activities', year, term],
    queryFn: () => get<Activities>(`/training/activities?schoolYear=${year}&term=${term}`),
  });
  const create = useMutation({
    mutationFn: (v: Record<string, unknown> & { date: dayjs.Dayjs }) =>
      open === 'assignment'
        ? post('/training/assignments', {
            schoolYear: year,
            term,
            kind: v.kind,
            title: v.title,
            description: v.description,
            dueOn: v.date.format('YYYY-MM-DD'),
          })
        : post('/training/activities', { kind: v.kind, title: v.title, description: v.description, heldOn: v.date.format('YYYY-MM-DD') }),
    onSuccess: () => {
      setOpen(null);
      qc.invalidateQueries({ queryKey: ['training'] });
    },
  });
  return (
    <>
      {can('training.session.manage') && (
        <Space style={{ marginBottom: 12 }}>
          <Button onClick={() => setOpen('assignment')}>{t(tx('布置作业', 'Set an assignment'))}</Button>
          <Button onClick={() => setOpen('activity')}>{t(tx('登记学期活动', 'Record an activity'))}</Button>
        </Space>
      )}
      <AssignmentsPanel rows={tasks.data} loading={tasks.isLoading} />
      <div style={{ marginTop: 12 }}>
        {acts.data?.coverage.kinds.map((k) => (
          <Tag key={k.kind} color={k.isMet ? 'green' : 'orange'}>
            {t(ACTIVITY_LABELS[k.kind])} {k.held}/{k.required}
          </Tag>
        ))}
      </div>
      <List
        size="small"
        dataSource={acts.data?.activities}
        renderItem={(a) => <List.Item>{`${a.heldOn} ${t(ACTIVITY_LABELS[a.kind])}：${a.title}${a.groupName ? `（${a.groupName}）` : ''}`}</List.Item>}
      />
      <Modal
        open={!!open}
        title={open === 'assignment' ? t(tx('布置作业', 'Set an assignment')) : t(tx('登记学期活动', 'Record an activity'))}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={create.error} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => create.mutate(v)}
          initialValues={{ kind: open === 'assignment' ? 'lesson_design' : 'experience_exchange', date: dayjs().add(open === 'assignment' ? 14 : 0, 'day') }}
        >
          <Form.Item name="kind" label={t(tx('类型', 'Kind'))}>
            <Select
              options={Object.entries(open === 'assignment' ? ASSIGNMENT_KIND_LABELS : ACTIVITY_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t(tx('名称', 'Title'))} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t(tx('说明', 'Description'))}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="date" label={open === 'assignment' ? t(tx('截止日期', 'Due')) : t(tx('日期', 'Date'))}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** ST-12 … ST-16: backbone share and tracks, mentor pairs, the four ones, assignments and semester activities. */
export function DevelopmentPage() {
  const { t } = useI18n();
  return (
    <Page title={tx('教师发展', 'Teacher development')}>
      <Tabs
        items={[
          { key: 'backbone', label: t(tx('骨干教师', 'Backbone')), children: <BackbonePanel /> },
          { key: 'mentors', label: t(tx('师徒结对', 'Mentoring')), children: <MentorPairsPanel /> },
          { key: 'four', label: t(tx('四个一', 'Four ones')), children: <FourOnesTab /> },
          { key: 'work', label: t(tx('作业与活动', 'Assignments and activities')), children: <WorkTab /> },
        ]}
      />
    </Page>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, List, Modal, Progress, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { ACTIVITY_LABELS, ASSIGNMENT_KIND_LABELS, BACKBONE_LABELS, currentSchoolYear, currentTerm, FOUR_ONES_LABELS, STAGE_LABELS } from './training.labels';
import type { AssignmentView, Teacher } from './training.types';

interface Backbone {
  share: { active: number; backbone: number; share: number; target: number; needed: number; byLevel: Record<string, number> };
  tracks: { teacherId: string; name: string; stage: string; backboneLevel: string | null; progress: { theory: number; practice: number; theoryRequired: number; practiceRequired: number; total: number; totalRequired: number; isMet: boolean } }[];
}
interface Pair {
  id: string;
  mentorName: string;
  menteeName: string;
  goals: string;
  state: string;
  recordCount: number;
  lastRecordOn: string | null;
}

function BackboneTab() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['training', 'backbone'], queryFn: () => get<Backbone>('/training/backbone') });
  const b = q.data;
  return (
    <>
      <ErrorAlert error={q.error} />
      {b && (
        <>
          <Alert
            type={b.share.needed ? 'warning' : 'success'}
            showIcon
            message={t(
              tx(
                `骨干教师 ${b.share.backbone}/${b.share.active} 人（${Math.round(b.share.share * 100)}%），目标 ${Math.round(b.share.target * 100)}%（S2 二.3）${b.share.needed ? `，还需 ${b.share.needed} 人` : ''}`,
                `Backbone ${b.share.backbone}/${b.share.active} (${Math.round(b.share.share * 100)}%), target ${Math.round(b.share.target * 100)}%${b.share.needed ? `, ${b.share.needed} more needed` : ''}`,
              ),
            )}
            description={Object.entries(b.share.byLevel).map(([k, n]) => `${t(BACKBONE_LABELS[k])} ${n}`).join('　')}
          />
          <Table
            rowKey="teacherId"
            size="small"
            style={{ marginTop: 12 }}
            dataSource={b.tracks}
            pagination={false}
            scroll={{ x: 600 }}
            columns={[
              { title: t(tx('姓名', 'Name')), dataIndex: 'name', width: 90 },
              { title: t(tx('阶段', 'Stage')), dataIndex: 'stage', width: 80, render: (s: string) => t(STAGE_LABELS[s]) },
              { title: t(tx('理论', 'Theory')), render: (_: unknown, r: Backbone['tracks'][number]) => <Progress size="small" percent={Math.min(100, Math.round((r.progress.theory / (r.progress.theoryRequired || 1)) * 100))} format={() => `${r.progress.theory}/${r.progress.theoryRequired}`} /> },
              { title: t(tx('实践', 'Practice')), render: (_: unknown, r: Backbone['tracks'][number]) => <Progress size="small" percent={Math.min(100, Math.round((r.progress.practice / (r.progress.practiceRequired || 1)) * 100))} format={() => `${r.progress.practice}/${r.progress.practiceRequired}`} /> },
            ]}
          />
        </>
      )}
    </>
  );
}

function MentorTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const pairs = useQuery({ queryKey: ['training', 'mentors'], queryFn: () => get<Pair[]>('/training/mentors') });
  const teachers = useQuery({ queryKey: ['training', 'teachers'], queryFn: () => get<Teacher[]>('/training/teachers?active=true') });
  const create = useMutation({
    mutationFn: (v: Record<string, string>) => post('/training/mentors', { ...v, schoolYear: currentSchoolYear() }),
    onSuccess: () => {
      setOpen(false);
      qc.invalidateQueries({ queryKey: ['training'] });
    },
  });
  const options = teachers.data?.map((x) => ({ value: x.id, label: `${x.name}（${t(STAGE_LABELS[x.stage])}）` }));
  return (
    <>
      {can('training.plan.write') && (
        <Button onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>
          {t(tx('新结对', 'New pair'))}
        </Button>
      )}
      <List
        dataSource={pairs.data}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta title={`${p.mentorName} → ${p.menteeName}`} description={p.goals} />
            <Tag color={p.recordCount ? 'blue' : 'orange'}>{t(tx(`记录 ${p.recordCount} 次${p.lastRecordOn ? `，最近 ${p.lastRecordOn}` : ''}`, `${p.recordCount} records${p.lastRecordOn ? `, last ${p.lastRecordOn}` : ''}`))}</Tag>
          </List.Item>
        )}
      />
      <Modal open={open} title={t(tx('师徒结对（老带新）', 'Mentor pair'))} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <ErrorAlert error={create.error} />
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="mentorId" label={t(tx('师傅', 'Mentor'))} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={options} />
          </Form.Item>
          <Form.Item name="menteeId" label={t(tx('徒弟', 'Mentee'))} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={options} />
          </Form.Item>
          <Form.Item name="goals" label={t(tx('结对目标与要求', 'Goals'))} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function FourOnesTab() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['training', 'four-ones'], queryFn: () => get<{ teacherId: string; name: string; groupName: string | null; progress: { items: { item: string; done: number; required: number; isMet: boolean }[]; isMet: boolean } }[]>('/training/four-ones') });
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
  const tasks = useQuery({ queryKey: ['training', 'assignments', year], queryFn: () => get<AssignmentView[]>(`/training/assignments?schoolYear=${year}&term=${term}`) });
  const acts = useQuery({ queryKey: ['training', 'activities', year, term], queryFn: () => get<{ activities: { id: string; kind: string; title: string; heldOn: string; groupName: string | null }[]; coverage: { kinds: { kind: string; held: number; required: number; isMet: boolean }[] } }>(`/training/activities?schoolYear=${year}&term=${term}`) });
  const create = useMutation({
    mutationFn: (v: Record<string, unknown> & { date: dayjs.Dayjs }) =>
      open === 'assignment' ? post('/training/assignments', { schoolYear: year, term, kind: v.kind, title: v.title, description: v.description, dueOn: v.date.format('YYYY-MM-DD') }) : post('/training/activities', { kind: v.kind, title: v.title, description: v.description, heldOn: v.date.format('YYYY-MM-DD') }),
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
      <Table
        rowKey="id"
        size="small"
        dataSource={tasks.data}
        pagination={false}
        scroll={{ x: 600 }}
        columns={[
          { title: t(tx('作业', 'Assignment')), dataIndex: 'title' },
          { title: t(tx('类型', 'Kind')), dataIndex: 'kind', width: 100, render: (k: string) => t(ASSIGNMENT_KIND_LABELS[k]) },
          { title: t(tx('截止', 'Due')), dataIndex: 'dueOn', width: 100 },
          { title: t(tx('已交/应交', 'In / expected')), width: 100, render: (_: unknown, a: AssignmentView) => `${a.submitted}/${a.expected}` },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        {acts.data?.coverage.kinds.map((k) => (
          <Tag key={k.kind} color={k.isMet ? 'green' : 'orange'}>
            {t(ACTIVITY_LABELS[k.kind])} {k.held}/{k.required}
          </Tag>
        ))}
      </div>
      <List size="small" dataSource={acts.data?.activities} renderItem={(a) => <List.Item>{`${a.heldOn} ${t(ACTIVITY_LABELS[a.kind])}：${a.title}${a.groupName ? `（${a.groupName}）` : ''}`}</List.Item>} />
      <Modal open={!!open} title={open === 'assignment' ? t(tx('布置作业', 'Set an assignment')) : t(tx('登记学期活动', 'Record an activity'))} onCancel={() => setOpen(null)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <ErrorAlert error={create.error} />
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ kind: open === 'assignment' ? 'lesson_design' : 'experience_exchange', date: dayjs().add(open === 'assignment' ? 14 : 0, 'day') }}>
          <Form.Item name="kind" label={t(tx('类型', 'Kind'))}>
            <Select options={Object.entries(open === 'assignment' ? ASSIGNMENT_KIND_LABELS : ACTIVITY_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
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
          { key: 'backbone', label: t(tx('骨干教师', 'Backbone')), children: <BackboneTab /> },
          { key: 'mentors', label: t(tx('师徒结对', 'Mentoring')), children: <MentorTab /> },
          { key: 'four', label: t(tx('四个一', 'Four ones')), children: <FourOnesTab /> },
          { key: 'work', label: t(tx('作业与活动', 'Assignments and activities')), children: <WorkTab /> },
        ]}
      />
    </Page>
  );
}

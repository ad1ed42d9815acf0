import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, List, Modal, Select, Space, Tabs, Tag, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { ACCEPTED_FILES, uploadFile } from '../../ui/attachments';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ListTable } from '../../ui/list-table';
import { ErrorAlert, Page } from '../../ui/page';
import { CreditReportPanel } from './credit-report.panel';
import {
  ASSIGNMENT_KIND_LABELS,
  CATEGORY_LABELS,
  CATEGORY_OPTIONS,
  CLAIM_KIND_LABELS,
  CLAIM_STATE_LABELS,
  FOUR_ONES_LABELS,
  NOTE_KIND_LABELS,
  SUBMISSION_LABELS,
} from './training.labels';
import type { AssignmentView, Claim, CreditReport, FourOne, Note, SelfStudy } from './training.types';

function NotesTab() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const notes = useQuery({ queryKey: ['training', 'notes', 'mine'], queryFn: () => get<Note[]>('/training/notes') });
  const study = useQuery({ queryKey: ['training', 'self-study'], queryFn: () => get<SelfStudy>('/training/self-study/me') });
  const add = useMutation({
    mutationFn: (v: { kind: string; title: string; source?: string; content: string; date?: dayjs.Dayjs }) =>
      post('/training/notes', { ...v, date: v.date?.format('YYYY-MM-DD') }),
    onSuccess: () => {
      form.resetFields(['title', 'content']);
      qc.invalidateQueries({ queryKey: ['training'] });
    },
  });
  return (
    <>
      {study.data && (
        <Card size="small" title={t(tx('每周自学（S1 学习制度 4）', 'Weekly self-study (S1 学习制度 4)'))} style={{ marginBottom: 12 }}>
          <Space wrap>
            <Tag color="blue">
              {t(tx(`已完成 ${study.data.weeksMet}/${study.data.weeksDue} 周`, `${study.data.weeksMet} of ${study.data.weeksDue} weeks done`))}
            </Tag>
            <Tag color={study.data.isJournalMet ? 'green' : 'orange'}>
              {t(
                tx(
                  `自学报刊 ${study.data.journals.length}/${study.data.journalsRequired}：`,
                  `Journals ${study.data.journals.length}/${study.data.journalsRequired}: `,
                ),
              )}
              {study.data.journals.join('、')}
            </Tag>
          </Space>
          <div style={{ marginTop: 8 }}>
            {study.data.weeks.slice(-8).map((w) => (
              <Tag key={w.weekStart} color={w.isMet ? 'green' : 'default'}>
                {w.weekStart.slice(5)} {w.articleExcerpts}/{w.informationExcerpts}
              </Tag>
            ))}
          </div>
        </Card>
      )}
      <Card size="small" title={t(tx('写笔记或摘录', 'Add a note or excerpt'))} style={{ marginBottom: 12 }}>
        <ErrorAlert error={add.error} />
        <Form form={form} layout="vertical" initialValues={{ kind: 'article_excerpt' }} onFinish={(v) => add.mutate(v)}>
          <Space wrap align="start">
            <Form.Item name="kind" label={t(tx('类型', 'Kind'))}>
              <Select style={{ width: 170 }} options={Object.entries(NOTE_KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
            </Form.Item>
            <Form.Item name="source" label={t(tx('报刊/出处', 'Journal / source'))}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="date" label={t(tx('日期', 'Date'))}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="title" label={t(tx('标题', 'Title'))} rules={[{ required: true }]}>
            <Input data-testid="note-title" />
          </Form.Item>
          <Form.Item name="content" label={t(tx('内容', 'Content'))} rules={[{ required: true }]}>
            <Input.TextArea rows={4} data-testid="note-content" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="note-save">
            {t(tx('保存', 'Save'))}
          </Button>
        </Form>
      </Card>
      <List
        loading={notes.isLoading}
        dataSource={notes.data}
        pagination={{ pageSize: 10 }}
        renderItem={(n) => (
          <List.Item>
            <List.Item.Meta
              title={`${n.title}${n.source ? `（${n.source}）` : ''}`}
              description={`${n.weekStart} · ${t(NOTE_KIND_LABELS[n.kind])} · ${n.content.slice(0, 80)}`}
            />
          </List.Item>
        )}
      />
    </>
  );
}

function CreditsTab() {
  const { t } = useI18n();
  const { me } = useAuth();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [form] = Form.useForm();
  const report = useQuery({ queryKey: ['training', 'credits', 'me'], queryFn: () => get<CreditReport>('/training/credits/me') });
  const claims = useQuery({ queryKey: ['training', 'claims', 'mine'], queryFn: () => get<Claim[]>('/training/claims?mine=true') });
  const submit = useMutation({
    mutationFn: async (v: {
      kind: string;
      title: string;
      organiser?: string;
      category: string;
      hours: number;
      period: [dayjs.Dayjs, dayjs.Dayjs];
      certificateNo?: string;
    }) => {
      const uploaded = await Promise.all(files.map((f) => uploadFile(f, { ownerUserId: me?.userId, category: 'certificate', title: `${v.title} 证书` })));
      return post('/training/claims', {
        kind: v.kind,
        title: v.title,
        organiser: v.organiser,
        category: v.category,
        hours: v.hours,
        startedOn: v.period[0].format('YYYY-MM-DD'),
        endedOn: v.period[1].format('YYYY-MM-DD'),
        certificateNo: v.certificateNo,
        attachmentIds: uploaded.map((u) => u.id),
      });
    },
    onSuccess: () => {
      setOpen(false);
      setFiles([]);
      form.resetFields();
      qc.invalidateQueries({ queryKey: ['training'] });
    },
  });
  return (
    <>
      <ErrorAlert error={report.error} />
      {report.data && <CreditReportPanel report={report.data} />}
      <Card
        size="small"
        title={t(tx('校外培训学分认定（国培、远程、上级培训，S4）', 'External training recognition (S4)'))}
        extra={<Button onClick={() => setOpen(true)}>{t(tx('申请认定', 'Claim'))}</Button>}
        style={{ marginTop: 12 }}
      >
        <ListTable<Claim>
          rowKey="id"
          rows={claims.data}
          loading={claims.isLoading}
          testId="my-claims"
          empty={tx('没有认定申请', 'No claims')}
          columns={[
            { key: 'title', title: t(tx('培训', 'Training')), dataIndex: 'title', card: 'title' },
            { key: 'kind', title: t(tx('级别', 'Level')), dataIndex: 'kind', render: (k: string) => t(CLAIM_KIND_LABELS[k]) },
            { key: 'hours', title: t(tx('学时', 'Hours')), dataIndex: 'hours' },
            {
              key: 'state',
              title: t(tx('状态', 'State')),
              dataIndex: 'state',
              card: 'status',
              render: (s: string, c: Claim) => `${t(CLAIM_STATE_LABELS[s])}${c.recognisedHours !== null ? ` ${c.recognisedHours}` : ''}`,
            },
            { key: 'opinion', title: t(tx('意见', 'Opinion')), dataIndex: 'opinion', render: (o: string | null) => o ?? '' },
          ]}
        />
      </Card>
      <Modal
        open={open}
        title={t(tx('申请校外培训学分认定', 'Claim external training'))}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={submit.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={submit.error} />
        <Form form={form} layout="vertical" initialValues={{ kind: 'national', category: 'newCurriculum' }} onFinish={(v) => submit.mutate(v)}>
          <Form.Item name="title" label={t(tx('培训名称', 'Training'))} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="kind" label={t(tx('级别', 'Level'))}>
              <Select style={{ width: 120 }} options={Object.entries(CLAIM_KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
            </Form.Item>
            <Form.Item name="category" label={t(tx('内容类别', 'Category'))}>
              <Select style={{ width: 170 }} options={CATEGORY_OPTIONS.map((c) => ({ value: c, label: t(CATEGORY_LABELS[c]) }))} />
            </Form.Item>
            <Form.Item name="hours" label={t(tx('学时', 'Hours'))} rules={[{ required: true }]}>
              <InputNumber min={0.5} max={1000} />
            </Form.Item>
          </Space>
          <Form.Item name="organiser" label={t(tx('主办单位', 'Organiser'))}>
            <Input />
          </Form.Item>
          <Form.Item name="period" label={t(tx('培训日期', 'Dates'))} rules={[{ required: true }]}>
            <DatePicker.RangePicker aria-label={t(tx('培训日期', 'Dates'))} />
          </Form.Item>
          <Form.Item name="certificateNo" label={t(tx('证书编号（或上传证书）', 'Certificate no. (or upload it)'))}>
            <Input />
          </Form.Item>
          <Upload
            accept={ACCEPTED_FILES}
            multiple
            beforeUpload={(f) => {
              setFiles((x) => [...x, f]);
              return false;
            }}
            onRemove={(f) => setFiles((x) => x.filter((y) => y.name !== f.name))}
          >
            <Button icon={<UploadOutlined />}>{t(tx('上传结业证书', 'Upload the certificate'))}</Button>
          </Upload>
        </Form>
      </Modal>
    </>
  );
}

function WorkTab() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [handing, setHanding] = useState<AssignmentView | null>(null);
  const [content, setContent] = useState('');
  const [oneForm] = Form.useForm();
  const tasks = useQuery({ queryKey: ['training', 'assignments', 'mine'], queryFn: () => get<AssignmentView[]>('/training/assignments') });
  const ones = useQuery({ queryKey: ['training', 'four-ones', 'mine'], queryFn: () => get<FourOne[]>('/training/four-ones/items') });
  const hand = useMutation({
    mutationFn: () => post(`/training/assignments/${handing?.id}/submit`, { content }),
    onSuccess: () => {
      setHanding(null);
      setContent('');
      message.success(t(tx('已提交', 'Handed in')));
      qc.invalidateQueries({ queryKey: ['training'] });
    },
  });
  const addOne = useMutation({
    mutationFn: (v: { item: string; title: string; completedOn: dayjs.Dayjs }) =>
      post('/training/four-ones', { ...v, completedOn: v.completedOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      oneForm.resetFields();
      qc.invalidateQueries({ queryKey: ['training'] });
    },
  });
  return (
    <>
      <Card size="small" title={t(tx('培训作业（S1 奖惩 二）', 'Assignments'))}>
        <List
          dataSource={tasks.data}
          renderItem={(a) => (
            <List.Item
              actions={
                a.myStatus === 'open' || a.myStatus === 'missing' || a.myStatus === 'returned'
                  ? [
                      <Button key="hand" size="small" type="primary" onClick={() => setHanding(a)}>
                        {t(tx('提交', 'Hand in'))}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={`${a.title}（${t(ASSIGNMENT_KIND_LABELS[a.kind])}）`}
                description={`${t(tx('截止', 'Due'))} ${a.dueOn}${a.mySubmission?.reviewComment ? ` · ${a.mySubmission.reviewComment}` : ''}`}
              />
              <Tag>{t(SUBMISSION_LABELS[a.myStatus ?? 'open'])}</Tag>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t(tx('“四个一”（T5）', 'The four ones (T5)'))} style={{ marginTop: 12 }}>
        <ErrorAlert error={addOne.error} />
        <Form form={oneForm} layout="inline" initialValues={{ item: 'book', completedOn: dayjs() }} onFinish={(v) => addOne.mutate(v)}>
          <Form.Item name="item">
            <Select style={{ width: 160 }} options={Object.entries(FOUR_ONES_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Form.Item name="title" rules={[{ required: true }]}>
            <Input placeholder={t(tx('书名或课题', 'Book or lesson'))} />
          </Form.Item>
          <Form.Item name="completedOn">
            <DatePicker />
          </Form.Item>
          <Button htmlType="submit">{t(tx('登记', 'Record'))}</Button>
        </Form>
        <List size="small" dataSource={ones.data} renderItem={(o) => <List.Item>{`${o.completedOn} ${t(FOUR_ONES_LABELS[o.item])}：${o.title}`}</List.Item>} />
      </Card>
      <Modal open={handing !== null} title={handing?.title} onCancel={() => setHanding(null)} onOk={() => hand.mutate()} confirmLoading={hand.isPending}>
        <ErrorAlert error={hand.error} />
        <Input.TextArea rows={8} value={content} onChange={(e) => setContent(e.target.value)} />
      </Modal>
    </>
  );
}

/** ST-5, ST-6, ST-14, ST-15 for the teacher: notes and excerpts, credits and claims, assignments, four ones. */
export function MyWorkPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  return (
    <Page title={tx('学习笔记、学分与作业', 'Notes, credits and work')}>
      <Tabs
        activeKey={params.get('tab') ?? 'notes'}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'notes', label: t(tx('学习笔记', 'Notes')), children: <NotesTab /> },
          { key: 'credits', label: t(tx('学分', 'Credits')), children: <CreditsTab /> },
          { key: 'work', label: t(tx('作业与四个一', 'Work')), children: <WorkTab /> },
        ]}
      />
    </Page>
  );
}

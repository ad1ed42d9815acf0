import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Radio, Select, Tabs, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { HandbookGrid, RecordBookList, SignOffView } from '#training';
import { get, post } from '../../ui/api';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { ListTable } from '../../ui/list-table';
import { ErrorAlert, Page } from '../../ui/page';
import { currentSchoolYear, schoolYearOptions } from './training.labels';

export const SIGNOFF_RATING_LABELS: Record<string, Text> = { good: tx('好', 'Good'), pass: tx('合格', 'Pass'), improve: tx('需改进', 'To improve') };
const RATING_COLORS: Record<string, string> = { good: 'green', pass: 'blue', improve: 'orange' };
export const RECORD_BOOK_FINDING_LABELS: Record<string, Text> = {
  complete: tx('填写完整', 'Complete'),
  incomplete: tx('不完整', 'Incomplete'),
  missing: tx('未交', 'Not handed in'),
};
const FINDING_COLORS: Record<string, string> = { complete: 'green', incomplete: 'orange', missing: 'red' };

type HandbookRow = HandbookGrid['rows'][number];
type BookRow = RecordBookList['rows'][number];

/** S1 学习制度 1: 年度考核记实手册按月签评 — the teachers' handbooks month by month. */
function SignOffTab({ year }: { year: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [row, setRow] = useState<HandbookRow | null>(null);
  const [form] = Form.useForm();
  const grid = useQuery({ queryKey: ['training', 'handbook', year], queryFn: () => get<HandbookGrid>(`/training/handbook?schoolYear=${year}`) });
  const thisMonth = dayjs().format('YYYY-MM');
  const months = grid.data?.months ?? [];
  const signable = months.filter((m) => m <= thisMonth);
  const existing = (r: HandbookRow | null, month: string): SignOffView | undefined => r?.signOffs.find((s) => s.month === month);
  const sign = useMutation({
    mutationFn: (v: { month: string; rating: string; comment: string }) =>
      post('/training/handbook/sign-offs', { teacherId: row!.teacherId, ...v, version: existing(row, v.month)?.version }),
    onSuccess: () => {
      setRow(null);
      message.success(t(tx('已签评', 'Signed')));
      qc.invalidateQueries({ queryKey: ['training', 'handbook'] });
    },
  });
  const open = (r: HandbookRow) => {
    const month = signable.at(-1) ?? months[0];
    const s = existing(r, month);
    setRow(r);
    form.setFieldsValue({ month, rating: s?.rating ?? 'pass', comment: s?.comment ?? '' });
  };
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            '参加学习的教职工在年度考核记实手册上认真笔记，手册按月签评；教研组长签评本组教师，教导处可签评全体。',
            'Staff keep notes in the yearly assessment handbook, signed off month by month: a group leader signs their group, the office anyone.',
          ),
        )}
      </Typography.Paragraph>
      <ErrorAlert error={grid.error} />
      <ListTable<HandbookRow>
        rowKey="teacherId"
        rows={grid.data?.rows}
        loading={grid.isLoading}
        testId="handbook-grid"
        rowTestId={() => 'handbook-row'}
        search={{ label: tx('搜索教师', 'Search teachers'), fields: (r) => [r.name, r.groupName] }}
        scrollX={300 + months.length * 80}
        columns={[
          { key: 'name', title: t(tx('教师', 'Teacher')), dataIndex: 'name', card: 'title', width: 100, fixed: 'left' },
          { key: 'group', title: t(tx('教研组', 'Group')), dataIndex: 'groupName', width: 110 },
          ...months.map((m) => ({
            key: m,
            title: t(tx(`${Number(m.slice(5))}月`, dayjs(`${m}-01`).format('MMM'))),
            width: 80,
            render: (_: unknown, r: HandbookRow) => {
              const s = existing(r, m);
              if (!s) return m <= thisMonth ? <Tag>{t(tx('未签', 'Open'))}</Tag> : '';
              return (
                <Tooltip title={`${s.comment}（${s.signedByName}）`}>
                  <Tag color={RATING_COLORS[s.rating]}>{t(SIGNOFF_RATING_LABELS[s.rating])}</Tag>
                </Tooltip>
              );
            },
          })),
          ...(grid.data?.canSign
            ? [
                {
                  key: 'actions',
                  title: '',
                  card: 'actions' as const,
                  width: 80,
                  render: (_: unknown, r: HandbookRow) => (
                    <Button size="small" type="primary" onClick={() => open(r)} data-testid="handbook-sign">
                      {t(tx('签评', 'Sign'))}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!row}
        title={`${t(tx('签评记实手册', 'Sign the handbook'))}：${row?.name ?? ''}`}
        onCancel={() => setRow(null)}
        onOk={() => form.submit()}
        confirmLoading={sign.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={sign.error} fieldLabels={{ month: tx('月份', 'Month'), comment: tx('签评意见', 'Comment') }} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => sign.mutate(v)}
          onValuesChange={(changed) => {
            if (changed.month) {
              const s = existing(row, changed.month);
              form.setFieldsValue({ rating: s?.rating ?? 'pass', comment: s?.comment ?? '' });
            }
          }}
        >
          <Form.Item name="month" label={t(tx('月份', 'Month'))}>
            <Select options={signable.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
          <Form.Item name="rating" label={t(tx('评定', 'Rating'))}>
            <Radio.Group options={Object.entries(SIGNOFF_RATING_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Form.Item name="comment" label={t(tx('签评意见', 'Comment'))} rules={[{ required: true, message: t(tx('请填写签评意见', 'Write a comment')) }]}>
            <Input.TextArea rows={3} data-testid="handbook-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** S1 考勤 三: the leadership group inspects each teacher's 《校本培训记录册》. */
function RecordBookTab({ year }: { year: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [row, setRow] = useState<BookRow | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['training', 'record-books', year],
    queryFn: () => get<RecordBookList>(`/training/record-book-checks?schoolYear=${year}`),
  });
  const check = useMutation({
    mutationFn: (v: { checkedOn: dayjs.Dayjs; finding: string; comment?: string }) =>
      post('/training/record-book-checks', { teacherId: row!.teacherId, checkedOn: v.checkedOn.format('YYYY-MM-DD'), finding: v.finding, comment: v.comment }),
    onSuccess: () => {
      setRow(null);
      message.success(t(tx('已登记', 'Recorded')));
      qc.invalidateQueries({ queryKey: ['training', 'record-books'] });
    },
  });
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            '参训教师按时填写《校本培训记录册》，并及时交给校本培训领导组检查；检查结果记入教师名下，不完整或未交的教师会收到通知。',
            'Teachers fill in the training record book and hand it to the leadership group; each check is recorded, and a teacher whose book falls short is told.',
          ),
        )}
      </Typography.Paragraph>
      <ErrorAlert error={list.error} />
      <ListTable<BookRow>
        rowKey="teacherId"
        rows={list.data?.rows}
        loading={list.isLoading}
        testId="record-books"
        rowTestId={() => 'record-book-row'}
        search={{ label: tx('搜索教师', 'Search teachers'), fields: (r) => [r.name, r.groupName] }}
        columns={[
          { key: 'name', title: t(tx('教师', 'Teacher')), dataIndex: 'name', card: 'title', width: 100 },
          { key: 'group', title: t(tx('教研组', 'Group')), dataIndex: 'groupName', width: 110 },
          { key: 'entries', title: t(tx('本学年记录（篇）', 'Entries this year')), dataIndex: 'entries', width: 120 },
          {
            key: 'last',
            title: t(tx('最近检查', 'Last check')),
            card: 'status',
            width: 160,
            render: (_: unknown, r) =>
              r.checks[0] ? (
                <Tag color={FINDING_COLORS[r.checks[0].finding]}>{`${r.checks[0].checkedOn} ${t(RECORD_BOOK_FINDING_LABELS[r.checks[0].finding])}`}</Tag>
              ) : (
                <Tag>{t(tx('未检查', 'Not checked'))}</Tag>
              ),
          },
          {
            key: 'comment',
            title: t(tx('检查意见', 'Findings')),
            render: (_: unknown, r) => (
              <span style={{ whiteSpace: 'normal' }}>
                {r.checks.map((c) => `${c.checkedOn} ${c.comment || t(RECORD_BOOK_FINDING_LABELS[c.finding])}（${c.checkedByName}）`).join('；')}
              </span>
            ),
          },
          ...(list.data?.canInspect
            ? [
                {
                  key: 'actions',
                  title: '',
                  card: 'actions' as const,
                  width: 100,
                  render: (_: unknown, r: BookRow) => (
                    <Button
                      size="small"
                      type="primary"
                      data-testid="record-book-check"
                      onClick={() => {
                        setRow(r);
                        form.setFieldsValue({ checkedOn: dayjs(), finding: 'complete', comment: '' });
                      }}
                    >
                      {t(tx('登记检查', 'Record check'))}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!row}
        title={`${t(tx('检查《校本培训记录册》', 'Inspect the record book'))}：${row?.name ?? ''}`}
        onCancel={() => setRow(null)}
        onOk={() => form.submit()}
        confirmLoading={check.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={check.error} fieldLabels={{ checkedOn: tx('检查日期', 'Date'), comment: tx('检查意见', 'Findings') }} />
        <Form form={form} layout="vertical" onFinish={(v) => check.mutate(v)}>
          <Form.Item name="checkedOn" label={t(tx('检查日期', 'Date'))} rules={[{ required: true }]}>
            <DatePicker aria-label={t(tx('检查日期', 'Date'))} />
          </Form.Item>
          <Form.Item name="finding" label={t(tx('检查结果', 'Finding'))}>
            <Radio.Group options={Object.entries(RECORD_BOOK_FINDING_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Form.Item name="comment" label={t(tx('检查意见（不完整或未交时必填）', 'Findings (required unless complete)'))}>
            <Input.TextArea rows={3} data-testid="record-book-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Issue 13 item 15: the monthly handbook sign-off and the record-book inspections. */
export function HandbookPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(currentSchoolYear());
  return (
    <Page
      title={tx('手册签评与记录册检查', 'Handbook sign-off and record books')}
      extra={
        <Select
          aria-label={t(tx('学年', 'School year'))}
          value={year}
          onChange={setYear}
          options={schoolYearOptions().map((y) => ({ value: y, label: y }))}
          style={{ width: 130 }}
        />
      }
    >
      <Tabs
        items={[
          { key: 'handbook', label: t(tx('记实手册按月签评', 'Monthly handbook sign-off')), children: <SignOffTab year={year} /> },
          { key: 'books', label: t(tx('记录册检查', 'Record-book checks')), children: <RecordBookTab year={year} /> },
        ]}
      />
    </Page>
  );
}

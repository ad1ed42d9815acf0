import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { MENTOR_PAIR_STATE_LABELS, MENTOR_RECORD_KIND_LABELS, type MentorRecord } from './training.labels';
import type { MentorPair as Pair, Teacher } from './training.types';

function PairCard({ pair, isMentor }: { pair: Pair; isMentor: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const records = useQuery({
    queryKey: ['training', 'mentors', pair.id, 'records'],
    queryFn: () => get<MentorRecord[]>(`/training/mentors/${pair.id}/records`),
  });
  const add = useMutation({
    mutationFn: (v: { kind: string; occurredOn: dayjs.Dayjs; content: string }) =>
      post(`/training/mentors/${pair.id}/records`, { kind: v.kind, occurredOn: v.occurredOn.format('YYYY-MM-DD'), content: v.content }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      message.success(t(tx('已记录', 'Recorded')));
      qc.invalidateQueries({ queryKey: ['training', 'mentors'] });
    },
  });
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="mentor-pair"
      title={`${pair.mentorName} → ${pair.menteeName}（${pair.schoolYear}）`}
      extra={<Tag color={pair.state === 'active' ? 'blue' : 'default'}>{t(MENTOR_PAIR_STATE_LABELS[pair.state])}</Tag>}
    >
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        {t(tx('结对目标：', 'Goals: '))}
        {pair.goals}
      </Typography.Paragraph>
      {pair.state === 'active' && (
        <Button type={isMentor ? 'primary' : 'default'} onClick={() => setOpen(true)} data-testid="mentor-record-add" style={{ marginBottom: 8 }}>
          {isMentor ? t(tx('记录指导', 'Record guidance')) : t(tx('记录听课', 'Record a lesson observed'))}
        </Button>
      )}
      <ErrorAlert error={records.error} />
      <List
        size="small"
        loading={records.isLoading}
        dataSource={records.data}
        locale={{ emptyText: t(tx('还没有记录', 'No records yet')) }}
        renderItem={(r) => (
          <List.Item data-testid="mentor-record" style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}>
            <List.Item.Meta title={`${r.occurredOn} ${t(MENTOR_RECORD_KIND_LABELS[r.kind] ?? tx('记录', 'Record'))}`} description={r.content} />
          </List.Item>
        )}
      />
      <Modal
        open={open}
        title={isMentor ? t(tx('记录指导', 'Record guidance')) : t(tx('记录听课', 'Record a lesson observed'))}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={add.error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: isMentor ? 'guidance' : 'demo_lesson', occurredOn: dayjs() }}
          onFinish={(v) => add.mutate(v)}
        >
          <Form.Item name="kind" label={t(tx('类别', 'Kind'))}>
            <Select options={Object.entries(MENTOR_RECORD_KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Form.Item name="occurredOn" label={t(tx('日期', 'Date'))} rules={[{ required: true }]}>
            <DatePicker aria-label={t(tx('日期', 'Date'))} />
          </Form.Item>
          <Form.Item
            name="content"
            label={t(tx('内容', 'What was done'))}
            rules={[{ required: true, message: t(tx('请填写记录内容', 'Write what was done')) }]}
          >
            <Input.TextArea rows={4} data-testid="mentor-record-content" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** ST-13 for the teacher: the guidance record of the pairs they belong to (issue 13 item 11: a menu entry, not a URL). */
export function MentoringPage() {
  const { t } = useI18n();
  const me = useQuery({ queryKey: ['training', 'me-teacher'], queryFn: () => get<Teacher>('/training/teachers/me') });
  const pairs = useQuery({ queryKey: ['training', 'mentors', 'mine'], queryFn: () => get<Pair[]>('/training/mentors'), enabled: !!me.data });
  // Office staff read every pair: keep to the ones this teacher is in.
  const mine = (pairs.data ?? []).filter((p) => p.mentorId === me.data?.id || p.menteeId === me.data?.id);
  const asMentor = mine.filter((p) => p.mentorId === me.data?.id);
  const asMentee = mine.filter((p) => p.menteeId === me.data?.id);
  return (
    <Page title={tx('师徒结对记录', 'Mentoring record')}>
      <ErrorAlert error={me.error ?? pairs.error} />
      {pairs.data && mine.length === 0 && <Empty description={t(tx('你目前没有师徒结对', 'You are in no mentor pair'))} />}
      {asMentor.length > 0 && <Typography.Title level={5}>{t(tx('我带的徒弟（指导记录）', 'As mentor: guidance record'))}</Typography.Title>}
      {asMentor.map((p) => (
        <PairCard key={p.id} pair={p} isMentor />
      ))}
      {asMentee.length > 0 && <Typography.Title level={5}>{t(tx('我的师傅', 'My mentor'))}</Typography.Title>}
      {asMentee.map((p) => (
        <PairCard key={p.id} pair={p} isMentor={false} />
      ))}
    </Page>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Modal, Rate, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { currentSchoolYear, currentTerm, SOURCE_EVAL_LABELS } from './training.labels';
import type { Criterion, Round, RoundLink, RoundResult as Result, Teacher } from './training.types';

/** The five 1–5 ratings of one form. */
export function CriteriaForm({
  criteria,
  value,
  onChange,
}: {
  criteria: { key: string; label: Text }[];
  value: Record<string, number>;
  onChange: (v: Record<string, number>) => void;
}) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {criteria.map((c) => (
        <div key={c.key} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          <span>{t(c.label)}</span>
          <Rate value={value[c.key] ?? 0} onChange={(v) => onChange({ ...value, [c.key]: v })} data-testid={`rate-${c.key}`} />
        </div>
      ))}
    </Space>
  );
}

/** ST-9: rounds of multi-source evaluation with the policy's weights, forms for self, peers and administrators, and links for students and parents. */
export function EvaluationPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [roundId, setRoundId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const [evaluating, setEvaluating] = useState<{ source: 'self' | 'peers' | 'administrators'; teacherId?: string } | null>(null);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const rounds = useQuery({ queryKey: ['training', 'rounds'], queryFn: () => get<Round[]>('/training/evaluations/rounds') });
  const criteria = useQuery({ queryKey: ['training', 'criteria'], queryFn: () => get<Criterion[]>('/training/evaluations/criteria') });
  const current = roundId ?? rounds.data?.[0]?.id ?? null;
  const results = useQuery({
    queryKey: ['training', 'results', current],
    queryFn: () => get<Result[]>(`/training/evaluations/rounds/${current}/results`),
    enabled: !!current,
  });
  const links = useQuery({
    queryKey: ['training', 'links', current],
    queryFn: () => get<RoundLink[]>(`/training/evaluations/rounds/${current}/links`),
    enabled: !!current && can('training.assess'),
  });
  const teachers = useQuery({ queryKey: ['training', 'teachers'], queryFn: () => get<Teacher[]>('/training/teachers?active=true') });
  const me = useQuery({ queryKey: ['training', 'me-teacher'], queryFn: () => get<Teacher>('/training/teachers/me'), enabled: can('training.self') });
  const create = useMutation({
    mutationFn: (v: { title: string; period: [dayjs.Dayjs, dayjs.Dayjs] }) =>
      post<Round>('/training/evaluations/rounds', {
        schoolYear: currentSchoolYear(),
        term: currentTerm(),
        title: v.title,
        opensOn: v.period[0].format('YYYY-MM-DD'),
        closesOn: v.period[1].format('YYYY-MM-DD'),
      }),
    onSuccess: (r) => {
      setCreating(false);
      setRoundId(r.id);
      qc.invalidateQueries({ queryKey: ['training'] });
    },
  });
  const submit = useMutation({
    mutationFn: () =>
      post(`/training/evaluations/rounds/${current}/forms`, {
        teacherId: evaluating?.source === 'self' ? me.data?.id : evaluating?.teacherId,
        source: evaluating?.source,
        scores,
        comment: comment || null,
      }),
    onSuccess: () => {
      setEvaluating(null);
      setScores({});
      setComment('');
      message.success(t(tx('评价已提交', 'Submitted')));
      qc.invalidateQueries({ queryKey: ['training'] });
    },
  });
  const round = rounds.data?.find((r) => r.id === current);
  return (
    <Page
      title={tx('多元评价', 'Multi-source evaluation')}
      extra={
        <Space wrap>
          <Select
            aria-label={t(tx('评议轮次', 'Round'))}
            value={current ?? undefined}
            onChange={setRoundId}
            options={rounds.data?.map((r) => ({ value: r.id, label: r.title }))}
            style={{ width: 260 }}
          />
          {can('training.assess') && <Button onClick={() => setCreating(true)}>{t(tx('发起评价', 'Start a round'))}</Button>}
        </Space>
      }
    >
      <ErrorAlert error={rounds.error ?? results.error} />
      {round && (
        <Typography.Paragraph type="secondary">
          {round.opensOn} ~ {round.closesOn} ·{' '}
          {t(
            tx(
              '自评、同事、学校/管理者在此填写；学生、家长通过匿名链接评价；权重见制度参数。',
              'Self, peers and administrators answer here; students and parents through anonymous links; weights are policy.',
            ),
          )}
        </Typography.Paragraph>
      )}
      {round && (
        <Space wrap style={{ marginBottom: 12 }}>
          {me.data && <Button onClick={() => setEvaluating({ source: 'self' })}>{t(tx('自我评价', 'Evaluate myself'))}</Button>}
          {me.data && <Button onClick={() => setEvaluating({ source: 'peers' })}>{t(tx('评价同事', 'Evaluate a colleague'))}</Button>}
          {can('training.assess') && (
            <Button onClick={() => setEvaluating({ source: 'administrators' })}>{t(tx('学校评价', 'Administrator evaluation'))}</Button>
          )}
        </Space>
      )}
      <Table<Result>
        rowKey="teacherId"
        loading={results.isLoading}
        dataSource={results.data}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 800 }}
        columns={[
          { title: t(tx('姓名', 'Name')), dataIndex: 'name', width: 90 },
          { title: t(tx('教研组', 'Group')), dataIndex: 'groupName', width: 110 },
          { title: t(tx('综合得分', 'Score')), dataIndex: 'score', width: 90, render: (v: number | null) => (v === null ? '—' : <b>{v}</b>) },
          {
            title: t(tx('各方评价（平均分 · 人数 · 权重）', 'By source (mean · count · weight)')),
            render: (_: unknown, r: Result) =>
              r.bySource.map((s) => (
                <Tag key={s.source} color={s.count ? 'blue' : 'default'}>
                  {t(SOURCE_EVAL_LABELS[s.source])} {s.average ?? '—'} · {s.count} · {Math.round(s.usedWeight * 100)}%
                </Tag>
              )),
          },
          ...(links.data
            ? [
                {
                  title: t(tx('学生/家长匿名链接', 'Anonymous link')),
                  width: 140,
                  render: (_: unknown, r: Result) => {
                    const link = links.data?.find((l) => l.teacherId === r.teacherId);
                    return link ? (
                      <Typography.Link copyable={{ text: `${window.location.origin}${link.path}` }} href={link.path} target="_blank">
                        {t(tx('打开', 'Open'))}
                      </Typography.Link>
                    ) : null;
                  },
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={creating}
        title={t(tx('发起本学期评价', 'Start this term’s round'))}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={create.error} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => create.mutate(v)}
          initialValues={{
            title: `${currentSchoolYear()}学年第${currentTerm() === 1 ? '一' : '二'}学期教师多元评价`,
            period: [dayjs(), dayjs().add(14, 'day')],
          }}
        >
          <Form.Item name="title" label={t(tx('名称', 'Title'))} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="period" label={t(tx('开放时间', 'Open'))} rules={[{ required: true }]}>
            <DatePicker.RangePicker aria-label={t(tx('开放时间', 'Open'))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!evaluating}
        title={evaluating ? t(SOURCE_EVAL_LABELS[evaluating.source]) : ''}
        onCancel={() => setEvaluating(null)}
        onOk={() => submit.mutate()}
        confirmLoading={submit.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={submit.error} />
        {evaluating && evaluating.source !== 'self' && (
          <Select
            showSearch
            optionFilterProp="label"
            aria-label={t(tx('教师', 'Teacher'))}
            placeholder={t(tx('选择教师', 'Choose a teacher'))}
            style={{ width: '100%', marginBottom: 12 }}
            value={evaluating.teacherId}
            onChange={(v) => setEvaluating({ ...evaluating, teacherId: v })}
            options={teachers.data?.filter((x) => x.id !== me.data?.id || evaluating.source === 'administrators').map((x) => ({ value: x.id, label: x.name }))}
          />
        )}
        {criteria.data && <CriteriaForm criteria={criteria.data} value={scores} onChange={setScores} />}
        <Card size="small" style={{ marginTop: 12 }}>
          <Input.TextArea rows={3} placeholder={t(tx('评语（可选）', 'Comment (optional)'))} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Card>
      </Modal>
    </Page>
  );
}

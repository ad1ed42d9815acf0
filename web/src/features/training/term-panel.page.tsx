import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TermPanelList, TermPanelRowView } from '#training';
import { get, post } from '../../ui/api';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { ListTable } from '../../ui/list-table';
import { ErrorAlert, Page } from '../../ui/page';
import { currentSchoolYear, currentTerm, schoolYearOptions } from './training.labels';

export const PANEL_VERDICT_LABELS: Record<string, Text> = { qualified: tx('合格', 'Qualified'), unqualified: tx('不合格', 'Unqualified') };

/** Issue 13 item 14 (S2 五.5): the term-end assessment of each teacher by the school's assessment panel. */
export function TermPanelPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [year, setYear] = useState(currentSchoolYear());
  const [term, setTerm] = useState<1 | 2>(currentTerm());
  const [editing, setEditing] = useState<TermPanelRowView | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['training', 'term-panel', year, term],
    queryFn: () => get<TermPanelList>(`/training/term-assessments?schoolYear=${year}&term=${term}`),
  });
  const decide = useMutation({
    mutationFn: (v: { verdict: string; opinion?: string }) =>
      post('/training/term-assessments', {
        teacherId: editing!.teacherId,
        schoolYear: year,
        term,
        verdict: v.verdict,
        opinion: v.opinion,
        version: editing!.decision?.version,
      }),
    onSuccess: () => {
      setEditing(null);
      message.success(t(tx('已评定', 'Decided')));
      qc.invalidateQueries({ queryKey: ['training', 'term-panel'] });
    },
  });
  const data = list.data;
  const open = (r: TermPanelRowView) => {
    setEditing(r);
    form.setFieldsValue({ verdict: r.decision?.verdict ?? r.proposed, opinion: r.decision?.opinion ?? '' });
  };
  return (
    <Page
      title={tx('学期末校本培训考核', 'Term-end training assessment')}
      extra={
        <Space wrap>
          <Select
            aria-label={t(tx('学年', 'School year'))}
            value={year}
            onChange={setYear}
            options={schoolYearOptions().map((y) => ({ value: y, label: y }))}
            style={{ width: 130 }}
          />
          <Select
            aria-label={t(tx('学期', 'Term'))}
            value={term}
            onChange={setTerm}
            options={[
              { value: 1, label: t(tx('第一学期', 'Term 1')) },
              { value: 2, label: t(tx('第二学期', 'Term 2')) },
            ]}
            style={{ width: 120 }}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            '学期末由校本培训考核小组对教师进行考核（本学期的签到、记录、作业与自学为依据）。',
            'At term end the assessment panel assesses each teacher on the term’s attendance, records, assignments and self-study.',
          ),
        )}
      </Typography.Paragraph>
      <ErrorAlert error={list.error} />
      <ListTable<TermPanelRowView>
        rowKey="teacherId"
        rows={data?.rows}
        loading={list.isLoading}
        testId="term-panel"
        rowTestId={() => 'term-panel-row'}
        search={{ label: tx('搜索教师', 'Search teachers'), fields: (r) => [r.name, r.groupName] }}
        scrollX={1000}
        columns={[
          { key: 'name', title: t(tx('教师', 'Teacher')), dataIndex: 'name', card: 'title', width: 100 },
          { key: 'group', title: t(tx('教研组', 'Group')), dataIndex: 'groupName', width: 110 },
          {
            key: 'absences',
            title: t(tx('无故缺席', 'Unexcused absences')),
            width: 100,
            render: (_: unknown, r) => (
              <span
                style={{ color: r.facts.unexcusedAbsences >= (data?.unexcusedAbsenceLimit ?? 3) ? '#cf1322' : undefined }}
              >{`${r.facts.unexcusedAbsences} / ${data?.unexcusedAbsenceLimit ?? ''}`}</span>
            ),
          },
          { key: 'present', title: t(tx('出勤', 'Present')), width: 80, render: (_: unknown, r) => `${r.facts.sessionsPresent} / ${r.facts.sessionsExpected}` },
          { key: 'records', title: t(tx('培训记录', 'Records')), width: 80, render: (_: unknown, r) => r.facts.records },
          {
            key: 'assignments',
            title: t(tx('未交作业', 'Missing work')),
            width: 90,
            render: (_: unknown, r) => `${r.facts.assignmentsMissing} / ${r.facts.assignmentsDue}`,
          },
          {
            key: 'selfStudy',
            title: t(tx('自学达标（周）', 'Self-study (weeks)')),
            width: 110,
            render: (_: unknown, r) => `${r.facts.selfStudyWeeksMet} / ${r.facts.selfStudyWeeksDue}`,
          },
          {
            key: 'verdict',
            title: t(tx('考核结果', 'Verdict')),
            card: 'status',
            width: 150,
            render: (_: unknown, r) =>
              r.decision ? (
                <Tag
                  color={r.decision.verdict === 'qualified' ? 'green' : 'red'}
                >{`${t(PANEL_VERDICT_LABELS[r.decision.verdict])}（${t(tx('已评定', 'decided'))}）`}</Tag>
              ) : (
                <Tag color={r.proposed === 'qualified' ? 'default' : 'orange'}>{`${t(tx('建议', 'Proposed'))}：${t(PANEL_VERDICT_LABELS[r.proposed])}`}</Tag>
              ),
          },
          {
            key: 'basis',
            title: t(tx('考核意见与依据', 'Opinion and basis')),
            render: (_: unknown, r) => (
              <span style={{ whiteSpace: 'normal' }}>
                {r.decision?.opinion
                  ? `${r.decision.opinion}（${r.decision.decidedByName}）`
                  : r.concerns.map((c) => t(c)).join('；') || t(tx('无异常', 'Nothing to note'))}
              </span>
            ),
          },
          ...(data?.canDecide
            ? [
                {
                  key: 'actions',
                  title: '',
                  card: 'actions' as const,
                  width: 90,
                  render: (_: unknown, r: TermPanelRowView) => (
                    <Button size="small" type={r.decision ? 'default' : 'primary'} onClick={() => open(r)} data-testid="term-panel-decide">
                      {r.decision ? t(tx('修改', 'Change')) : t(tx('评定', 'Decide'))}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={`${t(tx('考核小组评定', 'Panel verdict'))}：${editing?.name ?? ''}`}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={decide.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={decide.error} fieldLabels={{ opinion: tx('考核意见', 'Opinion') }} />
        <Form form={form} layout="vertical" onFinish={(v) => decide.mutate(v)}>
          <Form.Item name="verdict" label={t(tx('考核结果', 'Verdict'))}>
            <Radio.Group options={Object.entries(PANEL_VERDICT_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Form.Item name="opinion" label={t(tx('考核意见（不合格时必填）', 'Opinion (required when unqualified)'))}>
            <Input.TextArea rows={3} data-testid="term-panel-opinion" />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}

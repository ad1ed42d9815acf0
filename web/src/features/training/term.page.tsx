import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { get, post, put } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { ACTIVITY_LABELS, currentSchoolYear, currentTerm, HONOUR_LABELS, schoolYearOptions } from './training.labels';
import type { Honour, TermSummary as Summary } from './training.types';

const FIGURE_LABELS: Record<string, Text> = {
  sessionsHeld: tx('开展培训（场）', 'Sessions held'),
  sessionsCancelled: tx('取消（场）', 'Cancelled'),
  outlinesOnTime: tx('提纲按时', 'Outlines on time'),
  outlinesLateOrMissing: tx('提纲迟交或缺', 'Outlines late/missing'),
  minutesWritten: tx('有活动记录', 'With minutes'),
  attendanceRate: tx('出勤率', 'Attendance rate'),
  late: tx('迟到人次', 'Late'),
  leftEarly: tx('早退人次', 'Left early'),
  absent: tx('缺席人次', 'Absent'),
  excused: tx('请假人次', 'On leave'),
  teachers: tx('教师', 'Teachers'),
  assignmentsDue: tx('应交作业（人次）', 'Assignments due'),
  assignmentsMissing: tx('未交作业', 'Missing'),
  selfStudyWeeksMetShare: tx('自学完成率', 'Self-study done'),
  activities: tx('学期活动', 'Activities'),
};

/** ST-10, ST-11, ST-17: term-end proposals from the rules for the office to confirm, and the term summary with its figures. */
export function TermPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [year, setYear] = useState(currentSchoolYear());
  const [term, setTerm] = useState<1 | 2>(currentTerm());
  const [form] = Form.useForm();
  const honours = useQuery({
    queryKey: ['training', 'honours', year, term],
    queryFn: () => get<Honour[]>(`/training/honours?schoolYear=${year}&term=${term}`),
  });
  const summary = useQuery({
    queryKey: ['training', 'summary', year, term],
    queryFn: () => get<Summary>(`/training/summaries?schoolYear=${year}&term=${term}`),
  });
  useEffect(() => {
    form.setFieldsValue(summary.data?.summary ?? { achievements: '', problems: '', improvements: '' });
  }, [summary.data, form]);
  const refresh = () => qc.invalidateQueries({ queryKey: ['training'] });
  const propose = useMutation({ mutationFn: () => post('/training/honours/propose', { schoolYear: year, term }), onSuccess: refresh });
  const decide = useMutation({
    mutationFn: ({ h, isConfirmed }: { h: Honour; isConfirmed: boolean }) => post(`/training/honours/${h.id}/decide`, { isConfirmed, version: h.version }),
    onSuccess: refresh,
  });
  const save = useMutation({
    mutationFn: (v: Record<string, string>) => put('/training/summaries', { schoolYear: year, term, ...v, version: summary.data?.summary?.version }),
    onSuccess: refresh,
  });
  const canDecide = can('training.assess');
  // Shown by key, in the order of FIGURE_LABELS.
  const figures: Record<string, unknown> = summary.data?.figures ?? {};
  return (
    <Page
      title={tx('期末表彰与学期总结', 'Term end')}
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
          {canDecide && (
            <Button type="primary" onClick={() => propose.mutate()} loading={propose.isPending}>
              {t(tx('按制度生成建议名单', 'Propose from the rules'))}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={honours.error ?? propose.error ?? decide.error} />
      <Table<Honour>
        rowKey="id"
        loading={honours.isLoading}
        dataSource={honours.data}
        pagination={false}
        scroll={{ x: 700 }}
        columns={[
          {
            title: t(tx('类别', 'Kind')),
            dataIndex: 'kind',
            width: 120,
            render: (k: string) => <Tag color={k === 'criticism' ? 'red' : 'green'}>{t(HONOUR_LABELS[k])}</Tag>,
          },
          { title: t(tx('对象', 'Who')), width: 120, render: (_: unknown, h: Honour) => h.teacherName ?? h.groupName },
          { title: t(tx('依据（S1 奖惩、S2 六.(四)）', 'Basis')), render: (_: unknown, h: Honour) => h.reasons.map((r) => t(r)).join('；') },
          {
            title: '',
            width: 160,
            render: (_: unknown, h: Honour) =>
              h.state === 'proposed' && canDecide ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => decide.mutate({ h, isConfirmed: true })}>
                    {t(tx('确认', 'Confirm'))}
                  </Button>
                  <Button size="small" onClick={() => decide.mutate({ h, isConfirmed: false })}>
                    {t(tx('不采纳', 'Drop'))}
                  </Button>
                </Space>
              ) : (
                <Tag>
                  {h.state === 'confirmed' ? t(tx('已确认', 'Confirmed')) : h.state === 'dropped' ? t(tx('未采纳', 'Dropped')) : t(tx('建议', 'Proposed'))}
                </Tag>
              ),
          },
        ]}
      />
      <Row gutter={12} style={{ marginTop: 16 }}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t(tx('本学期数据', 'The term in figures'))}>
            <Descriptions size="small" column={1}>
              {Object.entries(FIGURE_LABELS).map(([k, label]) => (
                <Descriptions.Item key={k} label={t(label)}>
                  {k.endsWith('Rate') || k.endsWith('Share')
                    ? typeof figures[k] === 'number'
                      ? `${Math.round((figures[k] as number) * 100)}%`
                      : '—'
                    : String(figures[k] ?? '—')}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label={t(tx('尚未开展的活动', 'Activities not yet held'))}>
                {((figures.activityKindsMissing as string[] | undefined) ?? []).map((k) => t(ACTIVITY_LABELS[k])).join('、') || '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t(tx('学期总结（S1 管理制度 6）', 'Term summary (S1 管理制度 6)'))}>
            <ErrorAlert error={save.error} />
            <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={!canDecide}>
              <Form.Item name="achievements" label={t(tx('肯定成绩', 'Achievements'))}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="problems" label={t(tx('发现问题', 'Problems'))}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="improvements" label={t(tx('改进措施', 'Improvements'))}>
                <Input.TextArea rows={3} />
              </Form.Item>
              {canDecide && (
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t(tx('保存总结', 'Save'))}
                </Button>
              )}
            </Form>
          </Card>
        </Col>
      </Row>
    </Page>
  );
}

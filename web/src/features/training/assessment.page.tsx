import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { download, get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { currentSchoolYear, schoolYearOptions } from './training.labels';
import type { Assessment } from './training.types';

export const VERDICT_LABELS: Record<string, { zh: string; en: string }> = { qualified: tx('合格', 'Qualified'), unqualified: tx('不合格', 'Unqualified') };

/** What the verdict rests on: each reason with its clause, and the records listed. */
export function ReasonList({ a }: { a: Assessment }) {
  const { t } = useI18n();
  return (
    <div data-testid="assessment-reasons">
      {a.reasons.map((r) => (
        <div key={r.code} style={{ marginBottom: 6 }}>
          <Tag>{`${t(tx('依据', 'Under'))} ${r.clause}`}</Tag>
          <Typography.Text>{t(r.summary)}</Typography.Text>
          {r.evidence.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
              {r.evidence.map((e) => (
                <li key={e.entityId}>{e.link ? <Link to={e.link}>{e.label}</Link> : e.label}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}

/** ST-7: the year's verdicts computed from policy, each explained, reviewed and confirmed, exported for the appraisal. */
export function AssessmentPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [year, setYear] = useState(currentSchoolYear());
  const [confirming, setConfirming] = useState<Assessment | null>(null);
  const [opinion, setOpinion] = useState('');
  const [verdict, setVerdict] = useState<'' | 'qualified' | 'unqualified'>('');
  const { modal, message } = App.useApp();
  const list = useQuery({
    queryKey: ['training', 'assessments', year, verdict],
    queryFn: () => get<Assessment[]>(`/training/assessments?schoolYear=${year}${verdict ? `&verdict=${verdict}` : ''}`),
  });
  // Issue 13 item 8: every qualified verdict at once with one opinion; the unqualified one by one.
  const bulk = useMutation({
    mutationFn: (text: string) => post<{ confirmed: number }>('/training/assessments/confirm-qualified', { schoolYear: year, opinion: text || null }),
    onSuccess: (out) => {
      message.success(t(tx(`已确认 ${out.confirmed} 位合格教师`, `${out.confirmed} qualified verdicts confirmed`)));
      qc.invalidateQueries({ queryKey: ['training', 'assessments'] });
    },
  });
  const compute = useMutation({
    mutationFn: () => post<Assessment[]>('/training/assessments/compute', { schoolYear: year }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['training', 'assessments'] }),
  });
  const confirm = useMutation({
    mutationFn: () => post(`/training/assessments/${confirming?.id}/confirm`, { opinion: opinion || null, version: confirming?.version }),
    onSuccess: () => {
      setConfirming(null);
      setOpinion('');
      qc.invalidateQueries({ queryKey: ['training', 'assessments'] });
    },
  });
  const rows = list.data ?? [];
  const unqualified = rows.filter((r) => r.verdict === 'unqualified').length;
  const qualifiedOpen = rows.filter((r) => r.verdict === 'qualified' && r.state === 'computed').length;
  return (
    <Page
      title={tx('年度考核', 'Yearly assessment')}
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
            value={verdict}
            onChange={setVerdict}
            aria-label={t(tx('结论', 'Verdict'))}
            data-testid="verdict-filter"
            style={{ width: 120 }}
            options={[
              { value: '', label: t(tx('全部结论', 'All verdicts')) },
              { value: 'unqualified', label: t(tx('不合格', 'Unqualified')) },
              { value: 'qualified', label: t(tx('合格', 'Qualified')) },
            ]}
          />
          {can('training.assess') && qualifiedOpen > 0 && (
            <Button
              data-testid="confirm-qualified"
              onClick={() => {
                let text = '';
                modal.confirm({
                  title: t(tx(`确认全部 ${qualifiedOpen} 位合格教师的考核结果？`, `Confirm all ${qualifiedOpen} qualified verdicts?`)),
                  content: (
                    <Space direction="vertical" style={{ width: '100%' }}>
                      <Typography.Text type="secondary">
                        {t(
                          tx(
                            '确认后通知本人并记为考核结果；不合格的须逐一审核。',
                            'Each teacher is told and the result recorded; the unqualified are reviewed one by one.',
                          ),
                        )}
                      </Typography.Text>
                      <Input.TextArea
                        data-testid="bulk-opinion"
                        placeholder={t(tx('审核意见（一条，适用于全部）', 'One opinion for all'))}
                        onChange={(e) => (text = e.target.value)}
                      />
                    </Space>
                  ),
                  onOk: () => bulk.mutateAsync(text),
                });
              }}
            >
              {t(tx(`批量确认合格（${qualifiedOpen}）`, `Confirm qualified (${qualifiedOpen})`))}
            </Button>
          )}
          {can('training.assess') && (
            <Button type="primary" onClick={() => compute.mutate()} loading={compute.isPending} data-testid="assessment-compute">
              {t(tx('按制度计算', 'Compute'))}
            </Button>
          )}
          <Button onClick={() => download(`/training/assessments/export?schoolYear=${year}`, 'assessment.xlsx')}>{t(tx('导出（年度考核）', 'Export'))}</Button>
          <Link to={`/training/assessment/print?schoolYear=${year}`}>
            <Button>{t(tx('打印考核表', 'Print'))}</Button>
          </Link>
        </Space>
      }
    >
      <ErrorAlert error={list.error ?? compute.error ?? bulk.error} />
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            '无故不参加校本集中培训达到制度规定次数（S1 管理制度 3）或学分低于每学年最低要求（S2 五.1）为不合格；考核结果作为年度考核、评优、职务聘任、晋升的必备条件。',
            'Missing centralised training without leave the policy number of times (S1 管理制度 3) or too few credits (S2 五.1) make the year unqualified; the result feeds appraisal, awards, posts and promotion.',
          ),
        )}
      </Typography.Paragraph>
      {rows.length > 0 && (
        <Typography.Paragraph data-testid="assessment-summary">
          {t(tx(`共 ${rows.length} 人，不合格 ${unqualified} 人`, `${rows.length} teachers, ${unqualified} unqualified`))}
        </Typography.Paragraph>
      )}
      <Table<Assessment>
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 900 }}
        columns={[
          { title: t(tx('姓名', 'Name')), dataIndex: 'teacherName', width: 90 },
          { title: t(tx('教研组', 'Group')), dataIndex: 'groupName', width: 110 },
          {
            title: t(tx('等次', 'Verdict')),
            dataIndex: 'verdict',
            width: 90,
            render: (v: string, a: Assessment) => (
              <Tag color={v === 'qualified' ? 'green' : 'red'} data-testid="verdict" data-teacher={a.teacherName}>
                {t(VERDICT_LABELS[v])}
              </Tag>
            ),
          },
          { title: t(tx('学分', 'Credits')), dataIndex: 'credits', width: 70 },
          { title: t(tx('无故缺席', 'Unexcused')), dataIndex: 'unexcusedAbsences', width: 80 },
          { title: t(tx('依据与证据', 'Reasons and evidence')), render: (_: unknown, a: Assessment) => <ReasonList a={a} /> },
          {
            title: t(tx('审核', 'Review')),
            width: 120,
            render: (_: unknown, a: Assessment) =>
              a.state === 'confirmed' ? (
                <Tag color="blue">{t(tx(`已确认 ${a.confirmedByName ?? ''}`, `Confirmed ${a.confirmedByName ?? ''}`))}</Tag>
              ) : can('training.assess') ? (
                <Button size="small" onClick={() => setConfirming(a)}>
                  {t(tx('审核确认', 'Confirm'))}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={!!confirming}
        title={`${confirming?.teacherName ?? ''} · ${confirming ? t(VERDICT_LABELS[confirming.verdict]) : ''}`}
        onCancel={() => setConfirming(null)}
        onOk={() => confirm.mutate()}
        confirmLoading={confirm.isPending}
      >
        <ErrorAlert error={confirm.error} />
        {confirming && <ReasonList a={confirming} />}
        <Input.TextArea
          rows={3}
          placeholder={t(tx('审核意见（确认不合格时必填）', 'Opinion (required for unqualified)'))}
          value={opinion}
          onChange={(e) => setOpinion(e.target.value)}
        />
      </Modal>
    </Page>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, InputNumber, Modal, Progress, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { download, get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { CreditReportPanel } from './credit-report.panel';
import { CATEGORY_LABELS, CLAIM_KIND_LABELS, currentSchoolYear, schoolYearOptions } from './training.labels';
import type { Claim, CreditReport, CreditSummary as Summary } from './training.types';

/** ST-6: every teacher's credits against the year's minimum, and external training waiting for recognition. */
export function CreditsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [year, setYear] = useState(currentSchoolYear());
  const [detail, setDetail] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<Claim | null>(null);
  const [hours, setHours] = useState<number | null>(null);
  const [opinion, setOpinion] = useState('');
  const list = useQuery({ queryKey: ['training', 'credits', year], queryFn: () => get<Summary[]>(`/training/credits?schoolYear=${year}`) });
  const claims = useQuery({ queryKey: ['training', 'claims', 'pending'], queryFn: () => get<Claim[]>('/training/claims?state=pending') });
  const report = useQuery({
    queryKey: ['training', 'credit-report', detail, year],
    queryFn: () => get<CreditReport>(`/training/credits/teachers/${detail}?schoolYear=${year}`),
    enabled: !!detail,
  });
  const decide = useMutation({
    mutationFn: (isApproved: boolean) =>
      post(`/training/claims/${deciding?.id}/decide`, { isApproved, recognisedHours: hours, opinion: opinion || null, version: deciding?.version }),
    onSuccess: () => {
      setDeciding(null);
      setOpinion('');
      qc.invalidateQueries({ queryKey: ['training'] });
    },
  });
  return (
    <Page
      title={tx('学分管理', 'Credits')}
      extra={
        <Space wrap>
          <Select
            aria-label={t(tx('学年', 'School year'))}
            value={year}
            onChange={setYear}
            options={schoolYearOptions().map((y) => ({ value: y, label: y }))}
            style={{ width: 130 }}
          />
          <Button onClick={() => download(`/training/credits/export?schoolYear=${year}`, 'credits.xlsx')}>{t(tx('导出', 'Export'))}</Button>
        </Space>
      }
    >
      <ErrorAlert error={list.error} />
      {(claims.data?.length ?? 0) > 0 && can('training.credit.approve') && (
        <Card size="small" title={t(tx('待认定的校外培训', 'External training to recognise'))} style={{ marginBottom: 12 }}>
          <Table<Claim>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={claims.data}
            scroll={{ x: 700 }}
            columns={[
              { title: t(tx('教师', 'Teacher')), dataIndex: 'teacherName', width: 90 },
              { title: t(tx('培训', 'Training')), dataIndex: 'title' },
              { title: t(tx('级别', 'Level')), dataIndex: 'kind', width: 80, render: (k: string) => t(CLAIM_KIND_LABELS[k]) },
              { title: t(tx('类别', 'Category')), dataIndex: 'category', width: 120, render: (c: string) => t(CATEGORY_LABELS[c]) },
              { title: t(tx('学时', 'Hours')), dataIndex: 'hours', width: 60 },
              {
                title: t(tx('依据', 'Evidence')),
                width: 140,
                render: (_: unknown, c: Claim) =>
                  [c.certificateNo, c.attachmentIds.length ? t(tx(`${c.attachmentIds.length} 个附件`, `${c.attachmentIds.length} files`)) : null]
                    .filter(Boolean)
                    .join(' · '),
              },
              {
                title: '',
                width: 80,
                render: (_: unknown, c: Claim) => (
                  <Button
                    size="small"
                    onClick={() => {
                      setHours(c.hours);
                      setDeciding(c);
                    }}
                  >
                    {t(tx('认定', 'Decide'))}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Table<Summary>
        rowKey="teacherId"
        loading={list.isLoading}
        dataSource={list.data}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 700 }}
        columns={[
          { title: t(tx('工号', 'No.')), dataIndex: 'staffNo', width: 80 },
          {
            title: t(tx('姓名', 'Name')),
            dataIndex: 'name',
            width: 90,
            render: (v: string, r: Summary) => (
              <Button type="link" size="small" onClick={() => setDetail(r.teacherId)}>
                {v}
              </Button>
            ),
          },
          { title: t(tx('教研组', 'Group')), dataIndex: 'groupName', width: 110 },
          { title: t(tx('学时', 'Hours')), dataIndex: 'totalHours', width: 70, sorter: (a: Summary, b: Summary) => a.totalHours - b.totalHours },
          { title: t(tx('学分', 'Credits')), dataIndex: 'totalCredits', width: 70, sorter: (a: Summary, b: Summary) => a.totalCredits - b.totalCredits },
          {
            title: t(tx('进度', 'Progress')),
            render: (_: unknown, r: Summary) => <Progress percent={Math.round(r.progress * 100)} size="small" status={r.isMet ? 'success' : 'active'} />,
          },
          {
            title: t(tx('达标', 'Met')),
            dataIndex: 'isMet',
            width: 70,
            render: (v: boolean) => (v ? <Tag color="green">✓</Tag> : <Tag color="orange">{t(tx('未达', 'No'))}</Tag>),
          },
        ]}
      />
      <Modal open={!!detail} width={900} footer={null} onCancel={() => setDetail(null)} title={report.data?.teacherName}>
        <ErrorAlert error={report.error} />
        {report.data && <CreditReportPanel report={report.data} />}
      </Modal>
      <Modal
        open={!!deciding}
        title={deciding?.title}
        onCancel={() => setDeciding(null)}
        footer={
          <Space>
            <Button danger onClick={() => decide.mutate(false)} loading={decide.isPending}>
              {t(tx('不予认定', 'Refuse'))}
            </Button>
            <Button type="primary" onClick={() => decide.mutate(true)} loading={decide.isPending}>
              {t(tx('认定', 'Recognise'))}
            </Button>
          </Space>
        }
      >
        <ErrorAlert error={decide.error} />
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>
            {t(tx('认定学时', 'Hours recognised'))}：<InputNumber min={0.5} max={deciding?.hours} value={hours} onChange={(v) => setHours(v)} />
          </span>
          <Input.TextArea
            rows={2}
            placeholder={t(tx('意见（不予认定时必填）', 'Opinion (required to refuse)'))}
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
          />
        </Space>
      </Modal>
    </Page>
  );
}

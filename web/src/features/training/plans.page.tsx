import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { currentSchoolYear, schoolYearOptions } from './training.labels';
import type { Plan } from './training.types';

export const PLAN_STATE_LABELS = {
  draft: tx('草稿', 'Draft'),
  submitted: tx('审批中', 'Submitted'),
  approved: tx('已批准', 'Approved'),
  rejected: tx('已退回', 'Rejected'),
  issued: tx('已发放', 'Issued'),
  closed: tx('已关闭', 'Closed'),
} as Record<string, { zh: string; en: string }>;
export const PLAN_STATE_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'green',
  rejected: 'red',
  issued: 'cyan',
  closed: 'default',
};

/** ST-1: annual and semester plans of a school year, with their approval state. */
export function PlansPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [year, setYear] = useState(currentSchoolYear());
  const q = useQuery({ queryKey: ['training', 'plans', year], queryFn: () => get<Plan[]>(`/training/plans?schoolYear=${year}`) });
  return (
    <Page
      title={tx('培训计划', 'Training plans')}
      extra={
        <Space wrap>
          <Select
            aria-label={t(tx('学年', 'School year'))}
            value={year}
            onChange={setYear}
            options={schoolYearOptions().map((y) => ({ value: y, label: y }))}
            style={{ width: 130 }}
          />
          {can('training.plan.write') && (
            <Button type="primary" onClick={() => navigate('/training/plans/new')} data-testid="plan-new">
              {t(tx('起草计划', 'Draft a plan'))}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={q.error} />
      <Table
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data}
        pagination={false}
        scroll={{ x: 700 }}
        columns={[
          { title: t(tx('编号', 'Number')), dataIndex: 'number', width: 140 },
          {
            title: t(tx('标题', 'Title')),
            dataIndex: 'title',
            render: (v: string, p: Plan) => (
              <Link to={`/training/plans/${p.id}`} data-testid="plan-link">
                {v}
              </Link>
            ),
          },
          {
            title: t(tx('类型', 'Kind')),
            dataIndex: 'kind',
            width: 110,
            render: (k: string, p: Plan) => (k === 'annual' ? t(tx('年度', 'Annual')) : t(tx(`第${p.term === 1 ? '一' : '二'}学期`, `Term ${p.term}`))),
          },
          { title: t(tx('期间', 'Period')), width: 200, render: (_: unknown, p: Plan) => `${p.startsOn} ~ ${p.endsOn}` },
          {
            title: t(tx('状态', 'State')),
            dataIndex: 'state',
            width: 100,
            render: (s: string) => <Tag color={PLAN_STATE_COLORS[s]}>{t(PLAN_STATE_LABELS[s] ?? { zh: s, en: s })}</Tag>,
          },
        ]}
      />
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Button, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { get } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { type Text, tx, useI18n } from '../../ui/i18n';
import type { DeadlineView } from '#core/calendar';
import type { Wire } from '#core/validation';
import { ErrorAlert, Page } from '../../ui/page';

type Deadline = Wire<DeadlineView>;

const STATUS: Record<Deadline['status'], { label: Text; color: string }> = {
  open: { label: tx('进行中', 'Open'), color: 'blue' },
  'due-soon': { label: tx('即将截止', 'Due soon'), color: 'orange' },
  overdue: { label: tx('已逾期', 'Overdue'), color: 'red' },
  done: { label: tx('已完成', 'Done'), color: 'green' },
  'done-late': { label: tx('逾期完成', 'Done late'), color: 'volcano' },
  cancelled: { label: tx('已撤销', 'Cancelled'), color: 'default' },
};

type View = 'mine-open' | 'mine-done' | 'org-overdue';
const QUERY: Record<View, string> = {
  'mine-open': '/deadlines?scope=mine',
  'mine-done': '/deadlines?scope=mine&state=done',
  'org-overdue': '/deadlines?scope=org&state=overdue',
};

/** 截止事项: my deadlines, and for managers the organisation's overdue ones (CORE-6). */
export function DeadlinesPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [view, setView] = useState<View>('mine-open');
  const q = useQuery({ queryKey: ['deadlines', view], queryFn: () => get<Deadline[]>(QUERY[view]) });
  const rows = view === 'mine-open' ? (q.data ?? []).filter((d) => !['done', 'done-late', 'cancelled'].includes(d.status)) : q.data;
  return (
    <Page
      title={tx('截止事项', 'Deadlines')}
      extra={
        <Segmented
          value={view}
          onChange={(v) => setView(v as View)}
          options={[
            { value: 'mine-open', label: t(tx('我的待办', 'Mine, open')) },
            { value: 'mine-done', label: t(tx('我已完成', 'Mine, done')) },
            ...(can('assessment.read') ? [{ value: 'org-overdue', label: t(tx('全单位逾期', 'Overdue, all')) }] : []),
          ]}
        />
      }
    >
      <ErrorAlert error={q.error} />
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 720 }}
        locale={{ emptyText: t(tx('没有截止事项', 'No deadlines')) }}
        columns={[
          { title: t(tx('事项', 'Task')), render: (_: unknown, d: Deadline) => (locale === 'en' ? d.titleEn : d.titleZh) },
          { title: t(tx('截止日期', 'Due')), dataIndex: 'dueOn', width: 110 },
          {
            title: t(tx('状态', 'Status')),
            dataIndex: 'status',
            width: 100,
            render: (s: Deadline['status']) => <Tag color={STATUS[s].color}>{t(STATUS[s].label)}</Tag>,
          },
          ...(view === 'org-overdue' ? [{ title: t(tx('责任人', 'Owner')), dataIndex: 'ownerName', width: 100 }] : []),
          { title: t(tx('依据', 'Source')), width: 150, render: (_: unknown, d: Deadline) => d.clause },
          { title: t(tx('考核', 'Penalty')), dataIndex: 'penaltyAmount', width: 80, render: (v: number | null) => (v ? `${v} 元` : '') },
          {
            title: '',
            width: 80,
            render: (_: unknown, d: Deadline) =>
              d.link && (
                <Button size="small" onClick={() => navigate(d.link as string)}>
                  {t(tx('打开', 'Open'))}
                </Button>
              ),
          },
        ]}
      />
    </Page>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { get } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { SessionFormModal } from './session-form.panel';
import { OUTLINE_COLORS, OUTLINE_LABELS, PHASE_LABELS } from './training.labels';
import type { Session } from './training.types';

/** ST-2, ST-3: the term's sessions (generated and ad hoc) with trainer, recorder and outline state. */
export function SessionsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const planId = params.get('planId');
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs]>([dayjs().startOf('week'), dayjs().add(4, 'week')]);
  const [isCreating, setCreating] = useState(false);
  const query = planId ? `planId=${planId}` : `from=${range[0].format('YYYY-MM-DD')}&to=${range[1].format('YYYY-MM-DD')}&includeCancelled=true`;
  const q = useQuery({ queryKey: ['training', 'sessions', query], queryFn: () => get<Session[]>(`/training/sessions?${query}`) });
  return (
    <Page
      title={tx('培训安排', 'Sessions')}
      extra={
        <Space wrap>
          {!planId && (
            <DatePicker.RangePicker
              aria-label={t(tx('日期范围', 'Dates'))}
              value={range}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              allowClear={false}
            />
          )}
          {can('training.session.manage') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="session-new">
              {t(tx('新增临时培训', 'Add a session'))}
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
        pagination={{ pageSize: 50 }}
        scroll={{ x: 900 }}
        columns={[
          { title: t(tx('时间', 'When')), width: 150, render: (_: unknown, s: Session) => `${s.sessionDate} ${s.localStart}` },
          {
            title: t(tx('培训', 'Session')),
            dataIndex: 'title',
            render: (v: string, s: Session) => (
              <Link to={`/training/sessions/${s.id}`} data-testid="session-link">
                {v}
              </Link>
            ),
          },
          { title: t(tx('对象', 'Audience')), width: 120, render: (_: unknown, s: Session) => s.groupName ?? t(tx('全体教师', 'All')) },
          {
            title: t(tx('主讲人', 'Trainer')),
            dataIndex: 'trainerDisplay',
            width: 100,
            render: (v: string | null) => v ?? <Tag>{t(tx('未指定', 'None'))}</Tag>,
          },
          {
            title: t(tx('记录员', 'Recorder')),
            dataIndex: 'recorderName',
            width: 100,
            render: (v: string | null) => v ?? <Tag>{t(tx('未指定', 'None'))}</Tag>,
          },
          {
            title: t(tx('提纲', 'Outline')),
            dataIndex: 'outlineStatus',
            width: 100,
            render: (v: string) => <Tag color={OUTLINE_COLORS[v]}>{t(OUTLINE_LABELS[v])}</Tag>,
          },
          { title: t(tx('状态', 'State')), dataIndex: 'phase', width: 90, render: (v: string) => t(PHASE_LABELS[v]) },
        ]}
      />
      <SessionFormModal
        open={isCreating}
        onClose={() => setCreating(false)}
        onCreated={(s) => {
          setCreating(false);
          qc.invalidateQueries({ queryKey: ['training'] });
          navigate(`/training/sessions/${s.id}`);
        }}
      />
    </Page>
  );
}

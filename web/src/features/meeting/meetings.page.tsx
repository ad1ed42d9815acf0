import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Segmented, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { get } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { AdHocFormModal, SeriesFormModal } from './meeting-forms.panel';
import { KIND_LABELS, type MeetingItem, STATE_LABELS, STATUS_LABELS } from './meeting.types';
import { orgTime } from '../../ui/time';

/** 会议: upcoming and past meetings, mine or the whole organisation's (CORE-7). */
export function MeetingsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const [dialog, setDialog] = useState<'series' | 'adhoc' | null>(null);
  // Start of today, so today's meetings stay under "upcoming" until the day is over.
  const today = useMemo(() => dayjs().startOf('day').toISOString(), []);
  const q = useQuery({
    queryKey: ['meetings', scope, when],
    queryFn: () => get<MeetingItem[]>(`/meetings?scope=${scope}&${when === 'upcoming' ? 'from' : 'to'}=${encodeURIComponent(today)}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['meetings'] });
  return (
    <Page
      title={tx('会议', 'Meetings')}
      extra={
        <Space wrap>
          <Segmented
            value={scope}
            onChange={(v) => setScope(v as 'mine' | 'all')}
            options={[
              { value: 'mine', label: t(tx('我的', 'Mine')) },
              { value: 'all', label: t(tx('全部', 'All')) },
            ]}
          />
          <Segmented
            value={when}
            onChange={(v) => setWhen(v as 'upcoming' | 'past')}
            options={[
              { value: 'upcoming', label: t(tx('即将召开', 'Upcoming')) },
              { value: 'past', label: t(tx('以往', 'Past')) },
            ]}
          />
          {can('meeting.manage') && (
            <>
              <Button onClick={() => setDialog('adhoc')}>{t(tx('临时会议', 'Ad-hoc meeting'))}</Button>
              <Button type="primary" onClick={() => setDialog('series')}>
                {t(tx('设立例会', 'Recurring meeting'))}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <ErrorAlert error={q.error} />
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data}
        pagination={{ pageSize: 30 }}
        scroll={{ x: 760 }}
        onRow={(m) => ({ onClick: () => navigate(`/meetings/${m.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t(tx('没有会议', 'No meetings')) }}
        columns={[
          { title: t(tx('时间', 'When')), dataIndex: 'startsAt', width: 150, render: (v: string) => orgTime(v).format('YYYY-MM-DD ddd HH:mm') },
          { title: t(tx('会议', 'Meeting')), dataIndex: 'title' },
          { title: t(tx('类型', 'Kind')), dataIndex: 'kind', width: 110, render: (k: MeetingItem['kind']) => t(KIND_LABELS[k]) },
          { title: t(tx('主持人', 'Chair')), dataIndex: 'chairName', width: 100 },
          { title: t(tx('地点', 'Location')), dataIndex: 'location', width: 120 },
          {
            title: t(tx('状态', 'State')),
            dataIndex: 'state',
            width: 90,
            render: (s: MeetingItem['state']) => <Tag color={STATE_LABELS[s].color}>{t(STATE_LABELS[s].label)}</Tag>,
          },
          {
            title: t(tx('我的出席', 'Me')),
            dataIndex: 'myStatus',
            width: 90,
            render: (s: MeetingItem['myStatus']) => (s ? <Tag color={STATUS_LABELS[s].color}>{t(STATUS_LABELS[s].label)}</Tag> : ''),
          },
        ]}
      />
      <SeriesFormModal
        open={dialog === 'series'}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          refresh();
        }}
      />
      <AdHocFormModal
        open={dialog === 'adhoc'}
        onClose={() => setDialog(null)}
        onDone={(id) => {
          setDialog(null);
          refresh();
          navigate(`/meetings/${id}`);
        }}
      />
    </Page>
  );
}

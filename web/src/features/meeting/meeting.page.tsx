import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Spin, Tabs, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { Attachments } from '../../ui/attachments';
import { ErrorAlert, Page } from '../../ui/page';
import { ActionsPanel } from './actions.panel';
import { AttendancePanel } from './attendance.panel';
import { LeavePanel } from './leave.panel';
import { KIND_LABELS, type MeetingDetail, STATE_LABELS } from './meeting.types';
import { MinutesPanel } from './minutes.panel';
import { orgTime } from '../../ui/time';

export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['meeting', id], queryFn: () => get<MeetingDetail>(`/meetings/${id}`) });
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['meeting', id] });
    qc.invalidateQueries({ queryKey: ['meetings'] });
  };
  const m = q.data;
  if (!m) {
    return (
      <Page title={tx('会议', 'Meeting')}>
        <ErrorAlert error={q.error} />
        {q.isLoading && <Spin />}
      </Page>
    );
  }
  const pending = m.leaveRequests.filter((r) => r.state === 'pending').length;
  return (
    <Page
      title={{ zh: m.title, en: m.title }}
      extra={
        <Tag data-testid="meeting-state" color={STATE_LABELS[m.state].color}>
          {t(STATE_LABELS[m.state].label)}
        </Tag>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t(tx('时间', 'When'))}>
            {orgTime(m.startsAt).format('YYYY-MM-DD ddd HH:mm')}–{orgTime(m.endsAt).format('HH:mm')}
          </Descriptions.Item>
          <Descriptions.Item label={t(tx('地点', 'Location'))}>{m.location ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(tx('类型', 'Kind'))}>{t(KIND_LABELS[m.kind])}</Descriptions.Item>
          <Descriptions.Item label={t(tx('主持人', 'Chair'))}>{m.chairName}</Descriptions.Item>
          <Descriptions.Item label={t(tx('请假审批', 'Leave approver'))}>{m.leaveApproverName}</Descriptions.Item>
          {m.clause && <Descriptions.Item label={t(tx('依据', 'Source'))}>{m.clause}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'minutes', label: t(tx('议程与纪要', 'Agenda and minutes')), children: <MinutesPanel meeting={m} onSaved={refresh} /> },
            {
              key: 'attendance',
              label: t(tx(`考勤（${m.attendees.length}）`, `Attendance (${m.attendees.length})`)),
              children: <AttendancePanel meeting={m} onSaved={refresh} />,
            },
            {
              key: 'leave',
              label: t(tx(`请假${pending ? `（待批 ${pending}）` : ''}`, `Leave${pending ? ` (${pending} pending)` : ''}`)),
              children: <LeavePanel meeting={m} onChanged={refresh} />,
            },
            { key: 'actions', label: t(tx('决议与交办', 'Decisions and actions')), children: <ActionsPanel meeting={m} onChanged={refresh} /> },
            { key: 'attachments', label: t(tx('附件', 'Attachments')), children: <Attachments entity="meeting" entityId={m.id} defaultCategory="record" /> },
          ]}
        />
      </Card>
    </Page>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import type { DispatchAgenda, DispatchMeeting } from '#production';

/** PP-21 (T4 第五十六条): the monthly dispatch meetings, their agenda pre-filled from the records. */
export function DispatchPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [date, setDate] = useState(dayjs());
  const meetings = useQuery({ queryKey: ['production', 'dispatch'], queryFn: () => get<DispatchMeeting[]>('/production/dispatch') });
  const agenda = useQuery({
    queryKey: ['production', 'dispatch', 'agenda', date.format('YYYY-MM-DD')],
    queryFn: () => get<DispatchAgenda>(`/production/dispatch/agenda?date=${date.format('YYYY-MM-DD')}`),
  });
  const prefill = useMutation({
    mutationFn: (m: DispatchMeeting) => post(`/production/dispatch/${m.id}/agenda`, { version: m.version }),
    onSuccess: () => {
      message.success(t(tx('议程已写入会议', 'Agenda written into the meeting')));
      qc.invalidateQueries({ queryKey: ['production', 'dispatch'] });
    },
  });
  return (
    <Page title={tx('生产调度例会', 'Dispatch meetings')}>
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            '每月生产调度例会通报当月生产情况、安排下月生产计划；请假须事先向生产部部长请假（T4 第五十六条）。考勤、请假和纪要在会议页面办理。',
            'The monthly dispatch meeting reports the month and plans the next; leave is asked of the production head in advance (T4 art. 56). Attendance, leave and minutes are on the meeting page.',
          ),
        )}
      </Typography.Paragraph>
      <ErrorAlert error={meetings.error ?? agenda.error ?? prefill.error} />
      <Table<DispatchMeeting>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={meetings.data}
        scroll={{ x: 620 }}
        style={{ marginBottom: 12 }}
        columns={[
          { title: t(tx('日期', 'Date')), dataIndex: 'occursOn', width: 110 },
          { title: t(tx('会议', 'Meeting')), dataIndex: 'title', render: (v: string, m) => <Link to={m.link}>{v}</Link> },
          { title: t(tx('主持', 'Chair')), dataIndex: 'chairName', width: 100 },
          {
            title: t(tx('议程', 'Agenda')),
            width: 110,
            render: (_: unknown, m) => (m.isPrefilled ? <Tag color="green">{t(tx('已预填', 'Pre-filled'))}</Tag> : <Tag>{t(tx('模板', 'Template'))}</Tag>),
          },
          {
            title: '',
            width: 130,
            render: (_: unknown, m) =>
              can('meeting.manage') &&
              m.state === 'planned' && (
                <Button size="small" onClick={() => prefill.mutate(m)} loading={prefill.isPending}>
                  {t(tx('按记录生成议程', 'Fill the agenda'))}
                </Button>
              ),
          },
        ]}
      />
      <Card
        size="small"
        title={
          <Space>
            {t(tx('议程预览', 'Agenda preview'))}
            <DatePicker aria-label={t(tx('日期', 'Date'))} value={date} onChange={(d) => d && setDate(d)} allowClear={false} />
          </Space>
        }
      >
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="dispatch-agenda">
          {agenda.data?.agenda}
        </Typography.Paragraph>
      </Card>
    </Page>
  );
}

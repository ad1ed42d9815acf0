import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Input, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, patch } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import type { MeetingDetail, MeetingState } from './meeting.types';

/** Agenda and minutes; saving sends the version it started from, so nobody's text is overwritten. */
export function MinutesPanel({ meeting, onSaved }: { meeting: MeetingDetail; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [agenda, setAgenda] = useState(meeting.agenda);
  const [minutes, setMinutes] = useState(meeting.minutes);
  useEffect(() => {
    setAgenda(meeting.agenda);
    setMinutes(meeting.minutes);
  }, [meeting.agenda, meeting.minutes]);
  const save = useMutation({
    mutationFn: (change: { agenda?: string; minutes?: string; state?: MeetingState }) =>
      patch(`/meetings/${meeting.id}`, { version: meeting.version, ...change }),
    onSuccess: () => {
      message.success(t(tx('已保存', 'Saved')));
      onSaved();
    },
  });
  const isDirty = agenda !== meeting.agenda || minutes !== meeting.minutes;
  const isStale = save.error instanceof ApiError && save.error.status === 409;
  if (!meeting.canManage) {
    return (
      <>
        <Typography.Title level={5}>{t(tx('议程', 'Agenda'))}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{meeting.agenda || '—'}</Typography.Paragraph>
        <Typography.Title level={5}>{t(tx('会议纪要', 'Minutes'))}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{meeting.minutes || '—'}</Typography.Paragraph>
      </>
    );
  }
  return (
    <>
      {isStale ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(tx('纪要已被他人修改。请复制你的内容，刷新后再保存。', 'Someone else changed the minutes. Copy your text, reload, then save.'))}
          action={
            <Button
              size="small"
              onClick={() => {
                save.reset();
                onSaved();
              }}
            >
              {t(tx('刷新', 'Reload'))}
            </Button>
          }
        />
      ) : (
        <ErrorAlert error={save.error} />
      )}
      <Typography.Title level={5}>{t(tx('议程', 'Agenda'))}</Typography.Title>
      <Input.TextArea rows={4} value={agenda} onChange={(e) => setAgenda(e.target.value)} aria-label={t(tx('议程', 'Agenda'))} />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t(tx('会议纪要', 'Minutes'))}
      </Typography.Title>
      <Input.TextArea
        rows={10}
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        aria-label={t(tx('会议纪要', 'Minutes'))}
        placeholder={t(
          tx('通报当月生产情况、安排下月生产计划、各部门汇报、需协调事项……', 'Report of the month, plan of the next, reports, matters to coordinate…'),
        )}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <Button type="primary" data-testid="minutes-save" disabled={!isDirty} loading={save.isPending} onClick={() => save.mutate({ agenda, minutes })}>
          {t(tx('保存纪要', 'Save minutes'))}
        </Button>
        {meeting.state === 'planned' && (
          <Button data-testid="meeting-held" disabled={isDirty} onClick={() => save.mutate({ state: 'held' })}>
            {t(tx('标记为已召开', 'Mark as held'))}
          </Button>
        )}
        {meeting.state === 'planned' && (
          <Popconfirm
            title={t(tx('取消本次会议并通知参会人？', 'Cancel this meeting and tell the attendees?'))}
            onConfirm={() => save.mutate({ state: 'cancelled' })}
          >
            <Button danger disabled={isDirty}>
              {t(tx('取消会议', 'Cancel meeting'))}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </>
  );
}

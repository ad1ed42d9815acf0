import { useMutation } from '@tanstack/react-query';
import { App, Button, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { put } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { type AttendeeStatus, type MeetingDetail, STATUS_LABELS } from './meeting.types';

type Marked = Exclude<AttendeeStatus, 'invited'>;
const MARKS: Marked[] = ['present', 'late', 'absent', 'excused'];

/** Attendance for everyone at once; one row per person so it works on a phone. */
export function AttendancePanel({ meeting, onSaved }: { meeting: MeetingDetail; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [marks, setMarks] = useState<Record<string, { status: AttendeeStatus; note: string | null }>>({});
  useEffect(() => {
    setMarks(Object.fromEntries(meeting.attendees.map((a) => [a.userId, { status: a.status, note: a.note }])));
  }, [meeting]);
  const changed = meeting.attendees.filter(
    (a) => marks[a.userId] && (marks[a.userId].status !== a.status || marks[a.userId].note !== a.note) && marks[a.userId].status !== 'invited',
  );
  const save = useMutation({
    mutationFn: () =>
      put(`/meetings/${meeting.id}/attendance`, {
        entries: changed.map((a) => ({ userId: a.userId, status: marks[a.userId].status as Marked, note: marks[a.userId].note })),
      }),
    onSuccess: () => {
      message.success(t(tx('考勤已保存', 'Attendance saved')));
      onSaved();
    },
  });
  const isEditable = meeting.canManage && meeting.state !== 'cancelled';
  const markAllPresent = () =>
    setMarks(Object.fromEntries(Object.entries(marks).map(([id, m]) => [id, m.status === 'invited' ? { ...m, status: 'present' as const } : m])));
  const counts = MARKS.map((s) => [s, Object.values(marks).filter((m) => m.status === s).length] as const);
  return (
    <>
      <ErrorAlert error={save.error} />
      <Space wrap style={{ marginBottom: 8 }}>
        {counts.map(([s, n]) => (
          <Tag key={s} color={STATUS_LABELS[s].color} data-testid={`attendance-count-${s}`}>
            {t(STATUS_LABELS[s].label)} {n}
          </Tag>
        ))}
        {isEditable && (
          <>
            <Button size="small" data-testid="attendance-all-present" onClick={markAllPresent}>
              {t(tx('其余全部出席', 'Mark the rest present'))}
            </Button>
            <Button
              size="small"
              type="primary"
              data-testid="attendance-save"
              disabled={changed.length === 0}
              loading={save.isPending}
              onClick={() => save.mutate()}
            >
              {t(tx(`保存考勤（${changed.length}）`, `Save attendance (${changed.length})`))}
            </Button>
          </>
        )}
      </Space>
      <List
        size="small"
        dataSource={meeting.attendees}
        locale={{ emptyText: t(tx('没有参会人', 'No attendees')) }}
        renderItem={(a) => {
          const m = marks[a.userId] ?? { status: a.status, note: a.note };
          return (
            <List.Item data-testid="attendee" style={{ flexWrap: 'wrap', gap: 8 }}>
              <Typography.Text strong style={{ minWidth: 80 }}>
                {a.displayName}
              </Typography.Text>
              {isEditable ? (
                <Radio.Group
                  size="small"
                  optionType="button"
                  buttonStyle="solid"
                  value={m.status}
                  onChange={(e) => setMarks({ ...marks, [a.userId]: { ...m, status: e.target.value } })}
                  options={MARKS.map((s) => ({ value: s, label: t(STATUS_LABELS[s].label) }))}
                />
              ) : (
                <Tag color={STATUS_LABELS[a.status].color}>{t(STATUS_LABELS[a.status].label)}</Tag>
              )}
              {isEditable ? (
                <Input
                  size="small"
                  style={{ maxWidth: 220 }}
                  placeholder={t(tx('备注', 'Note'))}
                  value={m.note ?? ''}
                  onChange={(e) => setMarks({ ...marks, [a.userId]: { ...m, note: e.target.value || null } })}
                />
              ) : (
                a.note && <Typography.Text type="secondary">{a.note}</Typography.Text>
              )}
            </List.Item>
          );
        }}
      />
    </>
  );
}

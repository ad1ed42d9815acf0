import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Modal, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { get, post } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { orgTime } from '../../../ui/time';
import type { MeetingItem } from '../../meeting/meeting.types';
import { fmt } from '../production.labels';
import type { CoordinationView } from './report.types';

/**
 * PP-18 (T4 第三十四条): a workshop behind plan is reported to the production department, which
 * coordinates and closes the item with what it did (the meeting itself, when one is called, is
 * the exceptions' coordination meeting).
 */
export function CoordinationPanel({ items, highlight, compact }: { items?: CoordinationView[]; highlight?: string | null; compact?: boolean }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  // Open items to work on; resolved ones show what was done and the meeting that decided it.
  const [view, setView] = useState<'open' | 'resolved'>('open');
  const q = useQuery({
    queryKey: ['production', 'coordination', 'open'],
    queryFn: () => get<CoordinationView[]>('/production/coordination?state=open'),
    enabled: !items && view === 'open',
  });
  const resolvedQ = useQuery({
    queryKey: ['production', 'coordination', 'resolved'],
    queryFn: () => get<CoordinationView[]>('/production/coordination?state=resolved'),
    enabled: view === 'resolved',
  });
  const list = view === 'resolved' ? (resolvedQ.data ?? []) : (items ?? q.data ?? []);
  const [resolving, setResolving] = useState<CoordinationView | null>(null);
  const [note, setNote] = useState('');
  const [meetingId, setMeetingId] = useState<string | undefined>(undefined);
  // The coordination meeting that took the item up (issue 9): meetings from 60 days back to a day
  // ahead (one called for this afternoon counts; next month's standing dispatch meetings do not),
  // newest first.
  const since = orgTime().subtract(60, 'day').format('YYYY-MM-DD');
  const until = orgTime().add(1, 'day').format('YYYY-MM-DD');
  const meetingsQ = useQuery({
    queryKey: ['meetings', 'coordination-choice', since, until],
    queryFn: () => get<MeetingItem[]>(`/meetings?scope=all&from=${since}&to=${until}`),
    enabled: !!resolving,
  });
  const meetingOptions = [...(meetingsQ.data ?? [])]
    .filter((m) => m.state !== 'cancelled')
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
    .map((m) => ({ value: m.id, label: `${orgTime(m.startsAt).format('MM-DD HH:mm')} ${m.title}` }));
  const open = (c: CoordinationView) => {
    setResolving(c);
    setMeetingId(c.meetingId ?? undefined);
  };
  const resolve = useMutation({
    mutationFn: (c: CoordinationView) =>
      post<CoordinationView>(`/production/coordination/${c.id}/resolve`, { version: c.version, resolution: note.trim(), ...(meetingId ? { meetingId } : {}) }),
    onSuccess: (c) => {
      message.success(t(tx(`${c.number} 已解决`, `${c.number} resolved`)));
      setResolving(null);
      setNote('');
      setMeetingId(undefined);
      qc.invalidateQueries({ queryKey: ['production'] });
      qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
  return (
    <Card
      size="small"
      title={t(tx('进度落后协调事项', 'Behind plan: coordination items'))}
      extra={<Typography.Text type="secondary">{t(tx('依据 T4 第三十四条', 'T4 art. 34'))}</Typography.Text>}
      data-testid="coordination-panel"
    >
      {!compact && (
        <Segmented
          size="small"
          style={{ marginBottom: 8 }}
          data-testid="coordination-view"
          value={view}
          onChange={(v) => setView(v as 'open' | 'resolved')}
          options={[
            { value: 'open', label: t(tx('待协调', 'Open')) },
            { value: 'resolved', label: t(tx('已解决', 'Resolved')) },
          ]}
        />
      )}
      <ErrorAlert error={view === 'resolved' ? resolvedQ.error : q.error} />
      <List
        size="small"
        dataSource={list}
        loading={view === 'resolved' ? resolvedQ.isLoading : q.isLoading}
        locale={{
          emptyText: view === 'resolved' ? t(tx('还没有已解决的协调事项', 'Nothing resolved yet')) : t(tx('没有落后需协调的事项', 'Nothing behind plan')),
        }}
        renderItem={(c) => (
          <List.Item
            data-testid="coordination-item"
            style={c.id === highlight ? { background: '#fffbe6' } : undefined}
            actions={
              can('production.plan.write') && c.state === 'open'
                ? [
                    <Button key="r" size="small" data-testid="coordination-resolve" onClick={() => open(c)}>
                      {t(tx('协调解决', 'Resolve'))}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{c.number}</span>
                  <strong>
                    {c.workshopName} {c.itemName}
                  </strong>
                  <Tag color="red">
                    {t(tx(`落后 ${fmt(c.lagQty)}${c.unit}`, `short ${fmt(c.lagQty)}`))}
                    {c.lagDays > 0 && t(tx(`（约 ${c.lagDays} 天）`, ` (~${c.lagDays} d)`))}
                  </Tag>
                </Space>
              }
              description={
                compact ? undefined : (
                  <Space wrap size={4}>
                    <span>
                      {t(
                        tx(
                          `截至 ${c.asOf} 本月计划 ${fmt(c.planToDate)}，完成 ${fmt(c.doneToDate)}`,
                          `To ${c.asOf}: planned ${fmt(c.planToDate)}, completed ${fmt(c.doneToDate)}`,
                        ),
                      )}
                    </span>
                    {c.ownerName && (
                      <span>
                        · {t(tx('负责人', 'Owner'))} {c.ownerName}
                      </span>
                    )}
                    {c.reportNumber && <span>· {c.reportNumber}</span>}
                    {c.meetingId && <Link to={`/meetings/${c.meetingId}`}>· {c.meetingTitle}</Link>}
                    {c.state === 'resolved' && (
                      <span data-testid="coordination-resolution">
                        ·{' '}
                        {t(
                          tx(
                            `${c.resolvedAt ? orgTime(c.resolvedAt).format('MM-DD HH:mm') : ''} ${c.resolvedByName ?? ''} 解决：${c.resolution ?? ''}`,
                            `Resolved ${c.resolvedAt ? orgTime(c.resolvedAt).format('MM-DD HH:mm') : ''} by ${c.resolvedByName ?? ''}: ${c.resolution ?? ''}`,
                          ),
                        )}
                      </span>
                    )}
                  </Space>
                )
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={!!resolving}
        title={resolving ? t(tx(`协调解决：${resolving.workshopName} ${resolving.itemName}`, `Resolve: ${resolving.workshopName} ${resolving.itemName}`)) : ''}
        onCancel={() => setResolving(null)}
        onOk={() => resolving && resolve.mutate(resolving)}
        okButtonProps={{ disabled: note.trim().length < 2, 'data-testid': 'coordination-resolve-ok' }}
        okText={t(tx('确认解决（不可撤销）', 'Resolve (final)'))}
        confirmLoading={resolve.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={resolve.error} />
        <Typography.Paragraph type="secondary">
          {t(
            tx(
              '写明采取的措施（加班、调配人员、调整排产等），解决后不可撤销。',
              'Write what was done (overtime, people moved, rescheduling); this cannot be undone.',
            ),
          )}
        </Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Form.Item label={t(tx('采取的措施', 'What was done'))} htmlFor="coordination-note" required>
            <Input.TextArea
              id="coordination-note"
              data-testid="coordination-note"
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={2000}
            />
          </Form.Item>
          <Form.Item
            label={t(tx('协调会（可选）', 'Coordination meeting (optional)'))}
            htmlFor="coordination-meeting"
            extra={t(tx('选择讨论此事项的会议，记录中可直接打开。', 'The meeting that took the item up; the record links to it.'))}
          >
            <Select
              id="coordination-meeting"
              data-testid="coordination-meeting"
              allowClear
              showSearch
              optionFilterProp="label"
              loading={meetingsQ.isLoading}
              value={meetingId}
              onChange={(v) => setMeetingId(v)}
              options={meetingOptions}
              placeholder={t(tx('不关联会议', 'No meeting'))}
              status={meetingsQ.isError ? 'error' : undefined}
              notFoundContent={
                meetingsQ.isError
                  ? t(tx('会议列表读取失败，可不关联会议直接解决', 'Could not load meetings; you can resolve without one'))
                  : t(tx('近 60 天没有会议', 'No meetings in the last 60 days'))
              }
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

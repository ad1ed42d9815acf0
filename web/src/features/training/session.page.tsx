import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get, post, put } from '../../ui/api';
import { Attachments } from '../../ui/attachments';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { LeaveRequestButton } from './leave-request.panel';
import { RosterPanel } from './roster.panel';
import { CATEGORY_LABELS, OUTLINE_COLORS, OUTLINE_LABELS, PHASE_LABELS } from './training.labels';
import type { Session, Teacher, VoidOutcome } from './training.types';

function TextCard({
  title,
  text,
  canEdit,
  onSave,
  testId,
  hint,
}: {
  title: string;
  text: string | null;
  canEdit: boolean;
  onSave: (v: string) => Promise<unknown>;
  testId: string;
  hint?: string;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <Card
      size="small"
      title={title}
      style={{ marginTop: 16 }}
      extra={
        canEdit &&
        draft === null && (
          <Button size="small" onClick={() => setDraft(text ?? '')} data-testid={`${testId}-edit`}>
            {t(tx('填写', 'Write'))}
          </Button>
        )
      }
    >
      <ErrorAlert error={error} />
      {draft === null ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={testId}>
          {text || <Typography.Text type="secondary">{hint ?? t(tx('（尚未填写）', '(not yet written)'))}</Typography.Text>}
        </Typography.Paragraph>
      ) : (
        <>
          <Input.TextArea rows={6} value={draft} onChange={(e) => setDraft(e.target.value)} data-testid={`${testId}-input`} />
          <Space style={{ marginTop: 8 }}>
            <Button
              type="primary"
              data-testid={`${testId}-save`}
              onClick={() =>
                onSave(draft)
                  .then(() => setDraft(null))
                  .catch(setError)
              }
            >
              {t(tx('保存', 'Save'))}
            </Button>
            <Button onClick={() => setDraft(null)}>{t(tx('取消', 'Cancel'))}</Button>
          </Space>
        </>
      )}
    </Card>
  );
}

/** One session: details, the outline (ST-3), the list and corrections (ST-4), minutes and files. */
export function SessionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const q = useQuery({ queryKey: ['training', 'session', id], queryFn: () => get<Session>(`/training/sessions/${id}`), refetchInterval: 30_000 });
  const me = useQuery({
    queryKey: ['training', 'me-teacher'],
    queryFn: () => get<Teacher>('/training/teachers/me'),
    enabled: can('training.self'),
    retry: false,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['training'] });
  const cancel = useMutation({
    mutationFn: (reason: string) => post(`/training/sessions/${id}/cancel`, { reason, version: q.data?.version }),
    onSuccess: refresh,
  });
  const voiding = useMutation({
    mutationFn: (reason: string) => post<VoidOutcome>(`/training/sessions/${id}/void`, { reason, version: q.data?.version }),
    onSuccess: (out) => {
      refresh();
      const review = out.confirmedToReview.map((r) => r.teacherName).join('、');
      message.success(
        t(
          tx(
            `已作废，${out.teachersAffected} 位教师的记录不再计入${review ? `；请复核已确认的考核：${review}` : ''}`,
            `Voided; ${out.teachersAffected} teachers' records no longer count${review ? `; review the confirmed verdicts of ${review}` : ''}`,
          ),
        ),
      );
    },
  });
  const s = q.data;
  if (!s) return <Page title={tx('培训', 'Session')}>{q.error ? <ErrorAlert error={q.error} /> : null}</Page>;
  const isOffice = can('training.session.manage');
  const isTrainer = !!me.data && me.data.id === s.trainerTeacherId;
  const isRecorder = !!me.data && me.data.id === s.recorderTeacherId;
  const canSeeRoster = can('training.read') || can('training.attendance.record') || isOffice;
  const saveText = (path: 'outline' | 'minutes') => async (value: string) => {
    await put(`/training/sessions/${id}/${path}`, { [path]: value, version: s.version });
    refresh();
  };
  return (
    <Page
      title={{ zh: s.title, en: s.title }}
      extra={
        <Space wrap className="zd-no-print">
          <Tag color={OUTLINE_COLORS[s.outlineStatus]} data-testid="outline-status">
            {t(OUTLINE_LABELS[s.outlineStatus])}
          </Tag>
          <Tag>{s.state === 'void' ? t(tx('已作废', 'Voided')) : t(PHASE_LABELS[s.phase])}</Tag>
          {(isOffice || can('training.attendance.record') || isTrainer || isRecorder) && s.state === 'scheduled' && (
            <Link to={`/training/sessions/${s.id}/screen`}>
              <Button type="primary" data-testid="open-screen">
                {t(tx('大屏签到码', 'Sign-in screen'))}
              </Button>
            </Link>
          )}
          {canSeeRoster && (
            <Link to={`/training/sessions/${s.id}/print`}>
              <Button>{t(tx('打印签到表', 'Print sign-in sheet'))}</Button>
            </Link>
          )}
          {isOffice && s.phase === 'upcoming' && (
            <Button
              danger
              onClick={() => {
                let reason = '';
                modal.confirm({
                  title: t(tx('取消本场培训', 'Cancel this session')),
                  content: <Input placeholder={t(tx('取消原因', 'Reason'))} onChange={(e) => (reason = e.target.value)} />,
                  onOk: () => cancel.mutateAsync(reason),
                });
              }}
            >
              {t(tx('取消', 'Cancel'))}
            </Button>
          )}
          {can('training.school.manage') && isOffice && s.state !== 'void' && (
            <Button
              danger
              data-testid="void-session"
              onClick={() => {
                let reason = '';
                modal.confirm({
                  title: t(tx('作废本场培训？', 'Void this session?')),
                  content: (
                    <Space direction="vertical" style={{ width: '100%' }}>
                      <Typography.Text>
                        {t(
                          tx(
                            '用于误建的场次（如日期填错）。作废后本场的签到、缺席和学分都不再计入考核，教师会收到通知；场次和记录保留备查，不能恢复。',
                            'For a session entered by mistake (a wrong date). Its sign-ins, absences and credits stop counting, the teachers are told; the session and its records are kept for the audit. This cannot be undone.',
                          ),
                        )}
                      </Typography.Text>
                      <Input.TextArea
                        data-testid="void-reason"
                        placeholder={t(tx('作废原因（必填）', 'Reason (required)'))}
                        onChange={(e) => (reason = e.target.value)}
                      />
                    </Space>
                  ),
                  okText: t(tx('作废', 'Void')),
                  okButtonProps: { danger: true },
                  onOk: () => voiding.mutateAsync(reason),
                });
              }}
            >
              {t(tx('作废', 'Void'))}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={cancel.error ?? voiding.error} />
      {s.state === 'void' && (
        <Alert
          type="error"
          showIcon
          data-testid="void-banner"
          message={t(tx(`已作废：${s.voidReason ?? ''}（本场记录不计入学分与考核）`, `Voided: ${s.voidReason ?? ''} (its records count for nothing)`))}
          style={{ marginBottom: 12 }}
        />
      )}
      {s.state === 'cancelled' && (
        <Alert type="warning" showIcon message={t(tx(`已取消：${s.cancelReason ?? ''}`, `Cancelled: ${s.cancelReason ?? ''}`))} style={{ marginBottom: 12 }} />
      )}
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={t(tx('时间', 'When'))}>
          {s.sessionDate} {s.localStart}–{s.localEnd}（{s.durationMinutes} {t(tx('分钟', 'min'))}）
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('地点', 'Place'))}>{s.location ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t(tx('对象', 'Audience'))}>{s.groupName ?? t(tx('全体教师', 'All teachers'))}</Descriptions.Item>
        <Descriptions.Item label={t(tx('主讲人', 'Trainer'))}>{s.trainerDisplay ?? t(tx('未指定', 'None'))}</Descriptions.Item>
        <Descriptions.Item label={t(tx('记录员', 'Recorder'))}>{s.recorderName ?? t(tx('未指定', 'None'))}</Descriptions.Item>
        <Descriptions.Item label={t(tx('类别', 'Category'))}>
          {(s.creditParts.length ? s.creditParts : [{ category: s.category, minutes: s.durationMinutes }])
            .map((p) => `${t(CATEGORY_LABELS[p.category])} ${p.minutes}′`)
            .join(' + ')}
        </Descriptions.Item>
        {s.topic && <Descriptions.Item label={t(tx('主题', 'Topic'))}>{s.topic}</Descriptions.Item>}
        <Descriptions.Item label={t(tx('集中培训', 'Centralised'))}>{s.isCentralised ? t(tx('是', 'Yes')) : t(tx('否', 'No'))}</Descriptions.Item>
      </Descriptions>
      {can('training.self') && s.phase === 'upcoming' && (
        <div style={{ marginTop: 12 }}>
          <LeaveRequestButton session={s} />
        </div>
      )}
      <TextCard
        title={t(tx('培训提纲（培训前由主讲人填写，S1 学习制度 3）', 'Outline (by the trainer, before the session)'))}
        text={s.outline}
        canEdit={(isOffice || isTrainer) && s.state === 'scheduled'}
        onSave={saveText('outline')}
        testId="outline"
      />
      <TextCard
        title={t(tx('活动记录（记录员）', 'Minutes (recorder)'))}
        text={s.minutes}
        canEdit={(isOffice || can('training.attendance.record') || isRecorder) && s.phase !== 'upcoming' && s.state === 'scheduled'}
        onSave={saveText('minutes')}
        testId="minutes"
        hint={t(tx('培训开始后由记录员填写', 'Written by the recorder once the session begins'))}
      />
      <Card size="small" title={t(tx('附件（课件、照片、材料）', 'Files (slides, photos, materials)'))} style={{ marginTop: 16 }}>
        <Attachments entity="training.session" entityId={s.id} defaultCategory="record" isReadOnly={!can('archive.write')} />
      </Card>
      {canSeeRoster && <RosterPanel sessionId={s.id} isLive={s.phase === 'open'} />}
    </Page>
  );
}

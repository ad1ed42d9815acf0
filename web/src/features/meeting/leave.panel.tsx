import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { usePeople } from './meeting-forms.panel';
import { LEAVE_LABELS, type LeaveRequest, type MeetingDetail } from './meeting.types';
import { orgTime } from '../../ui/time';

/** Leave asked before the meeting and decided by the chair or the leave approver (PP-21). */
export function LeavePanel({ meeting, onChanged }: { meeting: MeetingDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const people = usePeople();
  const [isAsking, setAsking] = useState(false);
  const [form] = Form.useForm<{ reason: string; substituteUserId?: string }>();
  const ask = useMutation({
    mutationFn: (v: { reason: string; substituteUserId?: string }) =>
      post(`/meetings/${meeting.id}/leave`, { reason: v.reason, substituteUserId: v.substituteUserId ?? null }),
    onSuccess: () => {
      message.success(t(tx('请假申请已提交', 'Leave request sent')));
      setAsking(false);
      onChanged();
    },
  });
  const decide = useMutation({
    mutationFn: ({ r, approve }: { r: LeaveRequest; approve: boolean }) => post(`/meeting-leave/${r.id}/decision`, { approve, version: r.version }),
    onSuccess: onChanged,
  });
  const mine = meeting.leaveRequests.filter((r) => r.userId === me?.userId);
  const canAsk = meeting.isAttendee && meeting.state === 'planned' && !mine.some((r) => r.state !== 'rejected') && dayjs().isBefore(meeting.startsAt);
  return (
    <>
      <ErrorAlert error={decide.error} />
      <Typography.Paragraph type="secondary">
        {t(tx(`请假须在会前提出，由 ${meeting.leaveApproverName} 审批。`, `Leave must be asked before the meeting; ${meeting.leaveApproverName} decides.`))}
      </Typography.Paragraph>
      {canAsk && (
        <Button data-testid="leave-ask" onClick={() => setAsking(true)} style={{ marginBottom: 8 }}>
          {t(tx('我要请假', 'Ask for leave'))}
        </Button>
      )}
      <List
        size="small"
        dataSource={meeting.leaveRequests}
        locale={{ emptyText: t(tx('没有请假申请', 'No leave requests')) }}
        renderItem={(r) => (
          <List.Item
            data-testid="leave-request"
            style={{ flexWrap: 'wrap', gap: 8 }}
            actions={
              meeting.canDecideLeave && r.state === 'pending' && r.userId !== me?.userId
                ? [
                    <Button
                      key="ok"
                      size="small"
                      type="primary"
                      data-testid="leave-approve"
                      loading={decide.isPending}
                      onClick={() => decide.mutate({ r, approve: true })}
                    >
                      {t(tx('批准', 'Approve'))}
                    </Button>,
                    <Button
                      key="no"
                      size="small"
                      danger
                      data-testid="leave-reject"
                      loading={decide.isPending}
                      onClick={() => decide.mutate({ r, approve: false })}
                    >
                      {t(tx('不批准', 'Reject'))}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {r.userName}
                  <Tag color={LEAVE_LABELS[r.state].color}>{t(LEAVE_LABELS[r.state].label)}</Tag>
                </Space>
              }
              description={
                <>
                  {r.reason}
                  {r.substituteName ? t(tx(`；代为参会：${r.substituteName}`, `; substitute: ${r.substituteName}`)) : ''}
                  <br />
                  {orgTime(r.requestedAt).format('YYYY-MM-DD HH:mm')}
                  {r.decidedByName ? ` · ${r.decidedByName}${r.decisionNote ? `：${r.decisionNote}` : ''}` : ''}
                </>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={isAsking}
        title={t(tx('会前请假', 'Ask for leave'))}
        onCancel={() => setAsking(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'leave-ask-submit' }}
        confirmLoading={ask.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={ask.error} />
        <Form form={form} layout="vertical" onFinish={(v) => ask.mutate(v)}>
          <Form.Item name="reason" label={t(tx('请假事由', 'Reason'))} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="substituteUserId" label={t(tx('指定代为参会人员', 'Who attends instead'))}>
            <Select allowClear showSearch optionFilterProp="label" options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

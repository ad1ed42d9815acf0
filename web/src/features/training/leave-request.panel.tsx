import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Form, Input, Modal, Select, Tag, Upload } from 'antd';
import { useState } from 'react';
import { get, post } from '../../ui/api';
import { ACCEPTED_FILES, uploadFile } from '../../ui/attachments';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { LEAVE_KIND_LABELS, LEAVE_STATE_COLORS, LEAVE_STATE_LABELS } from './training.labels';
import type { Leave, Session } from './training.types';

/** ST-4: written leave for one session, before it starts, with an optional note from a doctor. */
export function LeaveRequestButton({ session }: { session: Pick<Session, 'id' | 'title' | 'sessionDate'> }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm();
  // One list of my requests, shared by every button on the page (issue 13 item 11).
  const mine = useQuery({ queryKey: ['training', 'leave', 'mine'], queryFn: () => get<Leave[]>('/training/leave?mine=true') });
  const asked = mine.data?.find((l) => l.sessionId === session.id && (l.state === 'pending' || l.state === 'approved'));
  const ask = useMutation({
    mutationFn: async (v: { kind: string; reason: string }) => {
      const attachment = file
        ? await uploadFile(file, {
            entity: 'training.session',
            entityId: session.id,
            ownerUserId: me?.userId,
            category: 'record',
            title: `请假条 ${session.sessionDate}`,
          })
        : null;
      return post('/training/leave', { sessionId: session.id, kind: v.kind, reason: v.reason, attachmentId: attachment?.id ?? null });
    },
    onSuccess: () => {
      setOpen(false);
      setFile(null);
      form.resetFields();
      message.success(t(tx('请假已提交，等待领导组组长批准', 'Leave asked; waiting for the head’s approval')));
      qc.invalidateQueries({ queryKey: ['training'] });
    },
  });
  // Not until my requests are known: a button clicked while loading would do nothing.
  if (mine.isLoading) return null;
  // Once a request is pending (or approved) the button gives way to its state: no second request.
  if (asked) {
    return (
      <Tag color={LEAVE_STATE_COLORS[asked.state]} data-testid="leave-asked" data-state={asked.state}>
        {asked.state === 'pending' ? t(tx('请假待批', 'Leave pending')) : t(LEAVE_STATE_LABELS[asked.state])}
      </Tag>
    );
  }
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="leave-ask">
        {t(tx('请假', 'Ask leave'))}
      </Button>
      <Modal
        open={open}
        title={`${t(tx('请假', 'Ask leave'))}：${session.title}（${session.sessionDate}）`}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={ask.isPending}
        okButtonProps={{ 'data-testid': 'leave-submit' } as ButtonProps}
        destroyOnHidden
      >
        <ErrorAlert error={ask.error} />
        <Form form={form} layout="vertical" initialValues={{ kind: 'personal' }} onFinish={(v) => ask.mutate(v)}>
          <Form.Item name="kind" label={t(tx('类别', 'Kind'))}>
            <Select options={Object.entries(LEAVE_KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t(tx('事由（书面请假）', 'Reason (in writing)'))}
            rules={[{ required: true, message: t(tx('请写明事由', 'Write the reason')) }]}
          >
            <Input.TextArea rows={3} data-testid="leave-reason" />
          </Form.Item>
          <Upload
            accept={ACCEPTED_FILES}
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<UploadOutlined />}>{t(tx('附件（可选，如病历）', 'Attachment (optional)'))}</Button>
          </Upload>
        </Form>
      </Modal>
    </>
  );
}

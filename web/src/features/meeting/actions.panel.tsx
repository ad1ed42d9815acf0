import { useMutation } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import type dayjs from 'dayjs';
import { post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { usePeople } from './meeting-forms.panel';
import type { ActionItem, MeetingDetail } from './meeting.types';

/** Decisions, and action items with an owner and a due date (each a deadline with reminders). */
export function ActionsPanel({ meeting, onChanged }: { meeting: MeetingDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const people = usePeople();
  const [decisionForm] = Form.useForm<{ body: string }>();
  const [actionForm] = Form.useForm<{ title: string; ownerUserId: string; dueOn: dayjs.Dayjs; decisionId?: string }>();
  const addDecision = useMutation({
    mutationFn: (v: { body: string }) => post(`/meetings/${meeting.id}/decisions`, v),
    onSuccess: () => {
      decisionForm.resetFields();
      onChanged();
    },
  });
  const addAction = useMutation({
    mutationFn: (v: { title: string; ownerUserId: string; dueOn: dayjs.Dayjs; decisionId?: string }) =>
      post(`/meetings/${meeting.id}/actions`, {
        title: v.title,
        ownerUserId: v.ownerUserId,
        dueOn: v.dueOn.format('YYYY-MM-DD'),
        decisionId: v.decisionId ?? null,
      }),
    onSuccess: () => {
      actionForm.resetFields();
      onChanged();
    },
  });
  const complete = useMutation({
    mutationFn: (a: ActionItem) => post(`/meetings/${meeting.id}/actions/${a.id}/complete`, { version: a.version }),
    onSuccess: onChanged,
  });
  return (
    <>
      <ErrorAlert error={addDecision.error ?? addAction.error ?? complete.error} />
      <Typography.Title level={5}>{t(tx('会议决议', 'Decisions'))}</Typography.Title>
      <List
        size="small"
        dataSource={meeting.decisions}
        locale={{ emptyText: t(tx('尚无决议', 'No decisions yet')) }}
        renderItem={(d) => (
          <List.Item>
            {d.sort}. {d.body}
          </List.Item>
        )}
      />
      {meeting.canManage && (
        <Form form={decisionForm} layout="inline" onFinish={(v) => addDecision.mutate(v)} style={{ margin: '8px 0', rowGap: 8 }}>
          <Form.Item name="body" rules={[{ required: true }]} style={{ flex: 1, minWidth: 220 }}>
            <Input placeholder={t(tx('决议内容', 'Decision'))} />
          </Form.Item>
          <Button htmlType="submit" loading={addDecision.isPending}>
            {t(tx('添加决议', 'Add decision'))}
          </Button>
        </Form>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t(tx('交办事项', 'Action items'))}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 560 }}
        dataSource={meeting.actions}
        locale={{ emptyText: t(tx('尚无交办事项', 'No action items')) }}
        columns={[
          { title: t(tx('事项', 'Action')), dataIndex: 'title' },
          { title: t(tx('责任人', 'Owner')), dataIndex: 'ownerName', width: 100 },
          { title: t(tx('完成期限', 'Due')), dataIndex: 'dueOn', width: 110 },
          {
            title: t(tx('状态', 'State')),
            width: 150,
            render: (_: unknown, a: ActionItem) =>
              a.state === 'done' ? (
                <Tag color="green">{t(tx('已办结', 'Done'))}</Tag>
              ) : (meeting.canManage || a.ownerUserId === me?.userId) && a.state === 'open' ? (
                <Button size="small" loading={complete.isPending} onClick={() => complete.mutate(a)}>
                  {t(tx('办结', 'Complete'))}
                </Button>
              ) : (
                <Tag color="blue">{t(tx('办理中', 'Open'))}</Tag>
              ),
          },
        ]}
      />
      {meeting.canManage && (
        <Form form={actionForm} layout="vertical" onFinish={(v) => addAction.mutate(v)} style={{ marginTop: 12 }}>
          <Space wrap align="end">
            <Form.Item name="title" label={t(tx('事项', 'Action'))} rules={[{ required: true }]} style={{ minWidth: 220 }}>
              <Input />
            </Form.Item>
            <Form.Item name="ownerUserId" label={t(tx('责任人', 'Owner'))} rules={[{ required: true }]} style={{ minWidth: 140 }}>
              <Select showSearch optionFilterProp="label" options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))} />
            </Form.Item>
            <Form.Item name="dueOn" label={t(tx('完成期限', 'Due'))} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="decisionId" label={t(tx('所属决议', 'Decision'))} style={{ minWidth: 140 }}>
              <Select allowClear options={meeting.decisions.map((d) => ({ value: d.id, label: `${d.sort}. ${d.body.slice(0, 20)}` }))} />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" type="primary" loading={addAction.isPending}>
                {t(tx('交办', 'Assign'))}
              </Button>
            </Form.Item>
          </Space>
        </Form>
      )}
    </>
  );
}

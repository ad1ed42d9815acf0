import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Collapse, Form, Input, InputNumber, Modal, Select, Space, Statistic, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { download, get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { FLAG_LABELS, SOURCE_LABELS, STATUS_COLORS, STATUS_LABELS } from './training.labels';
import type { AttendanceChange as Change, Roster } from './training.types';
import { orgTime } from '../../ui/time';

type Row = Roster['rows'][number];

// The status with its minutes: 迟到 12′, 早退 -10′ (issue 13 item 9).
const withMinutes = (s: { lateMinutes?: number; leftEarlyMinutes?: number }) =>
  `${s.lateMinutes ? ` ${s.lateMinutes}′` : ''}${s.leftEarlyMinutes ? ` -${s.leftEarlyMinutes}′` : ''}`;

/** ST-4: the sign-in list, live while the session runs; the recorder records and corrects with a reason. */
export function RosterPanel({ sessionId, isLive }: { sessionId: string; isLive: boolean }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Row | null>(null);
  // A locked record corrected by the policy's override role (issue 13 item 2).
  const [isOverride, setIsOverride] = useState(false);
  const [form] = Form.useForm();
  const roster = useQuery({
    queryKey: ['training', 'roster', sessionId],
    queryFn: () => get<Roster>(`/training/sessions/${sessionId}/roster`),
    refetchInterval: isLive ? 5000 : false,
  });
  const changes = useQuery({
    queryKey: ['training', 'changes', sessionId],
    queryFn: () => get<Change[]>(`/training/sessions/${sessionId}/attendance/changes`),
  });
  const mark = useMutation({
    mutationFn: (v: { status: string; lateMinutes?: number; leftEarlyMinutes?: number; reason?: string }) =>
      post(`/training/sessions/${sessionId}/attendance${isOverride ? '/override' : ''}`, {
        teacherId: editing?.teacherId,
        version: editing?.record?.version,
        ...v,
        reason: v.reason ?? '',
      }),
    onSuccess: () => {
      setEditing(null);
      qc.invalidateQueries({ queryKey: ['training'] });
    },
  });
  const close = useMutation({
    mutationFn: () => post(`/training/sessions/${sessionId}/close-roster`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['training'] }),
  });
  const data = roster.data;
  const canRecord =
    can('training.attendance.record') && data && !data.session.isLocked && data.session.phase !== 'upcoming' && data.session.phase !== 'cancelled';
  const canOverride = !!data?.canOverrideLock;
  const status = Form.useWatch('status', form);
  const openEditor = (r: Row, override: boolean) => {
    mark.reset();
    form.setFieldsValue({
      status: r.record?.status ?? 'on_time',
      lateMinutes: r.record?.lateMinutes || undefined,
      leftEarlyMinutes: r.record?.leftEarlyMinutes || undefined,
      reason: '',
    });
    setIsOverride(override);
    setEditing(r);
  };
  return (
    <Card
      title={t(tx('签到名单', 'Sign-in list'))}
      style={{ marginTop: 16 }}
      extra={
        <Space wrap>
          <Button onClick={() => download(`/training/sessions/${sessionId}/attendance/export`, 'attendance.xlsx')}>{t(tx('导出 Excel', 'Export'))}</Button>
          {can('training.attendance.record') && data?.session.phase === 'ended' && !data.session.rosterClosedAt && (
            <Button onClick={() => close.mutate()} loading={close.isPending}>
              {t(tx('结束签到（未到记缺席）', 'Close the list'))}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={roster.error ?? close.error} />
      {data && (
        <Space wrap size="large" style={{ marginBottom: 12 }} data-testid="roster-counts">
          <Statistic title={t(tx('应到', 'Expected'))} value={data.counts.expected} />
          <Statistic title={t(tx('已到', 'Present'))} value={data.counts.present} />
          <Statistic title={t(tx('迟到', 'Late'))} value={data.counts.late} />
          <Statistic title={t(tx('请假', 'Excused'))} value={data.counts.excused} />
          <Statistic title={t(tx('缺席', 'Absent'))} value={data.counts.absent} />
          {data.session.isLocked && <Tag color="red">{t(tx('已锁定', 'Locked'))}</Tag>}
        </Space>
      )}
      <Table<Row>
        rowKey="teacherId"
        size="small"
        loading={roster.isLoading}
        dataSource={data?.rows}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { title: t(tx('姓名', 'Name')), dataIndex: 'name', width: 90 },
          { title: t(tx('教研组', 'Group')), dataIndex: 'groupName', width: 110 },
          {
            title: t(tx('考勤', 'Status')),
            dataIndex: 'status',
            width: 130,
            render: (s: string, r: Row) => (
              <Tag color={STATUS_COLORS[s]} data-testid="roster-status" data-teacher={r.name}>
                {t(STATUS_LABELS[s])}
                {r.record?.lateMinutes ? ` ${r.record.lateMinutes}′` : ''}
                {r.record?.leftEarlyMinutes ? ` -${r.record.leftEarlyMinutes}′` : ''}
              </Tag>
            ),
          },
          {
            title: t(tx('签到时间', 'Signed in')),
            width: 90,
            render: (_: unknown, r: Row) => (r.record?.signedInAt ? orgTime(r.record.signedInAt).format('HH:mm:ss') : ''),
          },
          {
            title: t(tx('来源', 'Source')),
            width: 110,
            render: (_: unknown, r: Row) => (r.record ? t(SOURCE_LABELS[r.record.source] ?? { zh: r.record.source, en: r.record.source }) : ''),
          },
          {
            title: t(tx('提示', 'Flags')),
            render: (_: unknown, r: Row) =>
              r.record?.flags.map((f) => (
                <Tooltip key={f} title={r.record?.note}>
                  <Tag color="volcano">{t(FLAG_LABELS[f] ?? { zh: f, en: f })}</Tag>
                </Tooltip>
              )),
          },
          ...(canRecord
            ? [
                {
                  title: '',
                  width: 80,
                  render: (_: unknown, r: Row) => (
                    <Button size="small" onClick={() => openEditor(r, false)}>
                      {r.record ? t(tx('更正', 'Correct')) : t(tx('登记', 'Record'))}
                    </Button>
                  ),
                },
              ]
            : []),
          ...(canOverride
            ? [
                {
                  title: '',
                  width: 110,
                  render: (_: unknown, r: Row) =>
                    r.record && (
                      <Button size="small" danger data-testid="override-record" data-teacher={r.name} onClick={() => openEditor(r, true)}>
                        {t(tx('锁定后更正', 'Override'))}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {(changes.data?.length ?? 0) > 0 && (
        <Collapse
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'log',
              label: t(tx(`考勤变更记录（${changes.data?.length}）`, `Changes (${changes.data?.length})`)),
              children: (
                <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="attendance-changes">
                  {changes.data?.map((c) => (
                    <li key={c.id}>
                      {orgTime(c.changedAt).format('MM-DD HH:mm')} {c.changedByName} · <strong>{c.teacherName}</strong>：
                      {c.before ? `${t(STATUS_LABELS[c.before.status])}${withMinutes(c.before)}` : '—'} → {t(STATUS_LABELS[c.after.status])}
                      {withMinutes(c.after)}（{c.reason}）
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={editing !== null}
        title={`${editing?.name ?? ''} — ${t(isOverride ? tx('锁定后更正（单条，记入审计）', 'Override a locked record (audited)') : editing?.record ? tx('更正考勤', 'Correct') : tx('登记考勤', 'Record'))}`}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={mark.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={mark.error} />
        <Form form={form} layout="vertical" onFinish={(v) => mark.mutate(v)}>
          <Form.Item name="status" label={t(tx('考勤', 'Status'))}>
            <Select
              options={[...['on_time', 'late', 'left_early', 'absent'], ...(isOverride ? ['excused'] : [])].map((s) => ({
                value: s,
                label: t(STATUS_LABELS[s]),
              }))}
            />
          </Form.Item>
          {(status === 'late' || status === 'left_early') && (
            <Form.Item name="lateMinutes" label={t(tx('迟到分钟', 'Minutes late'))}>
              <InputNumber min={0} max={600} />
            </Form.Item>
          )}
          {status === 'left_early' && (
            <Form.Item name="leftEarlyMinutes" label={t(tx('早退分钟', 'Minutes early'))}>
              <InputNumber min={1} max={600} />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t(tx('原因（更正时必填，记入审计）', 'Reason (required for a correction; audited)'))}
            rules={isOverride ? [{ required: true, min: 2, message: t(tx('请写明原因', 'Give a reason')) }] : []}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, List, Progress, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { ListTable } from '../../ui/list-table';
import { ErrorAlert } from '../../ui/page';
import { BACKBONE_LABELS, STAGE_LABELS } from './training.labels';
import type { Backbone, BackboneHours as HoursEntry } from './training.types';

type Track = Backbone['tracks'][number];

const KIND_LABELS: Record<string, Text> = { theory: tx('理论研修', 'Theory'), practice: tx('实践研修', 'Practice') };

const bar = (done: number, required: number) => (
  <Progress size="small" style={{ minWidth: 120 }} percent={Math.min(100, Math.round((done / (required || 1)) * 100))} format={() => `${done}/${required}`} />
);

/** ST-12 (T5): one teacher's tracking file — the hours on record and a form to add more. */
function HoursDrawer({ track, onClose }: { track: Track; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const hours = useQuery({
    queryKey: ['training', 'backbone', track.teacherId],
    queryFn: () => get<HoursEntry[]>(`/training/backbone/teachers/${track.teacherId}/hours`),
  });
  const add = useMutation({
    mutationFn: (v: { kind: string; hours: number; occurredOn: dayjs.Dayjs; title: string; note?: string }) =>
      post('/training/backbone/hours', {
        teacherId: track.teacherId,
        kind: v.kind,
        hours: v.hours,
        occurredOn: v.occurredOn.format('YYYY-MM-DD'),
        title: v.title,
        note: v.note || null,
      }),
    onSuccess: () => {
      form.resetFields();
      message.success(t(tx('已登记', 'Recorded')));
      qc.invalidateQueries({ queryKey: ['training', 'backbone'] });
    },
  });
  return (
    <Drawer
      open
      title={t(tx(`${track.name}的骨干培训档案`, `Tracking file of ${track.name}`))}
      onClose={onClose}
      width={Math.min(560, window.innerWidth)}
      destroyOnHidden
    >
      <ErrorAlert error={hours.error ?? add.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'theory', occurredOn: dayjs() }}
        onFinish={(v) => add.mutate(v)}
        data-testid="backbone-hours-form"
      >
        <Form.Item name="title" label={t(tx('研修内容', 'What was done'))} rules={[{ required: true, message: t(tx('请填写研修内容', 'Say what was done')) }]}>
          <Input data-testid="backbone-hours-title" />
        </Form.Item>
        <Form.Item name="kind" label={t(tx('类别', 'Kind'))}>
          <Select options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
        </Form.Item>
        <Form.Item name="hours" label={t(tx('学时', 'Hours'))} rules={[{ required: true, message: t(tx('请填写学时', 'Give the hours')) }]}>
          <InputNumber min={0.5} max={200} step={0.5} data-testid="backbone-hours-hours" />
        </Form.Item>
        <Form.Item name="occurredOn" label={t(tx('日期', 'Date'))} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t(tx('备注', 'Note'))}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="backbone-hours-save">
          {t(tx('登记学时', 'Record hours'))}
        </Button>
      </Form>
      <List
        style={{ marginTop: 16 }}
        size="small"
        loading={hours.isLoading}
        dataSource={hours.data}
        locale={{ emptyText: t(tx('还没有记录', 'No records yet')) }}
        renderItem={(h) => (
          <List.Item data-testid="backbone-hours-entry" style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}>
            <List.Item.Meta title={`${h.occurredOn} ${h.title}`} description={h.note ?? undefined} />
            <Tag>{`${t(KIND_LABELS[h.kind])} ${h.hours}`}</Tag>
          </List.Item>
        )}
      />
    </Drawer>
  );
}

/** ST-12: the school's backbone share and each track's theory and practice hours, with the tracking file. */
export function BackbonePanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [open, setOpen] = useState<Track | null>(null);
  const q = useQuery({ queryKey: ['training', 'backbone'], queryFn: () => get<Backbone>('/training/backbone') });
  const b = q.data;
  return (
    <>
      <ErrorAlert error={q.error} />
      {b && (
        <Alert
          type={b.share.needed ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          message={t(
            tx(
              `骨干教师 ${b.share.backbone}/${b.share.active} 人（${Math.round(b.share.share * 100)}%），目标 ${Math.round(b.share.target * 100)}%${b.share.needed ? `，还需 ${b.share.needed} 人` : ''}`,
              `Backbone ${b.share.backbone}/${b.share.active} (${Math.round(b.share.share * 100)}%), target ${Math.round(b.share.target * 100)}%${b.share.needed ? `, ${b.share.needed} more needed` : ''}`,
            ),
          )}
          description={Object.entries(b.share.byLevel)
            .map(([k, n]) => `${t(BACKBONE_LABELS[k] ?? tx(k, k))} ${n}`)
            .join('　')}
        />
      )}
      <ListTable<Track>
        rowKey="teacherId"
        rows={b?.tracks}
        loading={q.isLoading}
        testId="backbone-tracks"
        rowTestId={() => 'backbone-track'}
        empty={tx('没有在培的骨干教师', 'No teacher on the track')}
        columns={[
          { key: 'name', title: t(tx('姓名', 'Name')), dataIndex: 'name', card: 'title' },
          {
            key: 'stage',
            title: t(tx('阶段', 'Stage')),
            dataIndex: 'stage',
            render: (s: string, r: Track) =>
              `${t(STAGE_LABELS[s] ?? tx(s, s))}${r.backboneLevel ? ` · ${t(BACKBONE_LABELS[r.backboneLevel] ?? tx('', ''))}` : ''}`,
          },
          { key: 'theory', title: t(tx('理论', 'Theory')), render: (_: unknown, r: Track) => bar(r.progress.theory, r.progress.theoryRequired) },
          { key: 'practice', title: t(tx('实践', 'Practice')), render: (_: unknown, r: Track) => bar(r.progress.practice, r.progress.practiceRequired) },
          {
            key: 'met',
            title: t(tx('状态', 'State')),
            card: 'status',
            render: (_: unknown, r: Track) => (
              <Tag color={r.progress.isMet ? 'green' : 'orange'}>
                {r.progress.isMet
                  ? t(tx('已达标', 'Met'))
                  : t(tx(`${r.progress.total}/${r.progress.totalRequired} 学时`, `${r.progress.total}/${r.progress.totalRequired} h`))}
              </Tag>
            ),
          },
          {
            key: 'open',
            title: '',
            card: 'actions',
            render: (_: unknown, r: Track) => (
              <Button size="small" onClick={() => setOpen(r)} data-testid="backbone-open">
                {can('training.plan.write') ? t(tx('学时档案', 'Tracking file')) : t(tx('查看', 'Open'))}
              </Button>
            ),
          },
        ]}
      />
      {open && <HoursDrawer track={open} onClose={() => setOpen(null)} />}
    </>
  );
}

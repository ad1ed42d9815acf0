import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Input, List, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { ListTable } from '../../ui/list-table';
import { ErrorAlert } from '../../ui/page';
import { currentSchoolYear, MENTOR_PAIR_STATE_LABELS, MENTOR_RECORD_KIND_LABELS, type MentorRecord, STAGE_LABELS } from './training.labels';
import type { MentorPair as Pair, Teacher } from './training.types';

// The office reads a review as the supervision's stage summary.
const RECORD_KIND_LABELS: Record<string, Text> = { ...MENTOR_RECORD_KIND_LABELS, review: tx('阶段小结（督查）', 'Review (supervision)') };
const STATE_LABELS = MENTOR_PAIR_STATE_LABELS;

/** S2 四.3 "要监督结对培训": the pair's records, a supervision note, and closing the pair with a review. */
function PairDrawer({ pair, onClose }: { pair: Pair; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [closeForm] = Form.useForm();
  const [closing, setClosing] = useState(false);
  const records = useQuery({
    queryKey: ['training', 'mentors', pair.id, 'records'],
    queryFn: () => get<MentorRecord[]>(`/training/mentors/${pair.id}/records`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['training', 'mentors'] });
  const add = useMutation({
    mutationFn: (v: { kind: string; occurredOn: dayjs.Dayjs; content: string }) =>
      post(`/training/mentors/${pair.id}/records`, { kind: v.kind, occurredOn: v.occurredOn.format('YYYY-MM-DD'), content: v.content }),
    onSuccess: () => {
      form.resetFields();
      message.success(t(tx('已记录', 'Recorded')));
      refresh();
    },
  });
  const close = useMutation({
    mutationFn: (v: { state: 'completed' | 'ended'; review: string }) => post(`/training/mentors/${pair.id}/close`, { ...v, version: pair.version }),
    onSuccess: () => {
      setClosing(false);
      message.success(t(tx('结对已结束', 'The pair is closed')));
      refresh();
      onClose();
    },
  });
  const isActive = pair.state === 'active';
  return (
    <Drawer
      open
      title={`${pair.mentorName} → ${pair.menteeName}（${pair.schoolYear}）`}
      onClose={onClose}
      width={Math.min(600, window.innerWidth)}
      destroyOnHidden
      extra={
        isActive &&
        can('training.plan.write') && (
          <Button danger onClick={() => setClosing(true)} data-testid="mentor-close">
            {t(tx('结束结对', 'Close the pair'))}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        {t(tx('结对目标：', 'Goals: '))}
        {pair.goals}
      </Typography.Paragraph>
      {pair.review && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="mentor-review">
          {t(tx('结对考核：', 'Review: '))}
          {pair.review}
        </Typography.Paragraph>
      )}
      <ErrorAlert error={records.error ?? add.error} />
      {isActive && (
        <Form form={form} layout="vertical" initialValues={{ kind: 'review', occurredOn: dayjs() }} onFinish={(v) => add.mutate(v)}>
          <Space wrap>
            <Form.Item name="kind" label={t(tx('类别', 'Kind'))}>
              <Select style={{ width: 150 }} options={Object.entries(RECORD_KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
            </Form.Item>
            <Form.Item name="occurredOn" label={t(tx('日期', 'Date'))} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item
            name="content"
            label={t(tx('记录内容', 'What was done'))}
            rules={[{ required: true, message: t(tx('请填写记录内容', 'Write what was done')) }]}
          >
            <Input.TextArea rows={3} data-testid="mentor-supervision-content" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="mentor-supervision-save">
            {t(tx('保存记录', 'Save the record'))}
          </Button>
        </Form>
      )}
      <List
        style={{ marginTop: 16 }}
        size="small"
        loading={records.isLoading}
        dataSource={records.data}
        locale={{ emptyText: t(tx('还没有记录', 'No records yet')) }}
        renderItem={(r) => (
          <List.Item data-testid="mentor-pair-record" style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}>
            <List.Item.Meta title={`${r.occurredOn} ${t(RECORD_KIND_LABELS[r.kind] ?? tx('记录', 'Record'))}`} description={r.content} />
          </List.Item>
        )}
      />
      <Modal
        open={closing}
        title={t(tx('结束结对并考核', 'Close the pair with a review'))}
        onCancel={() => setClosing(false)}
        onOk={() => closeForm.submit()}
        confirmLoading={close.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={close.error} />
        <Form form={closeForm} layout="vertical" initialValues={{ state: 'completed' }} onFinish={(v) => close.mutate(v)}>
          <Form.Item name="state" label={t(tx('结果', 'Outcome'))}>
            <Radio.Group
              options={[
                { value: 'completed', label: t(tx('完成结对目标', 'Goals met')) },
                { value: 'ended', label: t(tx('解除结对', 'Ended early')) },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="review"
            label={t(tx('结对考核意见', 'Review'))}
            rules={[{ required: true, message: t(tx('请填写结对考核意见', 'Write the review')) }]}
          >
            <Input.TextArea rows={3} data-testid="mentor-close-review" />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

/** ST-13: every pair with its record count; the office pairs teachers, supervises and closes pairs. */
export function MentorPairsPanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [form] = Form.useForm();
  const pairs = useQuery({ queryKey: ['training', 'mentors'], queryFn: () => get<Pair[]>('/training/mentors') });
  const teachers = useQuery({ queryKey: ['training', 'teachers'], queryFn: () => get<Teacher[]>('/training/teachers?active=true'), enabled: creating });
  const create = useMutation({
    mutationFn: (v: Record<string, string>) => post('/training/mentors', { ...v, schoolYear: currentSchoolYear() }),
    onSuccess: () => {
      setCreating(false);
      qc.invalidateQueries({ queryKey: ['training', 'mentors'] });
    },
  });
  const options = teachers.data?.map((x) => ({ value: x.id, label: `${x.name}（${t(STAGE_LABELS[x.stage] ?? tx(x.stage, x.stage))}）` }));
  const open = pairs.data?.find((p) => p.id === openId);
  return (
    <>
      <ErrorAlert error={pairs.error} />
      <ListTable<Pair>
        rowKey="id"
        rows={pairs.data}
        loading={pairs.isLoading}
        testId="mentor-pairs"
        rowTestId={() => 'mentor-pair-row'}
        empty={tx('还没有师徒结对', 'No mentor pairs yet')}
        toolbar={can('training.plan.write') && <Button onClick={() => setCreating(true)}>{t(tx('新结对', 'New pair'))}</Button>}
        columns={[
          { key: 'pair', title: t(tx('师傅 → 徒弟', 'Mentor → mentee')), card: 'title', render: (_: unknown, p: Pair) => `${p.mentorName} → ${p.menteeName}` },
          { key: 'year', title: t(tx('学年', 'Year')), dataIndex: 'schoolYear' },
          {
            key: 'records',
            title: t(tx('记录', 'Records')),
            render: (_: unknown, p: Pair) => (
              <Tag color={p.recordCount ? 'blue' : 'orange'}>
                {t(
                  tx(
                    `${p.recordCount} 次${p.lastRecordOn ? `，最近 ${p.lastRecordOn}` : ''}`,
                    `${p.recordCount}${p.lastRecordOn ? `, last ${p.lastRecordOn}` : ''}`,
                  ),
                )}
              </Tag>
            ),
          },
          {
            key: 'state',
            title: t(tx('状态', 'State')),
            card: 'status',
            render: (_: unknown, p: Pair) => (
              <Tag color={p.state === 'active' ? 'blue' : 'default'} data-testid="mentor-pair-state">
                {t(STATE_LABELS[p.state])}
              </Tag>
            ),
          },
          {
            key: 'open',
            title: '',
            card: 'actions',
            render: (_: unknown, p: Pair) => (
              <Button size="small" onClick={() => setOpenId(p.id)} data-testid="mentor-pair-open">
                {t(tx('记录与督查', 'Records'))}
              </Button>
            ),
          },
        ]}
      />
      {open && <PairDrawer key={open.id} pair={open} onClose={() => setOpenId(null)} />}
      <Modal
        open={creating}
        title={t(tx('师徒结对（老带新）', 'Mentor pair'))}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={create.error} />
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="mentorId" label={t(tx('师傅', 'Mentor'))} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={options} />
          </Form.Item>
          <Form.Item name="menteeId" label={t(tx('徒弟', 'Mentee'))} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={options} />
          </Form.Item>
          <Form.Item name="goals" label={t(tx('结对目标与要求', 'Goals'))} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ListTable } from '../../ui/list-table';
import { ErrorAlert } from '../../ui/page';
import type { Branch, Check } from './league.types';

/** A branch's score on one check, item by item against the published criteria. */
function ScoreModal({ check, onClose }: { check: Check; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const branches = useQuery({ queryKey: ['league', 'branches'], queryFn: () => get<Branch[]>('/league/branches') });
  const score = useMutation({
    mutationFn: (v: { branchId: string; comment?: string; scores: Record<string, number> }) =>
      post(`/league/blackboard/${check.id}/scores`, { branchId: v.branchId, scores: v.scores, comment: v.comment || null }),
    onSuccess: () => {
      message.success(t(tx('已评分', 'Scored')));
      qc.invalidateQueries({ queryKey: ['league', 'blackboard'] });
      onClose();
    },
  });
  // Pick a branch already scored: its scores fill the form, scoring again replaces them.
  const onBranch = (branchId: string) => {
    const done = check.results.find((r) => r.branchId === branchId);
    form.setFieldsValue({ scores: done?.scores ?? {}, comment: done?.comment ?? '' });
  };
  return (
    <Modal
      open
      title={t(tx(`板报评分：${check.checkOn} ${check.theme}`, `Score: ${check.checkOn} ${check.theme}`))}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={score.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={branches.error ?? score.error} />
      <Form form={form} layout="vertical" onFinish={(v) => score.mutate(v)}>
        <Form.Item name="branchId" label={t(tx('团支部', 'Branch'))} rules={[{ required: true, message: t(tx('请选择团支部', 'Choose a branch')) }]}>
          <Select showSearch optionFilterProp="label" onChange={onBranch} options={branches.data?.map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        {check.criteria.map((c) => (
          <Form.Item
            key={c.item}
            name={['scores', c.item]}
            label={`${c.item}（0–${c.points}）`}
            rules={[{ required: true, message: t(tx('请评分', 'Give a score')) }]}
          >
            <InputNumber min={0} max={c.points} data-testid="blackboard-score-item" />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t(tx('评语', 'Comment'))}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** YL-3 (S5 三.6): blackboard checks every two weeks with criteria published beforehand; scoring each branch. */
export function BlackboardPanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [scheduling, setScheduling] = useState(false);
  const [scoring, setScoring] = useState<Check | null>(null);
  const [form] = Form.useForm();
  const checks = useQuery({ queryKey: ['league', 'blackboard'], queryFn: () => get<Check[]>('/league/blackboard') });
  const schedule = useMutation({
    mutationFn: (v: { firstCheckOn: dayjs.Dayjs; to: dayjs.Dayjs; themes: string }) =>
      post('/league/blackboard/schedule', {
        firstCheckOn: v.firstCheckOn.format('YYYY-MM-DD'),
        to: v.to.format('YYYY-MM-DD'),
        themes: v.themes
          .split(/\n|；|;/)
          .map((x) => x.trim())
          .filter(Boolean),
      }),
    onSuccess: () => {
      setScheduling(false);
      qc.invalidateQueries({ queryKey: ['league', 'blackboard'] });
    },
  });
  const isManager = can('league.manage');
  return (
    <Card
      size="small"
      title={t(tx('班级板报检查', 'Blackboard checks'))}
      style={{ marginTop: 16 }}
      extra={
        isManager && (
          <Button onClick={() => setScheduling(true)} data-testid="blackboard-schedule">
            {t(tx('排定检查', 'Schedule checks'))}
          </Button>
        )
      }
    >
      <ErrorAlert error={checks.error} />
      <ListTable<Check>
        rowKey="id"
        rows={checks.data}
        loading={checks.isLoading}
        testId="blackboard-checks"
        rowTestId={() => 'blackboard-check'}
        empty={tx('本学期还没有排定板报检查', 'No checks scheduled this term')}
        columns={[
          { key: 'theme', title: t(tx('主题', 'Theme')), dataIndex: 'theme', card: 'title' },
          { key: 'checkOn', title: t(tx('检查日期', 'Check day')), dataIndex: 'checkOn', card: 'status' },
          {
            key: 'criteria',
            title: t(tx('公布的标准', 'Published criteria')),
            render: (_: unknown, c: Check) => c.criteria.map((x) => `${x.item}（${x.points}）`).join('；'),
          },
          {
            key: 'results',
            title: t(tx('结果', 'Results')),
            render: (_: unknown, c: Check) => (
              <span data-testid="blackboard-results">{c.results.map((r) => `${r.branchName} ${r.total}`).join('；') || '—'}</span>
            ),
          },
          ...(isManager
            ? [
                {
                  key: 'score',
                  title: '',
                  card: 'actions' as const,
                  render: (_: unknown, c: Check) => (
                    <Button size="small" onClick={() => setScoring(c)} data-testid="blackboard-score">
                      {t(tx('评分', 'Score'))}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {scoring && <ScoreModal key={scoring.id} check={scoring} onClose={() => setScoring(null)} />}
      <Modal
        open={scheduling}
        title={t(tx('排定板报检查并公布标准', 'Schedule checks and publish the criteria'))}
        onCancel={() => setScheduling(false)}
        onOk={() => form.submit()}
        confirmLoading={schedule.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={schedule.error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ firstCheckOn: dayjs().add(7, 'day'), to: dayjs().add(8, 'week') }}
          onFinish={(v) => schedule.mutate(v)}
        >
          <Space wrap>
            <Form.Item name="firstCheckOn" label={t(tx('第一次检查', 'First check'))} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="to" label={t(tx('排到', 'Until'))} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item
            name="themes"
            label={t(tx('各期主题（每行一个，按顺序轮换）', 'Themes (one a line, used in turn)'))}
            rules={[{ required: true, message: t(tx('请至少填写一个板报主题', 'Give at least one theme')) }]}
          >
            <Input.TextArea rows={4} data-testid="blackboard-themes" />
          </Form.Item>
          <div style={{ color: 'rgba(0,0,0,0.45)' }}>
            {t(
              tx(
                '按制度规定的间隔排期；评比标准使用默认标准并随检查一同公布。',
                'Checks follow the interval in the policy; the default criteria are published with them.',
              ),
            )}
          </div>
        </Form>
      </Modal>
    </Card>
  );
}

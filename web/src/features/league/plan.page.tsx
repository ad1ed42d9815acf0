import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Form, Input, List, Modal, Row, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, patch, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';

interface Item {
  id: string;
  month: number;
  theme: string | null;
  title: string;
  state: 'planned' | 'done' | 'dropped';
  doneOn: string | null;
  version: number;
}
interface PlanResponse {
  schoolYear: string;
  term: 1 | 2;
  plan: { id: string; title: string; guiding: string; goals: string; items: Item[]; themes: Record<number, string | null> } | null;
}

/** A school year starts in September: 9 → 0 … 8 → 11. */
export const termMonthRank = (month: number) => (month + 3) % 12;

/** YL-2 (S5 三.8, 四): the term's plan by month, each month with its theme and activities. */
export function LeaguePlanPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['league', 'plan'], queryFn: () => get<PlanResponse>('/league/plan') });
  const refresh = () => qc.invalidateQueries({ queryKey: ['league'] });
  const create = useMutation({
    mutationFn: (v: { title: string; guiding?: string; goals?: string; useTemplate: boolean }) => post('/league/plan', { ...v, schoolYear: q.data?.schoolYear, term: q.data?.term }),
    onSuccess: () => {
      setCreating(false);
      refresh();
    },
  });
  const mark = useMutation({ mutationFn: (i: Item) => patch(`/league/plan/items/${i.id}`, { state: i.state === 'done' ? 'planned' : 'done', doneOn: dayjs().format('YYYY-MM-DD'), version: i.version }), onSuccess: refresh });
  const plan = q.data?.plan;
  // Months run in term order: 9月 … 1月 (first term), then 2月 … 7月 (second term).
  const months = plan ? [...new Set(plan.items.map((i) => i.month))].sort((a, b) => termMonthRank(a) - termMonthRank(b)) : [];
  return (
    <Page title={tx('团委工作计划', 'League work plan')} extra={!plan && can('league.manage') && <Button type="primary" onClick={() => setCreating(true)}>{t(tx('制定本学期计划', 'Create this term’s plan'))}</Button>}>
      <ErrorAlert error={q.error ?? mark.error} />
      {!plan && <Empty description={t(tx('本学期还没有团委工作计划', 'No plan this term yet'))} />}
      {plan && (
        <>
          <Typography.Title level={4}>{plan.title}</Typography.Title>
          <Typography.Paragraph type="secondary">{plan.guiding}</Typography.Paragraph>
          <Row gutter={[12, 12]}>
            {months.map((m) => {
              const items = plan.items.filter((i) => i.month === m);
              return (
                <Col xs={24} md={12} lg={8} key={m}>
                  <Card size="small" title={`${m}${t(tx('月', ''))} ${plan.themes[m] ? `· ${plan.themes[m]}` : ''}`} data-testid="league-month">
                    <List
                      size="small"
                      dataSource={items}
                      renderItem={(i) => (
                        <List.Item actions={can('league.manage') ? [<Switch key="done" size="small" aria-label={`${t(tx('已完成', 'Done'))}：${i.title}`} checked={i.state === 'done'} onChange={() => mark.mutate(i)} />] : []}>
                          <Space>
                            {i.title}
                            {i.state === 'done' && <Tag color="green">{i.doneOn}</Tag>}
                          </Space>
                        </List.Item>
                      )}
                    />
                  </Card>
                </Col>
              );
            })}
          </Row>
        </>
      )}
      <Modal open={creating} title={t(tx('制定本学期团委工作计划', 'Create the plan'))} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <ErrorAlert error={create.error} />
        <Form form={form} layout="vertical" initialValues={{ title: `${q.data?.schoolYear ?? ''}学年第${q.data?.term === 1 ? '一' : '二'}学期团委工作计划`, useTemplate: q.data?.term === 2 }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="title" label={t(tx('标题', 'Title'))} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="guiding" label={t(tx('指导思想', 'Guiding principles'))}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="goals" label={t(tx('工作目标', 'Goals'))}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="useTemplate" valuePropName="checked" label={t(tx('采用 S5 主题教育月安排（第二学期）', 'Start from the S5 themed months (spring term)'))}>
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}

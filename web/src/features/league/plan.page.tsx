import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Form, Input, InputNumber, List, Modal, Row, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, patch, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import type { Item, PlanResponse } from './league.types';

/** A school year starts in September: 9 → 0 … 8 → 11. */
export const termMonthRank = (month: number) => (month + 3) % 12;

/** YL-2 (S5 三.8, 四): the term's plan by month, each month with its theme and activities. */
export function LeaguePlanPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const [itemForm] = Form.useForm();
  const q = useQuery({ queryKey: ['league', 'plan'], queryFn: () => get<PlanResponse>('/league/plan') });
  const refresh = () => qc.invalidateQueries({ queryKey: ['league'] });
  const create = useMutation({
    mutationFn: (v: { title: string; guiding?: string; goals?: string; useTemplate: boolean }) =>
      post('/league/plan', { ...v, schoolYear: q.data?.schoolYear, term: q.data?.term }),
    onSuccess: () => {
      setCreating(false);
      refresh();
    },
  });
  // YL-2: a term without the template (the autumn term, or a school's own plan) is built item by item.
  const addItem = useMutation({
    mutationFn: (v: { month: number; theme?: string; title: string }) =>
      post(`/league/plan/${q.data?.plan?.id}/items`, { month: v.month, theme: v.theme || null, title: v.title }),
    onSuccess: () => {
      setAdding(false);
      refresh();
    },
  });
  const mark = useMutation({
    mutationFn: (i: Item) =>
      patch(`/league/plan/items/${i.id}`, { state: i.state === 'done' ? 'planned' : 'done', doneOn: dayjs().format('YYYY-MM-DD'), version: i.version }),
    onSuccess: refresh,
  });
  const plan = q.data?.plan;
  // Months run in term order: 9月 … 1月 (first term), then 2月 … 7月 (second term).
  const months = plan ? [...new Set(plan.items.map((i) => i.month))].sort((a, b) => termMonthRank(a) - termMonthRank(b)) : [];
  return (
    <Page
      title={tx('团委工作计划', 'League work plan')}
      extra={
        can('league.manage') &&
        (plan ? (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="league-item-add">
            {t(tx('增加活动', 'Add an activity'))}
          </Button>
        ) : (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t(tx('制定本学期计划', 'Create this term’s plan'))}
          </Button>
        ))
      }
    >
      <ErrorAlert error={q.error ?? mark.error} />
      {!plan && <Empty description={t(tx('本学期还没有团委工作计划', 'No plan this term yet'))} />}
      {plan && (
        <>
          <Typography.Title level={4}>{plan.title}</Typography.Title>
          <Typography.Paragraph type="secondary">{plan.guiding}</Typography.Paragraph>
          {plan.items.length === 0 && <Empty description={t(tx('计划里还没有活动，请按月增加', 'No activities yet: add them month by month'))} />}
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
                        <List.Item
                          actions={
                            can('league.manage')
                              ? [
                                  <Switch
                                    key="done"
                                    size="small"
                                    aria-label={`${t(tx('已完成', 'Done'))}：${i.title}`}
                                    checked={i.state === 'done'}
                                    onChange={() => mark.mutate(i)}
                                  />,
                                ]
                              : []
                          }
                        >
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
      <Modal
        open={adding}
        title={t(tx('增加活动', 'Add an activity'))}
        onCancel={() => setAdding(false)}
        onOk={() => itemForm.submit()}
        confirmLoading={addItem.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={addItem.error} />
        <Form form={itemForm} layout="vertical" initialValues={{ month: dayjs().month() + 1 }} onFinish={(v) => addItem.mutate(v)}>
          <Form.Item name="month" label={t(tx('月份', 'Month'))} rules={[{ required: true }]}>
            <InputNumber min={1} max={12} data-testid="league-item-month" />
          </Form.Item>
          <Form.Item name="theme" label={t(tx('本月主题（可不填）', 'Theme of the month (optional)'))}>
            <Input data-testid="league-item-theme" />
          </Form.Item>
          <Form.Item
            name="title"
            label={t(tx('活动内容', 'Activity'))}
            rules={[{ required: true, message: t(tx('请填写活动内容', 'Say what the activity is')) }]}
          >
            <Input data-testid="league-item-title" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={creating}
        title={t(tx('制定本学期团委工作计划', 'Create the plan'))}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={create.error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ title: `${q.data?.schoolYear ?? ''}学年第${q.data?.term === 1 ? '一' : '二'}学期团委工作计划`, useTemplate: q.data?.term === 2 }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="title" label={t(tx('标题', 'Title'))} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="guiding" label={t(tx('指导思想', 'Guiding principles'))}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="goals" label={t(tx('工作目标', 'Goals'))}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item
            name="useTemplate"
            valuePropName="checked"
            label={t(tx('采用 S5 主题教育月安排（第二学期）', 'Start from the S5 themed months (spring term)'))}
          >
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { BudgetItemView, BudgetView, GroupPlanList, GroupPlanView } from '#training';
import { get, post, put } from '../../ui/api';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { ListTable } from '../../ui/list-table';
import { ErrorAlert, Page } from '../../ui/page';
import { currentSchoolYear, schoolYearOptions } from './training.labels';

export const GROUP_PLAN_STATE_LABELS: Record<string, Text> = {
  draft: tx('草稿', 'Draft'),
  submitted: tx('待审批', 'Submitted'),
  approved: tx('已批准', 'Approved'),
  returned: tx('已退回', 'Returned'),
};
const STATE_COLORS: Record<string, string> = { draft: 'default', submitted: 'blue', approved: 'green', returned: 'orange' };

type PlanLabel = GroupPlanView['schoolPlan'];
const planText = (p: PlanLabel, t: (x: Text) => string) =>
  p.kind === 'annual'
    ? `${p.schoolYear} ${t(tx('学年培训计划', 'annual plan'))}`
    : `${p.schoolYear} ${t(p.term === 1 ? tx('第一学期培训计划', 'term 1 plan') : tx('第二学期培训计划', 'term 2 plan'))}`;
const yuan = (n: number) => `¥${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** S2 六.(二): each teaching group's plan under the school's plan, approved by the office. */
function GroupPlansTab({ year }: { year: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<GroupPlanView | 'new' | null>(null);
  const [reviewing, setReviewing] = useState<GroupPlanView | null>(null);
  const [viewing, setViewing] = useState<GroupPlanView | null>(null);
  const [form] = Form.useForm();
  const [reviewForm] = Form.useForm();
  const list = useQuery({ queryKey: ['training', 'group-plans', year], queryFn: () => get<GroupPlanList>(`/training/group-plans?schoolYear=${year}`) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['training', 'group-plans'] });
  const save = useMutation({
    mutationFn: (v: { schoolPlanId: string; groupId: string; title: string; content: string }) =>
      editing === 'new'
        ? post('/training/group-plans', v)
        : put(`/training/group-plans/${(editing as GroupPlanView).id}`, { title: v.title, content: v.content, version: (editing as GroupPlanView).version }),
    onSuccess: () => {
      setEditing(null);
      message.success(t(tx('已保存', 'Saved')));
      refresh();
    },
  });
  const submit = useMutation({ mutationFn: (p: GroupPlanView) => post(`/training/group-plans/${p.id}/submit`, { version: p.version }), onSuccess: refresh });
  const review = useMutation({
    mutationFn: (v: { decision: 'approve' | 'return'; comment?: string }) =>
      post(`/training/group-plans/${reviewing!.id}/review`, { ...v, version: reviewing!.version }),
    onSuccess: () => {
      setReviewing(null);
      refresh();
    },
  });
  const data = list.data;
  const writable = new Set((data?.writableGroups ?? []).map((g) => g.id));
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            '各教研组按照学校的统一部署和要求，结合本学科实际制定培训计划，报教导处审批。',
            'Each teaching group writes its plan under the school’s plan, for its own subject, and the office approves it.',
          ),
        )}
      </Typography.Paragraph>
      <ErrorAlert error={list.error ?? submit.error} />
      <ListTable<GroupPlanView>
        rowKey="id"
        rows={data?.plans}
        loading={list.isLoading}
        testId="group-plans"
        rowTestId={() => 'group-plan-row'}
        empty={tx('还没有教研组培训计划', 'No group plans yet')}
        toolbar={
          data && data.writableGroups.length > 0 && data.schoolPlans.length > 0 ? (
            <Button
              type="primary"
              data-testid="group-plan-new"
              onClick={() => {
                setEditing('new');
                form.setFieldsValue({ schoolPlanId: data.schoolPlans.at(-1)?.id, groupId: data.writableGroups[0].id, title: '', content: '' });
              }}
            >
              {t(tx('制定本组计划', 'Write a group plan'))}
            </Button>
          ) : undefined
        }
        onRowClick={(p) => setViewing(p)}
        columns={[
          { key: 'group', title: t(tx('教研组', 'Group')), dataIndex: 'groupName', width: 110 },
          { key: 'title', title: t(tx('计划', 'Plan')), dataIndex: 'title', card: 'title' },
          { key: 'school', title: t(tx('所属学校计划', 'Under the school plan')), width: 200, render: (_: unknown, p) => planText(p.schoolPlan, t) },
          {
            key: 'state',
            title: t(tx('状态', 'State')),
            card: 'status',
            width: 90,
            render: (_: unknown, p) => <Tag color={STATE_COLORS[p.state]}>{t(GROUP_PLAN_STATE_LABELS[p.state])}</Tag>,
          },
          { key: 'writer', title: t(tx('制定人', 'Written by')), dataIndex: 'writtenByName', width: 100 },
          {
            key: 'review',
            title: t(tx('审批意见', 'Review')),
            render: (_: unknown, p) => (p.reviewedByName ? `${p.reviewComment ?? t(tx('同意', 'Agreed'))}（${p.reviewedByName}）` : ''),
          },
          {
            key: 'actions',
            title: '',
            card: 'actions',
            width: 170,
            render: (_: unknown, p) => (
              <Space onClick={(e) => e.stopPropagation()}>
                {writable.has(p.groupId) && (p.state === 'draft' || p.state === 'returned') && (
                  <>
                    <Button
                      size="small"
                      onClick={() => {
                        setEditing(p);
                        form.setFieldsValue({ schoolPlanId: p.schoolPlan.id, groupId: p.groupId, title: p.title, content: p.content });
                      }}
                    >
                      {t(tx('修改', 'Edit'))}
                    </Button>
                    <Button size="small" type="primary" onClick={() => submit.mutate(p)} data-testid="group-plan-submit">
                      {t(tx('提交', 'Submit'))}
                    </Button>
                  </>
                )}
                {data?.canApprove && p.state === 'submitted' && (
                  <Button
                    size="small"
                    type="primary"
                    data-testid="group-plan-review"
                    onClick={() => {
                      setReviewing(p);
                      reviewForm.setFieldsValue({ decision: 'approve', comment: '' });
                    }}
                  >
                    {t(tx('审批', 'Review'))}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={t(editing === 'new' ? tx('制定本组培训计划', 'Write a group plan') : tx('修改本组培训计划', 'Edit the group plan'))}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
        width={640}
      >
        <ErrorAlert error={save.error} fieldLabels={{ schoolPlanId: tx('学校计划', 'School plan'), groupId: tx('教研组', 'Group') }} />
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="schoolPlanId" label={t(tx('所属学校计划', 'Under the school plan'))} rules={[{ required: true }]}>
            <Select disabled={editing !== 'new'} options={(data?.schoolPlans ?? []).map((p) => ({ value: p.id, label: planText(p, t) }))} />
          </Form.Item>
          <Form.Item name="groupId" label={t(tx('教研组', 'Group'))} rules={[{ required: true }]}>
            <Select disabled={editing !== 'new'} options={(data?.writableGroups ?? []).map((g) => ({ value: g.id, label: g.name }))} />
          </Form.Item>
          <Form.Item name="title" label={t(tx('标题', 'Title'))} rules={[{ required: true, message: t(tx('请填写标题', 'Enter a title')) }]}>
            <Input data-testid="group-plan-title" />
          </Form.Item>
          <Form.Item
            name="content"
            label={t(tx('计划与实施意见', 'Plan and how it is carried out'))}
            rules={[{ required: true, message: t(tx('请填写计划内容', 'Write the plan')) }]}
          >
            <Input.TextArea rows={8} data-testid="group-plan-content" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!reviewing}
        title={`${t(tx('审批', 'Review'))}：${reviewing?.title ?? ''}`}
        onCancel={() => setReviewing(null)}
        onOk={() => reviewForm.submit()}
        confirmLoading={review.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{reviewing?.content}</Typography.Paragraph>
        <ErrorAlert error={review.error} fieldLabels={{ comment: tx('审批意见', 'Comment') }} />
        <Form form={reviewForm} layout="vertical" onFinish={(v) => review.mutate(v)}>
          <Form.Item name="decision" label={t(tx('结论', 'Decision'))}>
            <Select
              options={[
                { value: 'approve', label: t(tx('批准', 'Approve')) },
                { value: 'return', label: t(tx('退回修改', 'Return')) },
              ]}
            />
          </Form.Item>
          <Form.Item name="comment" label={t(tx('审批意见（退回时必填）', 'Comment (required to return)'))}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!viewing} title={viewing?.title} onCancel={() => setViewing(null)} footer={null}>
        <Typography.Paragraph type="secondary">{viewing ? `${viewing.groupName} · ${planText(viewing.schoolPlan, t)}` : ''}</Typography.Paragraph>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{viewing?.content}</Typography.Paragraph>
      </Modal>
    </>
  );
}

/** S2 六.(五): 学校为校本培训专设培训经费投入项目 — planned and spent per item, with totals. */
function BudgetTab({ year, schoolPlans }: { year: string; schoolPlans: PlanLabel[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<BudgetItemView | 'new' | null>(null);
  const [form] = Form.useForm();
  const budget = useQuery({ queryKey: ['training', 'budget', year], queryFn: () => get<BudgetView>(`/training/budget?schoolYear=${year}`) });
  const save = useMutation({
    mutationFn: (v: { title: string; planId?: string | null; plannedAmount: number; spentAmount?: number; note?: string }) =>
      editing === 'new'
        ? post('/training/budget', { schoolYear: year, ...v, planId: v.planId ?? null })
        : put(`/training/budget/${(editing as BudgetItemView).id}`, {
            ...v,
            planId: v.planId ?? null,
            spentAmount: v.spentAmount ?? 0,
            version: (editing as BudgetItemView).version,
          }),
    onSuccess: () => {
      setEditing(null);
      message.success(t(tx('已保存', 'Saved')));
      qc.invalidateQueries({ queryKey: ['training', 'budget'] });
    },
  });
  const totals = budget.data?.totals;
  const canEdit = budget.data?.canEdit;
  return (
    <>
      <ErrorAlert error={budget.error} />
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t(tx('计划投入', 'Planned'))} value={totals ? yuan(totals.planned) : '—'} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t(tx('已支出', 'Spent'))} value={totals ? yuan(totals.spent) : '—'} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small" data-testid="budget-remaining">
            <Statistic
              title={t(tx('结余', 'Remaining'))}
              value={totals ? yuan(totals.remaining) : '—'}
              valueStyle={totals && totals.remaining < 0 ? { color: '#cf1322' } : undefined}
            />
          </Card>
        </Col>
      </Row>
      <ListTable<BudgetItemView>
        rowKey="id"
        rows={budget.data?.items}
        loading={budget.isLoading}
        testId="budget-items"
        rowTestId={() => 'budget-row'}
        empty={tx('还没有经费项目', 'No budget items yet')}
        toolbar={
          canEdit ? (
            <Button
              type="primary"
              data-testid="budget-new"
              onClick={() => {
                setEditing('new');
                form.setFieldsValue({ title: '', planId: null, plannedAmount: null, spentAmount: 0, note: '' });
              }}
            >
              {t(tx('新增经费项目', 'Add an item'))}
            </Button>
          ) : undefined
        }
        columns={[
          { key: 'title', title: t(tx('项目', 'Item')), dataIndex: 'title', card: 'title' },
          {
            key: 'plan',
            title: t(tx('所属计划', 'Plan')),
            width: 200,
            render: (_: unknown, i) => {
              const p = schoolPlans.find((x) => x.id === i.planId);
              return p ? planText(p, t) : '—';
            },
          },
          { key: 'planned', title: t(tx('计划金额', 'Planned')), width: 120, align: 'right', render: (_: unknown, i) => yuan(i.plannedAmount) },
          { key: 'spent', title: t(tx('实际支出', 'Spent')), width: 120, align: 'right', render: (_: unknown, i) => yuan(i.spentAmount) },
          {
            key: 'remaining',
            title: t(tx('结余', 'Remaining')),
            card: 'status',
            width: 130,
            align: 'right',
            render: (_: unknown, i) => (i.isOverspent ? <Tag color="red">{`${t(tx('超支', 'Over'))} ${yuan(-i.remaining)}`}</Tag> : yuan(i.remaining)),
          },
          { key: 'note', title: t(tx('备注', 'Note')), dataIndex: 'note' },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  title: '',
                  card: 'actions' as const,
                  width: 80,
                  render: (_: unknown, i: BudgetItemView) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setEditing(i);
                        form.setFieldsValue({
                          title: i.title,
                          planId: i.planId,
                          plannedAmount: i.plannedAmount,
                          spentAmount: i.spentAmount,
                          note: i.note ?? '',
                        });
                      }}
                    >
                      {t(tx('修改', 'Edit'))}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={t(editing === 'new' ? tx('新增经费项目', 'Add an item') : tx('修改经费项目', 'Edit the item'))}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <ErrorAlert
          error={save.error}
          fieldLabels={{ planId: tx('所属计划', 'Plan'), plannedAmount: tx('计划金额', 'Planned'), spentAmount: tx('实际支出', 'Spent') }}
        />
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="title" label={t(tx('项目', 'Item'))} rules={[{ required: true, message: t(tx('请填写项目', 'Name the item')) }]}>
            <Input data-testid="budget-title" />
          </Form.Item>
          <Form.Item name="planId" label={t(tx('所属计划（可不选）', 'Plan (optional)'))}>
            <Select allowClear options={schoolPlans.map((p) => ({ value: p.id, label: planText(p, t) }))} />
          </Form.Item>
          <Form.Item
            name="plannedAmount"
            label={t(tx('计划金额（元）', 'Planned (yuan)'))}
            rules={[{ required: true, message: t(tx('请填写计划金额', 'Enter the planned amount')) }]}
          >
            <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="budget-planned" />
          </Form.Item>
          <Form.Item name="spentAmount" label={t(tx('实际支出（元）', 'Spent (yuan)'))}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="budget-spent" />
          </Form.Item>
          <Form.Item name="note" label={t(tx('备注', 'Note'))}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Issue 13 item 16: teaching-group plans under the school plan and the training budget. */
export function GroupPlansPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(currentSchoolYear());
  const plans = useQuery({ queryKey: ['training', 'group-plans', year], queryFn: () => get<GroupPlanList>(`/training/group-plans?schoolYear=${year}`) });
  return (
    <Page
      title={tx('教研组计划与培训经费', 'Group plans and budget')}
      extra={
        <Select
          aria-label={t(tx('学年', 'School year'))}
          value={year}
          onChange={setYear}
          options={schoolYearOptions().map((y) => ({ value: y, label: y }))}
          style={{ width: 130 }}
        />
      }
    >
      <Tabs
        items={[
          { key: 'plans', label: t(tx('教研组培训计划', 'Group plans')), children: <GroupPlansTab year={year} /> },
          { key: 'budget', label: t(tx('培训经费', 'Training budget')), children: <BudgetTab year={year} schoolPlans={plans.data?.schoolPlans ?? []} /> },
        ]}
      />
    </Page>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { PlanEditor } from './plan-editor.panel';
import { PLAN_STATE_COLORS, PLAN_STATE_LABELS } from './plans.page';
import { type StandingSlot, standingScheduleText } from './standing-schedule';
import { CATEGORY_LABELS } from './training.labels';
import type { Generation, Plan, PlanItem } from './training.types';
import { orgTime } from '../../ui/time';

const ACTIONS: Record<string, { zh: string; en: string }> = {
  submit: tx('提交校长审批', 'Submit for approval'),
  approve: tx('批准', 'Approve'),
  reject: tx('退回', 'Reject'),
  withdraw: tx('撤回', 'Withdraw'),
  revise: tx('修改后重新提交', 'Revise'),
  adjust: tx('调整（新版本）', 'Adjust (new revision)'),
};

export function NewPlanPage() {
  const navigate = useNavigate();
  return (
    <Page title={tx('起草培训计划', 'Draft a training plan')}>
      <Card>
        <PlanEditor onSaved={(p) => navigate(`/training/plans/${p.id}`, { replace: true })} />
      </Card>
    </Page>
  );
}

/** ST-1: the plan, its approval by the principal (CORE-3), and ST-2: the term generated from it. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [isEditing, setEditing] = useState(false);
  const [opinion, setOpinion] = useState('');
  const [generation, setGeneration] = useState<Generation | null>(null);
  const q = useQuery({ queryKey: ['training', 'plan', id], queryFn: () => get<Plan>(`/training/plans/${id}`) });
  // The generate card describes the school's own standing schedule (policy), not a fixed week.
  const schedule = useQuery({
    queryKey: ['policy', 'current'],
    queryFn: () => get<{ values: { training: { standingSchedule: StandingSlot[] } } }>('/policy'),
    enabled: can('training.session.manage'),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['training'] });
  const act = useMutation({
    mutationFn: (action: string) => post(`/documents/${id}/${action}`, { version: q.data?.document?.version, opinion: opinion.trim() || undefined }),
    onSuccess: () => {
      setOpinion('');
      refresh();
    },
  });
  const generate = useMutation({
    // From today (or the plan's start if later): past days are never filled with sessions nobody attended.
    mutationFn: () => post<Generation>(`/training/plans/${id}/generate-sessions`, {}),
    onSuccess: (g) => {
      setGeneration(g);
      message.success(t(tx(`已生成 ${g.created} 场培训`, `${g.created} sessions generated`)));
      refresh();
    },
  });
  const plan = q.data;
  if (!plan) return <Page title={tx('培训计划', 'Training plan')}>{q.error ? <ErrorAlert error={q.error} /> : null}</Page>;
  const actions = plan.document?.allowedActions.filter((a) => a in ACTIONS) ?? [];
  const isInForce = plan.state === 'approved' || plan.state === 'issued';
  return (
    <Page
      title={{ zh: plan.title, en: plan.title }}
      extra={
        <Tag color={PLAN_STATE_COLORS[plan.state]} data-testid="plan-state">
          {t(PLAN_STATE_LABELS[plan.state] ?? { zh: plan.state, en: plan.state })}
        </Tag>
      }
    >
      <Typography.Paragraph type="secondary">
        {plan.number} · {plan.schoolYear} · {plan.startsOn} ~ {plan.endsOn} · <Link to={`/documents/${plan.id}`}>{t(tx('审批文件', 'Approval document'))}</Link>
      </Typography.Paragraph>
      <ErrorAlert error={act.error ?? generate.error} />
      {isEditing ? (
        <Card>
          <PlanEditor
            plan={plan}
            onSaved={() => {
              setEditing(false);
              refresh();
            }}
          />
        </Card>
      ) : (
        <Card
          title={t(tx('培训目标与内容', 'Goals and content'))}
          extra={plan.document?.canEdit && <Button onClick={() => setEditing(true)}>{t(tx('编辑', 'Edit'))}</Button>}
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{plan.goals || t(tx('（未填写目标）', '(no goals yet)'))}</Typography.Paragraph>
          <Table<PlanItem>
            rowKey={(_, i) => String(i)}
            size="small"
            pagination={false}
            scroll={{ x: 600 }}
            dataSource={plan.items}
            columns={[
              { title: t(tx('类别', 'Category')), dataIndex: 'category', render: (c: string) => t(CATEGORY_LABELS[c] ?? { zh: c, en: c }) },
              { title: t(tx('内容', 'Content')), dataIndex: 'topic' },
              { title: t(tx('负责人', 'Owner')), dataIndex: 'ownerTeacherId', render: (o: string | null) => (o ? plan.ownerNames[o] : '—') },
              { title: t(tx('时间安排', 'Schedule')), dataIndex: 'schedule' },
              { title: t(tx('学时', 'Hours')), dataIndex: 'hours' },
            ]}
          />
        </Card>
      )}
      {actions.length > 0 && !isEditing && (
        <Card size="small" style={{ marginTop: 16 }} title={t(tx('审批', 'Approval'))}>
          {(actions.includes('approve') || actions.includes('reject')) && (
            <Input.TextArea
              rows={2}
              placeholder={t(tx('审批意见', 'Opinion'))}
              value={opinion}
              onChange={(e) => setOpinion(e.target.value)}
              style={{ marginBottom: 8 }}
              data-testid="plan-opinion"
            />
          )}
          <Space wrap>
            {actions.map((a) => (
              <Button
                key={a}
                type={a === 'approve' || a === 'submit' ? 'primary' : 'default'}
                danger={a === 'reject'}
                loading={act.isPending}
                onClick={() => act.mutate(a)}
                data-testid={`plan-${a}`}
              >
                {t(ACTIONS[a])}
              </Button>
            ))}
          </Space>
        </Card>
      )}
      {isInForce && can('training.session.manage') && plan.kind === 'semester' && (
        <Card size="small" style={{ marginTop: 16 }} title={t(tx('按常规安排生成本学期培训', 'Generate the term from the standing schedule'))}>
          <Typography.Paragraph type="secondary">
            <span data-testid="plan-standing-schedule">{schedule.data ? t(standingScheduleText(schedule.data.values.training.standingSchedule)) : ''}</span>
            {t(tx('（制度参数）；节假日自动跳过，重复生成不会产生重复场次。', ' (policy); holidays are skipped; generating again adds nothing twice.'))}
          </Typography.Paragraph>
          <Space wrap>
            <Button type="primary" onClick={() => generate.mutate()} loading={generate.isPending} data-testid="plan-generate">
              {t(tx('生成培训场次', 'Generate sessions'))}
            </Button>
            <Link to={`/training/sessions?planId=${plan.id}`}>{t(tx('查看本计划的场次', 'Sessions of this plan'))}</Link>
          </Space>
          {generation && (
            <Alert
              style={{ marginTop: 12 }}
              type="success"
              data-testid="plan-generated"
              message={t(
                tx(
                  `新生成 ${generation.created} 场，已有 ${generation.existing} 场；跳过 ${generation.skipped.length} 个节假日安排`,
                  `${generation.created} new, ${generation.existing} existing; ${generation.skipped.length} holiday slots skipped`,
                ),
              )}
              description={generation.skipped
                .slice(0, 10)
                .map((s) => `${s.date} ${t(s.reason)}`)
                .join('；')}
            />
          )}
        </Card>
      )}
      {plan.document && plan.document.timeline.length > 0 && (
        <Card size="small" style={{ marginTop: 16 }} title={t(tx('审批记录', 'Approval history'))}>
          <Timeline
            items={plan.document.timeline.map((e) => ({
              children: `${orgTime(e.at).format('YYYY-MM-DD HH:mm')} ${e.actorName} ${t(ACTIONS[e.action] ?? { zh: e.action, en: e.action })}${e.opinion ? `：${e.opinion}` : ''}`,
            }))}
          />
        </Card>
      )}
      <Descriptions size="small" style={{ marginTop: 16 }} column={1}>
        <Descriptions.Item label={t(tx('版本', 'Revision'))}>{plan.revision}</Descriptions.Item>
      </Descriptions>
    </Page>
  );
}

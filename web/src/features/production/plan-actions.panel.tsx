import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Grid, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { ACTION_LABELS } from './production.labels';
import type { DocAction, PlanView } from './production.types';

interface Department {
  id: string;
  name: string;
  kind: string;
}

const DEFAULT_RECIPIENTS = ['酿造车间', '灌装车间', '包装车间', '仓库', '采购部', '质量部', '市场部'];

/**
 * What the viewer may do with the plan now: submit (capacity-checked), approve or reject with
 * an opinion (big buttons on a phone), issue to departments, acknowledge, adjust, confirm a week.
 */
export function PlanActions({ plan }: { plan: PlanView }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const isMobile = !Grid.useBreakpoint().md;
  const [opinion, setOpinion] = useState('');
  const [issuing, setIssuing] = useState(false);
  const [recipients, setRecipients] = useState<string[] | null>(null);
  const doc = plan.document;
  const can = (a: DocAction) => !!doc?.allowedActions.includes(a);
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['production'] });
    qc.invalidateQueries({ queryKey: ['inbox'] });
  };
  const act = useMutation({
    mutationFn: ({ action, extra }: { action: DocAction | 'confirm'; extra?: object }) => {
      if (action === 'confirm') return post(`/production/plans/${plan.id}/confirm`, { version: plan.version });
      if (action === 'submit') return post(`/production/plans/${plan.id}/submit`, { version: doc!.version, opinion: opinion.trim() || undefined });
      return post(`/documents/${doc!.id}/${action}`, { version: doc!.version, opinion: opinion.trim() || undefined, ...extra });
    },
    onSuccess: (_d, { action }) => {
      setOpinion('');
      setIssuing(false);
      message.success(`${action === 'confirm' ? t(tx('已确认', 'Confirmed')) : t(ACTION_LABELS[action])} ✓`);
      refresh();
    },
  });
  const acknowledge = useMutation({ mutationFn: () => post(`/documents/${doc!.id}/acknowledge`), onSuccess: refresh });
  const departments = useQuery({ queryKey: ['departments'], queryFn: () => get<Department[]>('/org/departments'), enabled: issuing });
  const chosen = recipients ?? (departments.data ?? []).filter((d) => DEFAULT_RECIPIENTS.includes(d.name) || d.kind === 'workshop').map((d) => d.id);
  const big = { size: 'large' as const, block: isMobile };
  const run = (action: DocAction) => {
    if (action === 'adjust') {
      modal.confirm({
        title: t(ACTION_LABELS.adjust),
        content: t(
          tx(
            '调整将生成新版本，须按原审批流程重新审批；批准前现行版本继续有效。',
            'An adjustment is a new revision approved through the same chain; the current one stays in force until then.',
          ),
        ),
        onOk: () => act.mutate({ action }),
      });
      return;
    }
    act.mutate({ action });
  };

  if (plan.kind === 'weekly') {
    if (plan.confirmedAt) return null;
    return (
      <Card size="small" style={{ marginBottom: 12 }}>
        <ErrorAlert error={act.error} />
        <Button type="primary" {...big} loading={act.isPending} onClick={() => act.mutate({ action: 'confirm' })} data-testid="plan-confirm">
          {t(tx('车间确认周计划', 'Confirm the weekly plan'))}
        </Button>
      </Card>
    );
  }
  if (!doc) return null;
  const waiting = doc.state === 'submitted' && doc.stepIndex !== null ? doc.steps[doc.stepIndex] : undefined;
  const isApprover = can('approve') || can('reject');
  const others = (['submit', 'withdraw', 'revise', 'adjust', 'close'] as DocAction[]).filter(can);
  if (!isApprover && others.length === 0 && !can('issue') && !doc.canAcknowledge && !waiting) return null;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="plan-actions">
      <ErrorAlert error={act.error ?? acknowledge.error} />
      {waiting && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={t(tx(`等待审批：${waiting.nameZh}`, `Waiting for: ${waiting.nameEn || waiting.nameZh}`))}
        />
      )}
      {(isApprover || can('submit')) && (
        <Input.TextArea
          value={opinion}
          onChange={(e) => setOpinion(e.target.value)}
          autoSize={{ minRows: isApprover ? 2 : 1, maxRows: 6 }}
          maxLength={2000}
          placeholder={isApprover ? t(tx('审批意见（退回时必填）', 'Opinion (required to reject)')) : t(tx('提交说明（可选）', 'Note (optional)'))}
          style={{ marginBottom: 8 }}
          data-testid="plan-opinion"
        />
      )}
      <Space wrap direction={isMobile ? 'vertical' : 'horizontal'} style={{ width: isMobile ? '100%' : undefined }}>
        {can('approve') && (
          <Button type="primary" {...big} loading={act.isPending} onClick={() => run('approve')} data-testid="plan-approve">
            {t(ACTION_LABELS.approve)}
          </Button>
        )}
        {can('reject') && (
          <Button danger {...big} loading={act.isPending} onClick={() => run('reject')} data-testid="plan-reject">
            {t(ACTION_LABELS.reject)}
          </Button>
        )}
        {others.map((a) => (
          <Button key={a} {...big} type={a === 'submit' ? 'primary' : 'default'} loading={act.isPending} onClick={() => run(a)} data-testid={`plan-${a}`}>
            {t(ACTION_LABELS[a])}
          </Button>
        ))}
        {can('issue') && (
          <Button type="primary" {...big} onClick={() => setIssuing(true)} data-testid="plan-issue">
            {t(tx('下达到部门和车间', 'Issue to departments'))}
          </Button>
        )}
        {doc.canAcknowledge && (
          <Button type="primary" {...big} loading={acknowledge.isPending} onClick={() => acknowledge.mutate()} data-testid="plan-acknowledge">
            {t(tx('签收', 'Acknowledge'))}
          </Button>
        )}
      </Space>
      <Modal
        open={issuing}
        title={t(tx('下达到部门和车间（文件控制程序）', 'Issue to departments and workshops'))}
        onCancel={() => setIssuing(false)}
        okText={t(ACTION_LABELS.issue)}
        okButtonProps={{ disabled: chosen.length === 0, loading: act.isPending, ...({ 'data-testid': 'issue-confirm' } as Record<string, string>) }}
        onOk={() => act.mutate({ action: 'issue', extra: { departmentIds: chosen } })}
      >
        <ErrorAlert error={departments.error ?? act.error} />
        <Typography.Paragraph type="secondary">
          {t(tx('物料需求计划与生产计划一同下达（T4 第二十二条）。', 'The material requirements go out with the plan (T4 art. 22).'))}
        </Typography.Paragraph>
        <Checkbox.Group
          value={chosen}
          onChange={(v) => setRecipients(v as string[])}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
      </Modal>
    </Card>
  );
}

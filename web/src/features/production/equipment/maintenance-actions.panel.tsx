import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Grid, Input, Modal, Space, Timeline } from 'antd';
import { useState } from 'react';
import { get, post } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { ACTION_LABELS } from '../production.labels';
import type { MaintenancePlanView } from './equipment.types';
import { useOrgTime } from './org-time';

const RECIPIENTS = ['生产部', '设备部'];

/** The plan through the approval engine: submit, the GM approves (a phone works), issue to departments and workshops. */
export function MaintenanceActions({ plan, dirty }: { plan: MaintenancePlanView; dirty: boolean }) {
  const { t } = useI18n();
  const at = useOrgTime();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const isPhone = !Grid.useBreakpoint().md;
  const [opinion, setOpinion] = useState('');
  const [issuing, setIssuing] = useState(false);
  const [recipients, setRecipients] = useState<string[] | null>(null);
  const doc = plan.document;
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: () => get<{ id: string; name: string; kind: string }[]>('/org/departments'),
    enabled: issuing,
  });
  const act = useMutation({
    mutationFn: ({ action, extra }: { action: string; extra?: object }) =>
      post(`/documents/${doc!.id}/${action}`, { version: doc!.version, opinion: opinion.trim() || undefined, ...extra }),
    onSuccess: (_d, { action }) => {
      setOpinion('');
      setIssuing(false);
      message.success(`${t(ACTION_LABELS[action] ?? tx(action, action))} ✓`);
      qc.invalidateQueries({ queryKey: ['equipment'] });
      qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
  if (!doc) return null;
  const can = (a: string) => doc.allowedActions.includes(a);
  const chosen = recipients ?? (departments.data ?? []).filter((d) => RECIPIENTS.includes(d.name) || d.kind === 'workshop').map((d) => d.id);
  const waiting = doc.state === 'submitted' && doc.stepIndex !== null ? doc.steps[doc.stepIndex] : undefined;
  const big = { size: 'large' as const, block: isPhone };
  const others = ['submit', 'withdraw', 'revise'].filter(can);
  const run = (action: string) => {
    if (action === 'adjust') {
      modal.confirm({
        title: t(ACTION_LABELS.adjust),
        content: t(tx('调整后须重新报总经理批准；批准前现行计划继续有效。', 'An adjustment goes back to the GM; the plan in force stays until then.')),
        onOk: () => act.mutateAsync({ action }),
      });
      return;
    }
    act.mutate({ action });
  };
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="maintenance-actions">
      <ErrorAlert error={act.error} />
      {waiting && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={t(tx(`等待审批：${waiting.nameZh}`, `Waiting for: ${waiting.nameEn || waiting.nameZh}`))}
        />
      )}
      {(can('approve') || can('submit')) && (
        <Input.TextArea
          value={opinion}
          onChange={(e) => setOpinion(e.target.value)}
          autoSize={{ minRows: 1, maxRows: 5 }}
          maxLength={2000}
          placeholder={can('approve') ? t(tx('审批意见（退回时必填）', 'Opinion (required to reject)')) : t(tx('提交说明（可选）', 'Note (optional)'))}
          style={{ marginBottom: 8 }}
        />
      )}
      <Space wrap direction={isPhone ? 'vertical' : 'horizontal'} style={{ width: isPhone ? '100%' : undefined }}>
        {can('approve') && (
          <Button type="primary" {...big} loading={act.isPending} onClick={() => run('approve')} data-testid="maintenance-approve">
            {t(ACTION_LABELS.approve)}
          </Button>
        )}
        {can('reject') && (
          <Button danger {...big} loading={act.isPending} onClick={() => run('reject')}>
            {t(ACTION_LABELS.reject)}
          </Button>
        )}
        {others.map((a) => (
          <Button
            key={a}
            {...big}
            type={a === 'submit' ? 'primary' : 'default'}
            disabled={dirty}
            loading={act.isPending}
            onClick={() => run(a)}
            data-testid={`maintenance-${a}`}
          >
            {t(ACTION_LABELS[a])}
          </Button>
        ))}
        {can('issue') && (
          <Button type="primary" {...big} onClick={() => setIssuing(true)} data-testid="maintenance-issue">
            {t(tx('发放到部门和车间', 'Issue to departments'))}
          </Button>
        )}
        {can('adjust') && (
          <Button {...big} onClick={() => run('adjust')}>
            {t(ACTION_LABELS.adjust)}
          </Button>
        )}
      </Space>
      {doc.timeline.length > 0 && (
        <Timeline
          style={{ marginTop: 12, marginBottom: 0 }}
          items={doc.timeline.map((e) => ({
            children: `${at(e.at)} ${e.actorName} ${t(ACTION_LABELS[e.action] ?? tx(e.action, e.action))}${e.stepNameZh ? `（${t({ zh: e.stepNameZh, en: e.stepNameEn ?? e.stepNameZh })}）` : ''}${e.opinion ? `：${e.opinion}` : ''}`,
          }))}
        />
      )}
      <Modal
        open={issuing}
        title={t(tx('发放到相关部门和各车间（T4 第四十八条）', 'Issue to departments and workshops (T4 art. 48)'))}
        onCancel={() => setIssuing(false)}
        okText={t(ACTION_LABELS.issue)}
        okButtonProps={{ disabled: chosen.length === 0, loading: act.isPending }}
        onOk={() => act.mutate({ action: 'issue', extra: { departmentIds: chosen } })}
      >
        <ErrorAlert error={departments.error ?? act.error} />
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

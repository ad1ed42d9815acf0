import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Grid, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { ACTION_LABELS, type DocumentAction, type DocumentView } from './approval.types';

const AUTHOR_ACTIONS: DocumentAction[] = ['submit', 'withdraw', 'revise', 'adjust', 'close'];
const CONFIRM: Partial<Record<DocumentAction, { zh: string; en: string }>> = {
  withdraw: tx('撤回后文件回到草稿状态。确定撤回？', 'The document goes back to draft. Withdraw?'),
  adjust: tx(
    '调整将生成新版本，须重新走同一审批流程；批准前现行版本继续有效。确定调整？',
    'Adjusting creates a new revision that goes through the same approval; the current one stays in force until then. Adjust?',
  ),
  close: tx('关闭后文件不再流转。确定关闭？', 'A closed document takes no further action. Close?'),
  approve: tx(
    '批准后文件进入下一审批步骤（最后一步批准即生效），不能撤销。确定批准？',
    'Approving moves the document to its next step (the last approval puts it in force); it cannot be undone. Approve?',
  ),
  reject: tx('退回后文件回到起草人，须修改后重新提交。确定退回？', 'Rejecting sends the document back to its author, who must revise and resubmit it. Reject?'),
};

interface Department {
  id: string;
  name: string;
}

/** The buttons the server allows this viewer, and the opinion box of an approver. */
export function DocumentActions({ doc }: { doc: DocumentView }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const isMobile = !Grid.useBreakpoint().md;
  const [opinion, setOpinion] = useState('');
  const [issuing, setIssuing] = useState(false);
  const [recipients, setRecipients] = useState<string[]>([]);
  const can = (a: DocumentAction) => doc.allowedActions.includes(a);
  const refresh = (d?: DocumentView) => {
    if (d) qc.setQueryData(['document', doc.id], d);
    qc.invalidateQueries({ queryKey: ['document', doc.id] });
    qc.invalidateQueries({ queryKey: ['documents'] });
    qc.invalidateQueries({ queryKey: ['inbox'] });
    qc.invalidateQueries({ queryKey: ['distribution', doc.id] });
    qc.invalidateQueries({ queryKey: ['revisions', doc.id] });
  };
  const act = useMutation({
    mutationFn: ({ action, extra }: { action: DocumentAction; extra?: object }) =>
      post<DocumentView>(`/documents/${doc.id}/${action}`, { version: doc.version, opinion: opinion.trim() || undefined, ...extra }),
    onSuccess: (d, { action }) => {
      setOpinion('');
      setIssuing(false);
      refresh(d);
      message.success(`${t(ACTION_LABELS[action])} ✓`);
    },
  });
  const acknowledge = useMutation({ mutationFn: () => post(`/documents/${doc.id}/acknowledge`), onSuccess: () => refresh() });
  const departments = useQuery({ queryKey: ['departments'], queryFn: () => get<Department[]>('/org/departments'), enabled: issuing });

  const run = (action: DocumentAction) => {
    const confirm = CONFIRM[action];
    if (!confirm) return act.mutate({ action });
    modal.confirm({
      title: t(ACTION_LABELS[action]),
      content: t(confirm),
      okText: t(ACTION_LABELS[action]),
      cancelText: t(tx('取消', 'Cancel')),
      okButtonProps: { danger: action === 'reject' || action === 'close', 'data-testid': 'doc-action-confirm' },
      onOk: () => act.mutate({ action }),
    });
  };
  const big = { size: 'large' as const, block: isMobile };
  const isApprover = can('approve') || can('reject');
  const others = AUTHOR_ACTIONS.filter(can);
  if (!isApprover && others.length === 0 && !can('issue') && !doc.canAcknowledge) return null;

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="doc-actions">
      <ErrorAlert error={act.error ?? acknowledge.error} />
      {isApprover && (
        <div style={{ marginBottom: others.length ? 12 : 0 }}>
          <Typography.Text strong>
            {t(tx('审批意见', 'Opinion'))}
            {doc.stepIndex !== null && doc.steps[doc.stepIndex] ? `（${t({ zh: doc.steps[doc.stepIndex].nameZh, en: doc.steps[doc.stepIndex].nameEn })}）` : ''}
          </Typography.Text>
          <Input.TextArea
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder={t(tx('同意 / 退回理由（退回时必填）', 'Agree / reason to reject (required to reject)'))}
            style={{ margin: '8px 0' }}
            data-testid="approval-opinion"
          />
          <Space direction={isMobile ? 'vertical' : 'horizontal'} style={{ width: '100%' }}>
            {can('approve') && (
              <Button type="primary" {...big} loading={act.isPending} onClick={() => run('approve')} data-testid="doc-approve">
                {t(ACTION_LABELS.approve)}
              </Button>
            )}
            {can('reject') && (
              <Button danger {...big} loading={act.isPending} onClick={() => run('reject')} data-testid="doc-reject">
                {t(ACTION_LABELS.reject)}
              </Button>
            )}
          </Space>
        </div>
      )}
      {(others.length > 0 || can('issue') || doc.canAcknowledge) && (
        <Space wrap direction={isMobile ? 'vertical' : 'horizontal'} style={{ width: isMobile ? '100%' : undefined }}>
          {others.map((a) => (
            <Button key={a} {...big} type={a === 'submit' ? 'primary' : 'default'} loading={act.isPending} onClick={() => run(a)} data-testid={`doc-${a}`}>
              {t(ACTION_LABELS[a])}
            </Button>
          ))}
          {can('issue') && (
            <Button type="primary" {...big} onClick={() => setIssuing(true)} data-testid="doc-issue">
              {t(ACTION_LABELS.issue)}
            </Button>
          )}
          {doc.canAcknowledge && (
            <Button type="primary" {...big} loading={acknowledge.isPending} onClick={() => acknowledge.mutate()} data-testid="doc-acknowledge">
              {t(tx('签收', 'Acknowledge'))}
            </Button>
          )}
        </Space>
      )}
      <Modal
        open={issuing}
        title={t(tx('发放到部门', 'Issue to departments'))}
        onCancel={() => setIssuing(false)}
        okText={t(ACTION_LABELS.issue)}
        okButtonProps={{ disabled: recipients.length === 0, loading: act.isPending, 'data-testid': 'issue-confirm' }}
        onOk={() => act.mutate({ action: 'issue', extra: { departmentIds: recipients } })}
      >
        <ErrorAlert error={departments.error ?? act.error} />
        <Checkbox.Group
          value={recipients}
          onChange={(v) => setRecipients(v as string[])}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          data-testid="issue-departments"
        />
      </Modal>
    </Card>
  );
}

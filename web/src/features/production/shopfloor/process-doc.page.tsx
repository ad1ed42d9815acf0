import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, List, Modal, Space, Spin, Steps, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { get, post, put } from '../../../ui/api';
import { type Text, tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { ProcessDocForm, type ProcessFormValues, ProcessItemsTable } from './process-doc-editor.panel';
import { ProcessStateTags, useWorkshops } from './process-docs.page';
import { PROCESS_CATEGORY_LABELS, type ProcessDocDetail } from './shopfloor.labels';
import { orgTime } from '../../../ui/time';

const ACTIONS: Record<string, { label: Text; confirm?: Text; opinion?: 'required' | 'optional' }> = {
  submit: { label: tx('提交审批', 'Submit'), opinion: 'optional' },
  approve: { label: tx('批准', 'Approve'), opinion: 'optional' },
  reject: { label: tx('退回', 'Reject'), opinion: 'required' },
  withdraw: { label: tx('撤回', 'Withdraw'), confirm: tx('撤回后回到草稿。确定撤回？', 'It goes back to draft. Withdraw?') },
  revise: { label: tx('修改后重新提交', 'Revise') },
  adjust: {
    label: tx('修订（生成新版本）', 'Revise (new revision)'),
    confirm: tx(
      '修订将生成新版本，须重新审批；批准前现行版本继续有效。确定修订？',
      'A new revision is approved again; the current one holds until then. Revise?',
    ),
    opinion: 'optional',
  },
};

const ACTION_NAMES: Record<string, Text> = {
  submit: tx('提交', 'Submitted'),
  approve: tx('批准', 'Approved'),
  reject: tx('退回', 'Rejected'),
  withdraw: tx('撤回', 'Withdrawn'),
  revise: tx('修改', 'Revised'),
  adjust: tx('修订', 'New revision'),
};

/** PP-20: a specification — the version in force, the revision being prepared with what changed, and its approval. */
export function ProcessDocPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['production', 'process-doc', id];
  const q = useQuery({ queryKey: key, queryFn: () => get<ProcessDocDetail>(`/production/process-docs/${id}`) });
  const workshops = useWorkshops();
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState<string | null>(null);
  const [opinion, setOpinion] = useState('');
  const [form] = Form.useForm<ProcessFormValues>();
  const done = (d: ProcessDocDetail) => {
    qc.setQueryData(key, d);
    qc.invalidateQueries({ queryKey: ['production', 'process-docs'] });
    qc.invalidateQueries({ queryKey: ['inbox'] });
    setEditing(false);
    setPending(null);
    setOpinion('');
  };
  const save = useMutation({
    mutationFn: (v: ProcessFormValues) =>
      put<ProcessDocDetail>(`/production/process-docs/${id}`, {
        version: q.data!.version,
        title: v.title,
        workshopId: v.workshopId ?? null,
        scope: v.scope ?? '',
        items: v.items,
      }),
    onSuccess: done,
  });
  const act = useMutation({
    mutationFn: async (action: string) => {
      const body = { version: q.data!.version, opinion: opinion.trim() || null };
      if (action === 'submit' || action === 'adjust') return post<ProcessDocDetail>(`/production/process-docs/${id}/${action}`, body);
      await post(`/documents/${id}/${action}`, body);
      return get<ProcessDocDetail>(`/production/process-docs/${id}`);
    },
    onSuccess: (d, action) => {
      done(d);
      message.success(`${t(ACTIONS[action].label)} ✓`);
    },
  });
  const d = q.data;
  if (!d) return <Page title={tx('工艺文件', 'Process document')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  const isRevising = d.inForce && d.working.revision !== d.inForce.revision;
  const step = pending ? ACTIONS[pending] : null;
  return (
    <Page title={{ zh: `${d.number} ${d.title}`, en: `${d.number} ${d.title}` }} extra={<ProcessStateTags d={d} />}>
      <Typography.Paragraph type="secondary">
        {t(PROCESS_CATEGORY_LABELS[d.category])} · {d.workshopName ?? t(tx('全部车间', 'All workshops'))} · {d.working.body.scope}
      </Typography.Paragraph>
      <ErrorAlert error={act.error ?? save.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        {d.canEdit && !editing && (
          <Button
            onClick={() => {
              form.setFieldsValue({
                category: d.category,
                title: d.working.title,
                workshopId: d.workshopId,
                scope: d.working.body.scope,
                items: d.working.body.items,
              });
              setEditing(true);
            }}
            data-testid="proc-edit"
          >
            {t(tx('编辑草稿', 'Edit the draft'))}
          </Button>
        )}
        {d.allowedActions
          .filter((a) => ACTIONS[a])
          .map((a) => (
            <Button
              key={a}
              type={a === 'approve' || a === 'submit' ? 'primary' : 'default'}
              danger={a === 'reject'}
              onClick={() => setPending(a)}
              data-testid={`proc-${a}`}
            >
              {t(ACTIONS[a].label)}
            </Button>
          ))}
      </Space>
      {d.state === 'submitted' && (
        <Steps
          size="small"
          style={{ marginBottom: 12 }}
          current={d.stepIndex ?? 0}
          items={d.steps.map((s) => ({ title: t({ zh: s.nameZh, en: s.nameEn }) }))}
        />
      )}
      {editing && (
        <Card size="small" title={t(tx(`编辑第 ${d.revision} 版草稿`, `Edit draft revision ${d.revision}`))} style={{ marginBottom: 12 }}>
          <ProcessDocForm
            form={form}
            workshops={workshops.data ?? []}
            isNew={false}
            initialValues={{ category: d.category, title: d.working.title, workshopId: d.workshopId, scope: d.working.body.scope, items: d.working.body.items }}
            onFinish={(v) => save.mutate(v)}
          />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="proc-save">
              {t(tx('保存草稿', 'Save draft'))}
            </Button>
            <Button onClick={() => setEditing(false)}>{t(tx('取消', 'Cancel'))}</Button>
          </Space>
        </Card>
      )}
      {isRevising && (
        <Card
          size="small"
          title={t(
            tx(
              `第 ${d.working.revision} 版修改了什么（与现行第 ${d.inForce!.revision} 版相比）`,
              `What revision ${d.working.revision} changes from revision ${d.inForce!.revision} in force`,
            ),
          )}
          style={{ marginBottom: 12 }}
          data-testid="proc-diff"
        >
          <List
            size="small"
            dataSource={d.diff}
            locale={{ emptyText: t(tx('尚无修改', 'No changes yet')) }}
            renderItem={(c) => (
              <List.Item>
                <div>
                  <Tag color={c.kind === 'added' ? 'green' : c.kind === 'removed' ? 'red' : 'blue'}>
                    {t(c.kind === 'added' ? tx('新增', 'Added') : c.kind === 'removed' ? tx('删除', 'Removed') : tx('修改', 'Changed'))}
                  </Tag>
                  <Typography.Text strong>{t(c.label)}</Typography.Text>
                  {c.kind === 'changed' ? (
                    <div>
                      <Typography.Text delete type="secondary">
                        {c.before}
                      </Typography.Text>{' '}
                      → <Typography.Text>{c.after}</Typography.Text>
                    </div>
                  ) : (
                    <div>{c.kind === 'added' ? c.after : c.before}</div>
                  )}
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}
      {d.inForce ? (
        <Card
          size="small"
          title={t(
            tx(
              `现行版本（第 ${d.inForce.revision} 版，${d.inForce.approvedAt ? dayjs(d.inForce.approvedAt).format('YYYY-MM-DD') : ''} 批准）`,
              `In force: revision ${d.inForce.revision}`,
            ),
          )}
          style={{ marginBottom: 12 }}
          data-testid="proc-in-force"
        >
          <ProcessItemsTable body={d.inForce.body} />
        </Card>
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(tx('尚未批准，车间暂不执行', 'Not approved yet; the workshops do not follow it yet'))}
        />
      )}
      {(!d.inForce || isRevising) && !editing && (
        <Card
          size="small"
          title={t(tx(`第 ${d.working.revision} 版（${d.state === 'submitted' ? '审批中' : '草稿'}）`, `Revision ${d.working.revision} (${d.state})`))}
          style={{ marginBottom: 12 }}
        >
          <ProcessItemsTable body={d.working.body} />
        </Card>
      )}
      <Card size="small" title={t(tx('审批记录', 'Approval history'))}>
        <Timeline
          items={d.timeline.map((x) => ({
            children: `${orgTime(x.at).format('YYYY-MM-DD HH:mm')} ${t(tx(`第 ${x.revision} 版`, `Rev. ${x.revision}`))} ${t(ACTION_NAMES[x.action] ?? { zh: x.action, en: x.action })} · ${x.actorName}${x.stepNameZh ? `（${t({ zh: x.stepNameZh, en: x.stepNameEn ?? x.stepNameZh })}）` : ''}${x.opinion ? `：${x.opinion}` : ''}`,
          }))}
        />
      </Card>
      <Modal
        open={!!pending}
        title={step ? t(step.label) : ''}
        okText={t(tx('确定', 'Confirm'))}
        onOk={() => pending && act.mutate(pending)}
        onCancel={() => setPending(null)}
        confirmLoading={act.isPending}
        okButtonProps={{ disabled: step?.opinion === 'required' && opinion.trim().length < 1 }}
        destroyOnHidden
      >
        {step?.confirm && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t(step.confirm)} />}
        {step?.opinion && (
          <Input.TextArea
            rows={3}
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
            placeholder={t(step.opinion === 'required' ? tx('退回意见（必填）', 'Reason (required)') : tx('意见（可选）', 'Opinion (optional)'))}
            data-testid="proc-opinion"
          />
        )}
        {!step?.confirm && !step?.opinion && <Typography.Text>{t(tx('确定执行？', 'Go ahead?'))}</Typography.Text>}
      </Modal>
    </Page>
  );
}

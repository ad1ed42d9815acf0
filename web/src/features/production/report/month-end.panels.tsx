import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { post, put } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { fmt } from '../production.labels';
import { CAUSE_LABELS } from './report.labels';
import type { MonthEndView, MonthRow } from './report.types';

/** T4 第三十四条: the cause of a large variance and what is done about it. */
export function CauseModal({ month, row, onClose }: { month: string; row: MonthRow | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: { causeKind: string; cause: string; correctiveAction: string }) =>
      put<MonthEndView>('/production/month-end/causes', { month, workshopId: row!.workshopId, itemId: row!.itemId, ...v, version: row!.cause?.version }),
    onSuccess: (view) => {
      qc.setQueryData(['production', 'month-end', month], view);
      qc.invalidateQueries({ queryKey: ['production', 'month-end'] });
      message.success(t(tx('已保存', 'Saved')));
      onClose();
    },
  });
  return (
    <Modal
      open={!!row}
      title={row ? t(tx(`差异原因与纠正措施：${row.workshopName} ${row.name}`, `Cause and corrective action: ${row.workshopName} ${row.name}`)) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'cause-ok' }}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      {row && (
        <>
          <Typography.Paragraph type="secondary">
            {t(
              tx(
                `计划 ${fmt(row.plan)}${row.unit}，完成 ${fmt(row.completed)}${row.unit}，差异 ${fmt(row.variance)}${row.unit}`,
                `Planned ${fmt(row.plan)}, completed ${fmt(row.completed)}, variance ${fmt(row.variance)}`,
              ),
            )}
          </Typography.Paragraph>
          <Form form={form} layout="vertical" preserve={false} initialValues={row.cause ?? { causeKind: 'organisation' }} onFinish={(v) => save.mutate(v)}>
            <Form.Item name="causeKind" label={t(tx('原因类别', 'Kind of cause'))} rules={[{ required: true }]}>
              <Select options={Object.entries(CAUSE_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
            </Form.Item>
            <Form.Item name="cause" label={t(tx('原因分析', 'Cause'))} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="cause-text" />
            </Form.Item>
            <Form.Item name="correctiveAction" label={t(tx('纠正措施', 'Corrective action'))} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="cause-action" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

/** PP-27: the production head records a T2 七.2 / 七.3 incident no report or receipt shows. */
export function ManualFindingModal({ open, view, onClose }: { open: boolean; view: MonthEndView; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const workshops = [...new Map(view.rows.map((r) => [r.workshopId, r.workshopName])).entries()];
  const chosen = Form.useWatch('workshopId', form);
  const record = useMutation({
    mutationFn: (v: Record<string, unknown>) => post<{ clause: string }>('/production/execution-findings', { ...v, month: view.month }),
    onSuccess: (f) => {
      message.success(t(tx(`已记录，依据 ${f.clause}，待考核负责人确认`, `Recorded under ${f.clause}, for a manager to confirm`)));
      qc.invalidateQueries({ queryKey: ['production', 'month-end'] });
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={t(tx(`人工认定考核（${view.month}）`, `Record a finding (${view.month})`))}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      okText={t(tx('记录', 'Record'))}
      destroyOnHidden
    >
      <ErrorAlert error={record.error} />
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            '用于日报与进仓记录未能反映的情况；记录后由考核负责人确认，车间可申诉。',
            'For what no report or receipt shows; a manager confirms it and the workshop may dispute it.',
          ),
        )}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'organisation' }} onFinish={(v) => record.mutate(v)}>
        <Form.Item name="workshopId" label={t(tx('责任车间', 'Workshop'))} rules={[{ required: true }]}>
          <Select options={workshops.map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="kind" label={t(tx('条款', 'Clause'))} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'organisation', label: t(tx('T2 七.2 组织不合理造成生产任务未按时完成', 'T2 7.2 poor organisation, not completed on time')) },
              { value: 'quality', label: t(tx('T2 七.3 因质量问题造成计划生产延误不能按时交货', 'T2 7.3 quality problem, late delivery')) },
            ]}
          />
        </Form.Item>
        <Form.Item name="itemId" label={t(tx('产品（可不选）', 'Product (optional)'))}>
          <Select
            allowClear
            options={view.rows.filter((r) => !chosen || r.workshopId === chosen).map((r) => ({ value: r.itemId, label: `${r.code} ${r.name}` }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t(tx('事实经过', 'What happened'))} rules={[{ required: true, min: 5 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="evidence" label={t(tx('依据（谁、何时、看到什么）', 'Evidence (who saw what, when)'))} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

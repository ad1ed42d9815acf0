import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { type Text, tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import type { ChangeCauses, UnmetRoutes, UnmetRouteView } from './exception.labels';
import { orgTime } from '../../../ui/time';

const at = (iso: string | null) => (iso ? orgTime(iso).format('MM-DD HH:mm') : '');

const STEP_BUTTONS: Record<string, { path: string; label: Text; confirm: Text; needsNote: boolean }> = {
  forward: {
    path: 'forward',
    label: tx('确认并通知市场部', 'Confirm and tell the market'),
    confirm: tx('市场部将与客户联系修改合同。', 'The market department will contact the customer.'),
    needsNote: false,
  },
  decline: {
    path: 'decline',
    label: tx('不予确认', 'Decline'),
    confirm: tx('车间须仍按计划完成。', 'The workshop must still meet the plan.'),
    needsNote: true,
  },
  changeContract: {
    path: 'change-contract',
    label: tx('已与客户修改合同', 'Contract changed'),
    confirm: tx('记录合同修改内容，生产部和车间将收到通知。', 'Record the change; production and the workshop are told.'),
    needsNote: true,
  },
  refuse: {
    path: 'refuse',
    label: tx('客户不同意修改', 'Customer refused'),
    confirm: tx('记录客户意见，生产部和车间将收到通知。', 'Record the answer; production and the workshop are told.'),
    needsNote: true,
  },
};

const STATE_TEXT: Record<string, Text> = {
  reported: tx('待生产部确认', 'Waiting for production'),
  declined: tx('生产部未予确认', 'Declined by production'),
  forwarded: tx('待市场部与客户联系', 'Waiting for the market'),
  contract_changed: tx('合同已修改', 'Contract changed'),
  refused: tx('客户不同意修改', 'Customer refused'),
};

function RouteSteps({ r }: { r: UnmetRouteView }) {
  const { t } = useI18n();
  const current = r.state === 'reported' ? 1 : r.state === 'forwarded' ? 2 : 3;
  const failed = r.state === 'declined' || r.state === 'refused';
  return (
    <Steps
      size="small"
      direction="vertical"
      current={current}
      status={failed ? 'error' : current === 3 ? 'finish' : 'process'}
      items={[
        {
          title: t(tx('车间上报无法完成', 'Workshop cannot meet it')),
          description: `${r.workshopName} · ${r.reportedByName} ${at(r.reportedAt)}：${r.reason}`,
        },
        {
          title: t(tx('生产部确认并通知市场部', 'Production confirms, tells the market')),
          description: r.forwardedAt ? `${r.forwardedByName} ${at(r.forwardedAt)} ${r.forwardNote ?? ''}` : '',
        },
        {
          title: t(tx('市场部与客户联系修改合同', 'Market changes the contract')),
          description: r.marketAt ? `${r.marketByName} ${at(r.marketAt)} ${r.marketNote ?? ''}` : '',
        },
      ]}
    />
  );
}

/** PP-28 (T3 第十四条): a temporary plan not met goes workshop → production → market → contract change. */
export function UnmetRoutePanel({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const key = ['production', 'request', requestId, 'unmet'];
  const q = useQuery({ queryKey: key, queryFn: () => get<UnmetRoutes>(`/production/requests/${requestId}/unmet`) });
  const [reporting, setReporting] = useState(false);
  const [stepOf, setStepOf] = useState<{ route: UnmetRouteView; action: string } | null>(null);
  const [reportForm] = Form.useForm();
  const [stepForm] = Form.useForm();
  const done = (d: UnmetRoutes) => {
    qc.setQueryData(key, d);
    setReporting(false);
    setStepOf(null);
    reportForm.resetFields();
    stepForm.resetFields();
  };
  const report = useMutation({
    mutationFn: (v: { workshopId: string; reason: string }) => post<UnmetRoutes>(`/production/requests/${requestId}/unmet`, v),
    onSuccess: done,
  });
  const advance = useMutation({
    mutationFn: (v: { note?: string }) =>
      post<UnmetRoutes>(`/production/unmet-routes/${stepOf!.route.id}/${STEP_BUTTONS[stepOf!.action].path}`, {
        version: stepOf!.route.version,
        note: v.note ?? '',
      }),
    onSuccess: done,
  });
  const data = q.data;
  if (!data || (!data.canReport && data.routes.length === 0)) return null;
  const step = stepOf ? STEP_BUTTONS[stepOf.action] : null;
  return (
    <Card
      size="small"
      title={t(tx('临时计划无法完成的处理（T3 第十四条）', 'Temporary plan not met (T3 art. 14)'))}
      style={{ marginTop: 12 }}
      data-testid="unmet-panel"
    >
      <ErrorAlert error={q.error} />
      {data.routes.map((r) => (
        <div key={r.id} style={{ marginBottom: 12 }}>
          <Tag color={r.state === 'contract_changed' ? 'green' : r.state === 'declined' || r.state === 'refused' ? 'red' : 'processing'}>
            {t(STATE_TEXT[r.state])}
          </Tag>
          <RouteSteps r={r} />
          <Space wrap>
            {r.allowedActions.map((a) => (
              <Button
                key={a}
                size="small"
                type={a === 'forward' || a === 'changeContract' ? 'primary' : 'default'}
                onClick={() => setStepOf({ route: r, action: a })}
                data-testid={`unmet-${a}`}
              >
                {t(STEP_BUTTONS[a].label)}
              </Button>
            ))}
          </Space>
        </div>
      ))}
      {data.canReport && (
        <Button onClick={() => setReporting(true)} data-testid="unmet-report">
          {t(tx('本车间无法完成，上报生产部', 'We cannot meet it: tell production'))}
        </Button>
      )}
      <Modal
        open={reporting}
        title={t(tx('无法完成临时计划', 'Cannot meet the temporary plan'))}
        onCancel={() => setReporting(false)}
        onOk={() => reportForm.submit()}
        confirmLoading={report.isPending}
        okText={t(tx('上报', 'Report'))}
        destroyOnHidden
      >
        <ErrorAlert error={report.error} />
        <Form form={reportForm} layout="vertical" initialValues={{ workshopId: data.myWorkshopId ?? undefined }} onFinish={(v) => report.mutate(v)}>
          <Form.Item name="workshopId" label={t(tx('车间', 'Workshop'))} rules={[{ required: true }]}>
            <Select options={data.workshops.map((w) => ({ value: w.id, label: w.name }))} />
          </Form.Item>
          <Form.Item name="reason" label={t(tx('原因', 'Why'))} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!stepOf}
        title={step ? t(step.label) : ''}
        onCancel={() => setStepOf(null)}
        onOk={() => stepForm.submit()}
        confirmLoading={advance.isPending}
        okText={t(tx('确定', 'Confirm'))}
        destroyOnHidden
      >
        {step && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t(step.confirm)} />}
        <ErrorAlert error={advance.error} />
        <Form form={stepForm} layout="vertical" onFinish={(v) => advance.mutate(v)}>
          <Form.Item name="note" label={t(tx('说明', 'Note'))} rules={step?.needsNote ? [{ required: true, min: 2 }] : []}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** PP-28 (T3 第十五条): an adjustment for a customer change is approved by the policy's role (the GM). */
export function CustomerChangePanel({ planId }: { planId: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const key = ['production', 'plan', planId, 'customer-change'];
  const q = useQuery({ queryKey: key, queryFn: () => get<ChangeCauses>(`/production/plans/${planId}/customer-change`) });
  const [form] = Form.useForm<{ orderChangeId?: string; note?: string }>();
  const mark = useMutation({
    mutationFn: (v: { orderChangeId?: string; note?: string }) =>
      post<ChangeCauses>(`/production/plans/${planId}/customer-change`, { orderChangeId: v.orderChangeId ?? null, note: v.note ?? '' }),
    onSuccess: (d) => {
      qc.setQueryData(key, d);
      qc.invalidateQueries({ queryKey: ['production', 'plan', planId] });
      form.resetFields();
    },
  });
  const d = q.data;
  if (!d) return <ErrorAlert error={q.error} />;
  return (
    <div data-testid="customer-change-panel">
      <Typography.Paragraph>
        {t(
          tx(
            `因客户变更合同而调整的月度计划，调整后须经${d.approverRoleName}批准（T3 第十五条）；审批流程缺少该步骤时自动加在最后。`,
            `A monthly plan adjusted for a customer's contract change must be approved by the ${d.approverRoleName} (T3 art. 15); the step is added when the chain lacks it.`,
          ),
        )}
      </Typography.Paragraph>
      {d.causes.map((c) => (
        <Alert
          key={c.id}
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={`${t(tx('第', 'Revision '))}${c.revision}${t(tx(' 版', ''))}：${c.changeLabel ?? c.note}`}
          description={`${c.createdByName ?? t(tx('系统', 'System'))} ${at(c.createdAt)}`}
        />
      ))}
      {d.canMark && !d.isMarked && can('production.plan.write') && (
        <Form form={form} layout="vertical" onFinish={(v) => mark.mutate(v)}>
          <ErrorAlert error={mark.error} />
          <Form.Item name="orderChangeId" label={t(tx('客户变更', 'Customer change'))}>
            <Select allowClear options={d.changes.map((c) => ({ value: c.id, label: c.label }))} />
          </Form.Item>
          <Form.Item name="note" label={t(tx('说明（未选客户变更时必填）', 'Note (needed without a change)'))}>
            <Input maxLength={2000} />
          </Form.Item>
          <Button htmlType="submit" loading={mark.isPending}>
            {t(tx(`标明本次调整因客户变更（第 ${d.revision} 版）`, `Mark revision ${d.revision} as adjusted for a customer change`))}
          </Button>
        </Form>
      )}
    </div>
  );
}

import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../../ui/api';
import { Attachments } from '../../../ui/attachments';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { RECTIFICATION_STATES, type RectificationView } from './shopfloor.labels';
import { orgTime } from '../../../ui/time';

/** Open rectifications with who owns them and by when; close with what was done, or escalate. */
export function RectificationsPanel({ items, onChanged }: { items: RectificationView[]; onChanged: () => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState<{ r: RectificationView; action: 'close' | 'escalate' } | null>(null);
  const [photosOf, setPhotosOf] = useState<RectificationView | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const act = useMutation({
    mutationFn: (v: { note: string }) =>
      post<RectificationView>(`/production/floor/rectifications/${step!.r.id}/${step!.action}`, { version: step!.r.version, note: v.note }),
    onSuccess: () => {
      setStep(null);
      form.resetFields();
      onChanged();
    },
  });
  return (
    <>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t(tx('没有待整改的问题', 'Nothing to fix')) }}
        renderItem={(r) => {
          const s = RECTIFICATION_STATES[r.state];
          return (
            <List.Item data-testid="rectification">
              <div style={{ width: '100%' }}>
                <Space wrap style={{ marginBottom: 4 }}>
                  <Tag color={s.color}>{t(s.text)}</Tag>
                  {r.isOverdue && <Tag color="red">{t(tx('逾期', 'Overdue'))}</Tag>}
                  <Typography.Text strong>{r.problem}</Typography.Text>
                </Space>
                <div>
                  <Typography.Text type="secondary">
                    {r.number} · {r.source === 'safety' ? `${t(tx('安全检查', 'Safety check'))}「${r.itemText}」` : t(tx('巡检发现', 'Patrol finding'))} ·{' '}
                    {r.ownerName} · {t(tx('期限', 'due'))} {r.dueOn}
                  </Typography.Text>
                </div>
                {r.escalatedAt && (
                  <Typography.Text type="danger">
                    {t(tx('已上报', 'Escalated'))}：{r.escalatedByName} {orgTime(r.escalatedAt).format('MM-DD HH:mm')} {r.escalationNote}
                  </Typography.Text>
                )}
                <Space wrap style={{ marginTop: 6 }}>
                  {r.canClose && (
                    <Button size="small" type="primary" onClick={() => setStep({ r, action: 'close' })} data-testid="rect-close">
                      {t(tx('整改完成', 'Fixed'))}
                    </Button>
                  )}
                  {r.canEscalate && (
                    <Button size="small" danger onClick={() => setStep({ r, action: 'escalate' })} data-testid="rect-escalate">
                      {t(tx('无法整改，上报', 'Cannot fix: escalate'))}
                    </Button>
                  )}
                  <Button size="small" type="link" onClick={() => setPhotosOf(r)}>
                    {t(tx('照片', 'Photos'))}
                  </Button>
                </Space>
              </div>
            </List.Item>
          );
        }}
      />
      <Modal
        open={!!step}
        title={step?.action === 'close' ? t(tx('整改完成', 'Fixed')) : t(tx('本车间无法整改，上报生产部', 'Escalate to production'))}
        okText={t(tx('确定', 'Confirm'))}
        onOk={() => form.submit()}
        onCancel={() => setStep(null)}
        confirmLoading={act.isPending}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            step?.action === 'close'
              ? t(tx('关闭后不能重新打开。', 'A closed item cannot be reopened.'))
              : t(tx('生产部将立即收到通知，上报人和时间将被记录（T4 第四十一条）。', 'Production is told at once; who and when are recorded (T4 art. 41).'))
          }
        />
        <ErrorAlert error={act.error} />
        <Form form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
          <Form.Item
            name="note"
            label={step?.action === 'close' ? t(tx('整改结果', 'What was done')) : t(tx('无法整改的原因', 'Why it cannot be fixed here'))}
            rules={[{ required: true, min: 2 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="rect-note" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!photosOf} title={photosOf?.number} footer={null} onCancel={() => setPhotosOf(null)} destroyOnHidden>
        {photosOf && <Attachments entity="production.rectification" entityId={photosOf.id} defaultCategory="record" />}
      </Modal>
    </>
  );
}

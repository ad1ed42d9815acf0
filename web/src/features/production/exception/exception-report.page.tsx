import { CameraOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Spin, Typography, Upload, type UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { get, post } from '../../../ui/api';
import { uploadFile } from '../../../ui/attachments';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { EXCEPTION_KIND_LABELS, type ExceptionDetail, type ExceptionOptions } from './exception.labels';
import { orgInstant } from '../../../ui/time';

interface ReportForm {
  kind: string;
  workshopId: string;
  description: string;
  machineRef?: string;
  startedAt: dayjs.Dayjs;
  affectedWorkshopIds: string[];
  lines: string[];
  hoursLost: number;
  hoursEstimated: number;
}

/** PP-19: one phone screen — what, where, since when, what it hits; the production department hears at once. */
export function ExceptionReportPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReportForm>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const options = useQuery({ queryKey: ['production', 'exception-options'], queryFn: () => get<ExceptionOptions>('/production/exceptions/options') });
  const kind = Form.useWatch('kind', form);
  const workshopId = Form.useWatch('workshopId', form);
  const report = useMutation({
    mutationFn: async (v: ReportForm) => {
      const created = await post<ExceptionDetail>('/production/exceptions', {
        kind: v.kind,
        workshopId: v.workshopId,
        description: v.description,
        machineRef: v.machineRef,
        startedAt: orgInstant(v.startedAt),
        affectedWorkshopIds: v.affectedWorkshopIds ?? [],
        lines: (v.lines ?? []).map((l) => ({ planId: l.split('|')[0], itemId: l.split('|')[1] })),
        hoursLost: v.hoursLost ?? 0,
        hoursEstimated: v.hoursEstimated ?? 0,
      });
      for (const p of photos)
        if (p.originFileObj) await uploadFile(p.originFileObj, { entity: 'production.exception', entityId: created.id, category: 'record' });
      return created;
    },
    onSuccess: (e) => navigate(`/production/exceptions/${e.id}`),
  });
  const o = options.data;
  if (!o) return <Page title={tx('上报生产异常', 'Report an exception')}>{options.isLoading ? <Spin /> : <ErrorAlert error={options.error} />}</Page>;
  const plans = o.plans.filter((p) => p.kind === 'monthly' || p.workshopId === workshopId);
  return (
    <Page title={tx('上报生产异常', 'Report an exception')}>
      <div style={{ maxWidth: 560 }}>
        <Typography.Paragraph type="secondary">
          {t(
            tx(
              '断料、设备故障、停电停水等意外情况立即上报生产部（T4 第三十二、三十五条）。',
              'Report shortages, breakdowns and outages to production at once (T4 art. 32, 35).',
            ),
          )}
        </Typography.Paragraph>
        <ErrorAlert error={report.error} />
        <Form<ReportForm>
          form={form}
          layout="vertical"
          initialValues={{
            kind: 'material',
            workshopId: o.myWorkshopId ?? o.workshops[0]?.id,
            startedAt: dayjs(),
            hoursLost: 0,
            hoursEstimated: 0,
            affectedWorkshopIds: [],
            lines: [],
          }}
          onFinish={(v) => report.mutate(v)}
        >
          <Form.Item name="kind" label={t(tx('异常类型', 'Kind'))} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
              {Object.entries(EXCEPTION_KIND_LABELS).map(([value, label]) => (
                <Radio.Button key={value} value={value} data-testid={`exc-kind-${value}`} style={{ borderRadius: 6 }}>
                  {t(label)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="workshopId" label={t(tx('车间', 'Workshop'))} rules={[{ required: true }]}>
            <Select options={o.workshops.map((w) => ({ value: w.id, label: w.name }))} data-testid="exc-workshop" />
          </Form.Item>
          <Form.Item name="description" label={t(tx('发生了什么', 'What happened'))} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea
              rows={3}
              maxLength={2000}
              placeholder={t(tx('如：软木塞到货延迟，2 号线停机待料', 'e.g. corks late, line 2 stopped'))}
              data-testid="exc-description"
            />
          </Form.Item>
          {kind === 'equipment' && (
            <Form.Item name="machineRef" label={t(tx('设备编号', 'Machine'))}>
              <Input maxLength={100} placeholder="GZ-02" />
            </Form.Item>
          )}
          <Form.Item name="startedAt" label={t(tx('开始时间', 'Started at'))} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
          <Form.Item name="affectedWorkshopIds" label={t(tx('影响到的其它车间', 'Other workshops it hits'))}>
            <Checkbox.Group options={o.workshops.filter((w) => w.id !== workshopId).map((w) => ({ value: w.id, label: w.name }))} data-testid="exc-affected" />
          </Form.Item>
          <Form.Item name="lines" label={t(tx('影响的计划（本月/本周计划中的产品）', 'Plan lines at risk (this month’s or week’s plan)'))}>
            <Select
              mode="multiple"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t(tx('可不选', 'Optional'))}
              options={plans.map((p) => ({ label: p.title, options: p.lines.map((l) => ({ value: `${p.id}|${l.itemId}`, label: `${l.code} ${l.name}` })) }))}
              data-testid="exc-lines"
            />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="hoursLost" label={t(tx('已损失工时', 'Hours lost so far'))} style={{ flex: 1, marginRight: 8 }}>
              <InputNumber min={0} max={10000} step={0.5} addonAfter="h" style={{ width: '100%' }} inputMode="decimal" data-testid="exc-hours-lost" />
            </Form.Item>
            <Form.Item name="hoursEstimated" label={t(tx('预计共损失', 'Estimated in all'))} style={{ flex: 1 }}>
              <InputNumber min={0} max={10000} step={0.5} addonAfter="h" style={{ width: '100%' }} inputMode="decimal" data-testid="exc-hours-estimated" />
            </Form.Item>
          </Space.Compact>
          <Form.Item label={t(tx('照片（可选）', 'Photos (optional)'))}>
            <Upload
              accept="image/*"
              listType="picture"
              fileList={photos}
              beforeUpload={() => false}
              onChange={({ fileList }) => setPhotos(fileList)}
              maxCount={4}
            >
              <Button icon={<CameraOutlined />}>{t(tx('拍照或选择照片', 'Take or choose a photo'))}</Button>
            </Upload>
          </Form.Item>
          {o.plans.length === 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={t(tx('本月没有下达的计划，影响计划一项可不填', 'No plan in force this month; the plan lines can stay empty'))}
            />
          )}
          <Button type="primary" htmlType="submit" size="large" block loading={report.isPending} data-testid="exc-submit">
            {t(tx('立即上报', 'Report now'))}
          </Button>
        </Form>
      </div>
    </Page>
  );
}

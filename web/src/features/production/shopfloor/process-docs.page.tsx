import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Grid, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { get, post } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { ProcessDocForm, type ProcessFormValues } from './process-doc-editor.panel';
import { DOC_STATE_LABELS, PROCESS_CATEGORY_LABELS, type ProcessDocDetail, type ProcessDocSummary } from './shopfloor.labels';

export function useWorkshops() {
  return useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<{ id: string; name: string }[]>('/production/workshops') });
}

export function ProcessStateTags({ d }: { d: ProcessDocSummary }) {
  const { t } = useI18n();
  const inForce = d.effectiveRevision !== null && d.state !== 'closed';
  const s = DOC_STATE_LABELS[d.state];
  return (
    <Space size={4} wrap>
      {inForce && <Tag color="green">{t(tx(`现行第 ${d.effectiveRevision} 版`, `Rev. ${d.effectiveRevision} in force`))}</Tag>}
      {d.hasPendingRevision && (
        <Tag color="processing">
          {t(
            tx(
              `第 ${d.revision} 版${d.state === 'submitted' ? '审批中' : '修订中'}`,
              `Rev. ${d.revision} ${d.state === 'submitted' ? 'in approval' : 'being revised'}`,
            ),
          )}
        </Tag>
      )}
      {!inForce && <Tag color={s?.color}>{s ? t(s.text) : d.state}</Tag>}
    </Space>
  );
}

/** PP-20: site standards, process outlines and operating procedures, with the version in force. */
export function ProcessDocsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const workshopId = params.get('workshopId') ?? undefined;
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<ProcessFormValues>();
  const workshops = useWorkshops();
  const list = useQuery({
    queryKey: ['production', 'process-docs', workshopId ?? ''],
    queryFn: () => get<ProcessDocSummary[]>(`/production/process-docs${workshopId ? `?workshopId=${workshopId}` : ''}`),
  });
  const create = useMutation({
    mutationFn: (v: ProcessFormValues) => post<ProcessDocDetail>('/production/process-docs', v),
    onSuccess: (d) => navigate(`/production/process-docs/${d.id}`),
  });
  const ws = workshops.data ?? [];
  return (
    <Page
      title={tx('工艺文件与现场作业标准', 'Process documents')}
      extra={
        <Space wrap>
          <Select
            allowClear
            aria-label={t(tx('车间', 'Workshop'))}
            placeholder={t(tx('全部车间', 'All workshops'))}
            style={{ width: 130 }}
            value={workshopId}
            onChange={(v) => setParams(v ? { workshopId: v } : {})}
            options={ws.map((w) => ({ value: w.id, label: w.name }))}
          />
          {can('production.process.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="proc-new">
              {t(tx('起草', 'Draft'))}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            '车间按现行版本执行；修订须重新审批，批准前原版本继续有效，车间不得擅自变动（T4 第四十三条）。',
            'Workshops follow the version in force; a revision is approved again and the old one holds until then (T4 art. 43).',
          ),
        )}
      </Typography.Paragraph>
      <ErrorAlert error={list.error} />
      {isPhone ? (
        <List
          dataSource={list.data}
          loading={list.isLoading}
          renderItem={(d) => (
            <Card size="small" style={{ marginBottom: 8 }} onClick={() => navigate(`/production/process-docs/${d.id}`)}>
              <Typography.Text strong>{d.title}</Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {d.number} · {t(PROCESS_CATEGORY_LABELS[d.category])} · {d.workshopName ?? t(tx('全部车间', 'All workshops'))}
                </Typography.Text>
              </div>
              <ProcessStateTags d={d} />
            </Card>
          )}
        />
      ) : (
        <Table<ProcessDocSummary>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data}
          columns={[
            {
              title: t(tx('编号', 'Number')),
              dataIndex: 'number',
              width: 130,
              render: (v: string, d) => <Link to={`/production/process-docs/${d.id}`}>{v}</Link>,
            },
            { title: t(tx('标题', 'Title')), dataIndex: 'title' },
            { title: t(tx('类别', 'Category')), dataIndex: 'category', width: 120, render: (c: string) => t(PROCESS_CATEGORY_LABELS[c]) },
            { title: t(tx('适用车间', 'Workshop')), dataIndex: 'workshopName', width: 110, render: (n: string | null) => n ?? t(tx('全部车间', 'All')) },
            { title: t(tx('状态', 'State')), width: 220, render: (_: unknown, d) => <ProcessStateTags d={d} /> },
            { title: t(tx('更新', 'Updated')), dataIndex: 'updatedAt', width: 110, render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
          ]}
        />
      )}
      <Modal
        open={creating}
        width={720}
        title={t(tx('起草工艺文件', 'Draft a process document'))}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okText={t(tx('保存草稿', 'Save draft'))}
        destroyOnHidden
      >
        <ErrorAlert error={create.error} />
        <ProcessDocForm
          form={form}
          workshops={ws}
          isNew
          initialValues={{ category: 'procedure', title: '', scope: '', workshopId: workshopId ?? null, items: [{ title: '', requirement: '' }] }}
          onFinish={(v) => create.mutate(v)}
        />
      </Modal>
    </Page>
  );
}

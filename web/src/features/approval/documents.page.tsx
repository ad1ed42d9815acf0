import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { type DocumentState, type DocumentSummary, type DocumentTypeInfo, type DocumentView, STATE_COLORS, STATE_LABELS } from './approval.types';
import { orgTime } from '../../ui/time';

export function DocumentsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [docType, setDocType] = useState<string | undefined>();
  const [state, setState] = useState<DocumentState | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ docType: string; title: string }>();
  const types = useQuery({ queryKey: ['document-types'], queryFn: () => get<DocumentTypeInfo[]>('/document-types') });
  const params = new URLSearchParams();
  if (docType) params.set('docType', docType);
  if (state) params.set('state', state);
  if (q.trim()) params.set('q', q.trim());
  const list = useQuery({ queryKey: ['documents', params.toString()], queryFn: () => get<DocumentSummary[]>(`/documents?${params}`) });
  const create = useMutation({
    mutationFn: (v: { docType: string; title: string }) => post<DocumentView>('/documents', { ...v, body: { content: '', lines: [] } }),
    onSuccess: (d) => navigate(`/documents/${d.id}`),
  });
  const editableTypes = (types.data ?? []).filter((x) => x.isGenericEditable);

  return (
    <Page
      title={tx('文件', 'Documents')}
      extra={
        can('document.write') && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-document" onClick={() => setCreating(true)}>
            {t(tx('起草文件', 'New document'))}
          </Button>
        )
      }
    >
      <ErrorAlert error={list.error ?? types.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ minWidth: 160 }}
          aria-label={t(tx('文件类型', 'Type'))}
          placeholder={t(tx('文件类型', 'Type'))}
          value={docType}
          onChange={setDocType}
          options={(types.data ?? []).map((x) => ({ value: x.docType, label: t(x.label) }))}
        />
        <Select
          allowClear
          style={{ minWidth: 120 }}
          aria-label={t(tx('状态', 'State'))}
          placeholder={t(tx('状态', 'State'))}
          value={state}
          onChange={setState}
          options={(Object.keys(STATE_LABELS) as DocumentState[]).map((s) => ({ value: s, label: t(STATE_LABELS[s]) }))}
        />
        <Input.Search
          allowClear
          aria-label={t(tx('标题或编号', 'Title or number'))}
          placeholder={t(tx('标题或编号', 'Title or number'))}
          onSearch={setQ}
          style={{ width: 200 }}
        />
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t(tx('编号', 'Number')), dataIndex: 'number', width: 140 },
          { title: t(tx('标题', 'Title')), dataIndex: 'title', render: (v: string, d: DocumentSummary) => <Link to={d.link}>{v}</Link> },
          { title: t(tx('类型', 'Type')), dataIndex: 'docTypeLabel', width: 130, render: (v: DocumentSummary['docTypeLabel']) => t(v) },
          {
            title: t(tx('状态', 'State')),
            dataIndex: 'state',
            width: 100,
            render: (s: DocumentState) => <Tag color={STATE_COLORS[s]}>{t(STATE_LABELS[s])}</Tag>,
          },
          { title: t(tx('起草人', 'Author')), dataIndex: 'authorName', width: 100 },
          { title: t(tx('更新时间', 'Updated')), dataIndex: 'updatedAt', width: 150, render: (v: string) => orgTime(v).format('YYYY-MM-DD HH:mm') },
        ]}
      />
      <Modal
        open={creating}
        title={t(tx('起草文件', 'New document'))}
        onCancel={() => setCreating(false)}
        okText={t(tx('创建', 'Create'))}
        okButtonProps={{ loading: create.isPending, 'data-testid': 'new-document-create' }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <ErrorAlert error={create.error} />
        <Form form={form} layout="vertical" initialValues={{ docType: 'general' }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="docType" label={t(tx('文件类型', 'Type'))}>
            <Select
              options={(editableTypes.length ? editableTypes : [{ docType: 'general', label: tx('通用文件', 'General document') }]).map((x) => ({
                value: x.docType,
                label: t(x.label),
              }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t(tx('标题', 'Title'))} rules={[{ required: true, whitespace: true, message: t(tx('请输入标题', 'Enter a title')) }]}>
            <Input maxLength={200} data-testid="new-document-title" />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}

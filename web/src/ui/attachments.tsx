import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Popconfirm, Select, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { del, download, get, post } from './api';
import { useAuth } from './auth';
import { type Text, tx, useI18n } from './i18n';
import type { AttachmentInfo } from '#core/archive';
import type { Wire } from '#core/validation';
import { ErrorAlert } from './page';
import { orgTime } from './time';

/** An archived file as the server answers it (no storage key ever leaves the server). */
export type Attachment = Wire<AttachmentInfo>;

/** Archive categories (S2 五.3–五.4); the server holds the same list. */
export const ARCHIVE_CATEGORIES: { value: string; label: Text }[] = [
  { value: 'plan', label: tx('计划', 'Plan') },
  { value: 'record', label: tx('记录', 'Record') },
  { value: 'certificate', label: tx('证书', 'Certificate') },
  { value: 'lesson-plan', label: tx('教案', 'Lesson plan') },
  { value: 'reflection', label: tx('反思', 'Reflection') },
  { value: 'study-notes', label: tx('学习笔记', 'Study notes') },
  { value: 'summary', label: tx('总结', 'Summary') },
  { value: 'other', label: tx('其他', 'Other') },
];

export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.doc,.xls,.txt,.csv,.md';

export const formatSize = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function useCategoryLabel() {
  const { t } = useI18n();
  return (value: string) => {
    const c = ARCHIVE_CATEGORIES.find((x) => x.value === value);
    return c ? t(c.label) : value;
  };
}

/** Sends one file; the server checks its type and size and answers FILE_REJECTED with the reason. */
export function uploadFile(file: File, query: Record<string, string | undefined>): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  const qs = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1])).toString();
  return post<Attachment>(`/attachments?${qs}`, form);
}

export interface AttachmentsProps {
  /** The record the files belong to, e.g. entity="training.session" entityId={session.id}. */
  entity?: string;
  entityId?: string;
  /** Files of one person's archive (a teacher's development archive). */
  ownerUserId?: string;
  defaultCategory?: string;
  isReadOnly?: boolean;
}

/** List, upload, download and delete the files of any record. Drop it into any page. */
export function Attachments({ entity, entityId, ownerUserId, defaultCategory = 'record', isReadOnly }: AttachmentsProps) {
  const { t } = useI18n();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const categoryLabel = useCategoryLabel();
  const [category, setCategory] = useState(defaultCategory);
  const query = new URLSearchParams(Object.entries({ entity, entityId, ownerUserId }).filter((e): e is [string, string] => !!e[1])).toString();
  const key = ['attachments', entity ?? null, entityId ?? null, ownerUserId ?? null];
  const list = useQuery({ queryKey: key, queryFn: () => get<Attachment[]>(`/attachments?${query}`) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['attachments'] });
  const send = useMutation({
    mutationFn: (file: File) => uploadFile(file, { entity, entityId, ownerUserId, category }),
    onSuccess: () => {
      message.success(t(tx('已上传', 'Uploaded')));
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (a: Attachment) => del(`/attachments/${a.id}?version=${a.version}`),
    onSuccess: refresh,
  });
  const fetchFile = useMutation({ mutationFn: (a: Attachment) => download(`/attachments/${a.id}/download`, a.fileName) });
  const canWrite = !isReadOnly && can('archive.write');
  const canDelete = (a: Attachment) => canWrite && (a.uploadedBy === me?.userId || can('admin.org'));

  return (
    <div>
      <ErrorAlert error={list.error ?? send.error ?? remove.error ?? fetchFile.error} />
      {canWrite && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Select
            value={category}
            onChange={setCategory}
            style={{ minWidth: 120 }}
            options={ARCHIVE_CATEGORIES.map((c) => ({ value: c.value, label: t(c.label) }))}
            aria-label={t(tx('类别', 'Category'))}
          />
          <Upload
            accept={ACCEPTED_FILES}
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              send.mutateAsync(file as File).then(
                () => onSuccess?.({}),
                (e: Error) => onError?.(e),
              );
            }}
          >
            <Button icon={<UploadOutlined />} loading={send.isPending}>
              {t(tx('上传附件', 'Upload a file'))}
            </Button>
          </Upload>
        </Space>
      )}
      <List
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t(tx('暂无附件', 'No files')) }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button
                key="dl"
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => fetchFile.mutate(a)}
                aria-label={t(tx('下载', 'Download'))}
              />,
              ...(canDelete(a)
                ? [
                    <Popconfirm
                      key="rm"
                      title={t(tx('删除该附件？（可由管理员在审计中追溯）', 'Delete this file? (kept in the audit trail)'))}
                      onConfirm={() => remove.mutate(a)}
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t(tx('删除', 'Delete'))} />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Tag>{categoryLabel(a.category)}</Tag>
                  <Typography.Link onClick={() => fetchFile.mutate(a)}>{a.title}</Typography.Link>
                </Space>
              }
              description={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.fileName} · {formatSize(a.sizeBytes)} · {a.uploaderName ?? ''} · {orgTime(a.uploadedAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}

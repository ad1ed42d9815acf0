import { DeleteOutlined, DownloadOutlined, FileExcelOutlined, FileZipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Input, Popconfirm, Row, Select, Space, Table, Tabs, Tag, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { del, download, get } from '../../ui/api';
import { ACCEPTED_FILES, ARCHIVE_CATEGORIES, type Attachment, Attachments, formatSize, uploadFile, useCategoryLabel } from '../../ui/attachments';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';

interface Filter {
  category?: string;
  entity?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  owner?: string;
  uploader?: string;
}

const queryOf = (f: Filter): string =>
  new URLSearchParams(
    Object.entries({
      category: f.category,
      entity: f.entity?.trim(),
      from: f.range?.[0]?.format('YYYY-MM-DD'),
      to: f.range?.[1]?.format('YYYY-MM-DD'),
      ownerUserId: f.owner,
      uploadedBy: f.uploader,
    }).filter((e): e is [string, string] => !!e[1]),
  ).toString();

const distinct = (rows: Attachment[], id: (a: Attachment) => string | null, name: (a: Attachment) => string | null) =>
  [...new Map(rows.filter((a) => id(a)).map((a) => [id(a)!, name(a) ?? id(a)!])).entries()].map(([value, label]) => ({ value, label }));

function OrgArchive() {
  const { t } = useI18n();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const categoryLabel = useCategoryLabel();
  const [filter, setFilter] = useState<Filter>({});
  const [uploadCategory, setUploadCategory] = useState('record');
  const query = queryOf(filter);
  const list = useQuery({ queryKey: ['attachments', 'org', query], queryFn: () => get<Attachment[]>(`/attachments?limit=1000&${query}`) });
  // People to filter by come from the unfiltered archive, so a choice never empties its own list.
  const everyone = useQuery({ queryKey: ['attachments', 'org', 'all'], queryFn: () => get<Attachment[]>('/attachments?limit=1000') });
  const owners = useMemo(
    () =>
      distinct(
        everyone.data ?? [],
        (a) => a.ownerUserId,
        (a) => a.ownerName,
      ),
    [everyone.data],
  );
  const uploaders = useMemo(
    () =>
      distinct(
        everyone.data ?? [],
        (a) => a.uploadedBy,
        (a) => a.uploaderName,
      ),
    [everyone.data],
  );
  const refresh = () => qc.invalidateQueries({ queryKey: ['attachments'] });
  const send = useMutation({
    mutationFn: (file: File) => uploadFile(file, { category: uploadCategory }),
    onSuccess: () => {
      message.success(t(tx('已上传', 'Uploaded')));
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: (a: Attachment) => del(`/attachments/${a.id}?version=${a.version}`), onSuccess: refresh });
  const fetchFile = useMutation({ mutationFn: (a: Attachment) => download(`/attachments/${a.id}/download`, a.fileName) });
  const exporting = useMutation({ mutationFn: () => download(`/archive/export?${query}`, 'archive.xlsx') });
  // The files themselves, a folder per category, with the index (same filter as the list).
  const zipping = useMutation({ mutationFn: () => download(`/archive/export.zip?${query}`, 'archive.zip') });
  const canWrite = can('archive.write');

  return (
    <>
      <ErrorAlert error={list.error ?? send.error ?? remove.error ?? fetchFile.error ?? exporting.error ?? zipping.error} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t(tx('类别', 'Category'))}
              placeholder={t(tx('类别', 'Category'))}
              value={filter.category}
              onChange={(v) => setFilter({ ...filter, category: v })}
              options={ARCHIVE_CATEGORIES.map((c) => ({ value: c.value, label: t(c.label) }))}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              aria-label={t(tx('所属人员', 'Person'))}
              placeholder={t(tx('所属人员', 'Person'))}
              value={filter.owner}
              onChange={(v) => setFilter({ ...filter, owner: v })}
              options={owners}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              aria-label={t(tx('上传人', 'Uploaded by'))}
              placeholder={t(tx('上传人', 'Uploaded by'))}
              value={filter.uploader}
              onChange={(v) => setFilter({ ...filter, uploader: v })}
              options={uploaders}
            />
          </Col>
          <Col xs={12} md={4}>
            <Input
              allowClear
              aria-label={t(tx('记录类型', 'Record type'))}
              placeholder={t(tx('记录类型', 'Record type'))}
              value={filter.entity}
              onChange={(e) => setFilter({ ...filter, entity: e.target.value })}
            />
          </Col>
          <Col xs={24} md={8}>
            <DatePicker.RangePicker
              aria-label={t(tx('日期范围', 'Dates'))}
              style={{ width: '100%' }}
              value={filter.range ?? null}
              onChange={(v) => setFilter({ ...filter, range: v })}
            />
          </Col>
        </Row>
      </Card>
      <Space wrap style={{ marginBottom: 12 }}>
        {canWrite && (
          <>
            <Select
              value={uploadCategory}
              onChange={setUploadCategory}
              style={{ minWidth: 120 }}
              options={ARCHIVE_CATEGORIES.map((c) => ({ value: c.value, label: t(c.label) }))}
            />
            <Upload
              data-testid="archive-upload"
              accept={ACCEPTED_FILES}
              showUploadList={false}
              customRequest={({ file, onSuccess, onError }) => {
                send.mutateAsync(file as File).then(
                  () => onSuccess?.({}),
                  (e: Error) => onError?.(e),
                );
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={send.isPending}>
                {t(tx('上传到档案库', 'Upload to the archive'))}
              </Button>
            </Upload>
          </>
        )}
        <Button icon={<FileExcelOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()}>
          {t(tx('导出档案目录', 'Export the index'))}
        </Button>
        <Button data-testid="archive-export-zip" icon={<FileZipOutlined />} loading={zipping.isPending} onClick={() => zipping.mutate()}>
          {zipping.isPending ? t(tx('正在打包文件…', 'Packing the files…')) : t(tx('导出文件（zip）', 'Export the files (zip)'))}
        </Button>
      </Space>
      <Table<Attachment>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          { title: t(tx('上传日期', 'Uploaded on')), dataIndex: 'uploadedAt', width: 105, render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
          { title: t(tx('类别', 'Category')), dataIndex: 'category', width: 90, render: (v: string) => <Tag>{categoryLabel(v)}</Tag> },
          {
            title: t(tx('标题', 'Title')),
            dataIndex: 'title',
            render: (v: string, a) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => fetchFile.mutate(a)}>
                {v}
              </Button>
            ),
          },
          { title: t(tx('所属人员', 'Person')), dataIndex: 'ownerName', width: 100 },
          { title: t(tx('关联记录', 'Record')), width: 160, render: (_: unknown, a) => (a.entity ? `${a.entity} ${a.entityId}` : '') },
          { title: t(tx('大小', 'Size')), dataIndex: 'sizeBytes', width: 90, render: formatSize },
          { title: t(tx('上传人', 'Uploaded by')), dataIndex: 'uploaderName', width: 100 },
          {
            title: '',
            width: 90,
            render: (_: unknown, a) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => fetchFile.mutate(a)} aria-label={t(tx('下载', 'Download'))} />
                {canWrite && (a.uploadedBy === me?.userId || can('admin.org')) && (
                  <Popconfirm title={t(tx('删除该附件？', 'Delete this file?'))} onConfirm={() => remove.mutate(a)}>
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t(tx('删除', 'Delete'))} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

/** The organisation archive and the person's own development archive (CORE-9, ST-8). */
export function ArchivePage() {
  const { t } = useI18n();
  const { me, can } = useAuth();
  const mine = (
    <Card size="small" title={t(tx('我的成长档案：计划、记录、反思、证书、教案……', 'My archive: plans, records, reflections, certificates, lesson plans…'))}>
      {me && <Attachments ownerUserId={me.userId} defaultCategory="reflection" />}
    </Card>
  );
  return (
    <Page title={tx('档案', 'Archives')}>
      {can('archive.read') ? (
        <Tabs
          items={[
            { key: 'org', label: t(tx('单位档案', 'Organisation archive')), children: <OrgArchive /> },
            { key: 'mine', label: t(tx('我的档案', 'My archive')), children: mine },
          ]}
        />
      ) : (
        mine
      )}
    </Page>
  );
}

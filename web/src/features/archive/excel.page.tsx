import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Collapse, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import { ApiError, download, get, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { orgTime } from '../../ui/time';
import type { ExcelTableView, ImportJob as ServerImportJob, ImportSummary } from '#core/excel';
import type { Wire } from '#core/validation';

// The shapes the Excel API returns: the server's own types (src/core/excel/excel.contract.ts).
type ExcelTable = ExcelTableView;
type ImportJob = Wire<ServerImportJob>;

type RowError = { row?: number; column?: string; reason: string };

function importFile(name: string, file: File): Promise<ImportSummary> {
  const form = new FormData();
  form.append('file', file, file.name);
  return post(`/excel/${name}/import`, form);
}

function RowErrorTable({ errors }: { errors: RowError[] }) {
  const { t } = useI18n();
  return (
    <Table<RowError>
      rowKey={(_, i) => String(i)}
      size="small"
      dataSource={errors}
      pagination={errors.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 480 }}
      columns={[
        { title: t(tx('行', 'Row')), dataIndex: 'row', width: 70 },
        { title: t(tx('列', 'Column')), dataIndex: 'column', width: 140 },
        { title: t(tx('原因', 'Reason')), dataIndex: 'reason' },
      ]}
    />
  );
}

function TableCard({ table }: { table: ExcelTable }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const jobs = useQuery({ queryKey: ['excel', 'jobs', table.name], queryFn: () => get<ImportJob[]>(`/excel/${table.name}/imports`), enabled: table.canImport });
  const fetchFile = useMutation({ mutationFn: (kind: 'template' | 'export') => download(`/excel/${table.name}/${kind}`, `${table.name}.xlsx`) });
  const send = useMutation({
    mutationFn: (file: File) => importFile(table.name, file),
    onSuccess: (r) => {
      message.success(t(tx(`导入成功：新增 ${r.inserted} 条，更新 ${r.updated} 条`, `Imported: ${r.inserted} added, ${r.updated} updated`)));
      qc.invalidateQueries();
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['excel', 'jobs', table.name] }),
  });
  const refusal = send.error instanceof ApiError && send.error.code === 'IMPORT_FAILED' ? send.error : null;

  return (
    <Card
      title={t(table.label)}
      size="small"
      data-testid={`excel-${table.name}`}
      extra={
        <Space wrap>
          {table.isImportable && (
            <Button size="small" icon={<DownloadOutlined />} onClick={() => fetchFile.mutate('template')}>
              {t(tx('下载模板', 'Template'))}
            </Button>
          )}
          <Button size="small" icon={<FileExcelOutlined />} onClick={() => fetchFile.mutate('export')}>
            {t(tx('导出', 'Export'))}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={fetchFile.error ?? (refusal ? null : send.error)} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(tx('列：', 'Columns: '))}
        {table.columns.map((c) => (
          <Tag key={c.key} color={c.required ? 'red' : undefined}>
            {t(c.header)}
          </Tag>
        ))}
      </Typography.Paragraph>
      {table.canImport ? (
        <Upload
          accept=".xlsx"
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            send.mutateAsync(file as File).then(
              () => onSuccess?.({}),
              (e: Error) => onError?.(e),
            );
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={send.isPending} onClick={() => send.reset()}>
            {t(tx('导入 Excel', 'Import Excel'))}
          </Button>
        </Upload>
      ) : (
        <Typography.Text type="secondary">
          {table.isImportable ? t(tx('没有导入权限', 'You may not import')) : t(tx('仅可导出', 'Export only'))}
        </Typography.Text>
      )}
      {refusal && (
        <div style={{ marginTop: 12 }} data-testid="import-refusal">
          <Alert
            type="error"
            showIcon
            message={refusal.message}
            description={t(tx('文件中的所有数据均未写入，请按下表修改后重新导入。', 'Nothing from the file was written; fix the rows below and import again.'))}
            style={{ marginBottom: 8 }}
          />
          <RowErrorTable errors={refusal.details ?? []} />
        </div>
      )}
      {table.canImport && (jobs.data?.length ?? 0) > 0 && (
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'jobs',
              label: t(tx('导入记录', 'Import history')),
              children: (
                <Table<ImportJob>
                  rowKey="id"
                  size="small"
                  dataSource={jobs.data}
                  pagination={false}
                  scroll={{ x: 520 }}
                  expandable={{ rowExpandable: (j) => j.errors.length > 0, expandedRowRender: (j) => <RowErrorTable errors={j.errors} /> }}
                  columns={[
                    { title: t(tx('时间', 'Time')), dataIndex: 'createdAt', width: 140, render: (v: string) => orgTime(v).format('YYYY-MM-DD HH:mm') },
                    { title: t(tx('文件', 'File')), dataIndex: 'fileName' },
                    {
                      title: t(tx('结果', 'Result')),
                      width: 150,
                      render: (_: unknown, j) =>
                        j.status === 'succeeded' ? (
                          <Tag color="green">{t(tx(`新增 ${j.inserted} / 更新 ${j.updated}`, `+${j.inserted} / ~${j.updated}`))}</Tag>
                        ) : (
                          <Tag color="red">{t(tx(`${j.errors.length} 处错误`, `${j.errors.length} error(s)`))}</Tag>
                        ),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** Excel import and export of the main tables (CORE-11): template, export, all-or-nothing import. */
export function ExcelPage() {
  const { t } = useI18n();
  const tables = useQuery({ queryKey: ['excel', 'tables'], queryFn: () => get<ExcelTable[]>('/excel/tables') });
  return (
    <Page title={tx('Excel 导入导出', 'Excel import/export')}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          tx(
            '导出的文件只有一行表头，可直接修改后再导入；只要有一行出错，整个文件都不会写入。',
            'Exports have one header row and import back as they are; if any row is wrong, nothing from the file is written.',
          ),
        )}
      />
      <ErrorAlert error={tables.error} />
      <Row gutter={[16, 16]}>
        {(tables.data ?? []).map((table) => (
          <Col key={table.name} xs={24} lg={12}>
            <TableCard table={table} />
          </Col>
        ))}
      </Row>
    </Page>
  );
}

import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Upload } from 'antd';
import { api, download } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';

export interface ExcelButtonsProps {
  /** The server's Excel table, e.g. production-items. */
  table: string;
  /** The file's name, as the user reads it. */
  label: string;
  /** The right the table asks for: without it nothing shows (the server refuses the export too). */
  permission?: string;
  /** The query key refreshed after an import. */
  refresh?: readonly string[];
}

/** Excel round trip of a table, with the column names planners use (CORE-11): export, template, import. */
export function ExcelButtons({ table, label, permission = 'production.master.write', refresh = ['production'] }: ExcelButtonsProps) {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<{ inserted: number; updated: number }>('POST', `/excel/${table}/import`, form);
    },
    onSuccess: (r) => {
      message.success(t(tx(`已导入：新增 ${r.inserted}，更新 ${r.updated}`, `Imported: ${r.inserted} new, ${r.updated} updated`)));
      qc.invalidateQueries({ queryKey: [...refresh] });
    },
  });
  // The export and the template need the table's right as well as the import (excel.routes).
  if (!can(permission)) return null;
  return (
    <Space wrap>
      <ErrorAlert error={upload.error} />
      <Button icon={<DownloadOutlined />} onClick={() => download(`/excel/${table}/export`, `${label}.xlsx`)}>
        {t(tx('导出', 'Export'))}
      </Button>
      <Button onClick={() => download(`/excel/${table}/template`, `${label}-模板.xlsx`)}>{t(tx('模板', 'Template'))}</Button>
      {can('excel.import') && (
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(f) => {
            upload.mutate(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending}>
            {t(tx('导入', 'Import'))}
          </Button>
        </Upload>
      )}
    </Space>
  );
}

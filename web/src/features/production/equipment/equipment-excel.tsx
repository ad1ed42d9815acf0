import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Upload } from 'antd';
import { api, download } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';

/** The machine register to and from Excel (PP-23): export, template, and import for maintenance. */
export function MachineExcelButtons() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const label = t(tx('设备台账', 'Machine register'));
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<{ inserted: number; updated: number }>('POST', '/excel/production-machines/import', form);
    },
    onSuccess: (r) => {
      message.success(t(tx(`已导入：新增 ${r.inserted}，更新 ${r.updated}`, `Imported: ${r.inserted} new, ${r.updated} updated`)));
      qc.invalidateQueries({ queryKey: ['equipment'] });
    },
  });
  if (!can('production.equipment.write')) return null;
  return (
    <Space wrap>
      <ErrorAlert error={upload.error} />
      <Button icon={<DownloadOutlined />} onClick={() => download('/excel/production-machines/export', `${label}.xlsx`)}>
        {t(tx('导出', 'Export'))}
      </Button>
      <Button onClick={() => download('/excel/production-machines/template', `${label}-模板.xlsx`)}>{t(tx('模板', 'Template'))}</Button>
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

import { tx, useI18n } from '../../../ui/i18n';
import { ExcelButtons } from '../excel-buttons';

/** The machine register to and from Excel (PP-23): export, template, and import for maintenance. */
export function MachineExcelButtons() {
  const { t } = useI18n();
  return (
    <ExcelButtons table="production-machines" label={t(tx('设备台账', 'Machine register'))} permission="production.equipment.write" refresh={['equipment']} />
  );
}

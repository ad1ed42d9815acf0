// exceljs (~0.5 s of CPU to load) is imported when a workbook is first read or written, not at start.
import type ExcelJS from 'exceljs';
import { type CellData, type ColumnDef, headerOf, type SheetDef, type SheetLocale, type SheetRow } from './sheet.definition';

// Excel refuses these in sheet names and cuts them at 31 characters.
const safeSheetName = (name: string): string => name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';

function toCell(c: ColumnDef, value: CellData | undefined, locale: SheetLocale): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (c.type) {
    case 'date': {
      const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : String(value);
    }
    case 'boolean':
      return value === true ? (locale === 'en' ? 'Yes' : '是') : locale === 'en' ? 'No' : '否';
    case 'enum': {
      const e = c.enumValues?.find((x) => x.value === value);
      return e ? (locale === 'en' ? e.en : e.zh) : String(value);
    }
    case 'number':
    case 'integer':
      return typeof value === 'number' ? value : Number(value);
    default:
      return String(value);
  }
}

/**
 * A clean table: one header row, then data. No title rows above it, so every export
 * imports back as it is (moodle mod_attendance#263). Printed forms are separate.
 */
export async function exportSheet(def: SheetDef, rows: SheetRow[], locale: SheetLocale = 'zh-CN'): Promise<Buffer> {
  return exportWorkbook([{ def, rows }], locale);
}

/** Several clean tables in one workbook, one sheet each, in the order given. */
export async function exportWorkbook(sheets: readonly { def: SheetDef; rows: SheetRow[] }[], locale: SheetLocale = 'zh-CN'): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Zhidu';
  for (const { def, rows } of sheets) {
    const sheet = workbook.addWorksheet(safeSheetName(def.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = def.columns.map((c) => ({
      header: headerOf(c, locale),
      key: c.key,
      width: c.width ?? Math.max(10, headerOf(c, locale).length * 2 + 2),
      style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.type === 'string' ? { numFmt: '@' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(def.columns.map((c) => toCell(c, row[c.key], locale)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import ExcelJS from 'exceljs';
import { AppError, type ErrorDetail } from '../errors';
import {
  type CellData,
  type ColumnDef,
  headerOf,
  normaliseHeader,
  type SheetDef,
  type SheetLocale,
  type SheetRow,
  textIn,
} from './sheet.definition';

export interface ParsedSheet {
  rows: SheetRow[];
  /** The row number Excel shows for each entry of rows. */
  rowNumbers: number[];
}

export interface ParseOptions {
  locale?: SheetLocale;
  maxRows?: number;
}

type Plain = string | number | boolean | Date | { error: string } | null;

// How far down a header row may sit when someone kept a title above the table.
const HEADER_SCAN_ROWS = 10;
const DEFAULT_MAX_ROWS = 20_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const TRUE_WORDS = new Set(['是', '对', 'true', 'yes', 'y', '1', '√', '✓']);
const FALSE_WORDS = new Set(['否', '错', 'false', 'no', 'n', '0', '×', '✗']);

export function importFailed(details: ErrorDetail[]): AppError {
  return new AppError(
    'IMPORT_FAILED',
    `导入失败：共 ${details.length} 处错误，未写入任何数据`,
    `Import refused: ${details.length} error(s); nothing was written`,
    details,
  );
}

function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return plain(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return plain(value.text);
  if ('error' in value) return { error: value.error };
  if ('result' in value) return plain((value.result ?? null) as ExcelJS.CellValue);
  return null;
}

const isoOf = (y: number, m: number, d: number): string | undefined => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

const isoOfDate = (d: Date): string => d.toISOString().slice(0, 10);

function convert(c: ColumnDef, v: Exclude<Plain, null>, locale: SheetLocale): { value: CellData } | { reason: string } {
  if (typeof v === 'object' && !(v instanceof Date)) return { reason: textIn(locale, `单元格含错误值 ${v.error}`, `cell holds the error ${v.error}`) };
  switch (c.type) {
    case 'string':
      return { value: v instanceof Date ? isoOfDate(v) : String(v) };
    case 'number':
    case 'integer': {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/[,，\s]/g, '')) : Number.NaN;
      if (!Number.isFinite(n)) return { reason: textIn(locale, `不是数字：${String(v)}`, `not a number: ${String(v)}`) };
      if (c.type === 'integer' && !Number.isInteger(n)) return { reason: textIn(locale, `须为整数：${String(v)}`, `must be a whole number: ${String(v)}`) };
      return { value: n };
    }
    case 'date': {
      if (v instanceof Date) return { value: isoOfDate(v) };
      if (typeof v === 'number' && v >= 1 && v < 2_958_466 && Number.isInteger(v)) {
        return { value: isoOfDate(new Date(EXCEL_EPOCH_MS + v * 86_400_000)) };
      }
      const m = typeof v === 'string' ? /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v) : null;
      const iso = m ? isoOf(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
      return iso ? { value: iso } : { reason: textIn(locale, `日期无效（应为 YYYY-MM-DD）：${String(v)}`, `invalid date (expected YYYY-MM-DD): ${String(v)}`) };
    }
    case 'boolean': {
      if (typeof v === 'boolean') return { value: v };
      const w = String(v).trim().toLowerCase();
      if (TRUE_WORDS.has(w)) return { value: true };
      if (FALSE_WORDS.has(w)) return { value: false };
      return { reason: textIn(locale, `应为“是”或“否”：${String(v)}`, `expected yes or no: ${String(v)}`) };
    }
    case 'enum': {
      const w = String(v).trim().toLowerCase();
      const e = c.enumValues?.find((x) => x.value.toLowerCase() === w || x.zh === String(v).trim() || x.en.toLowerCase() === w);
      if (e) return { value: e.value };
      const allowed = (c.enumValues ?? []).map((x) => (locale === 'en' ? x.en : x.zh)).join(locale === 'en' ? ', ' : '、');
      return { reason: textIn(locale, `不是允许的取值（${allowed}）：${String(v)}`, `not one of ${allowed}: ${String(v)}`) };
    }
  }
}

function cellText(value: ExcelJS.CellValue): string {
  const v = plain(value);
  return v === null || typeof v === 'object' ? '' : String(v);
}

function findHeader(sheet: ExcelJS.Worksheet, def: SheetDef): { rowNumber: number; columns: Map<number, { def: ColumnDef; text: string }> } | undefined {
  const byHeader = new Map<string, ColumnDef>();
  for (const c of def.columns) {
    for (const h of [c.header.zh, c.header.en, c.key]) byHeader.set(normaliseHeader(h), c);
  }
  let best: { rowNumber: number; columns: Map<number, { def: ColumnDef; text: string }> } | undefined;
  const last = Math.min(sheet.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    const columns = new Map<number, { def: ColumnDef; text: string }>();
    sheet.getRow(r).eachCell((cell, col) => {
      const text = cellText(cell.value);
      const c = byHeader.get(normaliseHeader(text));
      if (c) columns.set(col, { def: c, text: text.trim() });
    });
    if (columns.size > (best?.columns.size ?? 0)) best = { rowNumber: r, columns };
    if (columns.size === def.columns.length) break;
  }
  return best;
}

/** A header row cell naming a column the sheet refuses (see SheetDef.refusedHeaders). */
function refusedColumns(sheet: ExcelJS.Worksheet, rowNumber: number, def: SheetDef, locale: SheetLocale): ErrorDetail[] {
  const refused = new Map<string, { zh: string; en: string }>();
  for (const r of def.refusedHeaders ?? []) for (const h of r.headers) refused.set(normaliseHeader(h), r.reason);
  const found: ErrorDetail[] = [];
  if (refused.size === 0) return found;
  sheet.getRow(rowNumber).eachCell((cell) => {
    const text = cellText(cell.value).trim();
    const reason = refused.get(normaliseHeader(text));
    if (reason) found.push({ row: rowNumber, column: text, reason: textIn(locale, reason.zh, reason.en) });
  });
  return found;
}

/**
 * Reads a sheet against its definition. Either every row is good, or it throws
 * IMPORT_FAILED listing every bad cell (Excel's row number, the file's column header).
 */
export async function parseSheet(def: SheetDef, buffer: Buffer, options: ParseOptions = {}): Promise<ParsedSheet> {
  const locale = options.locale ?? 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw importFailed([{ reason: textIn(locale, '不是有效的 Excel（.xlsx）文件', 'not a valid Excel (.xlsx) file') }]);
  }
  const sheet = workbook.worksheets.find((w) => w.name === def.name) ?? workbook.worksheets[0];
  const header = sheet ? findHeader(sheet, def) : undefined;
  if (!sheet || !header) {
    throw importFailed([{ row: 1, reason: textIn(locale, '找不到表头行（列名与模板不符）', 'no header row found (column names do not match the template)') }]);
  }
  const errors: ErrorDetail[] = refusedColumns(sheet, header.rowNumber, def, locale);
  const seen = new Map<string, number>();
  for (const [col, { def: c }] of header.columns) {
    if (seen.has(c.key)) errors.push({ row: header.rowNumber, column: headerOf(c, locale), reason: textIn(locale, '列重复', 'duplicate column') });
    seen.set(c.key, col);
  }
  for (const c of def.columns) {
    if (c.required && !seen.has(c.key)) {
      errors.push({ row: header.rowNumber, column: headerOf(c, locale), reason: textIn(locale, '缺少必填列', 'required column missing') });
    }
  }
  if (errors.length) throw importFailed(errors);

  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const rows: SheetRow[] = [];
  const rowNumbers: number[] = [];
  for (let r = header.rowNumber + 1; r <= sheet.rowCount; r++) {
    const excelRow = sheet.getRow(r);
    const values = new Map<number, Plain>();
    for (const col of header.columns.keys()) values.set(col, plain(excelRow.getCell(col).value));
    if ([...values.values()].every((v) => v === null)) continue;
    if (rows.length >= maxRows) {
      throw importFailed([{ row: r, reason: textIn(locale, `行数超过上限 ${maxRows}`, `more than ${maxRows} rows`) }]);
    }
    const row: SheetRow = {};
    for (const c of def.columns) row[c.key] = null;
    for (const [col, { def: c, text }] of header.columns) {
      const v = values.get(col) ?? null;
      if (v === null) {
        if (c.required) errors.push({ row: r, column: text, reason: textIn(locale, '必填', 'required') });
        continue;
      }
      const out = convert(c, v, locale);
      if ('reason' in out) errors.push({ row: r, column: text, reason: out.reason });
      else row[c.key] = out.value;
    }
    rows.push(row);
    rowNumbers.push(r);
  }
  if (errors.length) throw importFailed(errors);
  return { rows, rowNumbers };
}

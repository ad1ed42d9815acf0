import { Readable } from 'node:stream';
// exceljs (~0.5 s of CPU to load) is imported when a workbook is first read or written, not at start.
import type ExcelJS from 'exceljs';
import { AppError, type ErrorDetail } from '../errors';
import { type CellData, type ColumnDef, headerOf, normaliseHeader, type SheetDef, type SheetLocale, type SheetRow, textIn } from './sheet.definition';

export interface ParsedSheet {
  rows: SheetRow[];
  /** The row number Excel shows for each entry of rows. */
  rowNumbers: number[];
}

export interface ParseOptions {
  locale?: SheetLocale;
  maxRows?: number;
  /** Refuse a file that inflates past this many bytes (a zip bomb), checked before reading. */
  maxUncompressedBytes?: number;
}

type Plain = string | number | boolean | Date | { error: string } | null;

// How far down a header row may sit when someone kept a title above the table.
const HEADER_SCAN_ROWS = 10;
export const DEFAULT_MAX_ROWS = 20_000;
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
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

type HeaderColumns = Map<number, { def: ColumnDef; text: string }>;

function matchHeader(row: ExcelJS.Row, byHeader: Map<string, ColumnDef>): HeaderColumns {
  const columns: HeaderColumns = new Map();
  row.eachCell((cell, col) => {
    const text = cellText(cell.value);
    const c = byHeader.get(normaliseHeader(text));
    if (c) columns.set(col, { def: c, text: text.trim() });
  });
  return columns;
}

/** The path of the named sheet inside the zip ('xl/worksheets/sheet2.xml'), when the workbook has it. */
function sheetNumberOf(reader: ExcelJS.stream.xlsx.WorkbookReader, name: string): string | undefined {
  const r = reader as unknown as { model?: { sheets?: { name: string; rId: string }[] }; workbookRels?: { Id: string; Target: string }[] };
  const sheet = r.model?.sheets?.find((x) => x.name === name);
  const target = sheet && r.workbookRels?.find((x) => x.Id === sheet.rId)?.Target;
  return target ? /sheet(\d+)\.xml$/.exec(target)?.[1] : undefined;
}

/** A header row cell naming a column the sheet refuses (see SheetDef.refusedHeaders). */
function refusedColumns(row: ExcelJS.Row, def: SheetDef, locale: SheetLocale): ErrorDetail[] {
  const refused = new Map<string, { zh: string; en: string }>();
  for (const r of def.refusedHeaders ?? []) for (const h of r.headers) refused.set(normaliseHeader(h), r.reason);
  const found: ErrorDetail[] = [];
  if (refused.size === 0) return found;
  row.eachCell((cell) => {
    const text = cellText(cell.value).trim();
    const reason = refused.get(normaliseHeader(text));
    if (reason) found.push({ row: row.number, column: text, reason: textIn(locale, reason.zh, reason.en) });
  });
  return found;
}

/**
 * Reads a sheet against its definition with exceljs's streaming reader, row by row: it stops
 * at the row limit instead of loading the whole file, and refuses a file that would inflate
 * past the limit before reading it. Either every row is good, or it throws IMPORT_FAILED
 * listing every bad cell (Excel's row number, the file's column header).
 */
export async function parseSheetStream(def: SheetDef, buffer: Buffer, options: ParseOptions = {}): Promise<ParsedSheet> {
  const locale = options.locale ?? 'zh-CN';
  const notXlsx = () => importFailed([{ reason: textIn(locale, '不是有效的 Excel（.xlsx）文件', 'not a valid Excel (.xlsx) file') }]);
  const sizes = zipSizes(buffer);
  if (!sizes) throw notXlsx();
  const maxBytes = options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  if (sizes.uncompressed > maxBytes) {
    const mb = Math.round(maxBytes / 1024 / 1024);
    throw importFailed([{ reason: textIn(locale, `文件解压后超过 ${mb} MB，不能导入`, `the file inflates to more than ${mb} MB; it cannot be imported`) }]);
  }
  const byHeader = new Map<string, ColumnDef>();
  for (const c of def.columns) for (const h of [c.header.zh, c.header.en, c.key]) byHeader.set(normaliseHeader(h), c);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let result: { header: { rowNumber: number; columns: HeaderColumns } | undefined; rows: SheetRow[]; rowNumbers: number[]; errors: ErrorDetail[] } | undefined;
  try {
    for await (const worksheet of reader) {
      const id = String((worksheet as unknown as { id: string | number }).id);
      const wanted = sheetNumberOf(reader, def.name);
      // The sheet named like the definition, else the first one.
      if (result && (wanted === undefined || wanted !== id)) continue;
      result = await readRows(worksheet, def, byHeader, maxRows, locale);
      if (wanted === undefined || wanted === id) break;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw notXlsx();
  }
  if (!result?.header) {
    throw importFailed([{ row: 1, reason: textIn(locale, '找不到表头行（列名与模板不符）', 'no header row found (column names do not match the template)') }]);
  }
  if (result.errors.length) throw importFailed(result.errors);
  return { rows: result.rows, rowNumbers: result.rowNumbers };
}

async function readRows(worksheet: AsyncIterable<ExcelJS.Row>, def: SheetDef, byHeader: Map<string, ColumnDef>, maxRows: number, locale: SheetLocale) {
  let header: { rowNumber: number; columns: HeaderColumns } | undefined;
  let refused: ErrorDetail[] = [];
  const rows: SheetRow[] = [];
  const rowNumbers: number[] = [];
  const errors: ErrorDetail[] = [];
  for await (const excelRow of worksheet) {
    const r = excelRow.number;
    // A header may sit a few rows down when someone kept a title above the table.
    if (!header || (rows.length === 0 && r <= HEADER_SCAN_ROWS && header.columns.size < def.columns.length)) {
      if (r > HEADER_SCAN_ROWS && !header) break;
      const columns = matchHeader(excelRow, byHeader);
      if (columns.size > (header?.columns.size ?? 0)) {
        header = { rowNumber: r, columns };
        refused = refusedColumns(excelRow, def, locale);
        continue;
      }
      if (!header) continue;
    }
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
  if (header) {
    const headerErrors: ErrorDetail[] = [...refused];
    const seen = new Map<string, number>();
    for (const [col, { def: c }] of header.columns) {
      if (seen.has(c.key)) headerErrors.push({ row: header.rowNumber, column: headerOf(c, locale), reason: textIn(locale, '列重复', 'duplicate column') });
      seen.set(c.key, col);
    }
    for (const c of def.columns) {
      if (c.required && !seen.has(c.key))
        headerErrors.push({ row: header.rowNumber, column: headerOf(c, locale), reason: textIn(locale, '缺少必填列', 'required column missing') });
    }
    if (headerErrors.length) return { header, rows: [], rowNumbers: [], errors: headerErrors };
  }
  return { header, rows, rowNumbers, errors };
}

/**
 * The sizes the zip's central directory declares, without inflating anything; undefined when
 * the bytes are not a zip. Declared sizes can lie: the worker's memory limit is the backstop.
 */
export function zipSizes(buffer: Buffer): { entries: number; uncompressed: number } | undefined {
  const EOCD = 0x06054b50;
  const from = Math.max(0, buffer.length - 22 - 0xffff);
  let at = -1;
  for (let i = buffer.length - 22; i >= from; i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return undefined;
  const entries = buffer.readUInt16LE(at + 10);
  let p = buffer.readUInt32LE(at + 16);
  let uncompressed = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== 0x02014b50) return undefined;
    const size = buffer.readUInt32LE(p + 24);
    // A zip64 entry (size 0xFFFFFFFF) is far past any limit we accept.
    uncompressed += size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size;
    p += 46 + buffer.readUInt16LE(p + 28) + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
  }
  return { entries, uncompressed };
}

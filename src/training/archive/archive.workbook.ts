import { labelOfCode } from './archive.labels';

type Text = { zh: string; en: string };
export type Cell = string | number | boolean | null;

export interface ArchiveSheet {
  name: Text;
  columns: { key: string; header: Text; width?: number }[];
  rows: Record<string, Cell>[];
}

// Columns that hold codes: written as labels, never `semester` or `moralEducation` (issue 13 item 10).
const CODE_COLUMNS = new Set(['kind', 'state', 'status', 'category', 'review', 'item', 'outline', 'verdict']);

/**
 * One workbook, one clean table per sheet (header row, then data; no title rows), so
 * each sheet of an archive export reads back like any other export (ANCHORS).
 */
export async function buildArchiveWorkbook(sheets: ArchiveSheet[], locale: 'zh-CN' | 'en'): Promise<Buffer> {
  const pick = (t: Text) => (locale === 'en' ? t.en : t.zh);
  // exceljs (~0.5 s of CPU to load) is imported when an archive is first written, not at start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Zhidu';
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(
      pick(s.name)
        .replace(/[[\]:*?/\\]/g, '_')
        .slice(0, 31),
      { views: [{ state: 'frozen', ySplit: 1 }] },
    );
    sheet.columns = s.columns.map((c) => ({ header: pick(c.header), key: c.key, width: c.width ?? 14 }));
    sheet.getRow(1).font = { bold: true };
    const cell = (key: string, v: Cell) =>
      typeof v === 'boolean' ? pick(v ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' }) : CODE_COLUMNS.has(key) ? (labelOfCode(v, locale) as Cell) : v;
    for (const r of s.rows) sheet.addRow(s.columns.map((c) => cell(c.key, r[c.key])));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const col = (key: string, zh: string, en: string, width?: number) => ({ key, header: { zh, en }, width });

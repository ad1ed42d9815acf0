import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { defineSheet, type SheetRow } from './sheet.definition';
import { parseSheet } from './sheet-worker';
import { exportSheet } from './sheet.writer';

const plan = defineSheet({
  name: 'plan',
  columns: [
    { key: 'code', header: { zh: '产品编码', en: 'Product code' }, type: 'string', required: true },
    { key: 'qty', header: { zh: '数量', en: 'Quantity' }, type: 'integer', required: true },
    { key: 'price', header: { zh: '单价', en: 'Price' }, type: 'number' },
    { key: 'due', header: { zh: '交货日期', en: 'Due date' }, type: 'date' },
    { key: 'urgent', header: { zh: '加急', en: 'Urgent' }, type: 'boolean' },
    {
      key: 'kind',
      header: { zh: '类型', en: 'Kind' },
      type: 'enum',
      enumValues: [
        { value: 'monthly', zh: '月度计划', en: 'Monthly' },
        { value: 'special', zh: '专项计划', en: 'Special' },
      ],
    },
  ],
});

async function workbookOf(rows: unknown[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected IMPORT_FAILED');
}

describe('Excel sheets (CORE-11)', () => {
  const rows: SheetRow[] = [
    { code: 'BJ-500', qty: 1200, price: 38.5, due: '2026-03-28', urgent: true, kind: 'monthly' },
    { code: '00123', qty: 0, price: null, due: null, urgent: false, kind: 'special' },
    { code: '黄酒 · 礼盒', qty: 7, price: 0.1, due: '2024-02-29', urgent: null, kind: null },
  ];

  it('CORE-11 an export is one header row then data, and parses back to the same rows', async () => {
    const buffer = await exportSheet(plan, rows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '产品编码', '数量', '单价', '交货日期', '加急', '类型']);
    expect(ws.rowCount).toBe(1 + rows.length);
    const parsed = await parseSheet(plan, buffer);
    expect(parsed.rows).toEqual(rows);
    expect(parsed.rowNumbers).toEqual([2, 3, 4]);
  });

  it('CORE-11 an English export round-trips too', async () => {
    const parsed = await parseSheet(plan, await exportSheet(plan, rows, 'en'));
    expect(parsed.rows).toEqual(rows);
  });

  it('CORE-11 accepts English headers in any order, trims, and reads labels, strings and Excel dates', async () => {
    const buffer = await workbookOf([
      ['Kind', ' Quantity ', 'Product code', 'Due date', 'Urgent', 'Notes'],
      ['专项计划', '1,200', '  A-1  ', '2026/3/5', '是', 'ignored'],
      ['monthly', 3, 'A-2', new Date(Date.UTC(2026, 0, 31)), 'no', ''],
      ['Special', 4, 'A-3', 46000, 'TRUE', ''],
      [null, null, null, null, null, null],
      ['', 5, 'A-4', '2026年4月1日', null, null],
    ]);
    const { rows: out, rowNumbers } = await parseSheet(plan, buffer);
    expect(out.map((r) => [r.kind, r.qty, r.code, r.due, r.urgent])).toEqual([
      ['special', 1200, 'A-1', '2026-03-05', true],
      ['monthly', 3, 'A-2', '2026-01-31', false],
      ['special', 4, 'A-3', '2025-12-09', true],
      [null, 5, 'A-4', '2026-04-01', null],
    ]);
    expect(rowNumbers).toEqual([2, 3, 4, 6]);
  });

  it('CORE-11 lists every bad cell with its Excel row and the column header, not just the first', async () => {
    const buffer = await workbookOf([
      ['产品编码', '数量', '单价', '交货日期', '加急', '类型'],
      ['OK-1', 10, 1, '2026-01-01', '是', '月度计划'],
      ['', 'ten', 1, '2026-02-30', 'maybe', '年度计划'],
      ['OK-2', 2.5, 'x', null, null, null],
    ]);
    const e = await refusal(parseSheet(plan, buffer));
    expect(e.code).toBe('IMPORT_FAILED');
    expect(e.details?.map((d) => [d.row, d.column])).toEqual([
      [3, '产品编码'],
      [3, '数量'],
      [3, '交货日期'],
      [3, '加急'],
      [3, '类型'],
      [4, '数量'],
      [4, '单价'],
    ]);
    expect(e.details?.[0].reason).toBe('必填');
  });

  it('CORE-11 names a missing required column and gives reasons in English when asked', async () => {
    const e = await refusal(parseSheet(plan, await workbookOf([['Product code'], ['A']]), { locale: 'en' }));
    expect(e.details).toEqual([{ row: 1, column: 'Quantity', reason: 'required column missing' }]);
  });

  it('CORE-11 finds the header below a title row someone kept above the table', async () => {
    const buffer = await workbookOf([['三月生产计划'], [], ['产品编码', '数量'], ['A', 1]]);
    const parsed = await parseSheet(plan, buffer);
    expect(parsed.rows[0]).toMatchObject({ code: 'A', qty: 1 });
    expect(parsed.rowNumbers).toEqual([4]);
  });

  it('CORE-11 refuses a file that is not an xlsx workbook', async () => {
    const e = await refusal(parseSheet(plan, Buffer.from('code,qty\nA,1\n')));
    expect(e.code).toBe('IMPORT_FAILED');
  });

  it('CORE-11 refuses a sheet definition with a header naming two columns', () => {
    expect(() =>
      defineSheet({
        name: 'bad',
        columns: [
          { key: 'a', header: { zh: '名称', en: 'Name' }, type: 'string' },
          { key: 'b', header: { zh: '名 称', en: 'Title' }, type: 'string' },
        ],
      }),
    ).toThrow(/two columns/);
  });
});

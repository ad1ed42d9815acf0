import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { MonthSchema, safeText } from '../validation';
import { RowErrors } from './row-errors';
import { checkRow, rowBody } from './row-schema';
import { defineSheet } from './sheet.definition';

const sheet = defineSheet({
  name: 'rows',
  columns: [
    { key: 'code', header: { zh: '编码', en: 'Code' }, type: 'string', required: true },
    { key: 'name', header: { zh: '名称', en: 'Name' }, type: 'string' },
    { key: 'month', header: { zh: '月份', en: 'Month' }, type: 'string' },
    { key: 'qty', header: { zh: '数量', en: 'Quantity' }, type: 'number' },
    { key: 'owner', header: { zh: '负责人账号', en: 'Owner' }, type: 'string' },
  ],
});
const Body = z.object({
  code: z.string().trim().min(1).max(4),
  name: safeText({ max: 10 }).optional(),
  month: MonthSchema.optional(),
  qty: z.number().min(0).optional(),
  ownerId: z.uuid().optional(),
});

const detailsOf = (errors: RowErrors) => {
  try {
    errors.throwIfAny();
    return [];
  } catch (e) {
    return (e as { details: unknown[] }).details;
  }
};

describe('checkRow: an imported row checked by a route schema (issue 16 item 2)', () => {
  it('names row and column with the reason in words, for every problem of the row', () => {
    const errors = new RowErrors(sheet, 'zh-CN');
    expect(checkRow(errors, 7, Body, rowBody({ code: 'ABCDE', month: '2026-13', qty: -1, name: null }))).toBeUndefined();
    expect(detailsOf(errors)).toEqual([
      { row: 7, column: '编码', reason: '不能超过 4 个字符' },
      { row: 7, column: '月份', reason: '须为 YYYY-MM 格式的月份' },
      { row: 7, column: '数量', reason: '不能为负数' },
    ]);
  });

  it('refuses NUL and lone surrogates as the server does on every route, before the schema', () => {
    const errors = new RowErrors(sheet, 'en');
    expect(checkRow(errors, 2, Body, { code: 'A', name: 'a\u0000b' })).toBeUndefined();
    expect(checkRow(errors, 3, Body, { code: 'B', name: 'x\ud800' })).toBeUndefined();
    expect(detailsOf(errors)).toEqual([
      { row: 2, column: 'Name', reason: 'contains a control character' },
      { row: 3, column: 'Name', reason: 'contains an unpaired surrogate (invalid Unicode)' },
    ]);
  });

  it('maps a field to its column when they differ, says required for a blank, and returns the parsed row when fine', () => {
    const errors = new RowErrors(sheet, 'zh-CN');
    const columnOf = (path: readonly PropertyKey[]) => (path[0] === 'ownerId' ? 'owner' : String(path[0]));
    expect(checkRow(errors, 4, Body, { code: '', ownerId: 'nope' }, columnOf)).toBeUndefined();
    expect(checkRow(errors, 5, Body, rowBody({ code: ' A1 ', month: '2026-04', qty: 3, name: null }))).toEqual({ code: 'A1', month: '2026-04', qty: 3 });
    expect(detailsOf(errors)).toEqual([
      { row: 4, column: '编码', reason: '必填' },
      { row: 4, column: '负责人账号', reason: '格式不正确' },
    ]);
  });
});

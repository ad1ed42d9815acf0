import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildArchiveWorkbook, col } from './archive.workbook';

describe('archive exports print labels, not codes (issue 13 item 10)', () => {
  it('ST-8 issue 13 item 10: semester, approved and moralEducation are written 学期计划, 已批准, 德育与班主任工作', async () => {
    const body = await buildArchiveWorkbook(
      [
        {
          name: { zh: '计划', en: 'Plans' },
          columns: [col('kind', '类型', 'Kind'), col('state', '状态', 'State'), col('category', '类别', 'Category'), col('title', '标题', 'Title')],
          rows: [{ kind: 'semester', state: 'approved', category: 'moralEducation', title: 'approved' }],
        },
      ],
      'zh-CN',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const row = wb.worksheets[0].getRow(2).values as unknown[];
    expect(row.slice(1)).toEqual(['学期计划', '已批准', '德育与班主任工作', 'approved']);
  });
});

import { describe, expect, it } from 'vitest';
import { assertZipSelection, categoryFolder, formatBytes, planZipPaths, splitExtension, uniqueName, zipIndexName, zipSafeName } from './zip-paths.rules';

describe('archive zip paths (CORE-9, issue 14 item 13)', () => {
  it('CORE-9 splits an extension only where there is one', () => {
    expect(splitExtension('计划.pdf')).toEqual({ stem: '计划', ext: '.pdf' });
    expect(splitExtension('a.tar.gz')).toEqual({ stem: 'a.tar', ext: '.gz' });
    expect(splitExtension('.hidden')).toEqual({ stem: '.hidden', ext: '' });
    expect(splitExtension('readme')).toEqual({ stem: 'readme', ext: '' });
    expect(splitExtension('2026.春季 培训')).toEqual({ stem: '2026.春季 培训', ext: '' });
    expect(splitExtension('end.')).toEqual({ stem: 'end.', ext: '' });
  });

  it('CORE-9 makes a file name safe for every unzip tool', () => {
    expect(zipSafeName('2026 春季培训计划.pdf')).toBe('2026 春季培训计划.pdf');
    expect(zipSafeName('../../etc/passwd')).toBe('passwd');
    expect(zipSafeName('C:\\Users\\a\\报告.docx')).toBe('报告.docx');
    expect(zipSafeName('a<b>c:d"e|f?g*.pdf')).toBe('a_b_c_d_e_f_g_.pdf');
    expect(zipSafeName('tab\there\u0007.txt')).toBe('tabhere.txt');
    expect(zipSafeName('name. . ')).toBe('name');
    expect(zipSafeName('CON.txt')).toBe('_CON.txt');
    expect(zipSafeName('lpt1')).toBe('_lpt1');
    expect(zipSafeName('console.txt')).toBe('console.txt');
    expect(zipSafeName('')).toBe('file');
    expect(zipSafeName('..')).toBe('file');
    expect(zipSafeName('  ', '其他')).toBe('其他');
  });

  it('CORE-9 shortens a long name to 120 characters and keeps its extension', () => {
    const long = zipSafeName(`${'长'.repeat(300)}.pdf`);
    expect([...long]).toHaveLength(120);
    expect(long.endsWith('长.pdf')).toBe(true);
  });

  it('CORE-9 numbers a repeated name "name (2).ext", ignoring case, within one folder', () => {
    const taken = new Set<string>();
    expect(uniqueName('计划.pdf', taken, '计划')).toBe('计划.pdf');
    expect(uniqueName('计划.pdf', taken, '计划')).toBe('计划 (2).pdf');
    expect(uniqueName('计划.pdf', taken, '计划')).toBe('计划 (3).pdf');
    expect(uniqueName('Notes.PDF', taken, '计划')).toBe('Notes.PDF');
    expect(uniqueName('notes.pdf', taken, '计划')).toBe('notes (2).pdf');
    expect(uniqueName('readme', taken, '计划')).toBe('readme');
    expect(uniqueName('readme', taken, '计划')).toBe('readme (2)');
    // Another folder has its own names.
    expect(uniqueName('计划.pdf', taken, '记录')).toBe('计划.pdf');
  });

  it('CORE-9 skips a number a real file already holds', () => {
    const taken = new Set<string>();
    expect(uniqueName('a (2).pdf', taken, 'x')).toBe('a (2).pdf');
    expect(uniqueName('a.pdf', taken, 'x')).toBe('a.pdf');
    expect(uniqueName('a.pdf', taken, 'x')).toBe('a (3).pdf');
  });

  it('CORE-9 names category folders in the request language', () => {
    expect(categoryFolder('lesson-plan', 'zh-CN')).toBe('教案');
    expect(categoryFolder('lesson-plan', 'en')).toBe('Lesson plan');
    expect(categoryFolder('no/such', 'zh-CN')).toBe('such');
    expect(zipIndexName('zh-CN')).toBe('档案目录.xlsx');
    expect(zipIndexName('en')).toBe('Archive index.xlsx');
  });

  it('CORE-9 plans every path of the zip in order, unique across folders', () => {
    const files = [
      { category: 'plan', fileName: '计划.pdf' },
      { category: 'record', fileName: '计划.pdf' },
      { category: 'plan', fileName: '计划.pdf' },
      { category: 'plan', fileName: 'sub/计划.PDF' },
    ];
    expect(planZipPaths(files, 'zh-CN')).toEqual(['计划/计划.pdf', '记录/计划.pdf', '计划/计划 (2).pdf', '计划/计划 (3).PDF']);
    expect(planZipPaths(files.slice(0, 2), 'en')).toEqual(['Plan/计划.pdf', 'Record/计划.pdf']);
  });

  it('CORE-9 formats sizes for the refusal message', () => {
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
    expect(formatBytes(300 * 1024 ** 2)).toBe('300 MB');
    expect(formatBytes(500)).toBe('500 B');
  });

  it('CORE-9 refuses a selection over the file or size limit and asks to narrow the filter', () => {
    const limits = { maxFiles: 3, maxBytes: 1024 ** 3 };
    expect(() => assertZipSelection({ files: 3, bytes: 1024 ** 3 }, limits)).not.toThrow();
    const refusal = (files: number, bytes: number): unknown => {
      try {
        assertZipSelection({ files, bytes }, limits);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    expect(refusal(4, 10)).toMatchObject({
      code: 'SELECTION_TOO_LARGE',
      message: expect.stringContaining('超过 3 个文件'),
      messageEn: expect.stringContaining('Narrow'),
    });
    expect(refusal(1, 1024 ** 3 + 1)).toMatchObject({ code: 'SELECTION_TOO_LARGE', message: expect.stringContaining('缩小范围') });
    expect(refusal(1, 1.5 * 1024 ** 3)).toMatchObject({
      message: expect.stringContaining('共 1.5 GB'),
      messageEn: expect.stringContaining('(3 files or 1 GB)'),
    });
  });
});

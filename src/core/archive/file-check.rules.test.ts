import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { checkUpload, cleanFileName } from './file-check.rules';

const MB = 1024 * 1024;
const facts = (fileName: string, head: Buffer | string, sizeBytes = 1000, isTruncated = false) => ({
  fileName,
  head: typeof head === 'string' ? Buffer.from(head, 'binary') : head,
  sizeBytes,
  isTruncated,
});
const reasonOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError && e.code === 'FILE_REJECTED') return e.details?.[0]?.reason ?? '';
    throw e;
  }
  return 'accepted';
};

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(60), Buffer.from('PE\0\0')]);

describe('upload checks (CORE-9)', () => {
  it('CORE-9 accepts each allowed type whose content matches its extension', () => {
    expect(checkUpload(facts('培训计划.PDF', '%PDF-1.7\n'), 20 * MB)).toEqual({ extension: 'pdf', mime: 'application/pdf' });
    expect(checkUpload(facts('a.png', PNG), MB).mime).toBe('image/png');
    expect(checkUpload(facts('a.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])), MB).mime).toBe('image/jpeg');
    expect(checkUpload(facts('a.gif', 'GIF89a..'), MB).mime).toBe('image/gif');
    expect(checkUpload(facts('a.webp', 'RIFF\x10\0\0\0WEBPVP8 '), MB).mime).toBe('image/webp');
    for (const ext of ['docx', 'xlsx', 'pptx']) expect(checkUpload(facts(`a.${ext}`, ZIP), MB).extension).toBe(ext);
    for (const ext of ['doc', 'xls']) expect(checkUpload(facts(`a.${ext}`, OLE), MB).extension).toBe(ext);
    expect(checkUpload(facts('反思.md', Buffer.from('# 教学反思\n本周……', 'utf8')), MB).extension).toBe('md');
    // Excel's Chinese CSV is GBK: high bytes, no NUL.
    expect(checkUpload(facts('名单.csv', Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x0d, 0x0a])), MB).extension).toBe('csv');
  });

  it('CORE-9 rejects a renamed executable and content that does not match the extension', () => {
    expect(reasonOf(() => checkUpload(facts('计划.pdf', EXE), MB))).toMatch(/not a real \.pdf/);
    expect(reasonOf(() => checkUpload(facts('notes.txt', EXE), MB))).toMatch(/not a real \.txt/);
    expect(reasonOf(() => checkUpload(facts('photo.png', '%PDF-1.4'), MB))).toMatch(/not a real \.png/);
    expect(reasonOf(() => checkUpload(facts('a.docx', OLE), MB))).toMatch(/not a real \.docx/);
  });

  it('CORE-9 rejects types off the allowlist, empty files and files over the limit', () => {
    expect(reasonOf(() => checkUpload(facts('setup.exe', EXE), MB))).toMatch(/type \.exe is not allowed/);
    expect(reasonOf(() => checkUpload(facts('README', 'hello'), MB))).toMatch(/type \.\(none\) is not allowed/);
    expect(reasonOf(() => checkUpload(facts('a.pdf', '%PDF-', 0), MB))).toMatch(/empty/);
    expect(reasonOf(() => checkUpload(facts('a.pdf', '%PDF-', MB + 1), MB))).toMatch(/larger than the 1 MB limit/);
    expect(reasonOf(() => checkUpload(facts('a.pdf', '%PDF-', 100, true), MB))).toMatch(/larger than/);
  });

  it('CORE-9 keeps only the base name of an uploaded file, without control characters', () => {
    expect(cleanFileName('C:\\fakepath\\教案 第一课.docx')).toBe('教案 第一课.docx');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(cleanFileName('')).toBe('file');
  });
});

import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_CONFIG } from '#core/archive';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

function multipart(fileName: string, content: Buffer) {
  const boundary = `----zhidu${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(client: Client, category: string, fileName: string, content: Buffer): Promise<{ id: string; version: number }> {
  const m = multipart(fileName, content);
  const r = await client.request('POST', `/api/attachments?category=${category}`, m.body, m.headers);
  expect(r.statusCode).toBe(201);
  return r.json();
}

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);
const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Unzipped {
  /** Path → sha256 of every file in the zip. */
  files: Map<string, string>;
  /** The index rows, by header. */
  index: Record<string, string>[];
}

async function unzip(payload: Buffer, indexName: string): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(payload);
  const files = new Map<string, string>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, sha256(await entry.async('uint8array')));
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await zip.file(indexName)!.async('nodebuffer')) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const index: Record<string, string>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    index.push(Object.fromEntries(headers.map((h, i) => [h, values[i] == null ? '' : String(values[i])])));
  }
  return { files, index };
}

describe('archive zip export (CORE-9, issue 14 item 13)', () => {
  let t: TestApp;
  let filesDir: string;
  let orgId: string;
  let head: Client;
  let teacher: Client;
  const first = pdf('第一份');
  const second = pdf('第二份');
  const deleted = pdf('已删除');
  const gone = pdf('磁盘上缺失');
  beforeAll(async () => {
    filesDir = await mkdtemp(join(tmpdir(), 'zhidu-archive-zip-'));
    t = await startTestApp({ now: '2026-03-10T08:00:00Z', filesDir });
    orgId = (await newOrg(t.ctx.db)).org.id;
    const h = await newPerson(t.ctx.db, orgId, ['archive.read', 'archive.write']);
    const te = await newPerson(t.ctx.db, orgId, ['archive.write']);
    head = await signIn(t.app, h.username, TEST_PASSWORD);
    teacher = await signIn(t.app, te.username, TEST_PASSWORD);

    await upload(head, 'plan', '教学计划.pdf', first);
    await upload(head, 'plan', '教学计划.pdf', second);
    const d = await upload(head, 'record', '作废记录.pdf', deleted);
    expect((await head.del(`/api/attachments/${d.id}?version=${d.version}`)).statusCode).toBe(204);
    const g = await upload(head, 'certificate', '证书.pdf', gone);
    await rm(join(filesDir, orgId, '2026', g.id));
  });
  afterAll(async () => {
    await t.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  it('CORE-9 the zip holds every listed file by category folder, repeated names numbered, with the index at the root', async () => {
    const r = await head.get('/api/archive/export.zip');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    expect(r.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('档案文件-2026-03-10.zip')}`);
    const { files, index } = await unzip(r.rawPayload, '档案目录.xlsx');

    // The deleted file is not there; the one missing on disk is only in the index.
    expect([...files.keys()].sort()).toEqual(['档案目录.xlsx', '计划/教学计划 (2).pdf', '计划/教学计划.pdf'].sort());
    expect(new Set([files.get('计划/教学计划.pdf'), files.get('计划/教学计划 (2).pdf')])).toEqual(new Set([sha256(first), sha256(second)]));

    expect(index).toHaveLength(3);
    expect(index.some((row) => row.文件名 === '作废记录.pdf')).toBe(false);
    for (const row of index.filter((x) => x.类别 === '计划')) {
      expect(row).toMatchObject({ 文件名: '教学计划.pdf', 备注: '' });
      // The path column leads to the file with the row's own hash.
      expect(files.get(row.压缩包内路径)).toBe(row['SHA-256']);
    }
    expect(index.find((x) => x.类别 === '证书')).toMatchObject({ 文件名: '证书.pdf', 压缩包内路径: '', 备注: '缺失', 'SHA-256': sha256(gone) });
  });

  it('CORE-9 the zip follows the filter and names folders and the index in English for an English request', async () => {
    const r = await head.request('GET', '/api/archive/export.zip?category=plan', undefined, { 'x-locale': 'en' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain("filename*=UTF-8''archive-files-2026-03-10.zip");
    const { files, index } = await unzip(r.rawPayload, 'Archive index.xlsx');
    expect([...files.keys()].sort()).toEqual(['Archive index.xlsx', 'Plan/教学计划 (2).pdf', 'Plan/教学计划.pdf']);
    expect(index.map((row) => row['Path in the zip']).sort()).toEqual(['Plan/教学计划 (2).pdf', 'Plan/教学计划.pdf']);
    expect(index.every((row) => row.Category === 'Plan' && row.Note === '')).toBe(true);
  });

  it('CORE-9 an empty selection still gives a zip with its index', async () => {
    const r = await head.get('/api/archive/export.zip?category=summary');
    expect(r.statusCode).toBe(200);
    const { files, index } = await unzip(r.rawPayload, '档案目录.xlsx');
    expect([...files.keys()]).toEqual(['档案目录.xlsx']);
    expect(index).toEqual([]);
  });

  it('CORE-9 a selection over the limit is refused with 422 before anything is sent, asking to narrow the filter', async () => {
    const limits = ARCHIVE_CONFIG as { zipMaxFiles: number };
    const configured = limits.zipMaxFiles;
    limits.zipMaxFiles = 1;
    try {
      const r = await head.get('/api/archive/export.zip');
      expect(r.statusCode).toBe(422);
      expect(r.headers['content-type']).toContain('application/json');
      expect(r.json()).toMatchObject({ code: 'SELECTION_TOO_LARGE', message: expect.stringContaining('请按类别、人员或日期缩小范围') });
      // Narrowed to one file, the same export goes through.
      const certificates = await head.get('/api/archive/export.zip?category=certificate');
      expect(certificates.statusCode).toBe(200);
    } finally {
      limits.zipMaxFiles = configured;
    }
  });

  it('CORE-9 the zip export needs archive.read', async () => {
    expect((await teacher.get('/api/archive/export.zip')).statusCode).toBe(403);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/archive/export.zip'].get.summary).toMatch(/^导出档案文件.*Export the archive files/);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

function multipart(fileName: string, content: Buffer, mime = 'application/octet-stream') {
  const boundary = `----zhidu${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mime}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (client: Client, query: string, fileName: string, content: Buffer) => {
  const m = multipart(fileName, content);
  return client.request('POST', `/api/attachments?${query}`, m.body, m.headers);
};

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90), Buffer.from('This program cannot be run in DOS mode')]);

/** Every file under dir, temporary ones included. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('archives (CORE-9)', () => {
  let t: TestApp;
  let filesDir: string;
  let orgId: string;
  let head: Client;
  let teacher: Client;
  let teacherId: string;
  let other: Client;
  let noWrite: Client;
  beforeAll(async () => {
    filesDir = await mkdtemp(join(tmpdir(), 'zhidu-archive-'));
    t = await startTestApp({ now: '2026-03-10T08:00:00Z', filesDir });
  });
  // Each test has an organisation of its own: the archive head, a teacher, a reader who may not write, someone from elsewhere.
  beforeEach(async () => {
    const org = await newOrg(t.ctx.db);
    orgId = org.org.id;
    const h = await newPerson(t.ctx.db, orgId, ['archive.read', 'archive.write']);
    const te = await newPerson(t.ctx.db, orgId, ['archive.write']);
    const nw = await newPerson(t.ctx.db, orgId, ['archive.read']);
    teacherId = te.userId;
    const o = await newPerson(t.ctx.db, (await newOrg(t.ctx.db)).org.id, 'all');
    head = await signIn(t.app, h.username, TEST_PASSWORD);
    teacher = await signIn(t.app, te.username, TEST_PASSWORD);
    noWrite = await signIn(t.app, nw.username, TEST_PASSWORD);
    other = await signIn(t.app, o.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  const PLAN_QUERY = 'entity=training.session&entityId=S-1&category=plan&title=%E5%9F%B9%E8%AE%AD%E8%AE%A1%E5%88%92';
  /** The head files the spring training plan (a PDF) with session S-1; its id. */
  const uploadedPlan = async () => {
    const r = await upload(head, PLAN_QUERY, '2026 春季培训计划.pdf', PDF);
    expect(r.statusCode).toBe(201);
    return r.json().id as string;
  };
  /** The head files the teacher's award certificate; the teacher files a reflection of their own. */
  const teacherFiles = async () => {
    const cert = await upload(
      head,
      `ownerUserId=${teacherId}&category=certificate`,
      '获奖证书.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    );
    expect(cert.statusCode).toBe(201);
    const own = await upload(teacher, 'category=reflection', '教学反思.md', Buffer.from('# 反思\n', 'utf8'));
    expect(own.statusCode).toBe(201);
  };

  it('CORE-9 stores an upload under org/year/id and downloads it with its original Chinese name', async () => {
    const before = filesUnder(filesDir);
    const r = await upload(head, PLAN_QUERY, '2026 春季培训计划.pdf', PDF);
    expect(r.statusCode).toBe(201);
    const a = r.json();
    expect(a).toMatchObject({
      title: '培训计划',
      fileName: '2026 春季培训计划.pdf',
      mime: 'application/pdf',
      sizeBytes: PDF.length,
      category: 'plan',
      entity: 'training.session',
      entityId: 'S-1',
    });
    expect(a.storageKey).toBeUndefined();
    const onDisk = join(filesDir, orgId, '2026', a.id);
    expect(readFileSync(onDisk)).toEqual(PDF);
    // The one file it adds, temporary ones included, is the stored upload.
    expect(filesUnder(filesDir).filter((f) => !before.includes(f))).toEqual([onDisk]);

    const d = await head.get(`/api/attachments/${a.id}/download`);
    expect(d.statusCode).toBe(200);
    expect(d.rawPayload).toEqual(PDF);
    expect(d.headers['content-type']).toBe('application/pdf');
    expect(d.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('2026 春季培训计划.pdf')}`);
  });

  it('CORE-9 rejects a renamed .exe uploaded as .pdf and leaves no file behind', async () => {
    const before = filesUnder(filesDir);
    const r = await upload(head, 'category=plan', '计划.pdf', EXE);
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'FILE_REJECTED' });
    expect(r.json().messageEn).toMatch(/not a real \.pdf/);
    expect(r.json().details[0]).toMatchObject({ field: 'file', reason: '文件内容与扩展名 .pdf 不符' });
    expect(filesUnder(filesDir)).toEqual(before);
    const exe = await upload(head, 'category=other', 'tool.exe', EXE);
    expect(exe.json().messageEn).toMatch(/\.exe is not allowed/);
  });

  it('CORE-9 rejects a file over the size limit (20 MB by default) and leaves no file behind', async () => {
    const before = filesUnder(filesDir);
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024, 0x20)]);
    const r = await upload(head, 'category=plan', 'big.pdf', big);
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('FILE_REJECTED');
    expect(r.json().message).toContain('20 MB');
    expect(filesUnder(filesDir)).toEqual(before);
  });

  it('CORE-9 when the database refuses the row, the stored file is removed as well', async () => {
    const before = filesUnder(filesDir);
    await t.database.query("alter table attachments add constraint test_refuse check (title <> 'boom')");
    try {
      const r = await upload(head, 'category=plan&title=boom', 'a.pdf', PDF);
      // A check the database refuses is the client's 400 (issue 10's last line of defence).
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('VALIDATION_FAILED');
    } finally {
      await t.database.query('alter table attachments drop constraint test_refuse');
    }
    expect(filesUnder(filesDir)).toEqual(before);
  });

  it('CORE-9 needs archive.write to upload and a known person as owner', async () => {
    expect((await upload(noWrite, 'category=plan', 'a.pdf', PDF)).statusCode).toBe(403);
    const bad = await upload(head, `category=plan&ownerUserId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, 'a.pdf', PDF);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('ownerUserId');
    expect((await upload(head, 'category=nonsense', 'a.pdf', PDF)).statusCode).toBe(400);
  });

  it('CORE-9 lists per record, per person and per category; without archive.read a person sees their own archive', async () => {
    const pdfId = await uploadedPlan();
    const cert = await upload(
      head,
      `ownerUserId=${teacherId}&category=certificate`,
      '获奖证书.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    );
    expect(cert.statusCode).toBe(201);
    const own = await upload(teacher, 'category=reflection', '教学反思.md', Buffer.from('# 反思\n', 'utf8'));
    expect(own.statusCode).toBe(201);

    const byRecord = (await head.get('/api/attachments?entity=training.session&entityId=S-1')).json() as { id: string }[];
    expect(byRecord.map((a) => a.id)).toEqual([pdfId]);
    const byPerson = (await head.get(`/api/attachments?ownerUserId=${teacherId}`)).json() as { title: string; ownerName: string }[];
    expect(byPerson.map((a) => a.title)).toEqual(['获奖证书']);
    const certs = (await head.get('/api/attachments?category=certificate')).json() as unknown[];
    expect(certs).toHaveLength(1);

    const mine = (await teacher.get('/api/attachments/mine')).json() as { title: string }[];
    expect(mine.map((a) => a.title).sort()).toEqual(['教学反思', '获奖证书'].sort());
    // Without archive.read, the org archive shrinks to the person's own files.
    const all = (await teacher.get('/api/attachments')).json() as { id: string }[];
    expect(all.map((a) => a.id)).not.toContain(pdfId);
    expect((await teacher.get(`/api/attachments/${pdfId}/download`)).statusCode).toBe(404);
  });

  it('CORE-1 CORE-9 another organisation gets 404 for metadata, file, change and delete', async () => {
    const pdfId = await uploadedPlan();
    expect((await other.get(`/api/attachments/${pdfId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/attachments/${pdfId}/download`)).statusCode).toBe(404);
    expect((await other.patch(`/api/attachments/${pdfId}`, { version: 1, title: '篡改' })).statusCode).toBe(404);
    expect((await other.del(`/api/attachments/${pdfId}?version=1`)).statusCode).toBe(404);
    const theirs = (await other.get('/api/attachments')).json() as { id: string }[];
    expect(theirs.map((a) => a.id)).not.toContain(pdfId);
    expect((await head.get(`/api/attachments/${pdfId}`)).json().title).toBe('培训计划');
  });

  it('CORE-9 deletion is soft and audited: the entry leaves the lists, the file stays on disk', async () => {
    const pdfId = await uploadedPlan();
    const a = (await head.get(`/api/attachments/${pdfId}`)).json();
    expect((await teacher.del(`/api/attachments/${pdfId}?version=${a.version}`)).statusCode).toBe(404);
    expect((await head.del(`/api/attachments/${pdfId}?version=${a.version + 5}`)).statusCode).toBe(409);
    expect((await head.del(`/api/attachments/${pdfId}?version=${a.version}`)).statusCode).toBe(204);
    expect((await head.get(`/api/attachments/${pdfId}`)).statusCode).toBe(404);
    expect((await head.get(`/api/attachments/${pdfId}/download`)).statusCode).toBe(404);
    expect(existsSync(join(filesDir, orgId, '2026', pdfId))).toBe(true);
    const rows = await t.database.query<{ deleted_by: string | null }>('select deleted_by from attachments where id = $1', [pdfId]);
    expect(rows[0].deleted_by).not.toBeNull();
    const audit = await t.database.query<{ action: string }>("select action from audit_log where entity = 'attachment' and entity_id = $1 order by id", [
      pdfId,
    ]);
    expect(audit.map((x) => x.action)).toEqual(['attachment.upload', 'attachment.delete']);
  });

  it('CORE-9 the uploader renames a file with optimistic concurrency; someone else may not', async () => {
    await teacherFiles();
    const mine = ((await teacher.get('/api/attachments/mine')).json() as { id: string; title: string; version: number; uploadedBy: string }[]).find(
      (x) => x.title === '教学反思',
    )!;
    const r = await teacher.patch(`/api/attachments/${mine.id}`, { version: mine.version, title: '第三周教学反思' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ title: '第三周教学反思', version: mine.version + 1 });
    expect((await teacher.patch(`/api/attachments/${mine.id}`, { version: mine.version, title: 'x' })).statusCode).toBe(409);
    expect((await head.patch(`/api/attachments/${mine.id}`, { version: mine.version + 1, title: 'y' })).statusCode).toBe(403);
  });

  it('CORE-9 the archive index exports to a clean Excel table', async () => {
    // The plan filed and deleted again; the certificate and the reflection stay: two rows under the header.
    const pdfId = await uploadedPlan();
    expect((await head.del(`/api/attachments/${pdfId}?version=1`)).statusCode).toBe(204);
    await teacherFiles();
    const r = await head.get('/api/archive/export');
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['上传日期', '类别', '标题']);
    expect(ws.rowCount).toBe(3);
  });
});

import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSheetStream, zipSizes } from '#core/excel';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

// Issue 10 item 3: an import reads the file as a stream in a worker thread, stops at the row
// limit, refuses a file that inflates too far, and the server keeps answering meanwhile.

async function departmentsFile(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('departments');
  ws.addRow(['名称', '类型', '上级部门', '排序']);
  for (let i = 0; i < rows; i++) ws.addRow([`部门 ${i}`, '部门', '', i]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(content: Buffer) {
  const boundary = 'zhiduLoadTest';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="d.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

describe('CORE-11 Excel import under load (issue 10 item 3)', () => {
  let t: TestApp;
  let admin: Client;
  let big: Buffer;
  beforeAll(async () => {
    t = await startTestApp();
    const { org } = await newOrg(t.ctx.db);
    admin = await signIn(t.app, (await newPerson(t.ctx.db, org.id, 'all')).username, TEST_PASSWORD);
    big = await departmentsFile(25_000);
  }, 120_000);
  afterAll(() => t.close());

  it('CORE-11 /api/health answers while a 25,000-row import is being read, and the import stops at the row limit', async () => {
    const m = multipart(big);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    let importDone = false;
    const importing = admin.request('POST', '/api/excel/departments/import', m.body, { 'content-type': m.type }).then((r) => {
      importDone = true;
      return r;
    });
    // Health is asked again as soon as it answers, for as long as the import runs: with the
    // file parsed off the event loop it keeps answering; parsed on it, it waits for the parse.
    let answered = 0;
    while (!importDone) {
      // Let timers and the worker's message through between two asks.
      await new Promise((resolve) => setImmediate(resolve));
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      if (!importDone) answered++;
    }
    const r = await importing;
    const importMs = performance.now() - started;
    loop.disable();
    expect(answered).toBeGreaterThan(0);
    // Relative, not a wall-clock figure: the event loop was never held for a large share of
    // the import (parsing on it, the longest stall is most of the import).
    expect(loop.max / 1e6).toBeLessThan(importMs / 3);
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('IMPORT_FAILED');
    expect(r.json().details[0].reason).toMatch(/20000/);
    // Nothing was written.
    const depts = (await admin.get('/api/org/departments')).json() as unknown[];
    expect(depts.length).toBeLessThan(10);
  }, 120_000);

  it('CORE-11 a file that inflates past the limit is refused before it is read (zip bomb)', async () => {
    const sizes = zipSizes(big);
    expect(sizes?.uncompressed).toBeGreaterThan(big.length * 3);
    const def = { name: 'departments', columns: [{ key: 'name', header: { zh: '名称', en: 'Name' }, type: 'string' as const, required: true }] };
    await expect(parseSheetStream(def, big, { maxUncompressedBytes: 1024 * 1024, locale: 'en' })).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      details: [{ reason: expect.stringMatching(/inflates/) }],
    });
    expect(zipSizes(Buffer.from('not a zip at all'))).toBeUndefined();
  });
});

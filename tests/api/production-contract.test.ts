import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '#test-support';

// Issue 16 item 2: every production operation declares its success answer in the OpenAPI
// document (the serializer keeps only what is declared; the web reads those types). Only the
// file downloads answer bytes and stay undeclared.

const FILE_DOWNLOADS = [
  'get /api/production/month-end/export',
  'get /api/production/plans/{id}/excel',
  'get /api/production/material-usage/export',
  'get /api/production/purchase-plans/{id}/export',
  'get /api/production/plans/{id}/material-plan/export',
];

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('production contract (issue 16 item 2)', () => {
  it('issue 16 item 2: each production operation but the file downloads declares a 2xx answer with a schema', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    const undeclared: string[] = [];
    let operations = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/production/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        operations++;
        const ok = Object.entries(op.responses ?? {}).some(([code, r]) => code.startsWith('2') && (code === '204' || r.content !== undefined));
        if (!ok) undeclared.push(`${method} ${path}`);
      }
    }
    expect(operations).toBeGreaterThan(190);
    expect(undeclared.sort()).toEqual([...FILE_DOWNLOADS].sort());
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

type OpenApiDoc = { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };

// Issue 16 item 2: every training and League route declares its success answer, so the OpenAPI
// document carries the web's contract and the serializer drops what is not declared.
describe('training and League contracts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
  }, 120_000);
  afterAll(() => t.close());

  it('issue 16 item 2: every training and League operation but the Excel downloads declares its success response', () => {
    const doc = t.app.swagger() as unknown as OpenApiDoc;
    const undeclared: string[] = [];
    let count = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/training/') && !path.startsWith('/api/league/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        count++;
        const success = Object.entries(op.responses ?? {}).find(([code]) => code.startsWith('2'));
        if (!success?.[1].content?.['application/json']?.schema) undeclared.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(count).toBeGreaterThan(120);
    // Excel downloads answer a file, not JSON.
    expect(undeclared.filter((op) => !op.endsWith('/export'))).toEqual([]);
  });

  it('issue 16 item 2: the session answer names its fields and never carries the QR secret', async () => {
    const { org } = await newOrg(t.ctx.db, { kind: 'school' });
    const office = await newPerson(t.ctx.db, org.id, 'all');
    const client = await signIn(t.app, office.username, TEST_PASSWORD);
    const created = await client.post('/api/training/sessions', {
      title: '班主任工作交流',
      category: 'moralEducation',
      date: '2026-03-12',
      startTime: '15:30',
      durationMinutes: 90,
      audience: 'all',
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ title: '班主任工作交流', localStart: '15:30', localEnd: '17:00', phase: 'upcoming', outlineStatus: 'due' });
    expect(typeof body.startsAt).toBe('string');
    expect(Object.keys(body)).not.toContain('qrSecret');
    const roster = await client.get(`/api/training/sessions/${body.id}/roster`);
    expect(roster.statusCode).toBe(200);
    expect(Object.keys(roster.json().session)).not.toContain('qrSecret');
  });
});

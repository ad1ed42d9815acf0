import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, makeContext } from '#server';
import { createTestDatabase, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp, type TestDatabase } from '../support';

// Issue 10 items 2 and 7: input no route may choke on, logs and headers.

function captureLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('issue 10 item 2: text and references a client can send are a 400 naming the field', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    t = await startTestApp();
    const { org } = await newOrg(t.ctx.db);
    const a = await newPerson(t.ctx.db, org.id, 'all');
    admin = await signIn(t.app, a.username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('CORE-10 a NUL byte in a body field is refused with the field named, nothing stored', async () => {
    const r = await admin.post('/api/org/departments', { name: 'Bad\u0000name', kind: 'department' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'name' }] });
    const list = (await admin.get('/api/org/departments')).json() as { name: string }[];
    expect(list.some((d) => d.name.startsWith('Bad'))).toBe(false);
  });

  it('CORE-10 a lone surrogate, nested in an array, is refused with its path', async () => {
    const r = await admin.request('POST', '/api/org/people', {
      username: 'surrogate1',
      displayName: 'S',
      password: 'abc12345xyz',
      positions: ['ok', '\ud800x'],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().details[0].field).toBe('positions.1');
    expect(r.json().message).toMatch(/positions\.1/);
  });

  it('CORE-10 a control character in a query string is refused too', async () => {
    const r = await admin.get('/api/training/teachers?q=%00abc');
    expect(r.statusCode).toBe(400);
    expect(r.json().details[0].field).toBe('q');
  });

  it('CORE-10 tab, CR, LF and emoji are ordinary text', async () => {
    const r = await admin.post('/api/org/departments', { name: '教研\t组 😀', kind: 'department' });
    expect(r.statusCode).toBe(201);
  });

  it('CORE-10 an anonymous caller gets 401 before the body is looked at', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/org/departments', payload: { name: '\u0000' } });
    expect(r.statusCode).toBe(401);
  });
});

describe('issue 10 item 7: every 5xx is logged with a request id, without secrets', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('logs a 500 by default (no level given) with the request id the body carries, and no SQL parameter', async () => {
    const { lines, stream } = captureLog();
    const ctx = makeContext(database, '/tmp/zhidu-log-test');
    const app = await buildApp(ctx, { logger: { stream } });
    app.get('/api/test-failure', { config: { isPublic: true } }, async () => {
      await ctx.db.execute(sql`select ${'secret-hash-value-123'}::text as s, 1 / (select 0) as boom`);
      return {};
    });
    const r = await app.inject({ method: 'GET', url: '/api/test-failure' });
    await app.close();
    expect(r.statusCode).toBe(500);
    const body = r.json();
    expect(body.code).toBe('INTERNAL');
    expect(body.requestId).toMatch(/^[0-9a-f]{16}$/);
    expect(r.headers['x-request-id']).toBe(body.requestId);
    const log = lines.join('');
    expect(log).toContain(body.requestId);
    expect(log).toContain('division by zero');
    expect(log).not.toContain('secret-hash-value-123');
    expect(body.message).toContain(body.requestId);
  });

  it('logs nothing for an ordinary 4xx at the default level', async () => {
    const { lines, stream } = captureLog();
    const app = await buildApp(makeContext(database, '/tmp/zhidu-log-test'), { logger: { stream } });
    const r = await app.inject({ method: 'GET', url: '/api/org/people' });
    await app.close();
    expect(r.statusCode).toBe(401);
    expect(lines.join('')).toBe('');
  });
});

describe('issue 10 item 7: security headers and Secure cookies', () => {
  let database: TestDatabase;
  let username: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const { org } = await newOrg(database.db);
    username = (await newPerson(database.db, org.id, [])).username;
  });
  afterAll(() => database.drop());

  it('CSP with frame-ancestors, X-Frame-Options, nosniff and Referrer-Policy on the API', async () => {
    const app = await buildApp(makeContext(database, '/tmp/zhidu-h'), { logger: false });
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    await app.close();
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('same-origin');
    expect(r.headers['strict-transport-security']).toBeUndefined();
  });

  it('the session cookie is Secure over HTTPS through a trusted proxy, and only then', async () => {
    const login = (app: Awaited<ReturnType<typeof buildApp>>, headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { username, password: TEST_PASSWORD } });
    const trusted = await buildApp(makeContext(database, '/tmp/zhidu-h'), { logger: false, trustProxy: true });
    const viaHttps = await login(trusted, { 'x-forwarded-proto': 'https' });
    const viaHttp = await login(trusted, {});
    await trusted.close();
    expect(viaHttps.statusCode).toBe(200);
    expect(viaHttps.cookies.find((c) => c.name === 'zhidu_session')?.secure).toBe(true);
    expect(viaHttps.headers['strict-transport-security']).toContain('max-age=');
    expect(viaHttp.cookies.find((c) => c.name === 'zhidu_session')?.secure).toBeFalsy();
    const untrusted = await buildApp(makeContext(database, '/tmp/zhidu-h'), { logger: false });
    const forged = await login(untrusted, { 'x-forwarded-proto': 'https' });
    await untrusted.close();
    expect(forged.cookies.find((c) => c.name === 'zhidu_session')?.secure).toBeFalsy();
  });
});

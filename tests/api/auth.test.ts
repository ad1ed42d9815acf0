import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-02T08:00:00Z' });
  });
  afterAll(() => t.close());

  it('signs in with a session cookie that is httpOnly and SameSite', async () => {
    const { org } = await newOrg(t.ctx.db);
    const a = await newPerson(t.ctx.db, org.id, ['audit.read']);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: a.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'zhidu_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(res.json().permissions).toEqual(['audit.read']);
  });

  it('refuses a wrong password with a bilingual { code, message }', async () => {
    const { org } = await newOrg(t.ctx.db);
    const a = await newPerson(t.ctx.db, org.id, []);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: a.username, password: 'nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', messageEn: 'Wrong username or password' });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-GB' },
      payload: { username: a.username, password: 'nope' },
    });
    expect(en.json().message).toBe('Wrong username or password');
  });

  it('locks an account after five wrong passwords, even for the right one, until the lock ends', async () => {
    const { org } = await newOrg(t.ctx.db);
    const a = await newPerson(t.ctx.db, org.id, []);
    t.setNow('2026-03-02T09:00:00Z');
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: a.username, password: `bad${i}` },
        remoteAddress: `10.0.0.${i}`,
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: a.username, password: TEST_PASSWORD },
      remoteAddress: '10.0.1.1',
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    t.setNow('2026-03-02T09:16:00Z');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: a.username, password: TEST_PASSWORD },
      remoteAddress: '10.0.1.1',
    });
    expect(ok.statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    t.setNow('2026-03-02T10:00:00Z');
    let last = 0;
    for (let i = 0; i < 21; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `ghost${i}`, password: 'x' }, remoteAddress: '10.9.9.9' });
      last = r.statusCode;
    }
    expect(last).toBe(429);
  });

  it('rejects writes without the CSRF token and anonymous reads', async () => {
    t.setNow('2026-03-02T11:00:00Z');
    const { org } = await newOrg(t.ctx.db);
    const a = await newPerson(t.ctx.db, org.id, 'all');
    const c = await signIn(t.app, a.username, TEST_PASSWORD);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/org/departments',
      headers: { cookie: c.cookie },
      payload: { name: 'x', kind: 'department' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF_FAILED');
    const anon = await t.app.inject({ method: 'GET', url: '/api/org/people' });
    expect(anon.statusCode).toBe(401);
    const withCsrf = await c.post('/api/org/departments', { name: '新部门', kind: 'department' });
    expect(withCsrf.statusCode).toBe(201);
  });

  it('changes the password, ends other sessions, and never writes the password to the audit log', async () => {
    const { org } = await newOrg(t.ctx.db);
    const a = await newPerson(t.ctx.db, org.id, ['audit.read']);
    const first = await signIn(t.app, a.username, TEST_PASSWORD);
    const second = await signIn(t.app, a.username, TEST_PASSWORD);
    const weak = await first.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details[0].field).toBe('newPassword');
    const ok = await first.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'NewSecret2026' });
    expect(ok.statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    const audit = await first.get('/api/audit?limit=500');
    expect(audit.body).not.toContain('NewSecret2026');
    expect(audit.body).not.toContain(TEST_PASSWORD);
    await signIn(t.app, a.username, 'NewSecret2026');
  });

  it('answers bad input with 400 naming the field, never a 500', async () => {
    const { org } = await newOrg(t.ctx.db);
    const a = await newPerson(t.ctx.db, org.id, 'all');
    const c = await signIn(t.app, a.username, TEST_PASSWORD);
    const r = await c.post('/api/org/people', { username: 'x y', displayName: 'X', password: 'abc12345' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(r.json().details[0].field).toBe('username');
    const junk = await c.request('POST', '/api/org/people', '{not json', { 'content-type': 'application/json' });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().code).toBe('VALIDATION_FAILED');
    const badId = await c.patch('/api/org/people/not-a-uuid', { version: 1 });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().details[0].field).toBe('id');
    // Chinese first: the reason is Chinese too, English on request.
    expect(badId.json().message).toBe('输入有误：id（格式不正确）');
    const en = await c.request('PATCH', '/api/org/people/not-a-uuid', { version: 1 }, { 'x-locale': 'en' });
    expect(en.json().message).toMatch(/^Invalid input: id \(Invalid UUID/);
  });

  it('CORE-2 refuses a password equal to the username, a common one, or one with NUL (issue 10 item 9)', async () => {
    const { org } = await newOrg(t.ctx.db);
    const a = await newPerson(t.ctx.db, org.id, 'all');
    const c = await signIn(t.app, a.username, TEST_PASSWORD);
    const same = await c.post('/api/org/people', { username: 'li.ming2026', displayName: '李明', password: 'li.ming2026' });
    expect(same.statusCode).toBe(400);
    expect(same.json().details[0]).toMatchObject({ field: 'password', reason: 'must not be or contain the username' });
    const common = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Password2026' });
    expect(common.statusCode).toBe(400);
    expect(common.json().details[0].field).toBe('newPassword');
    const nul = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Kettle\u0000lamp91' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().details[0].field).toBe('newPassword');
    const own = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: `${a.username}X9` });
    expect(own.statusCode).toBe(400);
  });
});

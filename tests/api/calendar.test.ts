import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarModule, createDeadline, dueDateFor, loadBusinessCalendar } from '#core/calendar';
import type { Actor } from '#core/access';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

describe('holidays and deadlines over HTTP (CORE-6)', () => {
  let t: TestApp;
  let orgId: string;
  let system: Actor;
  let owner: Actor;
  let admin: Client;
  let ownerClient: Client;
  let plain: Client;
  let otherAdmin: Client;
  let adminName: string;
  let otherAdminName: string;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-09-27T02:00:00Z' });
    const org = await newOrg(t.ctx.db, { template: 'T2' });
    orgId = org.org.id;
    system = org.system;
    const other = await newOrg(t.ctx.db);
    owner = await newPerson(t.ctx.db, orgId, []);
    adminName = (await newPerson(t.ctx.db, orgId, ['admin.policy', 'assessment.read'])).username;
    admin = await signIn(t.app, adminName, TEST_PASSWORD);
    ownerClient = await signIn(t.app, owner.username, TEST_PASSWORD);
    plain = await signIn(t.app, (await newPerson(t.ctx.db, orgId, [])).username, TEST_PASSWORD);
    otherAdminName = (await newPerson(t.ctx.db, other.org.id, ['admin.policy', 'assessment.read'])).username;
    otherAdmin = await signIn(t.app, otherAdminName, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('CORE-6 an administrator keeps the holiday list and its make-up working days', async () => {
    for (const date of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']) {
      expect((await admin.post('/api/calendar/holidays', { date, name: '国庆节' })).statusCode).toBe(201);
    }
    expect((await admin.post('/api/calendar/holidays', { date: '2026-10-10', name: '国庆调休', isWorkday: true })).statusCode).toBe(201);
    const dup = await admin.post('/api/calendar/holidays', { date: '2026-10-01', name: '重复' });
    expect(dup.statusCode).toBe(409);
    const list = (await plain.get('/api/calendar/holidays?from=2026-10-01&to=2026-10-31')).json();
    expect(list.map((h: { date: string }) => h.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-10']);
  });

  it('CORE-6 bad dates are refused naming the field; only admin.policy may change the list', async () => {
    const bad = await admin.post('/api/calendar/holidays', { date: '2026-02-30', name: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('date');
    expect((await plain.post('/api/calendar/holidays', { date: '2026-12-31', name: 'x' })).statusCode).toBe(403);
  });

  it('CORE-6 a change needs the current version; a stale one gets 409', async () => {
    const [h] = (await admin.get('/api/calendar/holidays?from=2026-10-07&to=2026-10-07')).json();
    const ok = await admin.put('/api/calendar/holidays/2026-10-07', { name: '国庆节（补）', isWorkday: false, version: h.version });
    expect(ok.json()).toMatchObject({ name: '国庆节（补）', version: h.version + 1 });
    expect((await admin.put('/api/calendar/holidays/2026-10-07', { name: '再改', isWorkday: false, version: h.version })).statusCode).toBe(409);
    expect((await admin.del(`/api/calendar/holidays/2026-10-07?version=${h.version}`)).statusCode).toBe(409);
    expect((await admin.del(`/api/calendar/holidays/2026-10-07?version=${h.version + 1}`)).statusCode).toBe(204);
  });

  it('PP-11 a due date counted in working days skips the organisation’s holidays and uses the make-up Saturday', async () => {
    const cal = await loadBusinessCalendar(t.ctx.db, orgId);
    expect(dueDateFor({ kind: 'withinDays', days: 2, businessDays: true }, '2026-09-30', cal)).toBe('2026-10-08');
    expect(dueDateFor({ kind: 'withinDays', days: 3, businessDays: true }, '2026-09-30', cal)).toBe('2026-10-09');
    expect(dueDateFor({ kind: 'withinDays', days: 4, businessDays: true }, '2026-09-30', cal)).toBe('2026-10-10');
  });

  it('CORE-1 another organisation neither sees nor changes these holidays', async () => {
    expect((await otherAdmin.get('/api/calendar/holidays')).json()).toEqual([]);
    expect((await otherAdmin.put('/api/calendar/holidays/2026-10-01', { name: '篡改', isWorkday: true, version: 1 })).statusCode).toBe(404);
    expect((await otherAdmin.del('/api/calendar/holidays/2026-10-01?version=1')).statusCode).toBe(404);
    const [h] = (await admin.get('/api/calendar/holidays?from=2026-10-01&to=2026-10-01')).json();
    expect(h).toMatchObject({ name: '国庆节', isWorkday: false });
  });

  it('CORE-6 PP-27 the scheduler job reminds the owner, then records a finding; the owner and managers see it', async () => {
    const d = await t.ctx.db.transaction((tx) =>
      createDeadline(tx, system, {
        subjectType: 'production.plan',
        subjectId: 'plan-2026-10',
        title: { zh: '10 月生产计划下达', en: 'Issue the October plan' },
        ownerUserId: owner.userId,
        dueOn: '2026-09-30',
        rule: { clause: 'T2 七.1', requirementId: 'PP-27', ruleCode: 'production.plan.late-issue', penalty: 50 },
      }),
    );
    const mine = (await ownerClient.get('/api/deadlines')).json();
    expect(mine.map((x: { id: string }) => x.id)).toContain(d.id);
    expect((await plain.get('/api/deadlines')).json()).toEqual([]);
    expect((await plain.get('/api/deadlines?scope=org')).statusCode).toBe(403);

    // Sessions last 12 hours, so each step of the clock signs in afresh.
    t.setNow('2026-09-28T01:00:00Z');
    for (const job of calendarModule.jobs ?? []) await job(t.ctx);
    const notes = (await (await signIn(t.app, owner.username, TEST_PASSWORD)).get('/api/notifications')).json();
    expect(notes.filter((n: { kind: string }) => n.kind === 'deadline.reminder')).toHaveLength(1);

    t.setNow('2026-10-01T00:00:00Z');
    for (const job of calendarModule.jobs ?? []) await job(t.ctx);
    admin = await signIn(t.app, adminName, TEST_PASSWORD);
    otherAdmin = await signIn(t.app, otherAdminName, TEST_PASSWORD);
    const overdue = (await admin.get('/api/deadlines?scope=org&state=overdue')).json();
    expect(overdue.find((x: { id: string }) => x.id === d.id)).toMatchObject({ state: 'missed', status: 'overdue', ownerName: owner.displayName });
    expect(overdue.find((x: { id: string }) => x.id === d.id).findingId).toBeTruthy();
    expect((await otherAdmin.get('/api/deadlines?scope=org')).json()).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '#server';
import { type Client, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

// Issue 10 item 2: the inputs the probe answered with 500 are each a 400 naming the field,
// checked by the service in the organisation before anything is written.
const ZERO = '00000000-0000-0000-0000-000000000000';

describe('references and numbers checked before insert (issue 10 item 2)', () => {
  let t: TestApp;
  let school: Client;
  let plant: Client;
  let teacher: Client;
  let teacherId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
    await seedDemo(t.ctx.db, t.ctx.registry, new Date('2026-03-10T02:00:00Z'));
    const orgs = await t.database.query<{ id: string; code: string }>(
      "select id, code from organisations where code in ('demo-plant', 'demo-school') order by code",
    );
    plant = await signIn(t.app, (await newPerson(t.ctx.db, orgs[0].id, 'all')).username, TEST_PASSWORD);
    school = await signIn(t.app, (await newPerson(t.ctx.db, orgs[1].id, 'all')).username, TEST_PASSWORD);
    teacher = await signIn(t.app, 'school.t1', DEMO_PASSWORD);
    teacherId = ((await teacher.get('/api/training/teachers/me')).json() as { id: string }).id;
  }, 120_000);
  afterAll(() => t.close());

  const field = (r: { statusCode: number; json(): { details?: { field?: string }[] } }) =>
    r.statusCode === 400 ? r.json().details?.[0]?.field : `HTTP ${r.statusCode}`;

  it('ST-2 a session with a plan that does not exist: 400 planId', async () => {
    const r = await school.post('/api/training/sessions', {
      title: '临时培训',
      category: 'theory',
      date: '2026-03-12',
      startTime: '15:00',
      durationMinutes: 90,
      audience: 'all',
      planId: ZERO,
    });
    expect(field(r)).toBe('planId');
  });

  it('ST-16 assignments and activities with the all-zero session: 400 sessionId', async () => {
    const a = await school.post('/api/training/assignments', {
      schoolYear: '2025-2026',
      term: 2,
      kind: 'paper',
      title: '论文',
      dueOn: '2026-04-01',
      sessionId: ZERO,
    });
    expect(field(a)).toBe('sessionId');
    const b = await school.post('/api/training/activities', { kind: 'observation', title: '听课', heldOn: '2026-03-09', sessionId: ZERO });
    expect(field(b)).toBe('sessionId');
  });

  it('YL-1 registering members that do not exist: 400 memberIds, nothing registered', async () => {
    const r = await school.post('/api/league/registrations', { memberIds: [ZERO] });
    expect(field(r)).toBe('memberIds');
  });

  it('PP-11 a request for a department that does not exist: 400 requesterDepartmentId', async () => {
    const [item] = await t.database.query<{ id: string }>(
      "select i.id from prod_items i join organisations o on o.id = i.org_id where o.code = 'demo-plant' and i.category = 'finished' limit 1",
    );
    const r = await plant.post('/api/production/requests', {
      kind: 'temporary',
      title: '临时需求',
      requesterDepartmentId: ZERO,
      lines: [{ itemId: item.id, qty: 10, dueOn: '2026-03-20' }],
    });
    expect(field(r)).toBe('requesterDepartmentId');
  });

  it('ST-6 ST-12 hours of 0.0001 are refused (hours keep two decimals), 0.25 is fine', async () => {
    const claim = await teacher.post('/api/training/claims', {
      kind: 'district',
      title: '区级培训',
      category: 'theory',
      hours: 0.0001,
      startedOn: '2026-03-01',
      endedOn: '2026-03-02',
    });
    expect(field(claim)).toBe('hours');
    const track = await teacher.post('/api/training/backbone/hours', { teacherId, kind: 'theory', hours: 0.0001, occurredOn: '2026-03-02', title: '读书' });
    expect(field(track)).toBe('hours');
    const ok = await teacher.post('/api/training/backbone/hours', { teacherId, kind: 'theory', hours: 0.25, occurredOn: '2026-03-02', title: '读书' });
    expect(ok.statusCode).toBe(201);
  });

  it('CORE-9 a multipart upload with a wrong boundary or cut short is a 400 naming the file', async () => {
    const part =
      '--REAL\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 hello\r\n--REAL--\r\n';
    const wrong = await school.request('POST', '/api/attachments?category=other', part, { 'content-type': 'multipart/form-data; boundary=OTHER' });
    expect(wrong.statusCode).toBe(400);
    const short = await school.request('POST', '/api/attachments?category=other', part.slice(0, 90), { 'content-type': 'multipart/form-data; boundary=REAL' });
    expect(short.statusCode).toBe(400);
    expect(short.json().details?.[0]?.field).toBe('file');
    const excel = await school.request('POST', '/api/excel/people/import', part.slice(0, 90), { 'content-type': 'multipart/form-data; boundary=REAL' });
    expect(excel.statusCode).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTrainingSchool, type TestSchool } from '#training';
import { buildApp, makeContext } from '#server';
import { countStatements, createTestDatabase, signIn, TEST_PASSWORD, type TestDatabase, testRegistry } from '#test-support';

// Issue 10 item 4: a full hall. A code is judged when the scan reaches the server, not when
// its turn comes; a teacher not yet signed in keeps the scan while typing the password.
describe('ST-4 sign-in in a full hall (issue 10 item 4)', () => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let school: TestSchool;
  let now = new Date('2026-02-24T07:20:00Z');
  // While `queueing` is set, every reading of the clock is 20 s later than the one before:
  // the request waits behind a crowd between its arrival and its handler.
  let queueing = false;
  let waited = 0;
  const clock = () => (queueing ? new Date(now.getTime() + 20_000 * waited++) : now);
  let sessionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp(makeContext(database, '/tmp/zhidu-hall-test', clock), { logger: false });
    school = await newTrainingSchool(database.db, testRegistry, { teachers: 5, password: TEST_PASSWORD, now });
    const office = await signIn(app, school.office.username, TEST_PASSWORD);
    const created = await office.post('/api/training/sessions', {
      title: '全体教师培训',
      category: 'theory',
      date: '2026-02-24',
      startTime: '15:30',
      durationMinutes: 90,
      audience: 'all',
    });
    expect(created.statusCode).toBe(201);
    sessionId = created.json().id;
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const screenToken = async () => {
    const recorder = await signIn(app, school.recorder.username, TEST_PASSWORD);
    return (await recorder.get(`/api/training/sessions/${sessionId}/qr`)).json().token as string;
  };

  it('ST-4 a scan that waited 40 s in the queue after arriving with a valid code signs in, timed at its arrival', async () => {
    now = new Date('2026-02-24T07:31:00Z');
    const teacher = await signIn(app, school.teachers[0].username, TEST_PASSWORD);
    const token = await screenToken();
    queueing = true;
    waited = 0;
    const r = await teacher.post('/api/training/sign-in', { token });
    queueing = false;
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ isNew: true, record: { signedInAt: '2026-02-24T07:31:00.000Z' } });
  });

  it('ST-4 signed out: the scan is held while the teacher logs in, then signs in with the time of the scan', async () => {
    now = new Date('2026-02-24T07:32:00Z');
    const token = await screenToken();
    const held = await app.inject({ method: 'POST', url: '/api/training/sign-in/hold', payload: { token } });
    expect(held.statusCode).toBe(200);
    const hold = held.cookies.find((c) => c.name === 'zhidu_scan');
    expect(hold?.httpOnly).toBe(true);
    expect(hold?.path).toBe('/api/training/sign-in');
    // Three minutes of typing: the code on the screen has long changed.
    now = new Date('2026-02-24T07:35:00Z');
    const teacher = await signIn(app, school.teachers[1].username, TEST_PASSWORD);
    const without = await teacher.post('/api/training/sign-in', { token });
    expect(without.json().details[0]).toMatchObject({ field: 'token', reason: 'expired' });
    const withHold = await teacher.request('POST', '/api/training/sign-in', { token }, { cookie: `${teacher.cookie}; zhidu_scan=${hold?.value}` });
    expect(withHold.statusCode).toBe(200);
    expect(withHold.json()).toMatchObject({ isNew: true, record: { signedInAt: '2026-02-24T07:32:00.000Z' } });
  });

  it('ST-4 a hold lasts five minutes, and only for the code it was made for', async () => {
    now = new Date('2026-02-24T07:40:00Z');
    const token = await screenToken();
    const held = await app.inject({ method: 'POST', url: '/api/training/sign-in/hold', payload: { token } });
    const hold = held.cookies.find((c) => c.name === 'zhidu_scan')!.value;
    now = new Date('2026-02-24T07:45:30Z');
    const teacher = await signIn(app, school.teachers[2].username, TEST_PASSWORD);
    const late = await teacher.request('POST', '/api/training/sign-in', { token }, { cookie: `${teacher.cookie}; zhidu_scan=${hold}` });
    expect(late.statusCode).toBe(400);
    const forgedToken = `${token.slice(0, -2)}xx`;
    expect((await app.inject({ method: 'POST', url: '/api/training/sign-in/hold', payload: { token: forgedToken } })).statusCode).toBe(400);
  });

  it('issue 10: a scan is six statements from cookie to answer, a second scan five; the shared phone is still flagged', async () => {
    now = new Date('2026-02-24T07:50:00Z');
    const token = await screenToken();
    const [first, second] = [school.teachers[3], school.teachers[4]];
    const teacher = await signIn(app, first.username, TEST_PASSWORD);
    const other = await signIn(app, second.username, TEST_PASSWORD);
    const counter = countStatements(database.db);
    try {
      // The cookie's session and its person in one, the scanned session with the teacher's
      // profile in one, the policy with the organisation's template in one; the record (its
      // shared-phone flag decided in the same statement), its change log and the audit entry.
      const scan = await teacher.post('/api/training/sign-in', { token, deviceId: 'hall-phone' });
      expect(scan.json()).toMatchObject({ isNew: true });
      expect(counter.count()).toBeLessThanOrEqual(6);
      counter.reset();
      const again = await teacher.post('/api/training/sign-in', { token, deviceId: 'hall-phone' });
      expect(again.json()).toMatchObject({ isNew: false });
      expect(counter.count()).toBeLessThanOrEqual(5);
    } finally {
      counter.stop();
    }
    // The same phone then signs in a second teacher: recorded with the flag.
    const borrowed = await other.post('/api/training/sign-in', { token, deviceId: 'hall-phone' });
    expect(borrowed.json()).toMatchObject({ isNew: true, record: { flags: ['shared_device'] } });
  });
});

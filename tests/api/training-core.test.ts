import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newTrainingSchool, type TestSchool } from '#training';
import { type Client, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

// The training HTTP contract (ST-1 … ST-7): permissions, tenancy, bad input, the main path.
describe('training API: plans, sessions, sign-in, leave, credits, assessment', () => {
  let t: TestApp;
  let school: TestSchool;
  let other: TestSchool;
  // Sessions last 12 hours and the tests move the clock by days: each test signs in anew.
  let office: Client;
  let principal: Client;
  let recorder: Client;
  let teacher: Client;
  let outsider: Client;
  const at = async (iso: string) => {
    t.setNow(iso);
    [office, principal, recorder, teacher, outsider] = await Promise.all(
      [school.office, school.principal, school.recorder, school.teachers[0].actor, other.office].map((a) => signIn(t.app, a.username, TEST_PASSWORD)),
    );
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-02-20T02:00:00Z' });
  });
  // Each test has a school of its own (three teachers) and another school, on Friday 20 February.
  beforeEach(async () => {
    school = await newTrainingSchool(t.ctx.db, t.ctx.registry, { teachers: 3, password: TEST_PASSWORD, now: new Date('2026-02-20T00:00:00Z') });
    other = await newTrainingSchool(t.ctx.db, t.ctx.registry, { teachers: 1, password: TEST_PASSWORD, now: new Date('2026-02-20T00:00:00Z') });
    await at('2026-02-20T02:00:00Z');
  });
  afterAll(() => t.close());

  /** The second term's plan (2 weeks from 2 March, one theory item owned by the first teacher), as the office drafts it. */
  const termPlan = () => ({
    kind: 'semester',
    schoolYear: '2025-2026',
    term: 2,
    title: '第二学期校本培训计划',
    goals: '提升课堂教学能力',
    startsOn: '2026-03-02',
    endsOn: '2026-03-13',
    items: [{ category: 'theory', topic: '新课标', ownerTeacherId: school.teachers[0].teacherId, schedule: '每周一', month: '2026-03', hours: 4 }],
  });
  /** A 90-minute theory session for all on Tuesday 24 February at 15:30, before its title. */
  const afternoonSession = { category: 'theory', date: '2026-02-24', startTime: '15:30', durationMinutes: 90, audience: 'all' };
  /** 信息技术应用培训 in that slot, taught by the second teacher, no recorder named. */
  const itSession = () => ({
    ...afternoonSession,
    title: '信息技术应用培训',
    category: 'informationTechnology',
    trainerTeacherId: school.teachers[1].teacherId,
    recorderTeacherId: null,
  });
  /** The first teacher's claim for a week of distance study in January (6 hours), before its evidence. */
  const distanceClaim = {
    kind: 'distance',
    title: '远程研修',
    category: 'degreeDistance',
    hours: 6,
    startedOn: '2026-01-05',
    endedOn: '2026-01-09',
  };
  /** The second term's plan drafted by the office, approved by the principal, and its two weeks of sessions generated. */
  const approvedTermPlan = async () => {
    const plan = (await office.post('/api/training/plans', termPlan())).json();
    const submitted = await office.post(`/api/documents/${plan.id}/submit`, { version: plan.documentVersion });
    expect((await principal.post(`/api/documents/${plan.id}/approve`, { version: submitted.json().version, opinion: '同意' })).statusCode).toBe(200);
    expect((await office.post(`/api/training/plans/${plan.id}/generate-sessions`, { from: '2026-03-02' })).statusCode).toBe(200);
  };
  /** The office adds 信息技术应用培训 for all on Tuesday 24 February at 15:30, taught by the second teacher; its id. */
  const adHocSession = async (): Promise<string> => {
    const created = await office.post('/api/training/sessions', itSession());
    expect(created.statusCode).toBe(201);
    return created.json().id;
  };
  /** The first teacher's sick leave from the session, asked beforehand and approved by the principal. */
  const approvedLeave = async (sessionId: string) => {
    const asked = await teacher.post('/api/training/leave', { sessionId, kind: 'sick', reason: '发烧就医' });
    expect(asked.statusCode).toBe(201);
    expect((await principal.post(`/api/training/leave/${asked.json().id}/decide`, { isApproved: true, opinion: '同意', version: 1 })).json().state).toBe(
      'approved',
    );
  };
  /** At 15:46 the second teacher scans the screen QR: signed in 16 minutes late. */
  const lateSignIn = async (sessionId: string) => {
    await at('2026-02-24T07:46:00Z');
    const me = await signIn(t.app, school.teachers[1].username, TEST_PASSWORD);
    const qr = (await recorder.get(`/api/training/sessions/${sessionId}/qr?mode=in`)).json();
    const first = await me.post('/api/training/sign-in', { token: qr.token, deviceId: 'phone-a' });
    expect(first.json()).toMatchObject({ record: { status: 'late' } });
  };

  it('ST-1 ST-2 drafts a plan, the principal approves it through /documents, and the term is generated', async () => {
    const draft = await office.post('/api/training/plans', termPlan());
    expect(draft.statusCode).toBe(201);
    const plan = draft.json();
    expect(plan).toMatchObject({ state: 'draft', number: expect.stringMatching(/^PXJH-/), document: { allowedActions: ['submit'] } });
    expect((await teacher.post('/api/training/plans', {})).statusCode).toBe(403);
    const submitted = await office.post(`/api/documents/${plan.id}/submit`, { version: plan.documentVersion });
    expect(submitted.statusCode).toBe(200);
    expect((await principal.post(`/api/documents/${plan.id}/approve`, { version: submitted.json().version, opinion: '同意' })).statusCode).toBe(200);
    const generated = await office.post(`/api/training/plans/${plan.id}/generate-sessions`, { from: '2026-03-02' });
    expect(generated.statusCode).toBe(200);
    // Two weeks: political ×2, Chinese ×2, maths ×2, research ×3 groups ×2.
    expect(generated.json()).toMatchObject({ created: 12, existing: 0 });
    const list = await teacher.get(`/api/training/sessions?planId=${plan.id}`);
    expect(list.json()).toHaveLength(12);
    expect(list.json()[0]).not.toHaveProperty('qrSecret');
  });

  it('CORE-1 another school sees none of it: 404 for the plan, no sessions, refused writes', async () => {
    await approvedTermPlan();
    const plans = (await office.get('/api/training/plans')).json();
    expect((await outsider.get(`/api/training/plans/${plans[0].id}`)).statusCode).toBe(404);
    expect((await outsider.get('/api/training/sessions')).json()).toEqual([]);
    const sessions = (await office.get('/api/training/sessions')).json();
    expect((await outsider.get(`/api/training/sessions/${sessions[0].id}`)).statusCode).toBe(404);
    expect((await outsider.put(`/api/training/sessions/${sessions[0].id}/outline`, { outline: 'x', version: 1 })).statusCode).toBe(404);
    expect((await outsider.get(`/api/training/teachers/${school.teachers[0].teacherId}`)).statusCode).toBe(404);
  });

  it('ST-2 ST-3 adds an ad-hoc session; bad input names the field; the outline is written before the start', async () => {
    const bad = await office.post('/api/training/sessions', {
      title: '',
      category: 'theory',
      date: '2026-02-31',
      startTime: '25:00',
      durationMinutes: 0,
      audience: 'all',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['title', 'date', 'startTime', 'durationMinutes']));
    const noGroup = await office.post('/api/training/sessions', { ...afternoonSession, title: '组内研讨', audience: 'group' });
    expect(noGroup.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'groupId' }] });
    const split = await office.post('/api/training/sessions', {
      ...afternoonSession,
      title: '信息技术与理论',
      creditParts: [{ category: 'theory', minutes: 30 }],
    });
    expect(split.json().details[0].field).toBe('creditParts');
    const created = await office.post('/api/training/sessions', itSession());
    expect(created.statusCode).toBe(201);
    const sessionId = created.json().id;
    expect(created.json()).toMatchObject({ outlineStatus: 'due', phase: 'upcoming' });
    const outline = await office.put(`/api/training/sessions/${sessionId}/outline`, { outline: '一、平台功能；二、课例', version: created.json().version });
    expect(outline.json().outlineStatus).toBe('written');
    const stale = await office.put(`/api/training/sessions/${sessionId}/outline`, { outline: '改', version: created.json().version });
    expect(stale.statusCode).toBe(409);
  });

  it('ST-4 leave is asked before the start for one session, approved by the head, and shows as excused', async () => {
    const sessionId = await adHocSession();
    const asked = await teacher.post('/api/training/leave', { sessionId, kind: 'sick', reason: '发烧就医' });
    expect(asked.statusCode).toBe(201);
    const inbox = await principal.get('/api/inbox');
    expect(inbox.json().some((i: { kind: string }) => i.kind === 'training.leave.pending')).toBe(true);
    expect((await teacher.post(`/api/training/leave/${asked.json().id}/decide`, { isApproved: true, version: 1 })).statusCode).toBe(403);
    const refused = await principal.post(`/api/training/leave/${asked.json().id}/decide`, { isApproved: false, version: 1 });
    expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'opinion' }] });
    const approved = await principal.post(`/api/training/leave/${asked.json().id}/decide`, { isApproved: true, opinion: '同意', version: 1 });
    expect(approved.json().state).toBe('approved');
    await at('2026-02-24T07:40:00Z');
    const roster = await recorder.get(`/api/training/sessions/${sessionId}/roster`);
    expect(roster.json().rows.find((r: { teacherId: string }) => r.teacherId === school.teachers[0].teacherId)).toMatchObject({ status: 'excused' });
    const late = await teacher.post('/api/training/leave', { sessionId, kind: 'personal', reason: '临时有事' });
    expect(late.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'sessionId' }] });
  });

  it('ST-4 the screen QR signs a teacher in once, expired and forged codes are refused, the list exports', async () => {
    const sessionId = await adHocSession();
    await at('2026-02-24T07:46:00Z');
    const me = await signIn(t.app, school.teachers[1].username, TEST_PASSWORD);
    expect((await me.get(`/api/training/sessions/${sessionId}/qr`)).statusCode).toBe(200);
    expect((await (await signIn(t.app, school.teachers[2].username, TEST_PASSWORD)).get(`/api/training/sessions/${sessionId}/qr`)).statusCode).toBe(403);
    const qr = (await recorder.get(`/api/training/sessions/${sessionId}/qr?mode=in`)).json();
    expect(qr.svg).toContain('<svg');
    expect(qr.url).toContain('/public/sign-in?t=');
    const first = await me.post('/api/training/sign-in', { token: qr.token, deviceId: 'phone-a' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ isNew: true, record: { status: 'late', lateMinutes: 16, source: 'self_qr' } });
    const again = await me.post('/api/training/sign-in', { token: qr.token, deviceId: 'phone-a' });
    expect(again.json()).toMatchObject({ isNew: false, record: { id: first.json().record.id } });
    t.setNow('2026-02-24T07:48:00Z');
    const expired = await (await signIn(t.app, school.teachers[2].username, TEST_PASSWORD)).post('/api/training/sign-in', { token: qr.token });
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '二维码已过期，请扫描屏幕上最新的二维码', details: [{ field: 'token' }] });
    const forged = await teacher.post('/api/training/sign-in', { token: `${qr.token.slice(0, -3)}xyz` });
    expect(forged.json().details[0]).toMatchObject({ field: 'token', reason: 'invalid' });
    const foreign = (await outsider.get(`/api/training/sessions/${sessionId}/qr`)).statusCode;
    expect(foreign).toBe(404);
    const file = await recorder.get(`/api/training/sessions/${sessionId}/attendance/export`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
  });

  it('ST-4 a correction needs the record’s version and a reason; the change log keeps old and new values', async () => {
    const sessionId = await adHocSession();
    await lateSignIn(sessionId);
    await at('2026-02-24T10:00:00Z');
    const roster = (await recorder.get(`/api/training/sessions/${sessionId}/roster`)).json();
    const row = roster.rows.find((r: { teacherId: string }) => r.teacherId === school.teachers[1].teacherId);
    const noReason = await recorder.post(`/api/training/sessions/${sessionId}/attendance`, {
      teacherId: row.teacherId,
      status: 'on_time',
      version: row.record.version,
    });
    expect(noReason.json().details[0].field).toBe('reason');
    const fixed = await recorder.post(`/api/training/sessions/${sessionId}/attendance`, {
      teacherId: row.teacherId,
      status: 'on_time',
      version: row.record.version,
      reason: '提前到场，手机没电，补录',
    });
    expect(fixed.json()).toMatchObject({ status: 'on_time', source: 'override' });
    const changes = (await recorder.get(`/api/training/sessions/${sessionId}/attendance/changes`)).json();
    expect(changes.at(-1)).toMatchObject({ reason: '提前到场，手机没电，补录', before: { status: 'late' }, after: { status: 'on_time' } });
    expect((await teacher.post(`/api/training/sessions/${sessionId}/attendance`, { teacherId: row.teacherId, status: 'absent' })).statusCode).toBe(403);
  });

  it('ST-6 a claim without evidence is refused; the teacher sees credits with reasons and a progress figure', async () => {
    // The first teacher was excused from the ad-hoc session, which is over by 18:00.
    await approvedLeave(await adHocSession());
    await at('2026-02-24T10:00:00Z');
    const noEvidence = await teacher.post('/api/training/claims', distanceClaim);
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json()).toMatchObject({ details: [{ field: 'evidence' }] });
    const claim = await teacher.post('/api/training/claims', { ...distanceClaim, certificateNo: 'YC-01' });
    expect(claim.statusCode).toBe(201);
    expect((await principal.post(`/api/training/claims/${claim.json().id}/decide`, { isApproved: true, version: 1 })).json().state).toBe('recognised');
    const mine = (await teacher.get('/api/training/credits/me?schoolYear=2025-2026')).json();
    expect(mine).toMatchObject({ totalCredits: 6, required: 12, progress: 0.5 });
    expect(mine.lines.some((l: { notes: { zh: string }[] }) => l.notes.some((n) => n.zh.includes('请假')))).toBe(true);
    expect((await teacher.get('/api/training/credits')).statusCode).toBe(403);
    expect((await office.get('/api/training/credits?schoolYear=2025-2026')).json()).toHaveLength(4);
  });

  it('ST-7 computes, reviews and exports the year; teachers cannot compute', async () => {
    expect((await teacher.post('/api/training/assessments/compute', { schoolYear: '2025-2026' })).statusCode).toBe(403);
    const rows = (await office.post('/api/training/assessments/compute', { schoolYear: '2025-2026' })).json();
    expect(rows.length).toBe(4);
    expect(rows.every((r: { verdict: string }) => r.verdict === 'unqualified')).toBe(true);
    const file = await office.get('/api/training/assessments/export?schoolYear=2025-2026');
    expect(file.headers['content-disposition']).toContain('.xlsx');
    expect((await outsider.get(`/api/training/assessments/${rows[0].id}`)).statusCode).toBe(404);
  });
});

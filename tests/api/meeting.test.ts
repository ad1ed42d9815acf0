import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '#server';
import { type Client, signIn, startTestApp, type TestApp } from '../support';

interface MeetingItem {
  id: string;
  title: string;
  occursOn: string;
  startsAt: string;
  agenda: string;
  version: number;
  state: string;
}

describe('meetings over HTTP with the demo organisations (CORE-7, PP-21)', () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  const login = async (u: string) => {
    as[u] = await signIn(t.app, u, DEMO_PASSWORD);
    return as[u];
  };
  beforeAll(async () => {
    // Monday 2 March 2026, 16:00 in Beijing: the political study starts at 16:30.
    t = await startTestApp({ now: '2026-03-02T08:00:00Z' });
    await seedDemo(t.ctx.db, t.ctx.registry, new Date('2026-03-02T08:00:00Z'));
    for (const u of ['plant.vp', 'plant.head', 'plant.brew', 'plant.fill', 'plant.operator', 'school.principal', 'school.t1']) await login(u);
  });
  // The demo organisations are seeded once; each test finds the meeting it works on and starts at the same hour.
  beforeEach(() => t.setNow('2026-03-02T08:00:00Z'));
  afterAll(() => t.close());

  /** The demo plant's next dispatch meeting (生产调度例会), as it stands now. */
  const dispatchMeeting = async (): Promise<MeetingItem> => {
    const list = (await as['plant.vp'].get('/api/meetings')).json() as MeetingItem[];
    return list.filter((m) => m.title === '生产调度例会')[0];
  };

  it('PP-21 the demo plant holds its dispatch meeting on the 28th, moved to Friday the 27th in March, chaired by the VP', async () => {
    const list = (await as['plant.vp'].get('/api/meetings')).json() as MeetingItem[];
    const dispatches = list.filter((m) => m.title === '生产调度例会');
    expect(dispatches.map((m) => m.occursOn).slice(0, 3)).toEqual(['2026-03-27', '2026-04-28', '2026-05-28']);
    const dispatch = dispatches[0];
    expect(dispatch.agenda).toContain('本月生产完成情况');
    expect(dispatch.agenda).toContain('下月生产计划');
    const detail = (await as['plant.brew'].get(`/api/meetings/${dispatch.id}`)).json();
    expect(detail.chairName).toBe('李副总');
    expect(detail.leaveApproverName).toBe('张部长');
    expect(detail.attendees.map((a: { displayName: string }) => a.displayName).sort()).toEqual(['孙主任', '张部长', '钱经理', '周主任'].sort());
  });

  it('CORE-7 "mine" lists the meetings I attend; "all" lists the organisation’s', async () => {
    const dispatch = await dispatchMeeting();
    expect(((await as['plant.brew'].get('/api/meetings')).json() as MeetingItem[]).some((m) => m.id === dispatch.id)).toBe(true);
    expect((await as['plant.operator'].get('/api/meetings')).json()).toEqual([]);
    expect(((await as['plant.operator'].get('/api/meetings?scope=all')).json() as MeetingItem[]).some((m) => m.id === dispatch.id)).toBe(true);
  });

  it('PP-21 leave asked in advance goes to the production head, and approval marks the attendee excused', async () => {
    const dispatch = await dispatchMeeting();
    const req = await as['plant.brew'].post(`/api/meetings/${dispatch.id}/leave`, { reason: '酿造车间投料，无法离岗' });
    expect(req.statusCode).toBe(201);
    const pending = (await as['plant.head'].get('/api/meeting-leave/pending')).json();
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ meetingTitle: '生产调度例会', userName: '孙主任' });
    const inbox = (await as['plant.head'].get('/api/inbox')).json() as { id: string; kind: string; link: string }[];
    expect(inbox.find((i) => i.id === pending[0].id)).toMatchObject({ kind: 'meeting.leave.pending', link: `/meetings/${dispatch.id}` });
    expect((await as['plant.fill'].post(`/api/meeting-leave/${pending[0].id}/decision`, { approve: true, version: pending[0].version })).statusCode).toBe(403);
    const decided = await as['plant.head'].post(`/api/meeting-leave/${pending[0].id}/decision`, {
      approve: true,
      note: '同意，请指定人员参会',
      version: pending[0].version,
    });
    expect(decided.statusCode).toBe(200);
    const detail = (await as['plant.vp'].get(`/api/meetings/${dispatch.id}`)).json();
    expect(detail.attendees.find((a: { displayName: string }) => a.displayName === '孙主任').status).toBe('excused');
    expect(((await as['plant.head'].get('/api/inbox')).json() as { id: string }[]).some((i) => i.id === pending[0].id)).toBe(false);
    const notes = (await as['plant.brew'].get('/api/notifications')).json();
    expect(notes.some((n: { kind: string }) => n.kind === 'meeting.leave.decided')).toBe(true);
  });

  it('CORE-7 minutes are saved with a version; a stale save gets 409', async () => {
    const dispatch = await dispatchMeeting();
    const first = await as['plant.vp'].patch(`/api/meetings/${dispatch.id}`, { version: dispatch.version, minutes: '一、3 月完成情况…' });
    expect(first.statusCode).toBe(200);
    const stale = await as['plant.vp'].patch(`/api/meetings/${dispatch.id}`, { version: dispatch.version, minutes: '旧稿覆盖' });
    expect(stale.statusCode).toBe(409);
    expect((await as['plant.brew'].patch(`/api/meetings/${dispatch.id}`, { version: first.json().version, minutes: 'x' })).statusCode).toBe(403);
    expect((await as['plant.vp'].get(`/api/meetings/${dispatch.id}`)).json().minutes).toBe('一、3 月完成情况…');
  });

  it('CORE-7 an action item gets an owner, a due date and a deadline the owner sees', async () => {
    const dispatch = await dispatchMeeting();
    const r = await as['plant.vp'].post(`/api/meetings/${dispatch.id}/actions`, {
      title: '灌装线检修计划',
      ownerUserId: (await as['plant.fill'].get('/api/auth/me')).json().userId,
      dueOn: '2026-04-03',
    });
    expect(r.statusCode).toBe(201);
    const mine = (await as['plant.fill'].get('/api/deadlines')).json();
    expect(mine.find((d: { id: string }) => d.id === r.json().deadlineId)).toMatchObject({
      subjectType: 'meeting.action',
      dueOn: '2026-04-03',
      clause: 'T4 第五十六条',
    });
    const done = await as['plant.fill'].post(`/api/meetings/${dispatch.id}/actions/${r.json().id}/complete`, { version: r.json().version });
    expect(done.json().state).toBe('done');
  });

  it('PP-19 a coordination meeting is called ad hoc by someone with meeting.manage; bad times name the field', async () => {
    const fillId = (await as['plant.fill'].get('/api/auth/me')).json().userId;
    const headId = (await as['plant.head'].get('/api/auth/me')).json().userId;
    const body = {
      title: '断料协调会',
      chairUserId: headId,
      startsAt: '2026-03-03T08:00:00+08:00',
      endsAt: '2026-03-03T07:00:00+08:00',
      attendeeUserIds: [fillId],
    };
    expect((await as['plant.operator'].post('/api/meetings', body)).statusCode).toBe(403);
    const bad = await as['plant.head'].post('/api/meetings', body);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('endsAt');
    const ok = await as['plant.head'].post('/api/meetings', { ...body, endsAt: '2026-03-03T09:00:00+08:00' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'coordination', clause: 'T4 第五十五条', occursOn: '2026-03-03' });
    const notes = (await as['plant.fill'].get('/api/notifications')).json();
    expect(notes.some((n: { kind: string; link: string }) => n.kind === 'meeting.invited' && n.link === `/meetings/${ok.json().id}`)).toBe(true);
  });

  it('ST-2 the demo school holds the Monday political study for all staff, chaired by the principal', async () => {
    const list = (await as['school.t1'].get('/api/meetings')).json() as MeetingItem[];
    const study = list.filter((m) => m.title === '政治学习');
    expect(study[0]).toMatchObject({ occursOn: '2026-03-02', startsAt: '2026-03-02T08:30:00.000Z' });
    expect(study.map((m) => m.occursOn).slice(0, 3)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    const detail = (await as['school.t1'].get(`/api/meetings/${study[0].id}`)).json();
    expect(detail.chairName).toBe('陈校长');
    expect(detail.attendees).toHaveLength(11);
  });

  it('CORE-1 the school cannot read or change the plant’s meetings (404, nothing changes)', async () => {
    const dispatch = await dispatchMeeting();
    // The plant's minutes, which the school must not be able to change.
    expect((await as['plant.vp'].patch(`/api/meetings/${dispatch.id}`, { version: dispatch.version, minutes: '一、3 月完成情况…' })).statusCode).toBe(200);
    const school = as['school.principal'];
    expect((await school.get(`/api/meetings/${dispatch.id}`)).statusCode).toBe(404);
    expect((await school.patch(`/api/meetings/${dispatch.id}`, { version: 2, minutes: '篡改' })).statusCode).toBe(404);
    expect((await school.post(`/api/meetings/${dispatch.id}/leave`, { reason: 'x' })).statusCode).toBe(404);
    expect((await school.put(`/api/meetings/${dispatch.id}/attendance`, { entries: [{ userId: dispatch.id, status: 'present' }] })).statusCode).toBe(404);
    const all = (await school.get('/api/meetings?scope=all')).json() as MeetingItem[];
    expect(all.some((m) => m.id === dispatch.id)).toBe(false);
    expect((await as['plant.vp'].get(`/api/meetings/${dispatch.id}`)).json().minutes).toBe('一、3 月完成情况…');
  });

  it('PP-21 once the meeting has started, leave is refused with a clear error', async () => {
    const dispatch = await dispatchMeeting();
    t.setNow('2026-03-27T01:05:00Z');
    const fill = await login('plant.fill');
    const r = await fill.post(`/api/meetings/${dispatch.id}/leave`, { reason: '临时有事' });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'INVALID_STATE', message: '会议已经开始，不能再请假：请假须在会前提出' });
    const vp = await login('plant.vp');
    const fillId = (await fill.get('/api/auth/me')).json().userId;
    const att = await vp.put(`/api/meetings/${dispatch.id}/attendance`, { entries: [{ userId: fillId, status: 'late', note: '迟到 5 分钟' }] });
    expect(att.json()).toEqual({ changed: 1 });
  });
});

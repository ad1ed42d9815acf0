import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '#core/access';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';
import { newFloor, type TestFloor } from '#production/testing';

// PP-19, PP-20, PP-28 over HTTP: exceptions with their coordination, the shop floor's records,
// process documents, and the T3 routes; every answer is the declared contract, another
// organisation gets 404.

const NOW = '2026-04-08T02:00:00Z';

let t: TestApp;
let f: TestFloor;
let as: Record<'head' | 'leader' | 'director' | 'packDirector' | 'vp' | 'tech' | 'market' | 'planner' | 'operator' | 'stranger', Client>;

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
});
// Each test has a shop floor of its own, everyone signed in, and a stranger from another organisation.
beforeEach(async () => {
  f = await newFloor(t.ctx.db, t.ctx.registry.workflows, new Date(NOW));
  const other = await newOrg(t.ctx.db);
  const stranger = await newPerson(t.ctx.db, other.org.id, 'all');
  const login = (a: Actor) => signIn(t.app, a.username, TEST_PASSWORD);
  as = {
    head: await login(f.head),
    leader: await login(f.leader),
    director: await login(f.fillDirector),
    packDirector: await login(f.packDirector),
    vp: await login(f.vpRole),
    tech: await login(f.tech),
    market: await login(f.market),
    planner: await login(f.planner),
    operator: await login(f.operator),
    stranger: await login(stranger),
  };
});
afterAll(() => t.close());

/** The filling line's team leader reports a 断料 that touches packing too; the exception's id. */
async function reportedShortage(): Promise<string> {
  const res = await as.leader.post('/api/production/exceptions', {
    kind: 'material',
    workshopId: f.workshops.fill,
    description: '软木塞断料，灌装线停机',
    startedAt: '2026-04-08T00:30:00Z',
    affectedWorkshopIds: [f.workshops.pack],
    hoursLost: 2,
    hoursEstimated: 6,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

/** Market asks for 300 cases at short notice and the planner plans it: a temporary plan. */
async function plannedTemporaryRequest() {
  const request = (
    await as.market.post('/api/production/requests', { kind: 'temporary', title: '加急', lines: [{ itemId: f.items.wine, qty: 300, dueOn: '2026-04-10' }] })
  ).json();
  expect((await as.planner.post(`/api/production/requests/${request.id}/plan`, { version: request.version })).statusCode).toBe(200);
  return request;
}

describe('production exceptions over HTTP (PP-19)', () => {
  it('PP-19 a team leader reports a 断料; the answer is the declared contract; bad input is a 400 naming the field', async () => {
    const bad = await as.leader.post('/api/production/exceptions', { workshopId: f.workshops.fill, description: '断料', startedAt: NOW });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field)).toContain('kind');
    const res = await as.leader.post('/api/production/exceptions', {
      kind: 'material',
      workshopId: f.workshops.fill,
      description: '软木塞断料，灌装线停机',
      startedAt: '2026-04-08T00:30:00Z',
      affectedWorkshopIds: [f.workshops.pack],
      hoursLost: 2,
      hoursEstimated: 6,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      number: 'YC-2026-0001',
      state: 'reported',
      needsCoordination: true,
      workshopName: '灌装车间',
      affectedWorkshops: [{ name: '包装车间' }],
      allowedActions: [],
    });
    // The serializer keeps to the contract: no internal columns leak.
    expect(body).not.toHaveProperty('orgId');
    expect(body).not.toHaveProperty('judgement');
  });

  it('PP-19 another organisation gets 404; a workshop cannot call the meeting (403)', async () => {
    const id = await reportedShortage();
    expect((await as.stranger.get(`/api/production/exceptions/${id}`)).statusCode).toBe(404);
    expect((await as.stranger.post(`/api/production/exceptions/${id}/escalate`, { version: 1, note: '上报' })).statusCode).toBe(404);
    expect((await as.stranger.get('/api/production/exceptions')).json()).toEqual([]);
    expect((await as.leader.post(`/api/production/exceptions/${id}/meeting`, { version: 1, startsAt: NOW })).statusCode).toBe(403);
    expect((await as.head.get('/api/production/exceptions?month=2026-4')).statusCode).toBe(400);
  });

  it('PP-19 production calls the meeting chaired by the vice GM; decisions and action items close the loop', async () => {
    const id = await reportedShortage();
    const draft = (await as.head.get(`/api/production/exceptions/${id}/meeting-draft`)).json();
    expect(draft.chair.name).toBe('李副总');
    const called = await as.head.post(`/api/production/exceptions/${id}/meeting`, { version: 1, startsAt: '2026-04-08T06:00:00Z', location: '生产部会议室' });
    expect(called.statusCode).toBe(200);
    const meetingId = called.json().meeting.id;
    expect(called.json()).toMatchObject({ state: 'coordinating', meeting: { chairName: '李副总', clause: 'T4 第五十五条' } });
    const escalated = await as.head.post(`/api/production/exceptions/${id}/escalate`, { version: called.json().version, note: '影响总进度' });
    expect(escalated.json()).toMatchObject({ isEscalated: true, escalatedByName: '张部长' });
    expect((await as.vp.post(`/api/meetings/${meetingId}/decisions`, { body: '紧急调货' })).statusCode).toBe(201);
    const action = await as.vp.post(`/api/meetings/${meetingId}/actions`, { title: '调拨软木塞', ownerUserId: f.fillDirector.userId, dueOn: '2026-04-09' });
    expect(action.statusCode).toBe(201);
    const detail = (await as.director.get(`/api/production/exceptions/${id}`)).json();
    expect(detail.meeting.actions).toEqual([expect.objectContaining({ title: '调拨软木塞', ownerName: '周主任', canComplete: true })]);
    const done = await as.director.post(`/api/production/exceptions/${id}/actions/${detail.meeting.actions[0].id}/complete`, {
      version: detail.meeting.actions[0].version,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'resolved', resolvedByName: '周主任' });
    expect((await as.head.get('/api/production/exceptions?state=resolved&kind=material')).json()).toHaveLength(1);
  });

  it('PP-19 the report screen’s options and the OpenAPI document describe the routes', async () => {
    const options = (await as.leader.get('/api/production/exceptions/options')).json();
    expect(options).toMatchObject({ myWorkshopId: f.workshops.fill, today: '2026-04-08' });
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/production/exceptions', '/api/production/floor', '/api/production/process-docs/{id}', '/api/production/requests/{id}/unmet'])
      expect(doc.paths).toHaveProperty([path]);
  });
});

describe('shop floor over HTTP (PP-20)', () => {
  it('PP-20 checklist items, the phone checklist, the due list and rectifications; tenancy holds', async () => {
    expect((await as.leader.post('/api/production/floor/safety-items', { text: '消防通道畅通' })).statusCode).toBe(403);
    for (const text of ['消防通道畅通', '设备防护罩完好']) expect((await as.head.post('/api/production/floor/safety-items', { text })).statusCode).toBe(201);
    const form = (await as.leader.get('/api/production/floor/checklist')).json();
    expect(form.items).toHaveLength(2);
    const recorded = await as.leader.post('/api/production/floor/checklists', {
      workshopId: f.workshops.fill,
      results: [
        { itemId: form.items[0].id, ok: true },
        { itemId: form.items[1].id, ok: false, note: '防护罩松动' },
      ],
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ problemCount: 1, checkedByName: '吴班长' });
    const due = (await as.head.get('/api/production/floor/due')).json();
    expect(due.workshops.find((w: { workshopId: string }) => w.workshopId === f.workshops.fill).isDue).toBe(false);
    const [r] = (await as.head.get(`/api/production/floor/rectifications?workshopId=${f.workshops.fill}&state=active`)).json();
    expect(r).toMatchObject({ problem: '防护罩松动', state: 'open' });
    expect((await as.stranger.post(`/api/production/floor/rectifications/${r.id}/close`, { version: r.version, note: '已修' })).statusCode).toBe(404);
    expect((await as.stranger.get(`/api/production/floor/checklist?workshopId=${f.workshops.fill}`)).statusCode).toBe(400);
    const escalated = await as.leader.post(`/api/production/floor/rectifications/${r.id}/escalate`, { version: r.version, note: '需外购配件' });
    expect(escalated.json()).toMatchObject({ state: 'escalated', canClose: false });
    expect((await as.head.post(`/api/production/floor/rectifications/${r.id}/close`, { version: escalated.json().version, note: '已更换' })).json().state).toBe(
      'done',
    );
  });

  it('PP-20 a patrol and an operation record; the workshop page shows them', async () => {
    const patrol = await as.director.post('/api/production/floor/patrols', {
      workshopId: f.workshops.fill,
      note: '巡检',
      findings: [{ problem: '地面积水', ownerUserId: f.leader.userId, dueOn: '2026-04-09' }],
    });
    expect(patrol.statusCode).toBe(201);
    expect(patrol.json().findings).toHaveLength(1);
    const record = await as.operator.post('/api/production/floor/records', {
      workshopId: f.workshops.fill,
      shift: 1,
      step: '灌装',
      kind: 'self',
      result: 'ok',
    });
    expect(record.statusCode).toBe(201);
    expect(
      (await as.operator.post('/api/production/floor/records', { workshopId: f.workshops.fill, shift: 4, step: '灌装', kind: 'self', result: 'ok' })).json()
        .details[0].field,
    ).toBe('shift');
    const floor = (await as.leader.get('/api/production/floor')).json();
    expect(floor).toMatchObject({ workshop: { name: '灌装车间' }, canSeeAll: false });
    expect(floor.records).toHaveLength(1);
    expect(floor.patrols).toHaveLength(1);
  });

  it('PP-20 process documents: drafted by the process office, approved, in force; a workshop gets 403, another organisation 404', async () => {
    const items = [{ title: '灌装温度', requirement: '15–18℃' }];
    expect((await as.director.post('/api/production/process-docs', { category: 'procedure', title: '灌装操作规程', items })).statusCode).toBe(403);
    const created = await as.tech.post('/api/production/process-docs', { category: 'procedure', title: '灌装操作规程', workshopId: f.workshops.fill, items });
    expect(created.statusCode).toBe(201);
    const doc = created.json();
    expect((await as.stranger.get(`/api/production/process-docs/${doc.id}`)).statusCode).toBe(404);
    expect((await as.director.put(`/api/production/process-docs/${doc.id}`, { version: doc.version, title: '改', items })).statusCode).toBe(403);
    const submitted = (await as.tech.post(`/api/production/process-docs/${doc.id}/submit`, { version: doc.version })).json();
    const headOk = await as.head.post(`/api/documents/${doc.id}/approve`, { version: submitted.version, opinion: '同意' });
    expect(headOk.statusCode).toBe(200);
    expect((await as.vp.post(`/api/documents/${doc.id}/approve`, { version: headOk.json().version, opinion: '同意' })).statusCode).toBe(200);
    const inForce = (await as.leader.get(`/api/production/process-docs/${doc.id}`)).json();
    expect(inForce).toMatchObject({ state: 'approved', inForce: { revision: 1 }, allowedActions: [] });
    expect((await as.director.post(`/api/documents/${doc.id}/adjust`, { version: inForce.version })).statusCode).toBe(403);
  });
});

describe('T3 第十四条 and 第十五条 over HTTP (PP-28)', () => {
  it('PP-28 the unmet temporary plan route: workshop → production → market, each party on its step', async () => {
    const request = await plannedTemporaryRequest();
    const reported = await as.leader.post(`/api/production/requests/${request.id}/unmet`, { workshopId: f.workshops.fill, reason: '软木塞不足' });
    expect(reported.statusCode).toBe(201);
    const route = reported.json().routes[0];
    expect((await as.stranger.get(`/api/production/requests/${request.id}/unmet`)).statusCode).toBe(404);
    expect((await as.market.post(`/api/production/unmet-routes/${route.id}/forward`, { version: route.version })).statusCode).toBe(403);
    const forwarded = await as.head.post(`/api/production/unmet-routes/${route.id}/forward`, { version: route.version, note: '属实' });
    expect(forwarded.json().routes[0]).toMatchObject({ state: 'forwarded', forwardedByName: '张部长' });
    const changed = await as.market.post(`/api/production/unmet-routes/${route.id}/change-contract`, {
      version: forwarded.json().routes[0].version,
      note: '改为 200 箱',
    });
    expect(changed.json().routes[0]).toMatchObject({ state: 'contract_changed', marketNote: '改为 200 箱' });
  });

  it('PP-28 a plan shows who approves its customer-change adjustments', async () => {
    await plannedTemporaryRequest();
    const [plan] = (await as.planner.get('/api/production/plans?kind=temporary')).json();
    const causes = await as.planner.get(`/api/production/plans/${plan.id}/customer-change`);
    expect(causes.statusCode).toBe(200);
    expect(causes.json()).toMatchObject({ approverRole: 'gm', approverRoleName: '总经理', canMark: false });
    expect((await as.stranger.get(`/api/production/plans/${plan.id}/customer-change`)).statusCode).toBe(404);
  });
});

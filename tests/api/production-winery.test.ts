import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDocument, getDocument } from '#core/approval';
import { newPlant, type TestPlant, workingDayQuantities } from '#production/testing';
import { type Client, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

// Issue 14: what a month at a winery played through the API got wrong (items 1, 2 and 5).
const NOW = '2026-03-20T02:00:00Z';

describe('a changed workshop calendar refreshes the plans made on it (PP-9, issue 14 item 1)', () => {
  let t: TestApp;
  let p: TestPlant;
  let planner: Client;
  let planId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    p = await newPlant(t.ctx.db, t.ctx.registry.workflows, new Date(NOW));
    planner = await signIn(t.app, p.planner.username, TEST_PASSWORD);
    const plan = (await planner.post('/api/production/plans', { kind: 'monthly', month: '2026-04' })).json();
    planId = plan.id;
    // 800 cases a working day: filling 16 h of its 20 h a day, within capacity.
    const saved = await planner.put(`/api/production/plans/${planId}/lines`, {
      version: plan.version,
      lines: [{ itemId: p.items.wine, forecastQty: 20000, quantities: workingDayQuantities(30, 3, 800) }],
    });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const view = async () => (await planner.get(`/api/production/plans/${planId}`)).json();
  const workshop = async (id: string) => (await planner.get('/api/production/workshops')).json().find((w: { id: string }) => w.id === id);

  it('PP-9 issue 14 item 1: one shift fewer on the bottling line recomputes the plan at once, in the list too, and says why', async () => {
    const before = await view();
    expect(before.allOverloads).toEqual([]);
    const fill = await workshop(p.workshops.fill);
    expect((await planner.patch(`/api/production/workshops/${fill.id}`, { shiftsPerDay: 1, version: fill.version })).statusCode).toBe(200);
    const list = (await planner.get('/api/production/plans?kind=monthly')).json();
    expect(list.find((x: { id: string }) => x.id === planId).capacityStatus).toMatch(/^over/);
    const after = await view();
    expect(after.isCapacityFresh).toBe(true);
    expect(after.capacityCalendarChangedOn).toBe('2026-03-20');
    // 16 h of filling a day against 10 h: every week of April is over (160 %).
    expect(after.overloads.length).toBeGreaterThanOrEqual(4);
    expect(after.overloads[0]).toMatchObject({ workshopName: '灌装车间', utilisation: 1.6 });
  });

  it('PP-9 issue 14 item 1: the submit guard judges on the fresh figure', async () => {
    const doc = (await planner.get(`/api/documents/${(await view()).documentId}`)).json();
    const res = await planner.post(`/api/production/plans/${planId}/submit`, { version: doc.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('灌装车间');
  });

  it('PP-9 issue 14 item 1: an exception day recomputes the plans holding it; a calendar changed behind the screens is caught when the plan or dashboard is read', async () => {
    const pack = await workshop(p.workshops.pack);
    // Packing stops for a day: the stored check follows.
    expect((await planner.put(`/api/production/workshops/${pack.id}/days/2026-04-08`, { hours: 0, note: '停电' })).statusCode).toBe(200);
    const packWeek = (await view()).capacity.rows.find((r: { workshopId: string }) => r.workshopId === pack.id).cells[1];
    expect(packWeek.capacity).toBe(100);
    // Bottling back to two shifts without the routes (as an import or a holiday change would do it).
    await t.ctx.db.execute(sql`update prod_workshops set shifts_per_day = 2 where org_id = ${p.orgId} and id = ${p.workshops.fill}`);
    const dash = (await planner.get('/api/production/dashboard')).json();
    expect(dash.focus.id).toBe(planId);
    expect(dash.focus.overloads).toEqual([]);
    expect(dash.nextPlan.capacityStatus).not.toMatch(/^over/);
  });
});

describe('countermeasures must cover the overload they answer (PP-9, T4 第十九条, issue 14 item 2)', () => {
  let t: TestApp;
  let p: TestPlant;
  let planner: Client;
  let planId: string;
  const MAY = '2026-05-11';
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    p = await newPlant(t.ctx.db, t.ctx.registry.workflows, new Date(NOW));
    planner = await signIn(t.app, p.planner.username, TEST_PASSWORD);
    planId = (await planner.post('/api/production/plans', { kind: 'monthly', month: '2026-05' })).json().id;
  });
  afterAll(() => t.close());

  const view = async (id = planId) => (await planner.get(`/api/production/plans/${id}`)).json();
  // May 2026 starts on a Friday; 800 cases a working day and `extra` more on Tuesday 12 May, filled on Monday 11.
  const save = async (extra: number) => {
    const q = workingDayQuantities(31, 5, 800);
    q[11] += extra;
    const res = await planner.put(`/api/production/plans/${planId}/lines`, {
      version: (await view()).version,
      lines: [{ itemId: p.items.wine, quantities: q }],
    });
    expect(res.statusCode).toBe(200);
  };
  const submit = async () => {
    const v = await view();
    return planner.post(`/api/production/plans/${planId}/submit`, {
      version: (await getDocument(t.ctx.db, t.ctx.registry.workflows, p.planner, v.documentId)).version,
    });
  };
  const answer = (body: object) =>
    planner.post(`/api/production/plans/${planId}/countermeasures`, {
      workshopId: p.workshops.fill,
      bucketStart: MAY,
      kind: 'overtime',
      description: '周日加班',
      ...body,
    });

  it('PP-9 issue 14 item 2: a countermeasure states its hours; 1 h does not answer a 6 h overload', async () => {
    await save(1500);
    const over = (await view()).overloads.find((o: { start: string }) => o.start === MAY);
    expect(over).toMatchObject({ workshopName: '灌装车间', excessHours: 6, missingHours: 6 });
    const none = await answer({});
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('工时');
    expect((await answer({ extraHours: 1 })).statusCode).toBe(201);
    const v = await view();
    expect(v.overloads.find((o: { start: string }) => o.start === MAY)).toMatchObject({ coveredHours: 1, missingHours: 5 });
    expect(v.countermeasureCheck[0]).toMatchObject({ usedHours: 1, isSufficient: false });
    const res = await submit();
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('应对措施只解决 1 小时，尚差 5 小时');
  });

  it('PP-9 issue 14 item 2: every re-check re-validates: a larger overload outgrows the old answer; one answer for the month covers the weeks', async () => {
    expect((await answer({ extraHours: 5 })).statusCode).toBe(201);
    expect((await view()).overloads).toEqual([]);
    // More on the same day: 36 h over, the 6 h recorded no longer answer it.
    await save(3000);
    expect((await view()).overloads.find((o: { start: string }) => o.start === MAY)).toMatchObject({ excessHours: 36, missingHours: 30 });
    expect((await submit()).statusCode).toBe(409);
    const weeks = (await view()).capacityGroups.map((g: { start: string }) => g.start);
    expect((await answer({ bucketStart: weeks[0], bucketEnd: weeks[weeks.length - 1], extraHours: 70, description: '本月加班 70 小时' })).statusCode).toBe(201);
    expect((await view()).overloads).toEqual([]);
    expect((await submit()).statusCode).toBe(200);
  });

  it('PP-9 issue 14 item 2: a weekly workshop plan over capacity cannot be confirmed without an answer covering it', async () => {
    const doc = await getDocument(t.ctx.db, t.ctx.registry.workflows, p.vp, (await view()).documentId);
    await approveDocument(t.ctx.db, t.ctx.registry.workflows, p.vp, doc.id, { version: doc.version, opinion: '同意' }, new Date(NOW));
    const weekly = (await planner.post(`/api/production/plans/${planId}/weekly`, { weekOf: MAY })).json();
    const fillWeek = weekly.find((w: { workshopId: string }) => w.workshopId === p.workshops.fill);
    const wv = await view(fillWeek.id);
    const over = wv.overloads[0];
    // Monday 11 May: 3,800 cases × 0.02 h = 76 h against 20 h.
    expect(over).toMatchObject({ start: MAY, excessHours: 56 });
    const refused = await planner.post(`/api/production/plans/${fillWeek.id}/confirm`, { version: wv.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('超出 56 小时');
    const add = await planner.post(`/api/production/plans/${fillWeek.id}/countermeasures`, {
      workshopId: p.workshops.fill,
      bucketStart: MAY,
      kind: 'outsourcing',
      description: '外协灌装',
      sharePct: 75,
    });
    expect(add.statusCode).toBe(201);
    expect((await planner.post(`/api/production/plans/${fillWeek.id}/confirm`, { version: (await view(fillWeek.id)).version })).statusCode).toBe(200);
  });
});

describe('special requirements planned backwards from the due date (PP-11, T2 五.2–3, issue 14 item 5)', () => {
  let t: TestApp;
  let p: TestPlant;
  let planner: Client;
  const JUNE = '2026-06-10T02:00:00Z';
  beforeAll(async () => {
    t = await startTestApp({ now: JUNE });
    p = await newPlant(t.ctx.db, t.ctx.registry.workflows, new Date(JUNE));
    planner = await signIn(t.app, p.planner.username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('PP-11 issue 14 item 5: corks with a 15-day lead time fit before a due date a month away: no shortage, made in the last days', async () => {
    const res = await planner.post('/api/production/requests', {
      kind: 'special',
      title: '国庆礼盒',
      lines: [{ itemId: p.items.wine, qty: 3000, dueOn: '2026-07-10' }],
    });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r.feedbackZh).not.toContain('物料短缺');
    expect(r).toMatchObject({ isFeasible: true, state: 'received' });
    const made = (await planner.post(`/api/production/requests/${r.id}/plan`, { version: r.version })).json();
    const plan = (await planner.get(`/api/production/plans/${made.plan.id}`)).json();
    const q: number[] = plan.lines[0].quantities;
    // Filling makes 1,000 cases a day: the last three working days before the due date (latest start).
    expect(q.slice(-3)).toEqual([1000, 1000, 1000]);
    expect(q.slice(0, -3).every((x) => x === 0)).toBe(true);
  });

  it('PP-11 issue 14 item 5: a bottleneck over several days is one entry, answered by one countermeasure', async () => {
    const res = await planner.post('/api/production/requests', {
      kind: 'temporary',
      title: '酒店加急',
      lines: [{ itemId: p.items.wine, qty: 4000, dueOn: '2026-06-13' }],
    });
    const r = res.json();
    expect(r.isFeasible).toBe(false);
    expect(r.feasibility.bottlenecks).toHaveLength(1);
    const b = r.feasibility.bottlenecks[0];
    expect(b).toMatchObject({ workshopName: '灌装车间', start: '2026-06-10', end: '2026-06-12' });
    expect(r.feedbackZh).toContain('灌装车间 2026-06-10 至 2026-06-12');
    const made = (await planner.post(`/api/production/requests/${r.id}/plan`, { version: r.version })).json();
    const planUrl = `/api/production/plans/${made.plan.id}`;
    const over = (await planner.get(planUrl)).json().overloads;
    expect(over.length).toBeGreaterThan(1);
    const last = over[over.length - 1].start;
    const hoursOver = over.reduce((s: number, o: { excessHours: number }) => s + o.excessHours, 0);
    const add = await planner.post(`${planUrl}/countermeasures`, {
      workshopId: p.workshops.fill,
      bucketStart: over[0].start,
      bucketEnd: last,
      kind: 'outsourcing',
      description: '外协灌装',
      extraHours: Math.ceil(hoursOver),
    });
    expect(add.statusCode).toBe(201);
    expect((await planner.get(planUrl)).json().overloads).toEqual([]);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const saved = await planner.put(`/api/production/plans/${planId}/lines`, { version: plan.version, lines: [{ itemId: p.items.wine, forecastQty: 20000, quantities: workingDayQuantities(30, 3, 800) }] });
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

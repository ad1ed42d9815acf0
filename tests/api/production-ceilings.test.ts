import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPlant, type TestPlant } from '#production/testing';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

const NOW = '2026-03-20T02:00:00Z';

describe('GET /api/production/plans/:id/ceilings (PP-7 T1 7, issue 14 item 13)', () => {
  let t: TestApp;
  let p: TestPlant;
  let planner: Client;
  let stranger: Client;
  let quarterId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    const db = t.ctx.db;
    p = await newPlant(db, t.ctx.registry.workflows, new Date(NOW));
    const [a, s] = await Promise.all([
      newPerson(db, p.orgId, ['production.read', 'production.plan.write', 'document.read', 'document.write']),
      newPerson(db, (await newOrg(db)).org.id, 'all'),
    ]);
    [planner, stranger] = await Promise.all([signIn(t.app, a.username, TEST_PASSWORD), signIn(t.app, s.username, TEST_PASSWORD)]);
    const created = await planner.post('/api/production/plans', { kind: 'quarterly', year: 2026, quarter: 2 });
    expect(created.statusCode).toBe(201);
    quarterId = created.json().id;
    const saved = await planner.put(`/api/production/plans/${quarterId}/lines`, {
      version: created.json().version,
      lines: [{ itemId: p.items.wine, quantities: [20000, 20000, 20000] }],
    });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('PP-7 T1 7: answers the ceilings of a quarterly plan at maximum output, with the regulation’s words and the clause in the data', async () => {
    const r = await planner.get(`/api/production/plans/${quarterId}/ceilings`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      planId: quarterId,
      mixFrom: 'plan',
      clause: 'T1 7',
      bottleneck: { name: '灌装车间' },
      policy: { materialReserveDays: 30, wipReserveDays: 5, ceilingChangeThresholdPct: 20 },
    });
    expect(body.regulation.zh).toContain('最大生产量');
    expect(body.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemId: p.items.bottle, kind: 'material', needPerDay: 6000, ceiling: 180000, currentMax: null, status: 'unset' }),
        expect.objectContaining({ itemId: p.items.base, kind: 'wip', workshopName: '酿造车间', ceiling: 22500 }),
      ]),
    );
  });

  it('PP-7 T1 7: a monthly plan is refused with 409; another organisation gets 404; a malformed id 400', async () => {
    const monthly = await planner.post('/api/production/plans', { kind: 'monthly', month: '2026-05' });
    expect((await planner.get(`/api/production/plans/${monthly.json().id}/ceilings`)).statusCode).toBe(409);
    expect((await stranger.get(`/api/production/plans/${quarterId}/ceilings`)).statusCode).toBe(404);
    expect((await planner.get('/api/production/plans/not-a-uuid/ceilings')).statusCode).toBe(400);
  });
});

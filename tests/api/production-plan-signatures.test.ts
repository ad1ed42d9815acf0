import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedFillingWeek, newIssuedPlan, newPlant, type TestPlant } from '#production/testing';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

// 02:00 UTC is 10:00 in Beijing (the test organisation's +480): the printed time is the local one.
const NOW = '2026-03-20T02:00:00Z';

describe('printed plans carry the electronic approvals in their signature lines (issue 14 item 11)', () => {
  let t: TestApp;
  let p: TestPlant;
  let reader: Client;
  let stranger: Client;
  let monthlyId: string;
  let weeklyId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    const db = t.ctx.db;
    p = await newPlant(db, t.ctx.registry.workflows, new Date(NOW));
    monthlyId = (await newIssuedPlan(db, t.ctx.registry.workflows, p, new Date(NOW))).id;
    weeklyId = (await confirmedFillingWeek(db, t.ctx.registry.workflows, p, monthlyId, '2026-04-06', new Date(NOW))).id;
    // A workshop reader who cannot open approval documents still prints the plan with its signatures.
    const [r, s] = await Promise.all([newPerson(db, p.orgId, ['production.read']), newPerson(db, (await newOrg(db)).org.id, 'all')]);
    [reader, stranger] = await Promise.all([signIn(t.app, r.username, TEST_PASSWORD), signIn(t.app, s.username, TEST_PASSWORD)]);
  });
  afterAll(() => t.close());

  it('issue 14 item 11: the monthly plan’s lines name the planner who submitted and the VP who approved, role, decision and local time', async () => {
    const r = await reader.get(`/api/production/plans/${monthlyId}/signatures`);
    expect(r.statusCode).toBe(200);
    const s = r.json();
    expect(s).toMatchObject({ planId: monthlyId, revision: 1 });
    expect(s.number).toMatch(/\S/);
    expect(s.lines.map((l: { key: string; decision: string; actorName: string; atLocal: string }) => [l.key, l.decision, l.actorName, l.atLocal])).toEqual([
      ['prepared', 'submitted', p.planner.displayName, '2026-03-20 10:00'],
      ['vp', 'approved', p.vp.displayName, '2026-03-20 10:00'],
    ]);
    expect(s.lines[1].role.zh).toMatch(/\S/);
    expect(s.lines[1].at).toBe('2026-03-20T02:00:00.000Z');
  });

  it('issue 14 item 11: a weekly workshop plan signs with its derivation and the workshop’s confirmation', async () => {
    const s = (await reader.get(`/api/production/plans/${weeklyId}/signatures`)).json();
    expect(s).toMatchObject({ number: null, revision: null });
    expect(s.lines.map((l: { key: string; decision: string; actorName: string; atLocal: string }) => [l.key, l.decision, l.actorName, l.atLocal])).toEqual([
      ['prepared', 'prepared', p.planner.displayName, '2026-03-20 10:00'],
      ['confirmed', 'confirmed', p.planner.displayName, '2026-03-20 10:00'],
    ]);
  });

  it('issue 14 item 11: another organisation cannot read the signatures', async () => {
    expect((await stranger.get(`/api/production/plans/${monthlyId}/signatures`)).statusCode).toBe(404);
  });
});

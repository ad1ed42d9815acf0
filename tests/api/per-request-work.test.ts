import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '#core/auth';
import type { Db } from '#core/db';
import { roles, userRoles } from '#core/org';
import { getPolicy, runWithPolicyScope, updatePolicy } from '#core/policy';
import { newOrg, newPerson, startTestApp, type TestApp } from '../support';

// Counts the SELECT statements a piece of code sends through one database handle.
function countingSelects(db: Db): { db: Db; selects: () => number } {
  let n = 0;
  const counted = new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'select') n++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { db: counted, selects: () => n };
}

describe('issue 11 item "less work per request": the policy read once per request, the actor in one query', () => {
  let t: TestApp;
  let orgId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-02T08:00:00Z' });
    orgId = (await newOrg(t.ctx.db, { template: 'T4' })).org.id;
  });
  afterAll(() => t.close());

  it('issue 11: inside one request scope the policy is read once, whatever the number of rules consulting it', async () => {
    const c = countingSelects(t.ctx.db);
    await runWithPolicyScope(async () => {
      const first = await getPolicy(c.db, orgId);
      const afterFirst = c.selects();
      expect(afterFirst).toBeGreaterThan(0);
      for (let i = 0; i < 10; i++) expect(await getPolicy(c.db, orgId)).toBe(first);
      expect(c.selects()).toBe(afterFirst);
    });
    // Outside a scope (scheduler, CLI) every call reads the database again.
    const before = c.selects();
    await getPolicy(c.db, orgId);
    expect(c.selects()).toBeGreaterThan(before);
  });

  it('issue 11: a version saved inside the scope is what the rest of that request reads; other scopes read it too', async () => {
    const admin = await newPerson(t.ctx.db, orgId, ['admin.policy']);
    await runWithPolicyScope(async () => {
      expect((await getPolicy(t.ctx.db, orgId)).production.forecastDueDay).toBe(25);
      await updatePolicy(t.ctx.db, admin, { baseVersion: 0, values: { production: { forecastDueDay: 18 } }, reason: '提前预报' });
      expect((await getPolicy(t.ctx.db, orgId)).production.forecastDueDay).toBe(18);
    });
    await runWithPolicyScope(async () => expect((await getPolicy(t.ctx.db, orgId)).production.forecastDueDay).toBe(18));
    expect((await getPolicy(t.ctx.db, orgId)).production.forecastDueDay).toBe(18);
  });

  it('issue 11: HTTP requests see a policy saved by an earlier request (no memo outlives its request)', async () => {
    const admin = await newPerson(t.ctx.db, orgId, ['admin.policy']);
    const { signIn, TEST_PASSWORD } = await import('../support');
    const client = await signIn(t.app, admin.username, TEST_PASSWORD);
    const current = (await client.get('/api/policy')).json();
    const saved = await client.put('/api/policy', { baseVersion: current.version, values: { production: { forecastDueDay: 21 } }, reason: '调整' });
    expect(saved.statusCode).toBe(200);
    expect((await client.get('/api/policy')).json()).toMatchObject({ version: current.version + 1, values: { production: { forecastDueDay: 21 } } });
  });

  it('issue 11: the actor with two roles is loaded in one query, with the union of their permissions', async () => {
    const person = await newPerson(t.ctx.db, orgId, ['admin.policy']);
    await t.ctx.db.insert(roles).values({ orgId, code: 'r_second', nameZh: '第二', nameEn: 'second', permissions: ['audit.read', 'Not a code'] });
    await t.ctx.db.insert(userRoles).values({ orgId, userId: person.userId, roleCode: 'r_second' });
    const c = countingSelects(t.ctx.db);
    const actor = await loadActor(c.db, orgId, person.userId);
    expect(c.selects()).toBe(1);
    expect(actor?.roles).toHaveLength(2);
    expect(actor?.roles).toContain('r_second');
    expect([...(actor?.permissions ?? [])].sort()).toEqual(['admin.policy', 'audit.read']);
    expect(actor?.username).toBe(person.username);
    // Issue 12: the organisation's modules ride on the same statement (module routes ask no more).
    expect(actor?.modules).toEqual(expect.arrayContaining(['production']));
  });

  it('issue 11: a person without roles loads with no permissions; an unknown person does not load', async () => {
    const person = await newPerson(t.ctx.db, orgId, []);
    await t.ctx.db.delete(userRoles).where((await import('drizzle-orm')).eq(userRoles.userId, person.userId));
    const actor = await loadActor(t.ctx.db, orgId, person.userId);
    expect(actor?.roles).toEqual([]);
    expect(actor?.permissions.size).toBe(0);
    expect(await loadActor(t.ctx.db, orgId, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });
});

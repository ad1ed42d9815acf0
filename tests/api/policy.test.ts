import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPolicy } from '#core/policy';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

describe('policy parameters: presets, versions, validation (CORE-6, PP-2, PP-27)', () => {
  let t: TestApp;
  let plantId: string;
  let admin: Client;
  let reader: Client;
  let otherAdmin: Client;
  let schoolReader: Client;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-02T08:00:00Z' });
    const plant = await newOrg(t.ctx.db, { template: 'T4' });
    plantId = plant.org.id;
    const other = await newOrg(t.ctx.db, { template: 'T2' });
    const school = await newOrg(t.ctx.db, { kind: 'school', template: 'S1' });
    admin = await signIn(t.app, (await newPerson(t.ctx.db, plantId, ['admin.policy', 'audit.read'])).username, TEST_PASSWORD);
    reader = await signIn(t.app, (await newPerson(t.ctx.db, plantId, [])).username, TEST_PASSWORD);
    otherAdmin = await signIn(t.app, (await newPerson(t.ctx.db, other.org.id, ['admin.policy'])).username, TEST_PASSWORD);
    schoolReader = await signIn(t.app, (await newPerson(t.ctx.db, school.org.id, [])).username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('CORE-6 an organisation with no saved version runs on its template preset, readable by anyone signed in', async () => {
    const r = await reader.get('/api/policy');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ version: 0, preset: 'T4', isDefault: true });
    expect(r.json().values.production).toMatchObject({ forecastDueDay: 25, monthlyPlanDueDay: 28, dispatchMeetingDay: 28 });
    expect((await schoolReader.get('/api/policy')).json()).toMatchObject({ preset: 'S1', values: { training: { creditsPerYear: 12 } } });
    expect((await t.app.inject({ method: 'GET', url: '/api/policy' })).statusCode).toBe(401);
  });

  it('PP-27 the contract field assessment.falsificationMultiplier is a number, with its clause in the metadata', async () => {
    const policy = await getPolicy(t.ctx.db, plantId);
    expect(policy.assessment.falsificationMultiplier).toBe(2);
    const meta = (await reader.get('/api/policy/meta')).json();
    expect(meta.fields['assessment.falsificationMultiplier']).toMatchObject({ clause: 'T2 七.5' });
    expect(meta.fields['production.forecastDueDay']).toMatchObject({ clause: 'T2 五.1.1)', requirementId: 'PP-2' });
    // A plant is offered the plant presets only; a school the school presets.
    expect(meta.presets.map((p: { name: string }) => p.name)).toEqual(['T1', 'T2', 'T3', 'T4']);
    const schoolMeta = (await schoolReader.get('/api/policy/meta')).json();
    expect(schoolMeta.presets.map((p: { name: string }) => p.name)).toEqual(['T5', 'S1', 'S2', 'S3', 'S4']);
    // And the server refuses another kind's preset, naming the field.
    const current = (await admin.get('/api/policy')).json();
    const refused = await admin.post('/api/policy/apply-preset', { baseVersion: current.version, preset: 'S1', reason: '误选学校模板' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0].field).toBe('preset');
  });

  it('CORE-6 a bad value is refused with 400 naming the field path', async () => {
    const r = await admin.put('/api/policy', { baseVersion: 0, values: { training: { creditsPerYear: -1 } }, reason: '测试' });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('VALIDATION_FAILED');
    expect(r.json().details[0].field).toBe('training.creditsPerYear');
    expect(r.json().message).toContain('training.creditsPerYear');
    const typo = await admin.put('/api/policy', { baseVersion: 0, values: { production: { forecastDueDay: 'x' } }, reason: '测试' });
    expect(typo.json().details[0].field).toBe('production.forecastDueDay');
    const noReason = await admin.put('/api/policy', { baseVersion: 0, values: {}, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].field).toBe('reason');
    expect((await reader.get('/api/policy')).json().version).toBe(0);
  });

  it('PP-2 saving writes version 1 with an audit entry, and getPolicy returns it', async () => {
    const r = await admin.put('/api/policy', { baseVersion: 0, values: { production: { forecastDueDay: 20 } }, reason: '市场部要求提前预报' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ version: 1, preset: 'T4', values: { production: { forecastDueDay: 20, monthlyPlanDueDay: 28 } } });
    expect((await getPolicy(t.ctx.db, plantId)).production.forecastDueDay).toBe(20);
    const audit = (await admin.get('/api/audit?entity=policy')).json();
    expect(audit[0]).toMatchObject({
      action: 'policy.update',
      entityId: '1',
      oldValue: { values: { 'production.forecastDueDay': 25 } },
      newValue: { values: { 'production.forecastDueDay': 20 } },
    });
  });

  it('CORE-6 a save on a stale base version gets 409 and changes nothing', async () => {
    const r = await admin.put('/api/policy', { baseVersion: 0, values: { production: { forecastDueDay: 22 } }, reason: '旧页面' });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('VERSION_CONFLICT');
    expect((await getPolicy(t.ctx.db, plantId)).production.forecastDueDay).toBe(20);
  });

  it('CORE-6 only admin.policy may change the policy', async () => {
    const r = await reader.put('/api/policy', { baseVersion: 1, values: { production: { forecastDueDay: 3 } }, reason: 'x' });
    expect(r.statusCode).toBe(403);
    expect((await reader.post('/api/policy/apply-preset', { baseVersion: 1, preset: 'T2', reason: 'x' })).statusCode).toBe(403);
    expect((await getPolicy(t.ctx.db, plantId)).production.forecastDueDay).toBe(20);
  });

  it('CORE-4 applying a preset is a new version; history and diff show what changed', async () => {
    const r = await admin.post('/api/policy/apply-preset', { baseVersion: 1, preset: 'T2', reason: '改按 T2 执行' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ version: 2, preset: 'T2', values: { production: { forecastDueDay: 25, monthlyPlanApproverRole: 'gm' } } });
    const versions = (await reader.get('/api/policy/versions')).json();
    expect(versions.map((v: { version: number; preset: string }) => [v.version, v.preset])).toEqual([
      [2, 'T2'],
      [1, 'T4'],
    ]);
    const diff = (await reader.get('/api/policy/diff?from=1&to=2')).json();
    expect(diff).toEqual(
      expect.arrayContaining([
        { path: 'production.forecastDueDay', before: 20, after: 25 },
        { path: 'production.monthlyPlanApproverRole', before: 'vp_production', after: 'gm' },
      ]),
    );
    expect((await reader.get('/api/policy/versions/0')).json()).toMatchObject({ version: 0, preset: 'T4' });
    expect((await admin.post('/api/policy/apply-preset', { baseVersion: 2, preset: 'X1', reason: 'x' })).json().details[0].field).toBe('preset');
  });

  it('CORE-1 another organisation neither reads nor changes this policy', async () => {
    expect((await otherAdmin.get('/api/policy/versions/2')).statusCode).toBe(404);
    expect((await otherAdmin.get('/api/policy')).json()).toMatchObject({ version: 0, preset: 'T2' });
    const own = await otherAdmin.put('/api/policy', { baseVersion: 0, values: { production: { forecastDueDay: 5 } }, reason: '本公司' });
    expect(own.json().version).toBe(1);
    expect((await getPolicy(t.ctx.db, plantId)).production.forecastDueDay).toBe(25);
    expect((await reader.get('/api/policy/versions')).json()).toHaveLength(2);
  });
});

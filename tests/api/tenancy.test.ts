import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

describe('CORE-1 tenancy: one organisation never reads or changes another', () => {
  let t: TestApp;
  let plantAdmin: Awaited<ReturnType<typeof signIn>>;
  let schoolPersonId: string;
  let schoolAdmin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    t = await startTestApp();
    const plant = await newOrg(t.ctx.db);
    const school = await newOrg(t.ctx.db, { kind: 'school' });
    const pa = await newPerson(t.ctx.db, plant.org.id, 'all');
    const sa = await newPerson(t.ctx.db, school.org.id, 'all');
    schoolPersonId = sa.userId;
    plantAdmin = await signIn(t.app, pa.username, TEST_PASSWORD);
    schoolAdmin = await signIn(t.app, sa.username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('CORE-1 lists only the own organisation’s people', async () => {
    const people = (await plantAdmin.get('/api/org/people')).json() as { id: string }[];
    expect(people.map((p) => p.id)).not.toContain(schoolPersonId);
  });

  it('CORE-1 cannot change a person of another organisation (404, and nothing changes)', async () => {
    const r = await plantAdmin.patch(`/api/org/people/${schoolPersonId}`, { version: 1, displayName: '被篡改' });
    expect(r.statusCode).toBe(404);
    const mine = (await schoolAdmin.get('/api/org/people')).json() as { id: string; displayName: string }[];
    expect(mine.find((p) => p.id === schoolPersonId)?.displayName).not.toBe('被篡改');
  });

  it('CORE-1 audit entries of another organisation stay invisible', async () => {
    const entries = (await plantAdmin.get('/api/audit?limit=500')).json() as { entityId: string }[];
    expect(entries.some((e) => e.entityId === schoolPersonId)).toBe(false);
  });

  it('CORE-1 the database refuses a row that points into another organisation', async () => {
    const plant = await newOrg(t.ctx.db);
    const school = await newOrg(t.ctx.db);
    const [dept] = school.departments;
    await expect(
      t.database.query('insert into users (org_id, username, display_name, password_hash, department_id) values ($1, $2, $3, $4, $5)', [
        plant.org.id,
        `cross${Date.now()}`,
        'x',
        'x',
        dept.id,
      ]),
    ).rejects.toThrow();
  });
});

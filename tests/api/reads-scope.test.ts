import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '#server';
import { type Client, signIn, startTestApp, type TestApp } from '../support';

// Issue 10 item 8 (and issue 13 item 7): inside one school, a teacher sees colleagues'
// names and groups, not their phones, login names or training hours.
describe('ST-12 what a teacher may read of colleagues (issue 10 item 8)', () => {
  let t: TestApp;
  let teacher: Client;
  let office: Client;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
    await seedDemo(t.ctx.db, t.ctx.registry, new Date('2026-03-10T02:00:00Z'));
    teacher = await signIn(t.app, 'school.t1', DEMO_PASSWORD);
    office = await signIn(t.app, 'school.office', DEMO_PASSWORD);
  }, 120_000);
  afterAll(() => t.close());

  it('ST-12 the register: names and groups for a teacher, everything for the office', async () => {
    const mine = (await teacher.get('/api/training/teachers')).json() as Record<string, unknown>[];
    expect(mine.length).toBeGreaterThan(5);
    for (const row of mine) expect(Object.keys(row).sort()).toEqual(['groupId', 'groupName', 'id', 'isActive', 'name']);
    const full = (await office.get('/api/training/teachers')).json() as Record<string, unknown>[];
    expect(full[0]).toHaveProperty('username');
    expect(full[0]).toHaveProperty('phone');
  });

  it('ST-12 issue 13 item 7: a teacher cannot export the register (phones, login names); the office can', async () => {
    expect((await teacher.get('/api/excel/training-teachers/export')).statusCode).toBe(403);
    expect((await office.get('/api/excel/training-teachers/export')).statusCode).toBe(200);
  });

  it('ST-12 a colleague’s profile is trimmed, one’s own is whole', async () => {
    const me = (await teacher.get('/api/training/teachers/me')).json() as { id: string };
    const all = (await office.get('/api/training/teachers')).json() as { id: string }[];
    const colleague = all.find((x) => x.id !== me.id)!;
    const other = (await teacher.get(`/api/training/teachers/${colleague.id}`)).json();
    expect(other).not.toHaveProperty('phone');
    expect(other).not.toHaveProperty('username');
    expect((await teacher.get(`/api/training/teachers/${me.id}`)).json()).toHaveProperty('username', 'school.t1');
  });

  it('ST-12 backbone tracks: a teacher sees only their own hours', async () => {
    const me = (await teacher.get('/api/training/teachers/me')).json() as { id: string };
    const overview = (await teacher.get('/api/training/backbone')).json() as { tracks: { teacherId: string }[] };
    expect(overview.tracks.every((x) => x.teacherId === me.id)).toBe(true);
    const officeView = (await office.get('/api/training/backbone')).json() as { tracks: { teacherId: string }[] };
    expect(officeView.tracks.length).toBeGreaterThan(0);
    const someone = officeView.tracks.find((x) => x.teacherId !== me.id)!;
    expect((await teacher.get(`/api/training/backbone/teachers/${someone.teacherId}/hours`)).statusCode).toBe(403);
  });

  it('ST-12 unknown ids are 404, not an empty 200', async () => {
    const zero = '00000000-0000-4000-8000-000000000000';
    for (const url of [
      `/api/training/backbone/teachers/${zero}/hours`,
      `/api/training/self-study/teachers/${zero}`,
      `/api/training/sessions/${zero}/attendance/changes`,
      `/api/training/evaluations/rounds/${zero}/mine`,
    ]) {
      expect((await office.get(url)).statusCode, url).toBe(404);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

// Issue 10 item 5: nobody can remove the last holder of admin.roles or admin.users, by
// unticking a permission, changing someone's roles or deactivating them.
describe('CORE-2 the last administrator cannot be removed (issue 10 item 5)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function orgWithOneAdmin() {
    const { org } = await newOrg(t.ctx.db);
    const admin = await newPerson(t.ctx.db, org.id, 'all');
    const c = await signIn(t.app, admin.username, TEST_PASSWORD);
    const roles = (await c.get('/api/org/roles')).json().roles as { code: string; permissions: string[]; version: number }[];
    return { org, admin, c, role: roles.find((r) => admin.roles.includes(r.code))! };
  }

  it('unticking 角色与权限 for the only admin role is refused and changes nothing', async () => {
    const { c, role } = await orgWithOneAdmin();
    const r = await c.put(`/api/org/roles/${role.code}`, { version: role.version, permissions: role.permissions.filter((p) => p !== 'admin.roles') });
    expect(r.statusCode).toBe(409);
    expect(r.json().messageEn).toContain('Roles and permissions');
    const after = ((await c.get('/api/org/roles')).json().roles as { code: string; permissions: string[]; version: number }[]).find(
      (x) => x.code === role.code,
    )!;
    expect(after.permissions).toContain('admin.roles');
    expect(after.version).toBe(role.version);
  });

  it('the same for admin.users, for taking one’s own roles away, and for deactivating the last admin', async () => {
    const { org, admin, c, role } = await orgWithOneAdmin();
    expect(
      (await c.put(`/api/org/roles/${role.code}`, { version: role.version, permissions: role.permissions.filter((p) => p !== 'admin.users') })).statusCode,
    ).toBe(409);
    expect((await c.patch(`/api/org/people/${admin.userId}`, { version: 1, roles: [] })).statusCode).toBe(409);
    const other = await newPerson(t.ctx.db, org.id, ['audit.read']);
    // Another administrator exists once the permission is given to someone else: then it may go.
    const second = await newPerson(t.ctx.db, org.id, ['admin.roles', 'admin.users']);
    expect(second.userId).not.toBe(other.userId);
    const ok = await c.put(`/api/org/roles/${role.code}`, { version: role.version, permissions: role.permissions.filter((p) => p !== 'admin.roles') });
    expect(ok.statusCode).toBe(200);
    const secondClient = await signIn(t.app, second.username, TEST_PASSWORD);
    expect((await secondClient.patch(`/api/org/people/${second.userId}`, { version: 1, isActive: false })).statusCode).toBe(400);
    const people = (await secondClient.get('/api/org/people')).json() as { id: string; version: number }[];
    const adminNow = people.find((p) => p.id === admin.userId)!;
    // The first admin still holds admin.users: deactivating them is allowed, removing the last admin.roles holder is not.
    expect((await secondClient.patch(`/api/org/people/${admin.userId}`, { version: adminNow.version, isActive: false })).statusCode).toBe(200);
  });

  it('two removals at the same moment cannot both pass', async () => {
    const { org, c, role } = await orgWithOneAdmin();
    const second = await newPerson(t.ctx.db, org.id, 'all');
    const secondClient = await signIn(t.app, second.username, TEST_PASSWORD);
    const [a, b] = await Promise.all([
      c.put(`/api/org/roles/${role.code}`, { version: role.version, permissions: [] }),
      secondClient.patch(`/api/org/people/${second.userId}`, { version: 1, roles: [] }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
});

import { randomBytes } from 'node:crypto';
import { type Actor, type Permission, systemActor } from '#core/access';
import { loadActor } from '#core/auth';
import type { Db } from '#core/db';
import { addPerson, createOrganisation, type RoleSeed } from '#core/org';
import { composeAppRegistry } from '#server';

/** The app's registry, as the server composes it: tests use the same modules. */
export const testRegistry = composeAppRegistry();
// Every permission an ordinary organisation may hold: the platform operator's are not among them (issue 12).
const ALL_PERMISSIONS = testRegistry.scoped(testRegistry.optionalModules.map((m) => m.name)).permissions.map((p) => p.code);

const suffix = () => randomBytes(3).toString('hex');

export const TEST_PASSWORD = 'testpass123';

/** An organisation with one role per permission bundle given, and an admin actor. */
export async function newOrg(db: Db, options: { kind?: 'enterprise' | 'school'; template?: string; roles?: RoleSeed[]; modules?: string[] } = {}) {
  const code = `org-${suffix()}`;
  const { org, departments } = await createOrganisation(db, {
    code,
    name: `测试组织 ${code}`,
    kind: options.kind ?? 'enterprise',
    template: options.template ?? (options.kind === 'school' ? 'S1' : 'T4'),
    roles: [{ code: 'admin', nameZh: '管理员', nameEn: 'Admin', permissions: [...ALL_PERMISSIONS] }, ...(options.roles ?? [])],
    departments: [
      { name: '生产部', kind: 'department' },
      { name: '灌装车间', kind: 'workshop' },
    ],
    // Every module on unless a test says which (a school's defaults: testRegistry.defaultModules('school')).
    modules: options.modules ?? testRegistry.optionalModules.map((m) => m.name),
  });
  const system = systemActor(org.id);
  return { org, departments, system };
}

/** A person with exactly these permissions (through a role made for them). */
export async function newPerson(db: Db, orgId: string, permissions: Permission[] | 'all', username = `u${suffix()}`): Promise<Actor> {
  const system = systemActor(orgId);
  const perms = permissions === 'all' ? [...ALL_PERMISSIONS] : permissions;
  const roleCode = `r_${suffix()}`;
  const { roles } = await import('#core/org');
  await db.insert(roles).values({ orgId, code: roleCode, nameZh: roleCode, nameEn: roleCode, permissions: perms });
  const p = await addPerson(db, system, { username, displayName: `测试 ${username}`, password: TEST_PASSWORD, roles: [roleCode] });
  const actor = await loadActor(db, orgId, p.id);
  if (!actor) throw new Error('person not loaded');
  return actor;
}

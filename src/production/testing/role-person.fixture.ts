import { randomBytes } from 'node:crypto';
import { type Actor, type Permission, systemActor } from '#core/access';
import { loadActor } from '#core/auth';
import type { Db } from '#core/db';
import { addPerson, roles } from '#core/org';
import { TEST_PASSWORD } from '#test-support';

/**
 * A person holding a role with this exact code (gm, vp_production, purchasing …): for rules
 * the policy names by role code, such as who approves the safety stock (T4 第二十四条).
 * Usernames are unique across organisations: the suffix is 48 random bits (16 bits collided in CI
 * between two plants of one test file).
 */
export async function newRolePerson(
  db: Db,
  orgId: string,
  roleCode: string,
  permissions: Permission[],
  username = `${roleCode.replace(/_/g, '')}${randomBytes(6).toString('hex')}`,
): Promise<Actor> {
  await db.insert(roles).values({ orgId, code: roleCode, nameZh: roleCode, nameEn: roleCode, permissions }).onConflictDoNothing();
  const p = await addPerson(db, systemActor(orgId), { username, displayName: `测试 ${roleCode}`, password: TEST_PASSWORD, roles: [roleCode] });
  const actor = await loadActor(db, orgId, p.id);
  if (!actor) throw new Error('person not loaded');
  return actor;
}

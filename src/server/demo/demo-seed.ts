import { systemActor } from '#core/access';
import { writeAudit } from '#core/audit';
import { hashPassword } from '#core/auth';
import { type Database, type Db, LOCK_KEYS } from '#core/db';
import type { DemoOrg, Registry } from '#core/http';
import { createOrganisation, organisations, userRoles, users } from '#core/org';
import { ensurePlatformOrganisation, OPERATOR_ROLE } from '#core/platform';
import { runWithPolicyScope } from '#core/policy';
import { eq, ne } from 'drizzle-orm';
import {
  DEMO_PASSWORD,
  type DemoUser,
  DISTRICT_USERS,
  districtSeed,
  PLANT_USERS,
  plantSeed,
  SCHOOL_USERS,
  schoolSeed,
  type TemplateOrgSeed,
} from './demo-orgs';

/** What seeding the demo answers: whether it wrote anything, and the demo logins. */
export type SeedResult = { seeded: boolean; logins: DemoLogin[]; password: string };

/** The demo was there already: its logins, nothing written. */
export const alreadySeeded = (): SeedResult => ({ seeded: false, logins: demoLogins(), password: DEMO_PASSWORD });

export interface DemoLogin {
  organisation: string;
  username: string;
  displayName: string;
  roles: string[];
}

async function seedOrganisation(db: Db, registry: Registry, seed: TemplateOrgSeed, people: DemoUser[], passwordHash: string, today: Date) {
  const { org, departments } = await createOrganisation(db, { ...seed, modules: seed.modules ?? registry.defaultModules(seed.kind) });
  const actor = systemActor(org.id);
  const departmentIds = new Map(departments.map((d) => [d.name, d.id]));
  const userIds = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const p of people) {
      const [row] = await tx
        .insert(users)
        .values({
          orgId: org.id,
          username: p.username,
          displayName: p.displayName,
          passwordHash,
          departmentId: departmentIds.get(p.department) ?? null,
          positions: p.positions,
        })
        .returning({ id: users.id });
      userIds.set(p.username, row.id);
      await tx.insert(userRoles).values(p.roles.map((roleCode) => ({ orgId: org.id, userId: row.id, roleCode })));
    }
    await writeAudit(tx, actor, { action: 'seed.demo', entity: 'organisation', entityId: org.id, after: { name: org.name, people: people.length } });
  });
  const demo: DemoOrg = { orgId: org.id, kind: seed.kind, template: seed.template, actor, userIds, departmentIds, today, workflows: registry.workflows };
  for (const seeder of registry.demoSeeders) await seeder(db, demo);
  return people.map((p) => ({ organisation: org.name, username: p.username, displayName: p.displayName, roles: p.roles }));
}

/**
 * Seeds the demo organisations once; a database that has organisations is left alone. The
 * seeders replay the regulation through the real services, which consult the policy again and
 * again: as in a request, each organisation's policy is read once (a saved version replaces it),
 * where it was read ~700 times (issue 11: first start).
 */
export function seedDemo(db: Db, registry: Registry, today: Date): Promise<SeedResult> {
  return runWithPolicyScope(() => seedAll(db, registry, today));
}

/** True while the database has no organisation but the platform's: a first start seeds the demo. */
export async function demoSeedNeeded(db: Db): Promise<boolean> {
  const [present] = await db.select({ id: organisations.id }).from(organisations).where(ne(organisations.kind, 'platform')).limit(1);
  return !present;
}

/**
 * About how many statements the demo seed sends (9,268 on 2026-12-07): the first start's progress
 * bar is the share sent of this. tests/api/first-start.test.ts keeps it within a fifth of the truth.
 */
export const DEMO_SEED_STATEMENTS = 9_300;

async function seedAll(db: Db, registry: Registry, today: Date): Promise<SeedResult> {
  // The platform organisation alone (an operator added by the CLI first) does not count as data.
  if (!(await demoSeedNeeded(db))) return alreadySeeded();
  // Every demo account shares one password, so hash it once.
  const hash = await hashPassword(DEMO_PASSWORD);
  const codes = registry.permissions.map((p) => p.code);
  const plant = await seedOrganisation(db, registry, plantSeed(codes), PLANT_USERS, hash, today);
  const school = await seedOrganisation(db, registry, schoolSeed(codes), SCHOOL_USERS, hash, today);
  // Issue 12: the district after the school, so its seeder finds the school to link.
  const district = await seedOrganisation(db, registry, districtSeed(codes), DISTRICT_USERS, hash, today);
  const operator = await seedOperator(db, registry, hash);
  return { seeded: true, logins: [...plant, ...school, ...district, ...operator], password: DEMO_PASSWORD };
}

const PLATFORM_NAME = '平台运营';
const DEMO_OPERATOR = { username: 'operator', displayName: '平台运营员' };

/** Issue 12: the platform organisation and its operator, with the shared demo password (no extra hash). */
async function seedOperator(db: Db, registry: Registry, passwordHash: string): Promise<DemoLogin[]> {
  const platform = await ensurePlatformOrganisation(db, registry);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, DEMO_OPERATOR.username));
  if (taken) return [];
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ orgId: platform.id, ...DEMO_OPERATOR, passwordHash })
      .returning({ id: users.id });
    await tx.insert(userRoles).values({ orgId: platform.id, userId: row.id, roleCode: OPERATOR_ROLE });
    await writeAudit(tx, systemActor(platform.id), {
      action: 'seed.demo',
      entity: 'organisation',
      entityId: platform.id,
      after: { name: PLATFORM_NAME, people: 1 },
    });
  });
  return [{ organisation: PLATFORM_NAME, ...DEMO_OPERATOR, roles: [OPERATOR_ROLE] }];
}

/**
 * The first-start work, once across every process on the database: under the first-start
 * advisory lock, and only when the "already seeded" check inside it (any organisation) says no.
 * A second process starting at the same moment waits for the lock, then finds the data there.
 */
export function seedDemoOnce(database: Database, registry: Registry, today: Date): Promise<SeedResult> {
  return database.withLock(LOCK_KEYS.firstStart, () => seedDemo(database.db, registry, today));
}

export function demoLogins(): DemoLogin[] {
  const map = (org: string, list: DemoUser[]) => list.map((p) => ({ organisation: org, username: p.username, displayName: p.displayName, roles: p.roles }));
  return [
    ...map('示例酒业有限公司', PLANT_USERS),
    ...map('示例中心小学', SCHOOL_USERS),
    ...map('示例区教师发展中心', DISTRICT_USERS),
    { organisation: PLATFORM_NAME, ...DEMO_OPERATOR, roles: [OPERATOR_ROLE] },
  ];
}

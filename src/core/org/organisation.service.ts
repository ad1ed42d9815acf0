import { type AnyColumn, and, eq, exists, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { departments, organisations, orgModules, roles } from './org.schema';
import type { DepartmentKind } from './org.schema';

export interface RoleSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  permissions: string[];
}

export interface OrganisationSeed {
  code: string;
  name: string;
  kind: 'enterprise' | 'school' | 'district' | 'platform';
  template: string;
  roles: RoleSeed[];
  departments: { name: string; kind: DepartmentKind }[];
  /** The non-core modules switched on from the start (the registry's defaults for the kind). */
  modules?: readonly string[];
}

/** Creates an organisation with its roles and departments (seed and CLI; no actor yet). */
export async function createOrganisation(db: Db, seed: OrganisationSeed) {
  return db.transaction(async (tx) => {
    const [org] = await tx.insert(organisations).values({ code: seed.code, name: seed.name, kind: seed.kind, template: seed.template }).returning();
    if (seed.roles.length) await tx.insert(roles).values(seed.roles.map((r) => ({ orgId: org.id, ...r })));
    const depts = seed.departments.length
      ? await tx
          .insert(departments)
          .values(seed.departments.map((d, i) => ({ orgId: org.id, name: d.name, kind: d.kind, sort: i })))
          .returning()
      : [];
    if (seed.modules?.length) await tx.insert(orgModules).values(seed.modules.map((module) => ({ orgId: org.id, module })));
    return { org, departments: depts };
  });
}

export async function findOrganisationByCode(db: Db, code: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.code, code));
  return org;
}

export async function findOrganisations(db: Db) {
  return db.select().from(organisations).orderBy(organisations.createdAt, organisations.code);
}

export async function getOrganisation(db: Db, id: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, id));
  return org;
}

export async function countOrganisations(db: Db): Promise<number> {
  return (await db.select({ id: organisations.id }).from(organisations)).length;
}

/**
 * A condition for jobs that lease rows of every organisation at once: the row's organisation is
 * not disabled (issue 12: a disabled organisation's work waits until it is enabled again).
 */
export function isOrganisationActive(orgId: AnyColumn): SQL {
  return sql`${orgId} not in (select ${organisations.id} from ${organisations} where ${organisations.disabledAt} is not null)`;
}

/**
 * The organisations of a kind that are not disabled and, when a module is named, have it
 * switched on: a module's scheduled jobs (and so its reminders) run for these only (issue 12).
 */
export async function findActiveOrganisationIds(db: Db, kind: 'enterprise' | 'school', module?: string): Promise<string[]> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, kind),
        isNull(organisations.disabledAt),
        module
          ? exists(
              db
                .select({ one: sql`1` })
                .from(orgModules)
                .where(and(eq(orgModules.orgId, organisations.id), eq(orgModules.module, module))),
            )
          : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

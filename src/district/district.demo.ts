import { and, eq } from 'drizzle-orm';
import type { Db } from '#core/db';
import type { DemoOrg } from '#core/http';
import { findOrganisationByCode, users } from '#core/org';
import { districtLinks } from './district.schema';

/** The demo district is linked (accepted) to the demo school: one row, no training data of its own. */
export async function seedDistrictDemo(db: Db, org: DemoOrg): Promise<void> {
  if (org.kind !== 'district') return;
  const school = await findOrganisationByCode(db, 'demo-school');
  if (!school) return;
  const [schoolAdmin] = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.orgId, school.id), eq(users.username, 'school.admin')));
  const requestedBy = org.userIds.get('district.admin') ?? org.actor.userId;
  const day = new Date(org.today.getTime() - 30 * 86_400_000);
  await db.insert(districtLinks).values({
    orgId: org.orgId,
    schoolOrgId: school.id,
    state: 'accepted',
    requestedBy,
    requestedByName: '系统管理员',
    requestedAt: day,
    decidedBy: schoolAdmin?.id ?? null,
    decidedByName: schoolAdmin?.name ?? null,
    decidedAt: day,
  });
}

import { and, desc, eq, type SQL } from 'drizzle-orm';
import { type Actor, requireAccess, userIdOf } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidField } from '#core/errors';
import { departments } from '#core/org';
import { assertInOrganisation } from '#core/validation';
import { getPolicy } from '#core/policy';
import { requireTrainingRead, type Term, termOf, schoolYearOf } from '../common';
import { type ActivityCoverage, activityCoverageOf } from './practice.rules';
import { type ActivityRow, activities } from './practice.schema';
import type { ActivityInput } from './practice.contract';

export type { ActivityInput } from './practice.contract';

export async function addActivity(db: Db, actor: Actor, input: ActivityInput, now: Date): Promise<ActivityRow> {
  requireAccess(actor, 'training.session.manage');
  const title = input.title.trim();
  if (!title) throw invalidField('title', '请填写活动名称', 'is required');
  if (input.groupId) {
    const [g] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, actor.orgId), eq(departments.id, input.groupId)));
    if (!g) throw invalidField('groupId', '教研组不存在', 'unknown group');
  }
  await assertInOrganisation(db, 'training_sessions', actor.orgId, [input.sessionId], 'sessionId');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(activities)
      .values({
        orgId: actor.orgId,
        schoolYear: schoolYearOf(input.heldOn),
        term: termOf(input.heldOn),
        kind: input.kind,
        title,
        heldOn: input.heldOn,
        groupId: input.groupId ?? null,
        sessionId: input.sessionId ?? null,
        description: input.description?.trim() ?? '',
        outcome: input.outcome?.trim() || null,
        createdBy: userIdOf(actor),
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'training.activity.add', entity: 'training.activity', entityId: row.id, after: row });
    return row;
  });
}

/** ST-16: the semester's activities and whether every kind has been held. */
export async function findActivities(
  db: Db,
  actor: Actor,
  filter: { schoolYear: string; term: Term },
): Promise<{ activities: (ActivityRow & { groupName: string | null })[]; coverage: ActivityCoverage }> {
  requireTrainingRead(actor);
  const where: SQL[] = [eq(activities.orgId, actor.orgId), eq(activities.schoolYear, filter.schoolYear), eq(activities.term, filter.term)];
  const rows = await db
    .select({ a: activities, groupName: departments.name })
    .from(activities)
    .leftJoin(departments, and(eq(departments.orgId, activities.orgId), eq(departments.id, activities.groupId)))
    .where(and(...where))
    .orderBy(desc(activities.heldOn));
  const policy = await getPolicy(db, actor.orgId);
  return {
    activities: rows.map((r) => ({ ...r.a, groupName: r.groupName })),
    coverage: activityCoverageOf(
      rows.map((r) => r.a),
      policy.training.activitiesPerSemester,
    ),
  };
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { createDeadline, deadlines, type NewDeadline } from '#core/calendar';
import type { Db } from '#core/db';
import { findUserIdsWithPermission, users } from '#core/org';

/** Creates the subject's deadline unless one is already open or done (the job and the screens both call this). */
export async function ensureDeadline(tx: Db, actor: Actor, input: NewDeadline): Promise<void> {
  const [existing] = await tx
    .select({ id: deadlines.id })
    .from(deadlines)
    .where(
      and(
        eq(deadlines.orgId, actor.orgId),
        eq(deadlines.subjectType, input.subjectType),
        eq(deadlines.subjectId, input.subjectId),
        inArray(deadlines.state, ['open', 'done', 'missed']),
      ),
    )
    .limit(1);
  if (!existing) await createDeadline(tx, actor, input);
}

/**
 * Who answers for a duty when nobody has taken it up yet: a holder of the permission who
 * also approves (the department head), else any holder; with their department.
 */
export async function findResponsible(db: Db, orgId: string, permission: 'production.plan.write' | 'production.demand.write') {
  const holders = await findUserIdsWithPermission(db, orgId, permission);
  if (holders.length === 0) return null;
  const approvers = new Set(await findUserIdsWithPermission(db, orgId, 'approval.act'));
  const rows = await db
    .select({ id: users.id, departmentId: users.departmentId, username: users.username })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, holders)));
  rows.sort((a, b) => Number(approvers.has(b.id)) - Number(approvers.has(a.id)) || a.username.localeCompare(b.username));
  return rows[0] ? { userId: rows[0].id, departmentId: rows[0].departmentId } : null;
}

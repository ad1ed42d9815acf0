import { and, asc, eq } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { AppError, invalidField } from '#core/errors';
import { users } from '#core/org';
import { prodWorkshops, type WorkshopRow } from '../master/index';

// Who reports for a workshop: its own people (director, team leader) holding
// production.report.write, and the production department (who also write plans) for any.

export async function myDepartmentId(db: Db, actor: Actor): Promise<string | null> {
  const [me] = await db
    .select({ departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
  return me?.departmentId ?? null;
}

const isProduction = (actor: Actor) => hasPermission(actor, 'production.plan.write');

/** The workshops the actor may report for, in the plant's order. */
export async function findReportableWorkshops(db: Db, actor: Actor): Promise<WorkshopRow[]> {
  if (!hasPermission(actor, 'production.report.write')) return [];
  const all = await db.select().from(prodWorkshops).where(eq(prodWorkshops.orgId, actor.orgId)).orderBy(asc(prodWorkshops.sort), asc(prodWorkshops.code));
  if (isProduction(actor)) return all;
  const department = await myDepartmentId(db, actor);
  return all.filter((w) => !!w.departmentId && w.departmentId === department);
}

/** The workshop (checked inside the organisation) when the actor may write for it. */
export async function assertCanWriteFor(
  db: Db,
  actor: Actor,
  workshopId: string,
  permission: 'production.report.write' = 'production.report.write',
): Promise<WorkshopRow> {
  requireAccess(actor, permission);
  const [workshop] = await db
    .select()
    .from(prodWorkshops)
    .where(and(eq(prodWorkshops.orgId, actor.orgId), eq(prodWorkshops.id, workshopId)));
  if (!workshop) throw invalidField('workshopId', '车间不存在', 'unknown workshop');
  if (isProduction(actor)) return workshop;
  if (!workshop.departmentId || workshop.departmentId !== (await myDepartmentId(db, actor))) {
    throw new AppError(
      'FORBIDDEN',
      `只有${workshop.name}的人员或生产部可以填报`,
      `Only ${workshop.name}'s own people or the production department may report for it`,
    );
  }
  return workshop;
}

export async function canWriteFor(db: Db, actor: Actor, workshopId: string): Promise<boolean> {
  try {
    await assertCanWriteFor(db, actor, workshopId);
    return true;
  } catch {
    return false;
  }
}

import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, hasPermission } from '#core/access';
import type { Db } from '#core/db';
import { AppError, invalidField } from '#core/errors';
import { findUserIdsWithPermission, users } from '#core/org';
import { prodWorkshops, type WorkshopRow } from '../master/index';

// Who speaks for a workshop. A workshop's people are those of its department; the production
// department (who writes the plans) acts for every workshop.

export const isProductionDept = (actor: Actor): boolean => hasPermission(actor, 'production.plan.write');

/** The workshop by id inside the organisation, else a 400 naming the field. */
export async function getWorkshopFor(db: Db, orgId: string, id: string, field = 'workshopId'): Promise<WorkshopRow> {
  const [row] = await db
    .select()
    .from(prodWorkshops)
    .where(and(eq(prodWorkshops.orgId, orgId), eq(prodWorkshops.id, id)));
  if (!row) throw invalidField(field, '车间不存在', 'unknown workshop');
  return row;
}

export async function isWorkshopMember(db: Db, actor: Actor, workshop: WorkshopRow): Promise<boolean> {
  if (!workshop.departmentId) return false;
  const [me] = await db
    .select({ departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
  return me?.departmentId === workshop.departmentId;
}

/** A workshop records for itself only; the production department for any workshop. */
export async function assertActsForWorkshop(db: Db, actor: Actor, workshop: WorkshopRow): Promise<void> {
  if (isProductionDept(actor) || (await isWorkshopMember(db, actor, workshop))) return;
  throw new AppError(
    'FORBIDDEN',
    `只有${workshop.name}的人员或生产部可以为该车间填报`,
    `Only people of ${workshop.name} or the production department can record for it`,
  );
}

/**
 * The directors of the workshops: people of each workshop's department who approve its
 * requisitions (车间主任, T4 第二十八条); the department's reporters when none does.
 */
export async function findWorkshopHeads(db: Db, orgId: string, workshopIds: readonly string[]): Promise<string[]> {
  if (workshopIds.length === 0) return [];
  const workshops = await db
    .select({ departmentId: prodWorkshops.departmentId })
    .from(prodWorkshops)
    .where(and(eq(prodWorkshops.orgId, orgId), inArray(prodWorkshops.id, [...workshopIds])));
  const departmentIds = workshops.map((w) => w.departmentId).filter((d): d is string => !!d);
  if (departmentIds.length === 0) return [];
  const people = await db
    .select({ id: users.id, departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.isActive, true), inArray(users.departmentId, departmentIds)));
  const directors = new Set(await findUserIdsWithPermission(db, orgId, 'production.requisition.approve'));
  const reporters = new Set(await findUserIdsWithPermission(db, orgId, 'production.exception.write'));
  return departmentIds.flatMap((d) => {
    const inDept = people.filter((p) => p.departmentId === d).map((p) => p.id);
    const heads = inDept.filter((id) => directors.has(id));
    return heads.length ? heads : inDept.filter((id) => reporters.has(id));
  });
}

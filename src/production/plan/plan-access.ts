import { and, eq } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { AppError } from '#core/errors';
import { users } from '#core/org';
import { getWorkshopRow } from '../master/index';
import type { PlanRow } from './plan.schema';

/** Planners write every plan; a workshop's own people also write and confirm its weekly plan (T4 第二十条). */
export async function assertCanWritePlan(db: Db, actor: Actor, plan: PlanRow): Promise<void> {
  if (hasPermission(actor, 'production.plan.write')) return;
  if (plan.kind !== 'weekly' || !plan.workshopId || !hasPermission(actor, 'document.write')) {
    requireAccess(actor, 'production.plan.write');
    return;
  }
  const workshop = await getWorkshopRow(db, actor.orgId, plan.workshopId);
  const [me] = await db
    .select({ departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
  if (!workshop.departmentId || me?.departmentId !== workshop.departmentId) {
    throw new AppError('FORBIDDEN', '只有计划员或本车间人员可以编制本车间周计划', 'Only planners or the workshop’s own people may write its weekly plan');
  }
}

export async function canWritePlan(db: Db, actor: Actor, plan: PlanRow): Promise<boolean> {
  try {
    await assertCanWritePlan(db, actor, plan);
    return true;
  } catch {
    return false;
  }
}

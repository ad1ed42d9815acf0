import { and, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import type { Db } from '#core/db';
import { versionConflict } from '#core/errors';
import { closeCapacityLoss, openCapacityLoss } from '../master/index';
import { prodPlans, refreshPlanCapacity } from '../plan/index';
import { type MachineRow, type MachineState, prodMachines } from './equipment.schema';
import { isStandingStill } from './machine.rules';
import { shareOf } from './machine.query';

// A machine's state and what it takes from its workshop's capacity calendar (PP-26): a
// machine standing still opens a capacity loss, running again (or retiring) ends it, and the
// capacity check stored with every plan still running is recomputed in the same transaction.

export const MACHINE_LOSS = 'machine';

/** Recomputes the stored capacity check of the plans that reach `fromDay` (the plan screens show it). */
export async function refreshPlansFrom(tx: Db, orgId: string, workshopId: string, fromDay: string, today: string): Promise<number> {
  const plans = await tx
    .select()
    .from(prodPlans)
    .where(and(eq(prodPlans.orgId, orgId), gte(prodPlans.periodEnd, fromDay), isNotNull(prodPlans.capacity)));
  let n = 0;
  for (const plan of plans) {
    if (plan.kind === 'weekly' && plan.workshopId !== workshopId) continue;
    await refreshPlanCapacity(tx, plan, today);
    n++;
  }
  return n;
}

export interface StateMove {
  to: MachineState;
  at: Date;
  /** The local day of `at` and today, for the plans to refresh. */
  day: string;
  today: string;
  /** Optimistic lock: the version the caller saw, when it came from a screen. */
  version?: number;
}

/** Moves the machine to `to`, opening or ending its capacity loss; returns the row after. */
export async function moveMachine(tx: Db, actor: Actor, machine: MachineRow, move: StateMove): Promise<MachineRow> {
  const where = [eq(prodMachines.orgId, actor.orgId), eq(prodMachines.id, machine.id)];
  if (move.version !== undefined) where.push(eq(prodMachines.version, move.version));
  const [after] = await tx
    .update(prodMachines)
    .set({ state: move.to, updatedAt: move.at, version: sql`${prodMachines.version} + 1` })
    .where(and(...where))
    .returning();
  if (!after) throw versionConflict();
  const wasStill = isStandingStill(machine.state);
  const isStill = isStandingStill(move.to);
  if (!wasStill && isStill) {
    const share = await shareOf(tx, machine);
    await openCapacityLoss(tx, actor.orgId, {
      workshopId: machine.workshopId,
      sourceType: MACHINE_LOSS,
      sourceId: machine.id,
      share,
      startedAt: move.at,
      note: `${machine.code} ${machine.name}`,
    });
  } else if (wasStill && !isStill) {
    await closeCapacityLoss(tx, actor.orgId, MACHINE_LOSS, machine.id, move.at);
  }
  if (wasStill !== isStill) await refreshPlansFrom(tx, actor.orgId, machine.workshopId, move.day, move.today);
  return after;
}

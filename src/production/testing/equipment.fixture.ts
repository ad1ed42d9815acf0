import type { Actor, Permission } from '#core/access';
import type { Workflows } from '#core/approval';
import type { Db } from '#core/db';
import { newPerson } from '#test-support';
import { createPlan, savePlanLines } from '../plan/index';
import { type TestPlant, workingDayQuantities } from './plant.fixture';

// People and a plan for the equipment tests (PP-23 … PP-26) on a plant from newPlant.

/** What the maintenance department may do: machines, checks, repairs and its documents. */
export const MAINTENANCE: Permission[] = [
  'production.read',
  'production.equipment.write',
  'production.equipment.check',
  'production.equipment.repair',
  'document.read',
  'document.write',
];

/** Someone in maintenance, who registers machines and makes the maintenance plan. */
export function newMaintenancePerson(db: Db, plant: TestPlant): Promise<Actor> {
  return newPerson(db, plant.orgId, MAINTENANCE);
}

/** A machine operator, who records spot checks and upkeep. */
export function newMachineOperator(db: Db, plant: TestPlant): Promise<Actor> {
  return newPerson(db, plant.orgId, ['production.read', 'production.equipment.check']);
}

/**
 * April 2026's monthly plan in draft: `perDay` cases of wine a working day (400 by default: 8 h
 * of filling's 20 h) and the planner's 预估量 `forecast` (10,400 by default); its id.
 */
export async function draftAprilWinePlan(db: Db, workflows: Workflows, plant: TestPlant, now: Date, { perDay = 400, forecast = 10400 } = {}): Promise<string> {
  const plan = await createPlan(db, workflows, plant.planner, { kind: 'monthly', month: '2026-04' }, now);
  await savePlanLines(
    db,
    plant.planner,
    plan.id,
    { version: plan.version, lines: [{ itemId: plant.items.wine, forecastQty: forecast, quantities: workingDayQuantities(30, 3, perDay) }] },
    now,
  );
  return plan.id;
}

import type { Actor } from '#core/access';
import { loadActor } from '#core/auth';
import type { Db } from '#core/db';
import type { DemoOrg, DemoSeeder } from '#core/http';
import { runPlantDailyDuties } from '../production.jobs';
import { type DemoPeople, seedDemoOrders, seedDemoSales } from './demand.demo';
import { demoClock } from './demo-clock';
import { seedFloorDemo } from './floor.demo';
import { seedEquipmentDemo } from './equipment.demo';
import { seedDemoMaster } from './master.demo';
import { seedDemoChains, seedDemoPlans } from './plans.demo';
import { seedDispatchMeetings, seedPlanLateFinding, seedPlantChains } from './core-records.demo';
import { seedDemoWarehouse } from './warehouse.demo';
import { seedDemoRequisitions } from './requisition.demo';
import { seedDemoLastMonthPlan, seedDemoReports } from './report.demo';

async function person(db: Db, org: DemoOrg, username: string): Promise<Actor> {
  const id = org.userIds.get(username);
  const actor = id ? await loadActor(db, org.orgId, id) : undefined;
  if (!actor) throw new Error(`demo person ${username} is missing`);
  return actor;
}

/** The demo plant (示例酒业有限公司) as a living plant: master data, demand, plans in every state. */
export const seedProductionDemo: DemoSeeder = async (db, org) => {
  if (org.kind !== 'enterprise') return;
  await seedPlantChains(db, org.workflows, org);
  await seedDispatchMeetings(db, org);
  await seedPlanLateFinding(db, org);
  const names = {
    head: 'plant.head',
    planner: 'plant.planner',
    market: 'plant.market',
    vp: 'plant.vp',
    gm: 'plant.gm',
    fill: 'plant.fill',
    brew: 'plant.brew',
    warehouse: 'plant.warehouse',
    quality: 'plant.quality',
  };
  const people = Object.fromEntries(await Promise.all(Object.entries(names).map(async ([k, u]) => [k, await person(db, org, u)]))) as unknown as DemoPeople;
  const clock = demoClock(org.today);
  const master = await seedDemoMaster(db, org, people.head, people.gm);
  await seedDemoChains(db, org.workflows, org);
  await seedDemoSales(db, org.workflows, people, master.items, clock);
  await seedDemoLastMonthPlan(db, org.workflows, org, people, master, clock);
  await seedDemoPlans(db, org.workflows, org, people, master, clock);
  await seedDemoOrders(db, org.workflows, people, master.items, clock);
  await seedFloorDemo(db, org, clock);
  await seedEquipmentDemo(db, org, master.workshops, clock);
  await seedDemoWarehouse(db, org, people, clock);
  // Daily reports post their 进仓 first; the requisitions add receipts only where none exist.
  await seedDemoReports(db, org.workflows, org, people, master, clock);
  await seedDemoRequisitions(db, org, master, clock);
  await runPlantDailyDuties(db, org.orgId, org.today);
};

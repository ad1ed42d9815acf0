import { and, eq, lt } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { approveDocument, getDocument, issueDocument, saveApprovalChain, submitDocument } from '#core/approval';
import { writeAudit } from '#core/audit';
import { loadActor } from '#core/auth';
import { addDays, isoWeekday } from '#core/calendar';
import type { Db } from '#core/db';
import type { DemoOrg } from '#core/http';
import { chunk } from '../common/index';
import {
  acceptRepair,
  completeRepair,
  createMachine,
  createMaintenancePlan,
  defaultMonths,
  diagnoseRepair,
  getMachinePhone,
  getRepair,
  MAINTENANCE_DOC,
  prodMaintenanceSlots,
  prodSpotChecks,
  prodUpkeepRecords,
  recordSpotCheck,
  saveCheckItems,
  saveMaintenanceLines,
  saveUpkeepItems,
  type UpkeepFrequency,
} from '../equipment/index';
import type { DemoClock } from './demo-clock';
import { CHECKS, type Kind, MACHINES, PLAN, UPKEEP } from './equipment-catalogue.demo';

// The demo plant's equipment (PP-23 … PP-26): twelve numbered machines over brewing, filling
// and packing with their check and upkeep items, this year's maintenance plan approved by the
// GM and issued, a month of spot checks and upkeep, one anomaly repaired by 刘师傅, and the
// grape crusher standing still since yesterday waiting for a part (its capacity missing from plans).

async function person(db: Db, org: DemoOrg, username: string): Promise<Actor> {
  const id = org.userIds.get(username);
  const actor = id ? await loadActor(db, org.orgId, id) : undefined;
  if (!actor) throw new Error(`demo person ${username} is missing`);
  return actor;
}

export async function seedEquipmentDemo(db: Db, org: DemoOrg, workshops: Map<string, string>, clock: DemoClock): Promise<void> {
  const [maint, operator, lead, brew, gm] = await Promise.all(
    ['plant.maint', 'plant.operator', 'plant.lead', 'plant.brew', 'plant.gm'].map((u) => person(db, org, u)),
  );
  const checker: Record<'NZ' | 'GZ' | 'BZ', Actor> = { NZ: brew, GZ: operator, BZ: lead };
  const start = clock.at('2019-01-01');
  const machines = new Map<
    string,
    { id: string; kind: Kind; workshop: 'NZ' | 'GZ' | 'BZ'; checks: { id: string; content: string }[]; upkeep: { id: string; frequency: UpkeepFrequency }[] }
  >();
  for (const m of MACHINES) {
    const row = await createMachine(
      db,
      maint,
      {
        code: m.code,
        name: m.name,
        model: m.model,
        workshopId: workshops.get(m.workshop)!,
        location: m.location,
        maker: m.maker,
        commissionedOn: m.commissionedOn,
        ownerUserId: maint.userId,
        capacityShare: m.share ?? null,
      },
      start,
    );
    const checks = await saveCheckItems(db, maint, row.id, { items: CHECKS[m.kind].map(([content, standard]) => ({ content, standard })) });
    const upkeep = await saveUpkeepItems(
      db,
      maint,
      row.id,
      { items: UPKEEP[m.kind].map(([content, method, frequency]) => ({ content, method, frequency })) },
      start,
    );
    machines.set(m.code, { id: row.id, kind: m.kind, workshop: m.workshop, checks, upkeep });
  }

  // This year's plan: made by 刘师傅 in the first week, approved by the GM, issued (T4 第四十八条).
  const year = Number(clock.month.slice(0, 4));
  await saveApprovalChain(
    db,
    org.workflows,
    org.actor,
    MAINTENANCE_DOC,
    { steps: [{ key: 'gm', nameZh: '总经理批准', nameEn: 'General manager approval', roleCode: 'gm' }], allowSelfApproval: false },
    org.today,
  );
  const plan = await createMaintenancePlan(db, org.workflows, maint, { year }, clock.at(`${year}-01-05`));
  const thisMonth = Number(clock.month.slice(5, 7));
  const lines = MACHINES.map((m) => {
    const p = PLAN[m.kind];
    return {
      machineId: machines.get(m.code)!.id,
      cycle: p.cycle,
      content: p.content,
      ownerUserId: maint.userId,
      hours: p.hours,
      months: defaultMonths(p.cycle, ((thisMonth - 1 + p.shift) % 12) + 1),
      week: p.week,
    };
  });
  await saveMaintenanceLines(db, maint, plan.id, { version: plan.version, lines });
  let doc = await getDocument(db, org.workflows, maint, plan.documentId);
  await submitDocument(db, org.workflows, maint, plan.documentId, { version: doc.version, opinion: '请总经理批准' }, clock.at(`${year}-01-08`));
  doc = await getDocument(db, org.workflows, gm, plan.documentId);
  await approveDocument(db, org.workflows, gm, plan.documentId, { version: doc.version, opinion: '同意，按计划实施' }, clock.at(`${year}-01-10`));
  doc = await getDocument(db, org.workflows, maint, plan.documentId);
  const recipients = ['生产部', '设备部', '酿造车间', '灌装车间', '包装车间'].map((n) => org.departmentIds.get(n)).filter((x): x is string => !!x);
  await issueDocument(db, org.workflows, maint, plan.documentId, { version: doc.version, departmentIds: recipients }, clock.at(`${year}-01-12`));
  // The months gone by were maintained as planned.
  await db
    .update(prodMaintenanceSlots)
    .set({ state: 'done', doneBy: maint.userId, doneAt: clock.at(`${year}-01-31`), note: '按计划完成' })
    .where(and(eq(prodMaintenanceSlots.orgId, org.orgId), eq(prodMaintenanceSlots.planId, plan.id), lt(prodMaintenanceSlots.month, clock.month)));

  // A month of spot checks before each day's first shift and of daily upkeep (history rows,
  // one statement each: a month of records one by one would slow the first start).
  // Ten days ago (a working day) 2号线灌装机 fails its morning check: no history row that morning.
  let d = 10;
  while (isoWeekday(addDays(clock.day, -d)) === 7) d++;
  const checks: (typeof prodSpotChecks.$inferInsert)[] = [];
  const upkeep: (typeof prodUpkeepRecords.$inferInsert)[] = [];
  const isPast = (at: Date) => at < org.today;
  for (let n = 27; n >= 0; n--) {
    const day = addDays(clock.day, -n);
    if (isoWeekday(day) === 7) continue;
    MACHINES.forEach((m, k) => {
      // The crusher stands still since yesterday afternoon: nothing after that.
      if (m.code === 'NZ-04' && n === 0) return;
      const mc = machines.get(m.code)!;
      const by = checker[m.workshop];
      if (!(m.code === 'GZ-03' && n === d) && isPast(clock.daysAgo(n, 8)))
        checks.push({
          orgId: org.orgId,
          machineId: mc.id,
          checkedOn: day,
          checkedAt: clock.daysAgo(n, 8),
          checkedBy: by.userId,
          result: 'ok',
          items: mc.checks.map((c) => ({ itemId: c.id, content: c.content, isOk: true, note: '' })),
        });
      // About one day in nine an item is forgotten: the compliance view shows it.
      if ((n + k) % 9 === 0) return;
      for (const u of mc.upkeep) {
        const times = u.frequency === 'shift' ? (m.workshop === 'BZ' ? 1 : 2) : u.frequency === 'daily' ? 1 : 0;
        const weekly = u.frequency === 'weekly' && isoWeekday(day) === 1;
        const monthly = u.frequency === 'monthly' && Number(day.slice(8, 10)) <= 7 && isoWeekday(day) === 6;
        for (let s = 0; s < times + (weekly || monthly ? 1 : 0); s++)
          if (isPast(clock.daysAgo(n, 16 + s * 4)))
            upkeep.push({
              orgId: org.orgId,
              machineId: mc.id,
              itemId: u.id,
              doneOn: day,
              doneAt: clock.daysAgo(n, 16 + s * 4),
              doneBy: by.userId,
              result: 'done',
              note: '',
            });
      }
    });
  }
  for (const batch of chunk(checks, 500)) await db.insert(prodSpotChecks).values(batch);
  for (const batch of chunk(upkeep, 1000)) await db.insert(prodUpkeepRecords).values(batch);
  await writeAudit(db, org.actor, {
    action: 'production.equipment.demo-history',
    entity: 'prod_machine',
    entityId: 'demo',
    after: { spotChecks: checks.length, upkeep: upkeep.length },
  });

  // 2号线灌装机's valve dripped at the morning check; 刘师傅 changed the seals by noon.
  const gz3 = machines.get('GZ-03')!;
  const anomaly = await recordSpotCheck(
    db,
    operator,
    { machineId: gz3.id, items: gz3.checks.map((c, k) => ({ itemId: c.id, isOk: k !== 1, note: k === 1 ? '3号、7号阀滴漏' : undefined })) },
    clock.daysAgo(d, 8),
  );
  const repairId = anomaly.repair!.id;
  let r = await getRepair(db, maint, repairId, clock.daysAgo(d, 8));
  await acceptRepair(db, maint, repairId, r.version, clock.daysAgo(d, 9));
  r = await getRepair(db, maint, repairId, clock.daysAgo(d, 9));
  await diagnoseRepair(
    db,
    maint,
    repairId,
    { version: r.version, diagnosis: '灌装阀密封圈老化变形', parts: [{ name: '灌装阀密封圈 Φ12', qty: 4, unit: '个' }] },
    clock.daysAgo(d, 10),
  );
  r = await getRepair(db, maint, repairId, clock.daysAgo(d, 10));
  await completeRepair(
    db,
    maint,
    repairId,
    { version: r.version, actionTaken: '更换 3 号、7 号阀密封圈，试机 30 分钟无滴漏', parts: r.parts },
    clock.daysAgo(d, 13),
  );

  // Since yesterday afternoon the grape crusher stands still with a failing bearing, waiting for the
  // part: brewing's capacity calendar (and every plan's capacity check) misses its share.
  const crusher = machines.get('NZ-04')!;
  const items = (await getMachinePhone(db, brew, crusher.id, clock.daysAgo(1, 15))).checkItems;
  const stop = await recordSpotCheck(
    db,
    brew,
    {
      machineId: crusher.id,
      items: items.map((c, k) => ({ itemId: c.id, isOk: k !== 1, note: k === 1 ? '皮带打滑，主轴轴承异响、温度高' : undefined })),
      note: '中班开机前点检',
    },
    clock.daysAgo(1, 15),
  );
  r = await getRepair(db, maint, stop.repair!.id, clock.daysAgo(1, 15));
  await acceptRepair(db, maint, r.id, r.version, clock.daysAgo(1, 16));
  r = await getRepair(db, maint, r.id, clock.daysAgo(1, 16));
  await diagnoseRepair(
    db,
    maint,
    r.id,
    { version: r.version, diagnosis: '主轴轴承磨损，已向厂家订购，预计两天到货', parts: [{ name: '主轴轴承 6310', qty: 2, unit: '套' }] },
    clock.daysAgo(1, 17),
  );
}

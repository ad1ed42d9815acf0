import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { documents } from '#core/approval';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { getPolicy } from '#core/policy';
import type { CapacityView } from '../capacity/index';
import { monthEnd, monthOf, monthStart } from '../common/index';
import { prodWorkshops } from '../master/index';
import { computePlanCapacityOf, type PlanRow, prodPlans } from '../plan/index';
import { prodMachines } from './equipment.schema';
import type { BalanceQuery, MaintenanceBalance, SlotDone, SlotMove, SlotView } from './maintenance.contract';
import { balanceMaintenance, splitMonth, weekStartsOfMonth } from './maintenance.rules';
import { findMaintenanceLines, findMaintenancePlanOfYear } from './maintenance-plan.service';
import { prodMaintenanceSlots } from './maintenance.schema';
import { countInService } from './machine.query';
import { machineShare } from './machine.rules';
import { orgToday } from '#core/calendar';

// T4 第四十九条 经生产部门综合平衡后实施: the month's maintenance per workshop and week against
// the load of the monthly production plan in force (its capacity check, PP-9), or the year's
// per month against the annual plan; the planner moves a slot to a lighter week.

const STATE_RANK: Record<string, number> = { issued: 5, closed: 4, approved: 3, submitted: 2, draft: 1, rejected: 0 };

/** The production plan of the period whose capacity check the chart reads: the one in force first. */
async function findProductionPlan(db: Db, orgId: string, kind: 'monthly' | 'annual', periodStart: string) {
  const rows = await db
    .select({ plan: prodPlans, state: documents.state })
    .from(prodPlans)
    .leftJoin(documents, and(eq(documents.orgId, prodPlans.orgId), eq(documents.id, prodPlans.documentId)))
    .where(and(eq(prodPlans.orgId, orgId), eq(prodPlans.kind, kind), eq(prodPlans.periodStart, periodStart)));
  rows.sort((a, b) => (STATE_RANK[b.state ?? 'draft'] ?? 0) - (STATE_RANK[a.state ?? 'draft'] ?? 0));
  return rows[0] as { plan: PlanRow; state: string | null } | undefined;
}

export async function getMaintenanceBalance(db: Db, actor: Actor, query: BalanceQuery, now: Date): Promise<MaintenanceBalance> {
  requireAccess(actor, 'production.read');
  if (!query.month && !query.year) throw invalidField('month', '请指定月份或年度', 'give a month or a year');
  const month = query.month ?? '';
  const isMonth = !!query.month;
  const year = isMonth ? Number(month.slice(0, 4)) : query.year!;
  const start = isMonth ? monthStart(month) : `${year}-01-01`;
  const end = isMonth ? monthEnd(month) : `${year}-12-31`;
  const today = await orgToday(db, actor.orgId, now);
  const [policy, workshops, found, maintenance] = await Promise.all([
    getPolicy(db, actor.orgId),
    db.select().from(prodWorkshops).where(eq(prodWorkshops.orgId, actor.orgId)).orderBy(prodWorkshops.sort, prodWorkshops.code),
    findProductionPlan(db, actor.orgId, isMonth ? 'monthly' : 'annual', start),
    findMaintenancePlanOfYear(db, actor.orgId, year),
  ]);
  const capacity = found ? ((found.plan.capacity as CapacityView | null) ?? (await computePlanCapacityOf(db, found.plan, today))) : null;
  const groups = capacity?.groups.length
    ? capacity.groups
    : isMonth
      ? weekStartsOfMonth(month).map((s, k) => ({ start: s, label: { zh: `第${k + 1}周`, en: `W${k + 1}` } }))
      : Array.from({ length: 12 }, (_, k) => ({
          start: `${year}-${String(k + 1).padStart(2, '0')}-01`,
          label: { zh: `${k + 1}月`, en: `${year}-${String(k + 1).padStart(2, '0')}` },
        }));
  const slots = maintenance ? await slotsOf(db, actor.orgId, maintenance, isMonth ? [month] : null) : { isSplit: false, slots: [] as SlotView[] };
  const rows = balanceMaintenance({
    starts: groups.map((g) => g.start),
    end,
    workshops: workshops.map((w) => {
      const row = capacity?.rows.find((r) => r.workshopId === w.id);
      return { workshopId: w.id, load: groups.map((_, k) => row?.cells[k]?.load ?? null), capacity: groups.map((_, k) => row?.cells[k]?.capacity ?? null) };
    }),
    slots: slots.slots.map((s) => ({ workshopId: s.workshopId, day: s.plannedOn, hours: s.hours, share: s.share })),
    maxUtilisation: policy.production.capacity.maxUtilisation,
  });
  const name = new Map(workshops.map((w) => [w.id, w.name]));
  return {
    period: isMonth ? 'month' : 'year',
    key: isMonth ? month : String(year),
    maintenancePlan: maintenance ? { id: maintenance.id, number: maintenance.number, state: maintenance.state } : null,
    productionPlan: found ? { id: found.plan.id, title: found.plan.title, state: found.state ?? 'draft' } : null,
    groups: groups.map((g) => ({ start: g.start, label: g.label })),
    rows: rows.map((r) => ({ ...r, workshopName: name.get(r.workshopId) ?? '' })),
    slots: slots.slots,
    isSplit: slots.isSplit,
    maxUtilisation: policy.production.capacity.maxUtilisation,
  };
}

/** The plan's slots in the months asked (all when null); before it is issued, a preview from its lines. */
async function slotsOf(
  db: Db,
  orgId: string,
  plan: { id: string; year: number; state: string },
  months: string[] | null,
): Promise<{ isSplit: boolean; slots: SlotView[] }> {
  const [lines, counts] = await Promise.all([findMaintenanceLines(db, orgId, plan.id), countInService(db, orgId)]);
  const machineIds = [...new Set(lines.map((l) => l.machineId))];
  const machines = machineIds.length
    ? await db
        .select({
          id: prodMachines.id,
          code: prodMachines.code,
          name: prodMachines.name,
          workshopId: prodMachines.workshopId,
          capacityShare: prodMachines.capacityShare,
        })
        .from(prodMachines)
        .where(and(eq(prodMachines.orgId, orgId), inArray(prodMachines.id, machineIds)))
    : [];
  const machine = new Map(machines.map((m) => [m.id, m]));
  const line = new Map(lines.map((l) => [l.id, l]));
  const view = (s: {
    id: string | null;
    lineId: string | null;
    machineId: string;
    plannedOn: string;
    hours: number;
    state: 'planned' | 'done';
    actualHours: number | null;
    version: number;
  }): SlotView => {
    const m = machine.get(s.machineId);
    const l = s.lineId ? line.get(s.lineId) : undefined;
    return {
      id: s.id,
      machineId: s.machineId,
      machineCode: m?.code ?? '',
      machineName: m?.name ?? '',
      workshopId: m?.workshopId ?? '',
      content: l?.content ?? '',
      ownerName: l?.ownerName ?? null,
      plannedOn: s.plannedOn,
      hours: s.hours,
      share: m ? machineShare(m.capacityShare, counts.get(m.workshopId) ?? 1) : 0,
      state: s.state,
      actualHours: s.actualHours,
      version: s.version,
    };
  };
  const isIssued = plan.state === 'issued' || plan.state === 'closed';
  if (isIssued) {
    const where = [eq(prodMaintenanceSlots.orgId, orgId), eq(prodMaintenanceSlots.planId, plan.id)];
    if (months) where.push(inArray(prodMaintenanceSlots.month, months));
    const rows = await db
      .select()
      .from(prodMaintenanceSlots)
      .where(and(...where))
      .orderBy(prodMaintenanceSlots.plannedOn);
    return { isSplit: true, slots: rows.map(view) };
  }
  const wanted = months ? months.map((m) => Number(m.slice(5, 7))) : Array.from({ length: 12 }, (_, k) => k + 1);
  const drafts = wanted.flatMap((m) => splitMonth(plan.year, m, lines));
  return {
    isSplit: false,
    slots: drafts.map((d) =>
      view({ id: null, lineId: d.lineId, machineId: d.machineId, plannedOn: d.plannedOn, hours: d.hours, state: 'planned', actualHours: null, version: 0 }),
    ),
  };
}

async function getSlotRow(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(prodMaintenanceSlots)
    .where(and(eq(prodMaintenanceSlots.orgId, orgId), eq(prodMaintenanceSlots.id, id)));
  if (!row) throw notFound('保养安排', 'Maintenance slot');
  return row;
}

/** 综合平衡: the planner (or maintenance) moves a planned slot to another day of its month. */
export async function moveSlot(db: Db, actor: Actor, id: string, input: SlotMove, now: Date) {
  requireAccess(actor, 'production.read');
  if (!hasPermission(actor, 'production.plan.write') && !hasPermission(actor, 'production.equipment.write')) {
    throw new AppError('FORBIDDEN', '只有生产计划或设备管理人员可以调整保养安排', 'Only planners and maintenance may move a maintenance slot');
  }
  const slot = await getSlotRow(db, actor.orgId, id);
  if (slot.state !== 'planned') throw invalidState('已完成的保养不能调整', 'A done maintenance cannot move');
  if (monthOf(input.plannedOn) !== slot.month) throw invalidField('plannedOn', `须在 ${slot.month} 月内调整`, `stay within ${slot.month}`);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodMaintenanceSlots)
      .set({ plannedOn: input.plannedOn, movedBy: actor.userId, movedAt: now, version: sql`${prodMaintenanceSlots.version} + 1` })
      .where(and(eq(prodMaintenanceSlots.orgId, actor.orgId), eq(prodMaintenanceSlots.id, id), eq(prodMaintenanceSlots.version, input.version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'production.maintenance-slot.move',
      entity: 'prod_maintenance_slot',
      entityId: id,
      before: { plannedOn: slot.plannedOn },
      after: { plannedOn: row.plannedOn },
    });
    return { id: row.id, plannedOn: row.plannedOn, version: row.version };
  });
}

/** Maintenance records the slot done with the hours it actually took. */
export async function completeSlot(db: Db, actor: Actor, id: string, input: SlotDone, now: Date) {
  requireAccess(actor, 'production.equipment.write');
  const slot = await getSlotRow(db, actor.orgId, id);
  if (slot.state !== 'planned') throw invalidState('该保养已完成', 'Already done');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(prodMaintenanceSlots)
      .set({
        state: 'done',
        doneBy: actor.userId,
        doneAt: now,
        actualHours: input.actualHours,
        note: input.note ?? '',
        version: sql`${prodMaintenanceSlots.version} + 1`,
      })
      .where(and(eq(prodMaintenanceSlots.orgId, actor.orgId), eq(prodMaintenanceSlots.id, id), eq(prodMaintenanceSlots.version, input.version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, { action: 'production.maintenance-slot.done', entity: 'prod_maintenance_slot', entityId: id, before: slot, after: row });
    return { id: row.id, plannedOn: row.plannedOn, version: row.version };
  });
}

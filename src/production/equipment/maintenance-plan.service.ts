import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { createDocument, documents, getDocument, type Workflows } from '#core/approval';
import { writeAudit } from '#core/audit';
import { dueDateFor, loadBusinessCalendar } from '#core/calendar';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { users } from '#core/org';
import { getPolicy } from '#core/policy';
import { prodWorkshops } from '../master/index';
import { prodMachines } from './equipment.schema';
import type { MaintenanceLinesInput, MaintenancePlanCreate, MaintenancePlanSummary, MaintenancePlanView } from './maintenance.contract';
import { refuseMonths } from './maintenance.rules';
import { type MaintenancePlanRow, prodMaintenanceLines, prodMaintenancePlans } from './maintenance.schema';

export const MAINTENANCE_DOC = 'production.maintenance_plan';
export const maintenancePlanLink = (id: string) => `/production/equipment/maintenance/${id}`;

/** PP-25: the year's plan is due by the end of the policy's month (T4 第四十八条 每年初). */
export async function maintenancePlanDueOn(db: Db, orgId: string, year: number): Promise<string> {
  const policy = await getPolicy(db, orgId);
  const calendar = await loadBusinessCalendar(db, orgId);
  return dueDateFor({ kind: 'dayOfMonth', day: 31, monthOffset: policy.production.maintenancePlanDueMonth - 1 }, `${year}-01-01`, calendar, {
    onRestDay: policy.deadlines.dayOfMonthOnRestDay,
  });
}

export async function getMaintenancePlanRow(db: Db, orgId: string, id: string): Promise<MaintenancePlanRow> {
  const [row] = await db
    .select()
    .from(prodMaintenancePlans)
    .where(and(eq(prodMaintenancePlans.orgId, orgId), eq(prodMaintenancePlans.id, id)));
  if (!row) throw notFound('设备保养计划', 'Maintenance plan');
  return row;
}

export async function findMaintenancePlanByDocument(db: Db, orgId: string, documentId: string): Promise<MaintenancePlanRow | undefined> {
  const [row] = await db
    .select()
    .from(prodMaintenancePlans)
    .where(and(eq(prodMaintenancePlans.orgId, orgId), eq(prodMaintenancePlans.documentId, documentId)));
  return row;
}

export async function findMaintenancePlanOfYear(
  db: Db,
  orgId: string,
  year: number,
): Promise<(MaintenancePlanRow & { state: string; number: string }) | undefined> {
  const [row] = await db
    .select({ p: prodMaintenancePlans, state: documents.state, number: documents.number })
    .from(prodMaintenancePlans)
    .innerJoin(documents, and(eq(documents.orgId, prodMaintenancePlans.orgId), eq(documents.id, prodMaintenancePlans.documentId)))
    .where(and(eq(prodMaintenancePlans.orgId, orgId), eq(prodMaintenancePlans.year, year)));
  return row ? { ...row.p, state: row.state, number: row.number } : undefined;
}

/** 制定《年度设备保养计划》: a draft for the year, starting from last year's lines when there are some. */
export async function createMaintenancePlan(
  db: Db,
  workflows: Workflows,
  actor: Actor,
  input: MaintenancePlanCreate,
  now: Date,
): Promise<MaintenancePlanSummary> {
  requireAccess(actor, 'production.equipment.write');
  requireAccess(actor, 'document.write');
  if (await findMaintenancePlanOfYear(db, actor.orgId, input.year)) {
    throw new AppError('CONFLICT', `${input.year}年度设备保养计划已存在`, `The ${input.year} maintenance plan already exists`, [
      { field: 'year', reason: 'exists' },
    ]);
  }
  const previous = await findMaintenancePlanOfYear(db, actor.orgId, input.year - 1);
  const id = await db.transaction(async (tx) => {
    const title = `${input.year}年度设备保养计划`;
    const doc = await createDocument(
      tx,
      workflows,
      actor,
      { docType: MAINTENANCE_DOC, title, body: { content: `${title}（明细见设备保养计划页面，依据 T4 第四十八条）` } },
      now,
    );
    const [row] = await tx
      .insert(prodMaintenancePlans)
      .values({ orgId: actor.orgId, documentId: doc.id, year: input.year, createdBy: actor.userId, createdAt: now })
      .returning();
    if (previous) {
      await tx.execute(sql`insert into prod_maintenance_lines (org_id, plan_id, machine_id, cycle, content, owner_user_id, hours, months, week, sort)
        select l.org_id, ${row.id}, l.machine_id, l.cycle, l.content, l.owner_user_id, l.hours, l.months, l.week, l.sort
        from prod_maintenance_lines l join prod_machines m on m.org_id = l.org_id and m.id = l.machine_id
        where l.org_id = ${actor.orgId} and l.plan_id = ${previous.id} and m.state <> 'retired'`);
    }
    await writeAudit(tx, actor, {
      action: 'production.maintenance-plan.create',
      entity: 'prod_maintenance_plan',
      entityId: row.id,
      after: { ...row, copiedFrom: previous?.id ?? null },
    });
    return row.id;
  });
  const [summary] = await summarise(db, actor.orgId, [await getMaintenancePlanRow(db, actor.orgId, id)]);
  return summary;
}

async function summarise(db: Db, orgId: string, plans: MaintenancePlanRow[]): Promise<MaintenancePlanSummary[]> {
  if (plans.length === 0) return [];
  const ids = plans.map((p) => p.id);
  const [docs, totals] = await Promise.all([
    db
      .select({ id: documents.id, number: documents.number, title: documents.title, state: documents.state })
      .from(documents)
      .where(
        and(
          eq(documents.orgId, orgId),
          inArray(
            documents.id,
            plans.map((p) => p.documentId),
          ),
        ),
      ),
    db
      .select({
        planId: prodMaintenanceLines.planId,
        n: sql<number>`count(*)::int`,
        hours: sql<number>`coalesce(sum(${prodMaintenanceLines.hours} * cardinality(${prodMaintenanceLines.months})), 0)::float8`,
      })
      .from(prodMaintenanceLines)
      .where(and(eq(prodMaintenanceLines.orgId, orgId), inArray(prodMaintenanceLines.planId, ids)))
      .groupBy(prodMaintenanceLines.planId),
  ]);
  const doc = new Map(docs.map((d) => [d.id, d]));
  const total = new Map(totals.map((t) => [t.planId, t]));
  return plans.map((p) => ({
    id: p.id,
    year: p.year,
    documentId: p.documentId,
    number: doc.get(p.documentId)?.number ?? '',
    title: doc.get(p.documentId)?.title ?? '',
    state: doc.get(p.documentId)?.state ?? 'draft',
    lineCount: total.get(p.id)?.n ?? 0,
    totalHours: total.get(p.id)?.hours ?? 0,
    version: p.version,
  }));
}

export async function findMaintenancePlans(db: Db, actor: Actor): Promise<MaintenancePlanSummary[]> {
  requireAccess(actor, 'production.read');
  const plans = await db.select().from(prodMaintenancePlans).where(eq(prodMaintenancePlans.orgId, actor.orgId)).orderBy(desc(prodMaintenancePlans.year));
  return summarise(db, actor.orgId, plans);
}

export async function findMaintenanceLines(db: Db, orgId: string, planId: string) {
  const rows = await db
    .select({
      l: prodMaintenanceLines,
      code: prodMachines.code,
      name: prodMachines.name,
      workshopId: prodMachines.workshopId,
      workshopName: prodWorkshops.name,
      ownerName: users.displayName,
    })
    .from(prodMaintenanceLines)
    .innerJoin(prodMachines, and(eq(prodMachines.orgId, prodMaintenanceLines.orgId), eq(prodMachines.id, prodMaintenanceLines.machineId)))
    .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodMachines.orgId), eq(prodWorkshops.id, prodMachines.workshopId)))
    .leftJoin(users, and(eq(users.orgId, prodMaintenanceLines.orgId), eq(users.id, prodMaintenanceLines.ownerUserId)))
    .where(and(eq(prodMaintenanceLines.orgId, orgId), eq(prodMaintenanceLines.planId, planId)))
    .orderBy(asc(prodMaintenanceLines.sort), asc(prodMachines.code));
  return rows.map(({ l, code, name, workshopId, workshopName, ownerName }) => ({
    id: l.id,
    machineId: l.machineId,
    machineCode: code,
    machineName: name,
    workshopId,
    workshopName,
    cycle: l.cycle,
    content: l.content,
    ownerUserId: l.ownerUserId,
    ownerName: ownerName ?? null,
    hours: l.hours,
    months: [...l.months].sort((a, b) => a - b),
    week: l.week,
  }));
}

export async function getMaintenancePlan(db: Db, workflows: Workflows, actor: Actor, id: string): Promise<MaintenancePlanView> {
  requireAccess(actor, 'production.read');
  const plan = await getMaintenancePlanRow(db, actor.orgId, id);
  const [[summary], lines, dueOn] = await Promise.all([
    summarise(db, actor.orgId, [plan]),
    findMaintenanceLines(db, actor.orgId, id),
    maintenancePlanDueOn(db, actor.orgId, plan.year),
  ]);
  const document = hasPermission(actor, 'document.read') ? await getDocument(db, workflows, actor, plan.documentId) : null;
  const byWorkshop = new Map<string, { workshopId: string; workshopName: string; hours: number[] }>();
  for (const l of lines) {
    const w = byWorkshop.get(l.workshopId) ?? { workshopId: l.workshopId, workshopName: l.workshopName, hours: Array(12).fill(0) };
    for (const m of l.months) w.hours[m - 1] += l.hours;
    byWorkshop.set(l.workshopId, w);
  }
  return {
    ...summary,
    dueOn,
    canEdit: summary.state === 'draft' && hasPermission(actor, 'production.equipment.write'),
    lines,
    monthHours: [...byWorkshop.values()],
    document: document ? { ...document, timeline: document.timeline.map((e) => ({ ...e, at: new Date(e.at).toISOString() })) } : null,
  };
}

/** Saves the plan's lines while it is a draft: listed ids change, new lines come, missing ones go. */
export async function saveMaintenanceLines(db: Db, actor: Actor, id: string, input: MaintenanceLinesInput): Promise<{ version: number; lines: number }> {
  requireAccess(actor, 'production.equipment.write');
  const plan = await getMaintenancePlanRow(db, actor.orgId, id);
  const [doc] = await db
    .select({ state: documents.state })
    .from(documents)
    .where(and(eq(documents.orgId, actor.orgId), eq(documents.id, plan.documentId)));
  if (doc?.state !== 'draft')
    throw invalidState('只有草稿状态的保养计划可以修改；已批准的请先发起调整', 'Only a draft plan can change; adjust an approved one first');
  if (plan.version !== input.version) throw versionConflict();
  const machineIds = [...new Set(input.lines.map((l) => l.machineId))];
  const ownerIds = [...new Set(input.lines.map((l) => l.ownerUserId).filter((x): x is string => !!x))];
  const [machines, owners, existing] = await Promise.all([
    machineIds.length
      ? db
          .select({ id: prodMachines.id })
          .from(prodMachines)
          .where(and(eq(prodMachines.orgId, actor.orgId), inArray(prodMachines.id, machineIds)))
      : Promise.resolve([]),
    ownerIds.length
      ? db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.orgId, actor.orgId), inArray(users.id, ownerIds)))
      : Promise.resolve([]),
    db
      .select({ id: prodMaintenanceLines.id })
      .from(prodMaintenanceLines)
      .where(and(eq(prodMaintenanceLines.orgId, actor.orgId), eq(prodMaintenanceLines.planId, id))),
  ]);
  const knownMachine = new Set(machines.map((m) => m.id));
  const knownOwner = new Set(owners.map((o) => o.id));
  const knownLine = new Set(existing.map((e) => e.id));
  input.lines.forEach((l, i) => {
    if (!knownMachine.has(l.machineId)) throw invalidField(`lines[${i}].machineId`, '设备不存在', 'unknown machine');
    if (l.ownerUserId && !knownOwner.has(l.ownerUserId)) throw invalidField(`lines[${i}].ownerUserId`, '责任人不存在', 'unknown owner');
    if (l.id && !knownLine.has(l.id)) throw invalidField(`lines[${i}].id`, '不是本计划的行', 'not a line of this plan');
    const refusal = refuseMonths(l.cycle, l.months);
    if (refusal) throw invalidField(`lines[${i}].months`, refusal.zh, refusal.en);
  });
  const kept = new Set(input.lines.map((l) => l.id).filter((x): x is string => !!x));
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(prodMaintenancePlans)
      .set({ version: sql`${prodMaintenancePlans.version} + 1` })
      .where(and(eq(prodMaintenancePlans.orgId, actor.orgId), eq(prodMaintenancePlans.id, id), eq(prodMaintenancePlans.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    const gone = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
    if (gone.length) await tx.delete(prodMaintenanceLines).where(and(eq(prodMaintenanceLines.orgId, actor.orgId), inArray(prodMaintenanceLines.id, gone)));
    for (const [k, l] of input.lines.entries()) {
      const values = {
        machineId: l.machineId,
        cycle: l.cycle,
        content: l.content,
        ownerUserId: l.ownerUserId ?? null,
        hours: l.hours,
        months: [...l.months].sort((a, b) => a - b),
        week: l.week ?? 1,
        sort: k,
      };
      if (l.id)
        await tx
          .update(prodMaintenanceLines)
          .set(values)
          .where(and(eq(prodMaintenanceLines.orgId, actor.orgId), eq(prodMaintenanceLines.id, l.id)));
      else await tx.insert(prodMaintenanceLines).values({ ...values, orgId: actor.orgId, planId: id });
    }
    await writeAudit(tx, actor, {
      action: 'production.maintenance-plan.lines',
      entity: 'prod_maintenance_plan',
      entityId: id,
      after: { version: after.version, lines: input.lines.length, removed: gone.length },
    });
    return { version: after.version, lines: input.lines.length };
  });
}

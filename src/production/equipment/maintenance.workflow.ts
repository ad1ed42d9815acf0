import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import type { ApprovalGuard, DocumentTypeInfo, GuardDeclaration, HookDeclaration, TransitionEvent } from '#core/approval';
import { completeDeadline, orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import { findUserIdsWithPermission, users } from '#core/org';
import { ensureDeadline } from '../common/index';
import { splitMonth } from './maintenance.rules';
import {
  findMaintenancePlanByDocument,
  findMaintenancePlanOfYear,
  MAINTENANCE_DOC,
  maintenancePlanDueOn,
  maintenancePlanLink,
} from './maintenance-plan.service';
import { prodMaintenanceLines, prodMaintenanceSlots } from './maintenance.schema';

// The annual maintenance plan through the approval engine (PP-25, T4 第四十八条): made by
// maintenance by the policy's month, approved by the GM (the chain is data), issued to the
// departments and workshops; issuing it splits it into the monthly plans (第四十九条).

export const MAINTENANCE_PLAN_DUE = 'production.maintenance_plan.submit';

export const maintenanceDocumentTypes: DocumentTypeInfo[] = [
  {
    docType: MAINTENANCE_DOC,
    label: { zh: '年度设备保养计划', en: 'Annual maintenance plan' },
    numberPrefix: 'BYJH',
    link: (id) => `/production/equipment/maintenance-doc/${id}`,
    isGenericEditable: false,
  },
];

/** An empty plan does not go up for approval. */
const hasLinesGuard: ApprovalGuard = async (db, _actor, doc) => {
  const plan = await findMaintenancePlanByDocument(db, doc.orgId, doc.id);
  if (!plan) return null;
  const [line] = await db
    .select({ id: prodMaintenanceLines.id })
    .from(prodMaintenanceLines)
    .where(and(eq(prodMaintenanceLines.orgId, doc.orgId), eq(prodMaintenanceLines.planId, plan.id)))
    .limit(1);
  return line ? null : { zh: '保养计划没有任何设备，不能提交', en: 'The plan lists no machine yet' };
};

export const maintenanceGuards: GuardDeclaration[] = [
  { docType: MAINTENANCE_DOC, action: 'submit', name: 'production.maintenance-plan.lines', fn: hasLinesGuard },
];

/**
 * 第四十九条: the months still ahead get one slot per planned machine. A slot the planner moved
 * keeps its day; slots no longer planned go; slots done stay on record.
 */
export async function splitIntoSlots(tx: Db, orgId: string, planId: string, year: number, today: string): Promise<number> {
  const lines = await tx
    .select()
    .from(prodMaintenanceLines)
    .where(and(eq(prodMaintenanceLines.orgId, orgId), eq(prodMaintenanceLines.planId, planId)));
  const thisYear = Number(today.slice(0, 4));
  const fromMonth = year > thisYear ? 1 : year < thisYear ? 13 : Number(today.slice(5, 7));
  const months = Array.from({ length: 12 }, (_, k) => k + 1).filter((m) => m >= fromMonth);
  const keys = months.map((m) => `${year}-${String(m).padStart(2, '0')}`);
  if (keys.length === 0) return 0;
  const drafts = months.flatMap((m) => splitMonth(year, m, lines));
  const wanted = new Set(drafts.map((d) => `${d.lineId}|${d.month}`));
  const planned = await tx
    .select({ id: prodMaintenanceSlots.id, lineId: prodMaintenanceSlots.lineId, month: prodMaintenanceSlots.month })
    .from(prodMaintenanceSlots)
    .where(
      and(
        eq(prodMaintenanceSlots.orgId, orgId),
        eq(prodMaintenanceSlots.planId, planId),
        eq(prodMaintenanceSlots.state, 'planned'),
        inArray(prodMaintenanceSlots.month, keys),
      ),
    );
  const stale = planned.filter((s) => !s.lineId || !wanted.has(`${s.lineId}|${s.month}`)).map((s) => s.id);
  if (stale.length) await tx.delete(prodMaintenanceSlots).where(and(eq(prodMaintenanceSlots.orgId, orgId), inArray(prodMaintenanceSlots.id, stale)));
  if (drafts.length) {
    await tx
      .insert(prodMaintenanceSlots)
      .values(drafts.map((d) => ({ ...d, orgId, planId })))
      .onConflictDoUpdate({
        target: [prodMaintenanceSlots.orgId, prodMaintenanceSlots.lineId, prodMaintenanceSlots.month],
        set: {
          hours: sql`case when ${prodMaintenanceSlots.state} = 'planned' then excluded.hours else ${prodMaintenanceSlots.hours} end`,
          machineId: sql`case when ${prodMaintenanceSlots.state} = 'planned' then excluded.machine_id else ${prodMaintenanceSlots.machineId} end`,
        },
      });
  }
  return drafts.length;
}

async function onMaintenancePlanTransition(tx: Db, actor: Actor, event: TransitionEvent): Promise<void> {
  const doc = event.document;
  const plan = await findMaintenancePlanByDocument(tx, doc.orgId, doc.id);
  if (!plan) return;
  if (event.action === 'submit') await completeDeadline(tx, actor, MAINTENANCE_PLAN_DUE, String(plan.year), doc.updatedAt);
  if (event.action === 'issue') await splitIntoSlots(tx, doc.orgId, plan.id, plan.year, await orgToday(tx, doc.orgId, doc.updatedAt));
}

export const maintenanceTransitionHooks: HookDeclaration[] = [{ docType: MAINTENANCE_DOC, fn: onMaintenancePlanTransition }];

/**
 * PP-25: from the start of the year until the plan is submitted, maintenance owes it by the
 * end of the policy's month (production.maintenancePlanDueMonth). A plant that starts using
 * Zhidu after that month owes nothing retroactively.
 */
export async function ensureMaintenancePlanDeadline(tx: Db, actor: Actor, today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  const dueOn = await maintenancePlanDueOn(tx, actor.orgId, year);
  if (today > dueOn) return;
  const plan = await findMaintenancePlanOfYear(tx, actor.orgId, year);
  if (plan && plan.state !== 'draft' && plan.state !== 'rejected') return;
  const holders = await findUserIdsWithPermission(tx, actor.orgId, 'production.equipment.write');
  if (holders.length === 0) return;
  const [owner] = await tx
    .select({ id: users.id, departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), inArray(users.id, holders)))
    .orderBy(users.username)
    .limit(1);
  await ensureDeadline(tx, actor, {
    subjectType: MAINTENANCE_PLAN_DUE,
    subjectId: String(year),
    title: { zh: `制定并报批${year}年度设备保养计划`, en: `Make and submit the ${year} maintenance plan` },
    ownerUserId: owner.id,
    ownerDepartmentId: owner.departmentId,
    dueOn,
    link: plan ? maintenancePlanLink(plan.id) : '/production/equipment/maintenance',
    rule: { clause: 'T4 第四十八条', requirementId: 'PP-25', ruleCode: 'production.maintenance_plan.late' },
  });
}

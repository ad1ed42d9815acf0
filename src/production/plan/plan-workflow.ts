import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { type ApprovalGuard, type DocumentTypeInfo, documents, type GuardDeclaration, type HookDeclaration, type TransitionEvent } from '#core/approval';
import { writeAudit } from '#core/audit';
import { getPolicy } from '#core/policy';
import { completeDeadline, orgToday as localToday } from '#core/calendar';
import type { Db } from '#core/db';
import { notifyUsers } from '#core/notify';
import { findUserIdsWithPermission, findUserIdsWithRole, roles } from '#core/org';
import { describeShortfall, findUnderloads, percent } from '../capacity/index';
import { findUncoveredOverloads, refreshPlanCapacity } from './plan-capacity.service';
import { MONTHLY_COMPILE, MONTHLY_ISSUE } from './plan-deadlines';
import { REQUEST_ISSUE } from './request.service';
import { decomposePlan } from './plan-materials.service';
import { withMonthlyApprover } from './monthly-approver.rules';
import { decidePendingOnApproval } from './order-headroom.service';
import { PLAN_DOC_TYPES, findPlanByDocument, findRevisionLines, findWorkingLines } from './plan.query';
import { planLink } from './plan.service';
import { type PlanKind, prodPlanRequests, prodPlans } from './plan.schema';

const LABELS: Record<Exclude<PlanKind, 'weekly'>, { zh: string; en: string; prefix: string }> = {
  annual: { zh: '年度生产计划', en: 'Annual production plan', prefix: 'NJH' },
  quarterly: { zh: '季度生产计划', en: 'Quarterly production plan', prefix: 'JJH' },
  monthly: { zh: '月度生产计划', en: 'Monthly production plan', prefix: 'YJH' },
  special: { zh: '专项生产计划', en: 'Special production plan', prefix: 'ZXJH' },
  temporary: { zh: '临时生产计划', en: 'Temporary production plan', prefix: 'LSJH' },
};

/** PP-9: no plan goes up for approval with an overload nobody has answered. */
export const capacityGuard: ApprovalGuard = async (db, _actor, doc) => {
  const plan = await findPlanByDocument(db, doc.orgId, doc.id);
  if (!plan) return null;
  const lines = await findWorkingLines(db, plan.orgId, plan.id);
  if (!lines.some((l) => l.total > 0)) return { zh: '计划没有任何数量，不能提交', en: 'The plan has no quantities to submit' };
  // The guard has no clock; the plan's first day serves for the (display-only) past-due flags.
  const { overloads } = await findUncoveredOverloads(db, plan, plan.periodStart);
  if (overloads.length === 0) return null;
  const list = overloads.slice(0, 5);
  // Issue 14 item 2: an answer counts only for the hours it states; each re-check judges it anew.
  return {
    zh: `产能超出，须先记录应对措施（加班、外协、调整排产），措施须足以解决超出的工时，依据 T4 第十九条：${list.map((o) => describeShortfall(o, 'zh')).join('；')}`,
    en: `Over capacity; record countermeasures covering the hours over first (overtime, outsourcing, rescheduling), T4 art. 19: ${list.map((o) => describeShortfall(o, 'en')).join('; ')}`,
  };
};

async function snapshotLines(tx: Db, orgId: string, planId: string, revision: number): Promise<void> {
  await tx.execute(sql`delete from prod_plan_revision_lines where org_id = ${orgId} and plan_id = ${planId} and revision = ${revision}`);
  await tx.execute(sql`insert into prod_plan_revision_lines (org_id, plan_id, revision, item_id, forecast_qty, quantities, total)
    select org_id, plan_id, ${revision}, item_id, forecast_qty, quantities, total from prod_plan_lines where org_id = ${orgId} and plan_id = ${planId}`);
}

/**
 * The policy's monthlyPlanApproverRole approves the monthly plan last (T2: the GM; T4 第十九条:
 * the vice GM). A role nobody holds yet leaves the configured chain as it is: the plan must
 * not wait for an approver who does not exist.
 */
async function applyMonthlyApprover(tx: Db, actor: Actor, doc: TransitionEvent['document']): Promise<void> {
  const role = (await getPolicy(tx, doc.orgId)).production.monthlyPlanApproverRole;
  if ((await findUserIdsWithRole(tx, doc.orgId, role)).length === 0) return;
  const [r] = await tx
    .select({ nameZh: roles.nameZh })
    .from(roles)
    .where(and(eq(roles.orgId, doc.orgId), eq(roles.code, role)));
  const before = doc.chainSteps;
  const { steps, isChanged } = withMonthlyApprover(before ?? [], role, r?.nameZh ?? role);
  if (!isChanged) return;
  await tx
    .update(documents)
    .set({ chainSteps: steps })
    .where(and(eq(documents.orgId, doc.orgId), eq(documents.id, doc.id)));
  doc.chainSteps = steps;
  await writeAudit(tx, actor, {
    action: 'production.plan.monthly-approver',
    entity: 'document',
    entityId: doc.id,
    before: { steps: before },
    after: { steps, role },
  });
}

async function onPlanTransition(tx: Db, actor: Actor, event: TransitionEvent): Promise<void> {
  const doc = event.document;
  const plan = await findPlanByDocument(tx, doc.orgId, doc.id);
  if (!plan) return;
  const now = doc.updatedAt;
  const today = await localToday(tx, doc.orgId, now);
  if (event.action === 'submit') {
    if (plan.kind === 'monthly') await applyMonthlyApprover(tx, actor, doc);
    await snapshotLines(tx, doc.orgId, plan.id, doc.revision);
    const view = await refreshPlanCapacity(tx, plan, today);
    if (plan.kind === 'monthly') await completeDeadline(tx, actor, MONTHLY_COMPILE, plan.periodStart.slice(0, 7), now);
    const under = findUnderloads(view);
    if (under.length) {
      // T4 第十九条: far below capacity is reported to the leaders for a decision.
      const leaders = await findUserIdsWithPermission(tx, doc.orgId, 'production.plan.approve');
      await notifyUsers(tx, doc.orgId, leaders, {
        kind: 'production.capacity.under',
        title: { zh: `产能利用不足：${doc.number} ${doc.title}`, en: `Capacity far from used: ${doc.number}` },
        body: {
          zh: `以下车间期间远低于生产能力（依据 T4 第十九条上报）：${under
            .slice(0, 8)
            .map((u) => `${u.workshopName} ${u.label.zh} ${percent(u.utilisation)}`)
            .join('；')}`,
          en: `Far below capacity (reported under T4 art. 19): ${under
            .slice(0, 8)
            .map((u) => `${u.workshopName} ${u.label.en} ${percent(u.utilisation)}`)
            .join('; ')}`,
        },
        link: planLink(plan.id),
      });
      await tx
        .update(prodPlans)
        .set({ underReportedAt: now })
        .where(and(eq(prodPlans.orgId, plan.orgId), eq(prodPlans.id, plan.id)));
    }
    return;
  }
  if (event.to === 'approved') {
    const lines = await findRevisionLines(tx, doc.orgId, plan.id, doc.revision);
    await decomposePlan(tx, plan, lines, today, now);
    // PP-12: orders that came in while the plan was compiled meet the approved 预估量 now.
    if (plan.kind === 'monthly') await decidePendingOnApproval(tx, plan, doc.revision);
    return;
  }
  if (event.action === 'issue') {
    if (plan.kind === 'monthly') await completeDeadline(tx, actor, MONTHLY_ISSUE, plan.periodStart.slice(0, 7), now);
    if (plan.requestId) {
      await completeDeadline(tx, actor, REQUEST_ISSUE, plan.requestId, now);
      await tx
        .update(prodPlanRequests)
        .set({ state: 'closed', version: sql`${prodPlanRequests.version} + 1` })
        .where(and(eq(prodPlanRequests.orgId, plan.orgId), eq(prodPlanRequests.id, plan.requestId)));
    }
  }
}

const planTypes = Object.entries(PLAN_DOC_TYPES) as [Exclude<PlanKind, 'weekly'>, string][];

export const planDocumentTypes: DocumentTypeInfo[] = planTypes.map(([kind, docType]) => ({
  docType,
  label: { zh: LABELS[kind].zh, en: LABELS[kind].en },
  numberPrefix: LABELS[kind].prefix,
  link: (id) => `/production/plan-doc/${id}`,
  isGenericEditable: false,
}));

export const planGuards: GuardDeclaration[] = planTypes.map(([, docType]) => ({
  docType,
  action: 'submit',
  name: 'production.capacity-check',
  fn: capacityGuard,
}));

export const planTransitionHooks: HookDeclaration[] = planTypes.map(([, docType]) => ({ docType, fn: onPlanTransition }));

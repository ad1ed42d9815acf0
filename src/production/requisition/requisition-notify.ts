import type { Actor } from '#core/access';
import type { Db } from '#core/db';
import { notifyUsers } from '#core/notify';
import { findUserIdsInDepartment, findUserIdsWithPermission, findUserIdsWithRole } from '#core/org';
import type { WorkshopRow } from '../master/index';
import type { RequisitionRow, RequisitionState } from './requisition.schema';

// Who hears of a requisition's step: the workshop's director, the above-norm approver, the
// warehouse when it may issue, the person who asked when it is decided.

export const requisitionLink = (id: string) => `/production/requisitions/${id}`;
export const issueLink = (id: string) => `/production/requisitions/${id}/issue`;

/** The holders of production.requisition.approve in the workshop's department: its director(s). */
export async function findWorkshopDirectors(tx: Db, orgId: string, departmentId: string | null): Promise<string[]> {
  if (!departmentId) return [];
  const [approvers, members] = await Promise.all([
    findUserIdsWithPermission(tx, orgId, 'production.requisition.approve'),
    findUserIdsInDepartment(tx, orgId, departmentId),
  ]);
  const inDepartment = new Set(members);
  return approvers.filter((u) => inDepartment.has(u));
}

export async function notifyDirectors(tx: Db, orgId: string, workshop: WorkshopRow, r: RequisitionRow): Promise<void> {
  await notifyUsers(tx, orgId, await findWorkshopDirectors(tx, orgId, workshop.departmentId), {
    kind: 'production.requisition.approve',
    title: { zh: `待批准领料单：${r.number} ${workshop.name}`, en: `Requisition to approve: ${r.number} ${workshop.name}` },
    body: {
      zh: `依据 T4 第二十八条，领料单经车间主任批准后仓库方可发料${r.isAboveNorm ? '；含超定额物料' : ''}`,
      en: `T4 art. 28: the warehouse issues once the workshop director approves${r.isAboveNorm ? '; some lines are above the norm' : ''}`,
    },
    link: requisitionLink(r.id),
  });
}

/** After a step: above the norm to the policy's role, approved to the warehouse, decided to the person who asked. */
export async function notifyRequisition(tx: Db, actor: Actor, r: RequisitionRow, state: RequisitionState, opinion?: string | null): Promise<void> {
  const body = opinion ? { zh: `意见：${opinion}`, en: `Opinion: ${opinion}` } : undefined;
  if (state === 'escalated' && r.aboveNormRole) {
    const holders = (await findUserIdsWithRole(tx, actor.orgId, r.aboveNormRole)).filter((u) => u !== r.requestedBy);
    await notifyUsers(tx, actor.orgId, holders, {
      kind: 'production.requisition.above_norm',
      title: { zh: `超定额领料待批准：${r.number}`, en: `Above-norm requisition to approve: ${r.number}` },
      body: {
        zh: '车间主任已批准；超定额物料依制度参数须再经您批准（T4 第三十条）',
        en: 'The workshop director approved; the lines above the norm need your approval (T4 art. 30)',
      },
      link: requisitionLink(r.id),
    });
    return;
  }
  const others = (ids: string[]) => ids.filter((u) => u !== actor.userId);
  if (state === 'approved') {
    await notifyUsers(tx, actor.orgId, others([r.requestedBy]), {
      kind: 'production.requisition.approved',
      title: { zh: `领料单已批准：${r.number}`, en: `Requisition approved: ${r.number}` },
      body,
      link: requisitionLink(r.id),
    });
    await notifyUsers(tx, actor.orgId, others(await findUserIdsWithPermission(tx, actor.orgId, 'production.stock.write')), {
      kind: 'production.requisition.to_issue',
      title: { zh: `待发料：领料单 ${r.number}`, en: `To issue: requisition ${r.number}` },
      body: { zh: '仓库凭批准的领料单核发材料（T4 第二十八条）', en: 'The warehouse issues against the approved requisition (T4 art. 28)' },
      link: issueLink(r.id),
    });
  } else if (state === 'rejected') {
    await notifyUsers(tx, actor.orgId, others([r.requestedBy]), {
      kind: 'production.requisition.rejected',
      title: { zh: `领料单已退回：${r.number}`, en: `Requisition rejected: ${r.number}` },
      body,
      link: requisitionLink(r.id),
    });
  }
}

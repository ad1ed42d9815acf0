import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { type Actor, hasPermission } from '#core/access';
import type { InboxItem } from '#core/approval';
import type { Db } from '#core/db';
import { prodWorkshops } from '../master/index';
import { progressOf, stageOf } from './issue.rules';
import { issueLink, requisitionLink } from './requisition-notify';
import { findLedgerTotals, findLines, findMyDepartmentId } from './requisition.query';
import { prodRequisitions } from './requisition.schema';

// 我的待办 for requisitions: the workshop director's approvals, the above-norm approver's, and
// the warehouse's approved requisitions still to issue (each opens on a phone).

export async function findRequisitionInbox(db: Db, actor: Actor): Promise<InboxItem[]> {
  if (!hasPermission(actor, 'production.read')) return [];
  const items: InboxItem[] = [];
  const base = db
    .select({ r: prodRequisitions, workshopName: prodWorkshops.name, departmentId: prodWorkshops.departmentId })
    .from(prodRequisitions)
    .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodRequisitions.orgId), eq(prodWorkshops.id, prodRequisitions.workshopId)));
  const title = (prefix: { zh: string; en: string }, r: { number: string; days: string[] }, workshopName: string) => ({
    zh: `${prefix.zh}：${r.number} ${workshopName}（${r.days[0]}${r.days.length > 1 ? ` 等 ${r.days.length} 天` : ''}）`,
    en: `${prefix.en}: ${r.number} ${workshopName} (${r.days[0]}${r.days.length > 1 ? ` + ${r.days.length - 1} days` : ''})`,
  });
  if (hasPermission(actor, 'production.requisition.approve')) {
    const department = await findMyDepartmentId(db, actor);
    if (department) {
      const rows = await base
        .where(
          and(
            eq(prodRequisitions.orgId, actor.orgId),
            eq(prodRequisitions.state, 'submitted'),
            eq(prodWorkshops.departmentId, department),
            ne(prodRequisitions.requestedBy, actor.userId),
          ),
        )
        .orderBy(asc(prodRequisitions.requestedAt));
      for (const { r, workshopName } of rows)
        items.push({
          kind: 'approval.pending',
          tag: { zh: '待审批', en: 'To approve' },
          id: r.id,
          title: title({ zh: '待批准领料单', en: 'Requisition to approve' }, r, workshopName),
          link: requisitionLink(r.id),
          since: r.requestedAt.toISOString(),
        });
    }
  }
  if (actor.roles.length > 0) {
    const rows = await base
      .where(
        and(
          eq(prodRequisitions.orgId, actor.orgId),
          eq(prodRequisitions.state, 'escalated'),
          inArray(prodRequisitions.aboveNormRole, actor.roles),
          ne(prodRequisitions.requestedBy, actor.userId),
        ),
      )
      .orderBy(asc(prodRequisitions.requestedAt));
    for (const { r, workshopName } of rows)
      items.push({
        kind: 'approval.pending',
        tag: { zh: '待审批', en: 'To approve' },
        id: r.id,
        title: title({ zh: '超定额领料待批准', en: 'Above-norm requisition to approve' }, r, workshopName),
        link: requisitionLink(r.id),
        since: (r.approvedAt ?? r.requestedAt).toISOString(),
      });
  }
  if (hasPermission(actor, 'production.stock.write')) {
    const rows = await base
      .where(and(eq(prodRequisitions.orgId, actor.orgId), eq(prodRequisitions.state, 'approved')))
      .orderBy(asc(prodRequisitions.requestedAt));
    const ids = rows.map((x) => x.r.id);
    const [lines, totals] = await Promise.all([findLines(db, actor.orgId, ids), findLedgerTotals(db, actor.orgId, ids)]);
    for (const { r, workshopName } of rows) {
      const t = totals.get(r.id)!;
      const stage = stageOf(
        r.state,
        progressOf(
          lines.filter((l) => l.requisitionId === r.id),
          t.issued,
          t.returned,
        ),
      );
      if (stage === 'issued') continue;
      items.push({
        kind: 'production.requisition.to_issue',
        tag: { zh: '待发料', en: 'To issue' },
        id: r.id,
        title: title({ zh: stage === 'partial' ? '待补发料' : '待发料', en: stage === 'partial' ? 'To issue the rest' : 'To issue' }, r, workshopName),
        link: issueLink(r.id),
        since: (r.aboveNormApprovedAt ?? r.approvedAt ?? r.requestedAt).toISOString(),
        due: r.days[0],
      });
    }
  }
  return items;
}

import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, hasPermission } from '#core/access';
import type { InboxItem } from '#core/approval';
import type { Db } from '#core/db';
import { loadWorkshopCapacity } from '../master/index';
import { findMyWorkshopId } from '../exception/index';
import { floorLink } from './rectification.service';
import { prodRectifications, prodSafetyChecks } from './shopfloor.schema';
import { orgToday } from '#core/calendar';

// 我的待办 of the shop floor: rectifications the person owns, escalated ones for the production
// department, and today's safety checklist for a workshop's directors and team leaders.

export async function findFloorInbox(db: Db, actor: Actor): Promise<InboxItem[]> {
  if (!hasPermission(actor, 'production.read')) return [];
  const isProduction = hasPermission(actor, 'production.plan.write');
  const rows = await db
    .select()
    .from(prodRectifications)
    .where(and(eq(prodRectifications.orgId, actor.orgId), inArray(prodRectifications.state, isProduction ? ['open', 'escalated'] : ['open'])))
    .limit(200);
  const items: InboxItem[] = rows
    .filter((r) => (r.state === 'open' && r.ownerUserId === actor.userId) || (r.state === 'escalated' && isProduction))
    .map((r) => ({
      kind: r.state === 'escalated' ? 'production.rectification.escalated' : 'production.rectification',
      tag: r.state === 'escalated' ? { zh: '车间无法整改', en: 'Escalated rectification' } : { zh: '现场整改', en: 'Rectification' },
      id: r.id,
      title:
        r.state === 'escalated'
          ? { zh: `车间无法整改，待生产部处理：${r.number} ${r.problem}`, en: `Escalated rectification ${r.number}` }
          : { zh: `现场整改：${r.number} ${r.problem}`, en: `Rectification ${r.number}` },
      link: floorLink(r.workshopId),
      since: (r.escalatedAt ?? r.createdAt).toISOString(),
      due: r.dueOn,
    }));
  // T4 第四十一条: directors and team leaders check every working day.
  if (hasPermission(actor, 'production.shopfloor.write') && hasPermission(actor, 'production.exception.write') && !isProduction) {
    const workshopId = await findMyWorkshopId(db, actor);
    if (workshopId) {
      const today = await orgToday(db, actor.orgId, new Date());
      const [capacity] = (await loadWorkshopCapacity(db, actor.orgId, today, today)).filter((c) => c.workshop.id === workshopId);
      const [done] = await db
        .select({ id: prodSafetyChecks.id })
        .from(prodSafetyChecks)
        .where(
          and(
            eq(prodSafetyChecks.orgId, actor.orgId),
            eq(prodSafetyChecks.workshopId, workshopId),
            eq(prodSafetyChecks.checkedOn, today),
            eq(prodSafetyChecks.checkedBy, actor.userId),
          ),
        );
      if ((capacity?.hours[0] ?? 0) > 0 && !done) {
        items.push({
          kind: 'production.safety-check',
          tag: { zh: '安全检查', en: 'Safety check' },
          id: `${workshopId}:${today}`,
          title: { zh: `填写今日安全生产检查表（${capacity.workshop.name}）`, en: `Fill in today’s safety checklist (${capacity.workshop.name})` },
          link: '/production/floor/checklist',
          since: `${today}T00:00:00.000Z`,
          due: today,
        });
      }
    }
  }
  return items;
}

import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { findings, recordFinding } from '#core/assessment';
import type { Db } from '#core/db';
import { invalidField } from '#core/errors';
import { getPolicy } from '#core/policy';
import { prodItems, prodWorkshops } from '../master/index';
import type { ManualFindingBody, ManualFindingView } from './execution-assessment.contract';

const KINDS = {
  organisation: {
    code: 'production.plan.incomplete',
    clause: 'T2 七.2',
    zh: '组织不合理造成生产任务未按时完成',
    en: 'Poor organisation: task not completed on time',
  },
  quality: { code: 'production.quality.delay', clause: 'T2 七.3', zh: '因质量问题造成计划生产延误不能按时交货', en: 'Quality problem delayed the plan' },
} as const;

/**
 * PP-27: the production department (生产装备部归口管理) records a T2 七.2 / 七.3 incident no
 * report or receipt shows; it opens like any finding, for the workshop to dispute and a manager
 * to confirm.
 */
export async function recordManualExecutionFinding(db: Db, actor: Actor, body: ManualFindingBody): Promise<ManualFindingView> {
  requireAccess(actor, 'production.plan.write');
  const [workshop] = await db
    .select()
    .from(prodWorkshops)
    .where(and(eq(prodWorkshops.orgId, actor.orgId), eq(prodWorkshops.id, body.workshopId)));
  if (!workshop) throw invalidField('workshopId', '车间不存在', 'unknown workshop');
  const policy = await getPolicy(db, actor.orgId);
  let itemLabel = '';
  if (body.itemId) {
    const [item] = await db
      .select()
      .from(prodItems)
      .where(and(eq(prodItems.orgId, actor.orgId), eq(prodItems.id, body.itemId)));
    if (!item) throw invalidField('itemId', '产品不存在', 'unknown product');
    if (!item.isMature && policy.assessment.excludeImmatureProducts) {
      throw invalidField(
        'itemId',
        '不成熟产品另行专项考核，不属本办法考核范围（T2 七.6）',
        'immature products are assessed on their own, outside these penalties (T2 7.6)',
      );
    }
    itemLabel = `${item.code} ${item.name} `;
  }
  const kind = KINDS[body.kind];
  const amount = body.kind === 'organisation' ? policy.assessment.poorOrganisationPenalty : policy.assessment.qualityDelayPenalty;
  const id = await db.transaction(async (tx) => {
    const row = await recordFinding(tx, actor, {
      ruleCode: kind.code,
      clause: kind.clause,
      requirementId: 'PP-27',
      subjectDepartmentId: workshop.departmentId,
      subjectLabel: workshop.name,
      period: body.month,
      verdict: 'penalty',
      amount,
      summary: {
        zh: `${kind.zh}（生产部认定）：${workshop.name} ${itemLabel}${body.description}；依据 ${kind.clause} 考核责任单位 ${amount} 元/次`,
        en: `${kind.en} (recorded by production): ${workshop.name} ${itemLabel}${body.description}; ${kind.clause.replace('七.', '7.')} penalty ${amount} yuan per incident`,
      },
      evidence: [{ entity: 'production.manual', entityId: randomUUID(), label: `生产部记录：${body.evidence}` }],
      dedupeKey: `production.manual|${randomUUID()}`,
    });
    return row!.id;
  });
  const [f] = await db
    .select()
    .from(findings)
    .where(and(eq(findings.orgId, actor.orgId), eq(findings.id, id)));
  return {
    id: f.id,
    ruleCode: f.ruleCode,
    clause: f.clause,
    amount: f.amount,
    subjectLabel: f.subjectLabel,
    period: f.period,
    summaryZh: f.summaryZh,
    summaryEn: f.summaryEn,
  };
}

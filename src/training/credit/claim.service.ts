import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { attachments } from '#core/archive';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { findUserIdsWithPermission } from '#core/org';
import { getPolicy } from '#core/policy';
import { requireTrainingRead, schoolYearOf } from '../common';
import { getMyTeacher, trainingTeachers } from '../teacher';
import { type ClaimRow, creditClaims } from './claim.schema';
import type { ClaimDecision, ClaimInput, ClaimViewData } from './credit.contract';

export type ClaimView = ClaimViewData;

const selectViews = (db: Db) =>
  db
    .select({ c: creditClaims, teacherName: trainingTeachers.name })
    .from(creditClaims)
    .innerJoin(trainingTeachers, and(eq(trainingTeachers.orgId, creditClaims.orgId), eq(trainingTeachers.id, creditClaims.teacherId)));

const isOffice = (actor: Actor) => hasPermission(actor, 'training.credit.approve') || hasPermission(actor, 'training.read');

export async function getClaim(db: Db, actor: Actor, id: string): Promise<ClaimView> {
  requireTrainingRead(actor);
  const [row] = await selectViews(db).where(and(eq(creditClaims.orgId, actor.orgId), eq(creditClaims.id, id)));
  if (!row || (!isOffice(actor) && row.c.createdBy !== actor.userId)) throw notFound('学分认定申请', 'Credit claim');
  return { ...row.c, teacherName: row.teacherName };
}

export async function findClaims(db: Db, actor: Actor, filter: { schoolYear?: string; state?: ClaimRow['state']; isMine?: boolean }): Promise<ClaimView[]> {
  requireTrainingRead(actor);
  const where: SQL[] = [eq(creditClaims.orgId, actor.orgId)];
  if (filter.isMine || !isOffice(actor)) where.push(eq(creditClaims.teacherId, (await getMyTeacher(db, actor)).id));
  if (filter.schoolYear) where.push(eq(creditClaims.schoolYear, filter.schoolYear));
  if (filter.state) where.push(eq(creditClaims.state, filter.state));
  const rows = await selectViews(db)
    .where(and(...where))
    .orderBy(desc(creditClaims.createdAt));
  return rows.map((r) => ({ ...r.c, teacherName: r.teacherName }));
}

/**
 * ST-6 (S4): external training counts once recognised, and only with evidence: a
 * certificate number or an uploaded certificate. No evidence, no claim.
 */
export async function submitClaim(db: Db, actor: Actor, input: ClaimInput, now: Date): Promise<ClaimView> {
  const teacher = await getMyTeacher(db, actor);
  const title = input.title.trim();
  if (!title) throw invalidField('title', '请填写培训名称', 'is required');
  if (input.endedOn < input.startedOn) throw invalidField('endedOn', '结束日期早于开始日期', 'ends before it starts');
  const certificateNo = input.certificateNo?.trim() || null;
  const attachmentIds = [...new Set(input.attachmentIds ?? [])];
  if (!certificateNo && attachmentIds.length === 0) {
    throw invalidField('evidence', '请上传结业证书或填写证书编号作为认定依据', 'attach the certificate or give its number as evidence');
  }
  if (attachmentIds.length) {
    const found = await db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.orgId, actor.orgId), inArray(attachments.id, attachmentIds)));
    if (found.length !== attachmentIds.length) throw invalidField('attachmentIds', '附件不存在', 'unknown attachment');
  }
  const policy = await getPolicy(db, actor.orgId);
  // A school whose rules count external training without recognition records it as recognised at once.
  const isAutomatic = !policy.training.externalTrainingNeedsRecognition;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(creditClaims)
      .values({
        orgId: actor.orgId,
        teacherId: teacher.id,
        schoolYear: schoolYearOf(input.endedOn),
        kind: input.kind,
        title,
        organiser: input.organiser?.trim() || null,
        category: input.category,
        hours: input.hours,
        startedOn: input.startedOn,
        endedOn: input.endedOn,
        certificateNo,
        attachmentIds,
        createdBy: actor.userId,
        createdAt: now,
        ...(isAutomatic ? { state: 'recognised' as const, recognisedHours: input.hours, decidedAt: now, opinion: '按制度无需认定' } : {}),
      })
      .returning();
    await writeAudit(tx, actor, { action: 'training.claim.submit', entity: 'training.claim', entityId: row.id, after: row });
    if (!isAutomatic) {
      const approvers = (await findUserIdsWithPermission(tx, actor.orgId, 'training.credit.approve')).filter((u) => u !== actor.userId);
      await notifyUsers(tx, actor.orgId, approvers, {
        kind: 'training.claim.pending',
        title: {
          zh: `学分认定待审：${teacher.name}《${title}》${input.hours} 学时`,
          en: `Credit claim to review: ${teacher.name}, ${title}, ${input.hours} hours`,
        },
        link: '/training/credits',
      });
    }
    return row.id;
  });
  return getClaim(db, actor, id);
}

export async function decideClaim(db: Db, actor: Actor, id: string, d: ClaimDecision, now: Date): Promise<ClaimView> {
  requireAccess(actor, 'training.credit.approve');
  const before = await getClaim(db, actor, id);
  if (before.createdBy === actor.userId) throw new AppError('SELF_APPROVAL_FORBIDDEN', '不能认定自己的学分', 'You cannot recognise your own credits');
  if (before.version !== d.version) throw versionConflict();
  if (before.state !== 'pending') throw invalidState('该申请已处理', 'This claim has been decided already');
  const opinion = d.opinion?.trim() || null;
  if (!d.isApproved && !opinion) throw invalidField('opinion', '不予认定时请写明理由', 'give a reason when refusing');
  const hours = d.recognisedHours ?? before.hours;
  if (d.isApproved && (hours <= 0 || hours > before.hours))
    throw invalidField('recognisedHours', `认定学时须大于 0 且不超过申请的 ${before.hours} 学时`, `between 0 and the ${before.hours} hours claimed`);
  const state = d.isApproved ? 'recognised' : 'rejected';
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(creditClaims)
      .set({
        state,
        recognisedHours: d.isApproved ? hours : null,
        decidedAt: now,
        decidedBy: actor.userId,
        decidedByName: actor.displayName,
        opinion,
        version: sql`${creditClaims.version} + 1`,
      })
      .where(and(eq(creditClaims.orgId, actor.orgId), eq(creditClaims.id, id), eq(creditClaims.version, d.version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, {
      action: `training.claim.${state}`,
      entity: 'training.claim',
      entityId: id,
      before: { state: before.state },
      after: { state, recognisedHours: after.recognisedHours, opinion },
    });
    await notifyUsers(tx, actor.orgId, [before.createdBy], {
      kind: `training.claim.${state}`,
      title: d.isApproved
        ? { zh: `学分已认定：《${before.title}》${hours} 学时`, en: `Credits recognised: ${before.title}, ${hours} hours` }
        : { zh: `学分未认定：《${before.title}》`, en: `Credits not recognised: ${before.title}` },
      body: opinion ? { zh: opinion, en: opinion } : undefined,
      link: '/training/my',
    });
  });
  return getClaim(db, actor, id);
}

export async function withdrawClaim(db: Db, actor: Actor, id: string, version: number): Promise<ClaimView> {
  const before = await getClaim(db, actor, id);
  if (before.createdBy !== actor.userId) throw new AppError('FORBIDDEN', '只能撤回自己的申请', 'You can withdraw only your own claim');
  if (before.state !== 'pending') throw invalidState('只有待审的申请可以撤回', 'Only a pending claim can be withdrawn');
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(creditClaims)
      .set({ state: 'withdrawn', version: sql`${creditClaims.version} + 1` })
      .where(and(eq(creditClaims.orgId, actor.orgId), eq(creditClaims.id, id), eq(creditClaims.version, version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'training.claim.withdraw',
      entity: 'training.claim',
      entityId: id,
      before: { state: 'pending' },
      after: { state: 'withdrawn' },
    });
  });
  return getClaim(db, actor, id);
}

/** Recognised claims of a school year, for the credit computation. */
export async function findRecognisedClaims(db: Db, orgId: string, schoolYear: string): Promise<ClaimRow[]> {
  return db
    .select()
    .from(creditClaims)
    .where(and(eq(creditClaims.orgId, orgId), eq(creditClaims.schoolYear, schoolYear), eq(creditClaims.state, 'recognised')));
}

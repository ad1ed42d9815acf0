import { and, asc, eq, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { findOrganisationByCode, getOrganisation, organisations } from '#core/org';
import { districtLinks, type LinkRow, type LinkState } from './district.schema';
import type { LinkView } from './district.contract';

// Issue 12: a district asks to link a school by its organisation code; the school's admin
// accepts or declines; either side ends the link. Every step is audited in both organisations.

/** Routes of one kind answer for that kind only: to anyone else they do not exist. */
const noSuchRoute = () => new AppError('NOT_FOUND', '接口不存在', 'No such route');

export async function requireKind(db: Db, actor: Actor, kind: 'district' | 'school') {
  const org = await getOrganisation(db, actor.orgId);
  if (org?.kind !== kind) throw noSuchRoute();
  return org;
}

/** The same person seen from the other organisation of a link: the audit there names where they came from. */
export function visitorActor(actor: Actor, fromOrgName: string, inOrgId: string): Actor {
  return { ...actor, orgId: inOrgId, displayName: `${fromOrgName} · ${actor.displayName}` };
}

const district = sql.raw('d');
const school = sql.raw('s');

async function selectLinks(db: Db, where: ReturnType<typeof and>): Promise<LinkView[]> {
  const rows = await db
    .select({
      link: districtLinks,
      districtName: sql<string>`(select name from ${organisations} ${district} where ${district}.id = ${districtLinks.orgId})`,
      schoolName: sql<string>`(select name from ${organisations} ${school} where ${school}.id = ${districtLinks.schoolOrgId})`,
      schoolCode: sql<string>`(select code from ${organisations} ${school} where ${school}.id = ${districtLinks.schoolOrgId})`,
    })
    .from(districtLinks)
    .where(where)
    .orderBy(asc(districtLinks.requestedAt));
  return rows.map((r) => toView(r.link, r.districtName, r.schoolName, r.schoolCode));
}

function toView(l: LinkRow, districtName: string, schoolName: string, schoolCode: string): LinkView {
  return {
    id: l.id,
    districtOrgId: l.orgId,
    districtName,
    schoolOrgId: l.schoolOrgId,
    schoolName,
    schoolCode,
    state: l.state,
    requestedByName: l.requestedByName,
    requestedAt: l.requestedAt,
    decidedByName: l.decidedByName,
    decidedAt: l.decidedAt,
    endedByName: l.endedByName,
    endedBySide: l.endedBySide,
    endedAt: l.endedAt,
    version: l.version,
  };
}

/** The district's links, every state. */
export async function findDistrictLinks(db: Db, actor: Actor): Promise<LinkView[]> {
  requireAccess(actor, 'district.read');
  await requireKind(db, actor, 'district');
  return selectLinks(db, and(eq(districtLinks.orgId, actor.orgId)));
}

/** The schools a district may read: its accepted links only. */
export async function findLinkedSchools(db: Db, districtOrgId: string): Promise<{ id: string; name: string; code: string }[]> {
  return db
    .select({ id: organisations.id, name: organisations.name, code: organisations.code })
    .from(districtLinks)
    .innerJoin(organisations, eq(organisations.id, districtLinks.schoolOrgId))
    .where(and(eq(districtLinks.orgId, districtOrgId), eq(districtLinks.state, 'accepted')))
    .orderBy(asc(organisations.name));
}

/** The districts a school has accepted (their floors bind its policy). */
export async function findAcceptedDistricts(db: Db, schoolOrgId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(districtLinks)
    .innerJoin(organisations, eq(organisations.id, districtLinks.orgId))
    .where(and(eq(districtLinks.schoolOrgId, schoolOrgId), eq(districtLinks.state, 'accepted')));
}

async function auditBoth(tx: Db, actor: Actor, link: LinkRow, names: { district: string; school: string }, action: string, after: Record<string, unknown>) {
  const isDistrict = actor.orgId === link.orgId;
  const other = isDistrict ? link.schoolOrgId : link.orgId;
  const entry = { action, entity: 'district_link', entityId: link.id, after: { district: names.district, school: names.school, ...after } };
  await writeAudit(tx, actor, entry);
  await writeAudit(tx, visitorActor(actor, isDistrict ? names.district : names.school, other), entry);
}

/** The district asks a school (by its organisation code) to link; asking again after a decline or an end reopens the pair. */
export async function requestLink(db: Db, actor: Actor, input: { schoolCode: string }, now: Date): Promise<LinkView> {
  requireAccess(actor, 'district.manage');
  const me = await requireKind(db, actor, 'district');
  const code = input.schoolCode.trim();
  const target = code ? await findOrganisationByCode(db, code) : undefined;
  if (target?.kind !== 'school') throw invalidField('schoolCode', `没有代码为“${code}”的学校`, `no school has the code “${code}”`);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(districtLinks)
      .where(and(eq(districtLinks.orgId, actor.orgId), eq(districtLinks.schoolOrgId, target.id)))
      .for('update');
    if (existing && (existing.state === 'requested' || existing.state === 'accepted'))
      throw invalidState(`已向${target.name}发出申请或已关联`, `${target.name} is already requested or linked`);
    const values = {
      state: 'requested' as const,
      requestedBy: actor.userId,
      requestedByName: actor.displayName,
      requestedAt: now,
      decidedBy: null,
      decidedByName: null,
      decidedAt: null,
      endedBy: null,
      endedByName: null,
      endedBySide: null,
      endedAt: null,
    };
    const [row] = existing
      ? await tx
          .update(districtLinks)
          .set({ ...values, version: existing.version + 1 })
          .where(and(eq(districtLinks.orgId, actor.orgId), eq(districtLinks.id, existing.id)))
          .returning()
      : await tx
          .insert(districtLinks)
          .values({ orgId: actor.orgId, schoolOrgId: target.id, ...values })
          .returning();
    await auditBoth(tx, actor, row, { district: me.name, school: target.name }, 'district.link.request', { state: 'requested' });
    return toView(row, me.name, target.name, target.code);
  });
}

type Step = 'accept' | 'decline' | 'end';
const NEXT: Record<Step, { from: LinkState[]; to: LinkState; action: string }> = {
  accept: { from: ['requested'], to: 'accepted', action: 'district.link.accept' },
  decline: { from: ['requested'], to: 'declined', action: 'district.link.decline' },
  end: { from: ['requested', 'accepted'], to: 'ended', action: 'district.link.end' },
};

/** A step on a link by one side: the school accepts, declines or ends; the district ends (withdraws a request). */
export async function stepLink(db: Db, actor: Actor, side: 'district' | 'school', id: string, step: Step, version: number, now: Date): Promise<LinkView> {
  requireAccess(actor, side === 'district' ? 'district.manage' : 'admin.org');
  await requireKind(db, actor, side);
  if (side === 'district' && step !== 'end') throw noSuchRoute();
  const mine = side === 'district' ? eq(districtLinks.orgId, actor.orgId) : eq(districtLinks.schoolOrgId, actor.orgId);
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(districtLinks)
      .where(and(mine, eq(districtLinks.id, id)))
      .for('update');
    if (!link) throw notFound('学区关联', 'District link');
    if (link.version !== version) throw versionConflict();
    const rule = NEXT[step];
    if (!rule.from.includes(link.state)) throw invalidState('该关联当前状态不能进行此操作', 'The link is not in a state that allows this');
    const who = { by: actor.userId, name: actor.displayName };
    const set =
      step === 'end'
        ? { state: rule.to, endedBy: who.by, endedByName: who.name, endedBySide: side, endedAt: now, version: link.version + 1 }
        : { state: rule.to, decidedBy: who.by, decidedByName: who.name, decidedAt: now, version: link.version + 1 };
    const [row] = await tx
      .update(districtLinks)
      .set(set)
      .where(and(eq(districtLinks.orgId, link.orgId), eq(districtLinks.id, link.id)))
      .returning();
    const [d, s] = await Promise.all([getOrganisation(tx, link.orgId), getOrganisation(tx, link.schoolOrgId)]);
    await auditBoth(tx, actor, row, { district: d?.name ?? '', school: s?.name ?? '' }, rule.action, { state: rule.to, by: side });
    return toView(row, d?.name ?? '', s?.name ?? '', s?.code ?? '');
  });
}

/** The school's side: the districts that asked or are linked. */
export async function findSchoolLinks(db: Db, actor: Actor): Promise<LinkView[]> {
  requireAccess(actor, 'admin.org');
  await requireKind(db, actor, 'school');
  return selectLinks(db, and(eq(districtLinks.schoolOrgId, actor.orgId)));
}

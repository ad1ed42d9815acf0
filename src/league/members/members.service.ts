import { and, asc, eq, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { getPolicy } from '#core/policy';
import { assertInOrganisation } from '#core/validation';
import { checkPromotion, registrationGaps, transferOutDue } from './members.rules';
import { type BranchRow, leagueBranches, leagueMembers, leagueRegistrations, type MemberRow, type MemberStatus } from './members.schema';
import type { MemberInput, MemberViewData, NewBranchBody, PromoteBody } from './members.contract';
import type { z } from 'zod';

export type { MemberInput };

export async function findBranches(db: Db, actor: Actor): Promise<BranchRow[]> {
  requireAccess(actor, 'league.read');
  return db.select().from(leagueBranches).where(eq(leagueBranches.orgId, actor.orgId)).orderBy(asc(leagueBranches.grade), asc(leagueBranches.name));
}

export async function addBranch(db: Db, actor: Actor, input: z.infer<typeof NewBranchBody>): Promise<BranchRow> {
  requireAccess(actor, 'league.manage');
  const name = input.name.trim();
  if (!name) throw invalidField('name', '请填写团支部名称', 'is required');
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(leagueBranches).values({ orgId: actor.orgId, name, grade: input.grade }).returning();
      await writeAudit(tx, actor, { action: 'league.branch.create', entity: 'league.branch', entityId: row.id, after: row });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `团支部 ${name} 已存在`, `Branch ${name} exists`, [{ field: 'name', reason: 'exists' }]);
    throw err;
  }
}

export type MemberView = MemberViewData;

/** YL-1: the register, with each member's registration for the term. */
export async function findMembers(db: Db, actor: Actor, filter: { branchId?: string; status?: MemberStatus; termCode: string }): Promise<MemberView[]> {
  requireAccess(actor, 'league.read');
  const where = [eq(leagueMembers.orgId, actor.orgId)];
  if (filter.branchId) where.push(eq(leagueMembers.branchId, filter.branchId));
  if (filter.status) where.push(eq(leagueMembers.status, filter.status));
  const rows = await db
    .select({ m: leagueMembers, branchName: leagueBranches.name, grade: leagueBranches.grade })
    .from(leagueMembers)
    .innerJoin(leagueBranches, and(eq(leagueBranches.orgId, leagueMembers.orgId), eq(leagueBranches.id, leagueMembers.branchId)))
    .where(and(...where))
    .orderBy(asc(leagueBranches.grade), asc(leagueBranches.name), asc(leagueMembers.studentNo));
  const regs = await db
    .select({ memberId: leagueRegistrations.memberId })
    .from(leagueRegistrations)
    .where(and(eq(leagueRegistrations.orgId, actor.orgId), eq(leagueRegistrations.termCode, filter.termCode)));
  const registered = new Set(regs.map((r) => r.memberId));
  return rows.map((r) => ({ ...r.m, branchName: r.branchName, grade: r.grade, isRegistered: registered.has(r.m.id) }));
}

async function getMember(db: Db, actor: Actor, id: string): Promise<MemberRow> {
  const [row] = await db
    .select()
    .from(leagueMembers)
    .where(and(eq(leagueMembers.orgId, actor.orgId), eq(leagueMembers.id, id)));
  if (!row) throw notFound('团员', 'Member');
  return row;
}

export async function addMember(db: Db, actor: Actor, input: MemberInput): Promise<MemberRow> {
  requireAccess(actor, 'league.manage');
  const [branch] = await db
    .select({ id: leagueBranches.id })
    .from(leagueBranches)
    .where(and(eq(leagueBranches.orgId, actor.orgId), eq(leagueBranches.id, input.branchId)));
  if (!branch) throw invalidField('branchId', '团支部不存在', 'unknown branch');
  if (input.status === 'member' && !input.joinedOn) throw invalidField('joinedOn', '团员须填写入团日期', 'a member needs the joining date');
  if (input.status === 'preparatory' && !input.preparatorySince)
    throw invalidField('preparatorySince', '预备团员须填写预备期开始日期', 'a preparatory member needs the start date');
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(leagueMembers)
        .values({ orgId: actor.orgId, ...input, studentNo: input.studentNo.trim(), name: input.name.trim() })
        .returning();
      await writeAudit(tx, actor, { action: 'league.member.create', entity: 'league.member', entityId: row.id, after: row });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('CONFLICT', '学号已在团员名册中', 'That student number is on the register', [{ field: 'studentNo', reason: 'exists' }]);
    throw err;
  }
}

async function changeMember(db: Db, actor: Actor, before: MemberRow, version: number, values: Partial<MemberRow>, action: string): Promise<MemberRow> {
  if (before.version !== version) throw versionConflict();
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(leagueMembers)
      .set({ ...values, version: sql`${leagueMembers.version} + 1` })
      .where(and(eq(leagueMembers.orgId, actor.orgId), eq(leagueMembers.id, before.id), eq(leagueMembers.version, version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, { action, entity: 'league.member', entityId: before.id, before, after });
    return after;
  });
}

/** YL-1: 预备团员 → 团员 (S5 三.2). */
export async function promoteMember(db: Db, actor: Actor, id: string, input: z.infer<typeof PromoteBody>): Promise<MemberRow> {
  requireAccess(actor, 'league.manage');
  const before = await getMember(db, actor, id);
  const problem = checkPromotion(before, input.joinedOn);
  if (problem) throw invalidState(problem.zh, problem.en);
  return changeMember(db, actor, before, input.version, { status: 'member', joinedOn: input.joinedOn }, 'league.member.promote');
}

/** YL-1: the graduating member's 团籍 transfers out (S5 三.2, in May). */
export async function transferOutMember(
  db: Db,
  actor: Actor,
  id: string,
  input: { transferredOutOn: string; transferTo: string; version: number },
): Promise<MemberRow> {
  requireAccess(actor, 'league.manage');
  const before = await getMember(db, actor, id);
  if (before.status === 'transferred_out') throw invalidState('该团员已转出', 'This member has transferred out already');
  if (!input.transferTo.trim()) throw invalidField('transferTo', '请填写转往单位', 'where does the membership go');
  return changeMember(
    db,
    actor,
    before,
    input.version,
    { status: 'transferred_out', transferredOutOn: input.transferredOutOn, transferTo: input.transferTo.trim() },
    'league.member.transfer-out',
  );
}

/** YL-1: 团员注册 of the term for the given members (registering twice changes nothing). */
export async function registerMembers(db: Db, actor: Actor, input: { memberIds: string[]; termCode: string; registeredOn: string }): Promise<number> {
  requireAccess(actor, 'league.manage');
  if (input.memberIds.length === 0) throw invalidField('memberIds', '请选择团员', 'choose the members');
  await assertInOrganisation(db, 'league_members', actor.orgId, input.memberIds, 'memberIds');
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(leagueRegistrations)
      .values(
        input.memberIds.map((memberId) => ({
          orgId: actor.orgId,
          memberId,
          termCode: input.termCode,
          registeredOn: input.registeredOn,
          registeredBy: actor.userId,
        })),
      )
      .onConflictDoNothing()
      .returning({ memberId: leagueRegistrations.memberId });
    await writeAudit(tx, actor, { action: 'league.member.register', entity: 'league.registration', entityId: input.termCode, after: { members: rows.length } });
    return rows.length;
  });
}

/** The secretary's to-do: members not yet registered this term, and graduating members to transfer out. */
export async function getMemberTasks(db: Db, actor: Actor, termCode: string, today: string) {
  const [members, policy] = await Promise.all([findMembers(db, actor, { termCode }), getPolicy(db, actor.orgId)]);
  return {
    total: members.filter((m) => m.status !== 'transferred_out').length,
    preparatory: members.filter((m) => m.status === 'preparatory').length,
    unregistered: registrationGaps(members, new Set(members.filter((m) => m.isRegistered).map((m) => m.id))),
    transferOutDue: transferOutDue(members, today, policy.league),
  };
}

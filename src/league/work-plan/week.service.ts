import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { isoWeekday } from '#core/calendar';
import type { Db } from '#core/db';
import { invalidField, invalidState, notFound } from '#core/errors';
import { getPolicy } from '#core/policy';
import { leagueBranches } from '../members';
import { checkDates, DEFAULT_CRITERIA, missingFlagWeeks, scoreBlackboard, weekdaysBetween } from './work-plan.rules';
import { blackboardChecks, blackboardScores, type Criterion, type FlagRaisingRow, flagRaisings } from './work-plan.schema';

/** YL-3: the term's flag-raising days (the policy's weekday), what each carried, and the days still without a theme. */
export async function findFlagRaisings(db: Db, actor: Actor, range: { from: string; to: string }, today: string) {
  requireAccess(actor, 'league.read');
  const rows = await db
    .select()
    .from(flagRaisings)
    .where(and(eq(flagRaisings.orgId, actor.orgId), gte(flagRaisings.weekStart, range.from), lte(flagRaisings.weekStart, range.to)))
    .orderBy(asc(flagRaisings.weekStart));
  const { flagRaisingWeekday } = (await getPolicy(db, actor.orgId)).league;
  const days = weekdaysBetween(range.from, range.to, flagRaisingWeekday);
  return {
    weekday: flagRaisingWeekday,
    weeks: days.map((weekStart) => ({ weekStart, record: rows.find((r) => r.weekStart === weekStart) ?? null })),
    missing: missingFlagWeeks(days, new Set(rows.map((r) => r.weekStart)), today),
  };
}

/** S5 三.3: the week's focus, class-meeting and blackboard themes go into Monday's flag-raising. */
export async function saveFlagRaising(
  db: Db,
  actor: Actor,
  input: {
    weekStart: string;
    theme: string;
    focus?: string | null;
    classMeetingTheme?: string | null;
    blackboardTheme?: string | null;
    speaker?: string | null;
    heldOn?: string | null;
  },
): Promise<FlagRaisingRow> {
  requireAccess(actor, 'league.manage');
  const { flagRaisingWeekday } = (await getPolicy(db, actor.orgId)).league;
  if (isoWeekday(input.weekStart) !== flagRaisingWeekday) throw invalidField('weekStart', '须为制度规定的升旗日', 'must be the flag-raising day of the policy');
  const theme = input.theme.trim();
  if (!theme) throw invalidField('theme', '请填写本周主题', 'is required');
  const values = {
    theme,
    focus: input.focus?.trim() || null,
    classMeetingTheme: input.classMeetingTheme?.trim() || null,
    blackboardTheme: input.blackboardTheme?.trim() || null,
    speaker: input.speaker?.trim() || null,
    heldOn: input.heldOn ?? null,
  };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(flagRaisings)
      .values({ orgId: actor.orgId, weekStart: input.weekStart, ...values })
      .onConflictDoUpdate({ target: [flagRaisings.orgId, flagRaisings.weekStart], set: values })
      .returning();
    await writeAudit(tx, actor, { action: 'league.flag-raising.save', entity: 'league.flag-raising', entityId: row.id, after: row });
    return row;
  });
}

/** S5 三.6: fixed themes and check days at the policy's interval (two weeks), with the criteria published in advance. */
export async function scheduleBlackboardChecks(
  db: Db,
  actor: Actor,
  input: { firstCheckOn: string; to: string; themes: string[]; criteria?: Criterion[] },
  now: Date,
) {
  requireAccess(actor, 'league.manage');
  if (input.themes.length === 0) throw invalidField('themes', '请至少填写一个板报主题', 'give at least one theme');
  const criteria = input.criteria?.length ? input.criteria : DEFAULT_CRITERIA;
  const dates = checkDates(input.firstCheckOn, input.to, (await getPolicy(db, actor.orgId)).league.blackboardEveryDays);
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(blackboardChecks)
      .values(dates.map((checkOn, i) => ({ orgId: actor.orgId, checkOn, theme: input.themes[i % input.themes.length], criteria, publishedAt: now })))
      .onConflictDoNothing()
      .returning();
    await writeAudit(tx, actor, {
      action: 'league.blackboard.schedule',
      entity: 'league.blackboard',
      entityId: input.firstCheckOn,
      after: { checks: rows.length },
    });
    return rows;
  });
}

export async function findBlackboardChecks(db: Db, actor: Actor, range: { from: string; to: string }) {
  requireAccess(actor, 'league.read');
  const checks = await db
    .select()
    .from(blackboardChecks)
    .where(and(eq(blackboardChecks.orgId, actor.orgId), gte(blackboardChecks.checkOn, range.from), lte(blackboardChecks.checkOn, range.to)))
    .orderBy(asc(blackboardChecks.checkOn));
  const scores = checks.length
    ? await db
        .select()
        .from(blackboardScores)
        .where(
          and(
            eq(blackboardScores.orgId, actor.orgId),
            inArray(
              blackboardScores.checkId,
              checks.map((c) => c.id),
            ),
          ),
        )
    : [];
  const branches = await db.select().from(leagueBranches).where(eq(leagueBranches.orgId, actor.orgId));
  return checks.map((c) => ({
    ...c,
    results: scores
      .filter((s) => s.checkId === c.id)
      .map((s) => ({ ...s, branchName: branches.find((b) => b.id === s.branchId)?.name ?? '' }))
      .sort((a, b) => b.total - a.total),
  }));
}

/** A branch's score on a check, against the published criteria; scoring again replaces it. */
export async function scoreBranch(
  db: Db,
  actor: Actor,
  checkId: string,
  input: { branchId: string; scores: Record<string, number>; comment?: string | null },
  now: Date,
) {
  requireAccess(actor, 'league.manage');
  const [check] = await db
    .select()
    .from(blackboardChecks)
    .where(and(eq(blackboardChecks.orgId, actor.orgId), eq(blackboardChecks.id, checkId)));
  if (!check) throw notFound('板报检查', 'Blackboard check');
  if (!check.publishedAt) throw invalidState('评比标准公布后才能检查', 'Publish the criteria before checking');
  const [branch] = await db
    .select({ id: leagueBranches.id })
    .from(leagueBranches)
    .where(and(eq(leagueBranches.orgId, actor.orgId), eq(leagueBranches.id, input.branchId)));
  if (!branch) throw invalidField('branchId', '团支部不存在', 'unknown branch');
  const result = scoreBlackboard(check.criteria, input.scores);
  if ('problem' in result) throw invalidField('scores', result.problem.zh, result.problem.en);
  const values = { scores: input.scores, total: result.total, comment: input.comment?.trim() || null, checkedBy: actor.userId, checkedAt: now };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(blackboardScores)
      .values({ orgId: actor.orgId, checkId, branchId: input.branchId, ...values })
      .onConflictDoUpdate({ target: [blackboardScores.orgId, blackboardScores.checkId, blackboardScores.branchId], set: values })
      .returning();
    await writeAudit(tx, actor, { action: 'league.blackboard.score', entity: 'league.blackboard', entityId: checkId, after: row });
    return row;
  });
}

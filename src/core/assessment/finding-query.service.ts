import { and, asc, desc, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasPermission } from '../access';
import type { Db } from '../db';
import { notFound } from '../errors';
import { users } from '../org';
import { findingEvents, findings, type FindingState } from './assessment.schema';
import { availableFindingActions, type FindingCommand, type Viewer } from './finding.rules';

export interface FindingFilter {
  state?: FindingState;
  ruleCode?: string;
  period?: string;
  verdict?: string;
  subjectUserId?: string;
  subjectDepartmentId?: string;
  limit?: number;
}

export type FindingRow = typeof findings.$inferSelect;
export type FindingView = FindingRow & { actions: FindingCommand[] };

export async function getViewer(db: Db, actor: Actor): Promise<Viewer> {
  const [me] = await db
    .select({ departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
  return { userId: actor.userId, departmentId: me?.departmentId ?? null, canManage: hasPermission(actor, 'assessment.manage') };
}

/** Without assessment.read a person sees the findings about themselves and their department. */
function visibleTo(actor: Actor, viewer: Viewer): SQL | undefined {
  if (hasPermission(actor, 'assessment.read') || hasPermission(actor, 'assessment.manage')) return undefined;
  const mine = eq(findings.subjectUserId, actor.userId);
  return viewer.departmentId ? or(mine, eq(findings.subjectDepartmentId, viewer.departmentId)) : mine;
}

function whereOf(actor: Actor, viewer: Viewer, f: FindingFilter): SQL {
  const where: (SQL | undefined)[] = [eq(findings.orgId, actor.orgId), visibleTo(actor, viewer)];
  if (f.state) where.push(eq(findings.state, f.state));
  if (f.ruleCode) where.push(eq(findings.ruleCode, f.ruleCode));
  if (f.period) where.push(eq(findings.period, f.period));
  if (f.verdict) where.push(eq(findings.verdict, f.verdict));
  if (f.subjectUserId) where.push(eq(findings.subjectUserId, f.subjectUserId));
  if (f.subjectDepartmentId) where.push(eq(findings.subjectDepartmentId, f.subjectDepartmentId));
  return and(...where)!;
}

const withActions = (row: FindingRow, viewer: Viewer): FindingView => ({ ...row, actions: availableFindingActions(row, viewer) });

export interface FindingList {
  items: FindingView[];
  /** Over every matching finding, not just the page; withdrawn ones add nothing to the amount. */
  total: { count: number; amount: number };
}

export async function findFindings(db: Db, actor: Actor, filter: FindingFilter): Promise<FindingList> {
  const viewer = await getViewer(db, actor);
  const where = whereOf(actor, viewer, filter);
  const rows = await db
    .select()
    .from(findings)
    .where(where)
    .orderBy(desc(findings.createdAt), asc(findings.id))
    .limit(Math.min(filter.limit ?? 200, 10_000));
  const [total] = await db
    .select({
      count: sql<number>`count(*)::int`,
      amount: sql<string>`coalesce(sum(${findings.amount}) filter (where ${findings.state} <> 'withdrawn'), 0)`,
    })
    .from(findings)
    .where(where);
  return { items: rows.map((r) => withActions(r, viewer)), total: { count: total.count, amount: Number(total.amount) } };
}

export async function getFinding(db: Db, actor: Actor, id: string) {
  const viewer = await getViewer(db, actor);
  const [row] = await db
    .select()
    .from(findings)
    .where(and(eq(findings.id, id), whereOf(actor, viewer, {})));
  if (!row) throw notFound('考核结果', 'Finding');
  const events = await db
    .select()
    .from(findingEvents)
    .where(and(eq(findingEvents.orgId, actor.orgId), eq(findingEvents.findingId, id)))
    .orderBy(asc(findingEvents.seq));
  return { ...withActions(row, viewer), events };
}

/** The rule codes and periods in use, for the list's filters. */
export async function findFindingFacets(db: Db, actor: Actor) {
  const viewer = await getViewer(db, actor);
  const where = whereOf(actor, viewer, {});
  const rules = await db.selectDistinct({ ruleCode: findings.ruleCode, clause: findings.clause }).from(findings).where(where).orderBy(asc(findings.ruleCode));
  const periods = await db
    .selectDistinct({ period: findings.period })
    .from(findings)
    .where(and(where, ne(findings.period, '')))
    .orderBy(desc(findings.period));
  return { rules, periods: periods.map((p) => p.period).filter((p): p is string => !!p) };
}

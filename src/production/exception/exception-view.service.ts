import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { meetingActions, meetingDecisions, meetings } from '#core/meeting';
import { users } from '#core/org';
import { prodWorkshops } from '../master/index';
import type { ExceptionDetail } from './exception.contract';
import { allowedExceptionActions } from './exception.rules';
import { prodExceptionEvents, prodExceptionWorkshops } from './exception.schema';
import { getExceptionRow, toSummary } from './exception.service';
import { isProductionDept } from './workshop-scope';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** One exception with its impact, its coordination meeting and the whole timeline. */
export async function getException(db: Db, actor: Actor, id: string): Promise<ExceptionDetail> {
  requireAccess(actor, 'production.read');
  const row = await getExceptionRow(db, actor.orgId, id);
  const [workshopRows, affected, events, meeting] = await Promise.all([
    db.select({ id: prodWorkshops.id, name: prodWorkshops.name }).from(prodWorkshops).where(eq(prodWorkshops.orgId, actor.orgId)),
    db
      .select({ workshopId: prodExceptionWorkshops.workshopId })
      .from(prodExceptionWorkshops)
      .where(and(eq(prodExceptionWorkshops.orgId, actor.orgId), eq(prodExceptionWorkshops.exceptionId, id))),
    db
      .select()
      .from(prodExceptionEvents)
      .where(and(eq(prodExceptionEvents.orgId, actor.orgId), eq(prodExceptionEvents.exceptionId, id)))
      .orderBy(asc(prodExceptionEvents.at)),
    row.meetingId
      ? db
          .select()
          .from(meetings)
          .where(and(eq(meetings.orgId, actor.orgId), eq(meetings.id, row.meetingId)))
          .then((r) => r[0])
      : Promise.resolve(undefined),
  ]);
  const [decisions, actions] = meeting
    ? await Promise.all([
        db
          .select()
          .from(meetingDecisions)
          .where(and(eq(meetingDecisions.orgId, actor.orgId), eq(meetingDecisions.meetingId, meeting.id)))
          .orderBy(asc(meetingDecisions.sort)),
        db
          .select()
          .from(meetingActions)
          .where(and(eq(meetingActions.orgId, actor.orgId), eq(meetingActions.meetingId, meeting.id)))
          .orderBy(asc(meetingActions.dueOn), asc(meetingActions.createdAt)),
      ])
    : [[], []];
  const personIds = [
    row.reportedBy,
    row.escalatedBy,
    row.coordinatedBy,
    row.resolvedBy,
    row.closedBy,
    meeting?.chairUserId,
    ...events.map((e) => e.actorId),
    ...actions.map((a) => a.ownerUserId),
  ].filter((x): x is string => !!x);
  const people = new Map(
    (
      await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(and(eq(users.orgId, actor.orgId), inArray(users.id, [...new Set(personIds)])))
    ).map((p) => [p.id, p.name]),
  );
  const name = (uid: string | null | undefined) => (uid ? (people.get(uid) ?? null) : null);
  const workshopName = (wid: string) => workshopRows.find((w) => w.id === wid)?.name ?? '';
  const canManage = hasPermission(actor, 'meeting.manage');
  // The exception's own events; the meeting's decisions and items are shown with the meeting.
  const timeline = events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, actorName: name(e.actorId), note: e.note }));
  return {
    ...toSummary(row, { workshop: workshopName(row.workshopId), reporter: name(row.reportedBy) ?? '' }),
    machineRef: row.machineRef,
    affectedWorkshops: affected.map((a) => ({ id: a.workshopId, name: workshopName(a.workshopId) })),
    impactLines: row.impactLines,
    lostHours: row.judgement.lostHours,
    reasons: row.judgement.reasons,
    escalatedByName: name(row.escalatedBy),
    escalatedAt: iso(row.escalatedAt),
    escalationNote: row.escalationNote,
    coordinatedByName: name(row.coordinatedBy),
    coordinatedAt: iso(row.coordinatedAt),
    resolvedByName: name(row.resolvedBy),
    resolvedAt: iso(row.resolvedAt),
    resolution: row.resolution,
    closedByName: name(row.closedBy),
    closedAt: iso(row.closedAt),
    closeNote: row.closeNote,
    meeting: meeting
      ? {
          id: meeting.id,
          title: meeting.title,
          startsAt: meeting.startsAt.toISOString(),
          location: meeting.location,
          chairName: name(meeting.chairUserId) ?? '',
          state: meeting.state,
          clause: meeting.clause,
          decisions: decisions.map((d) => ({ id: d.id, body: d.body })),
          actions: actions.map((a) => ({
            id: a.id,
            title: a.title,
            ownerUserId: a.ownerUserId,
            ownerName: name(a.ownerUserId) ?? '',
            dueOn: a.dueOn,
            state: a.state,
            completedAt: iso(a.completedAt),
            version: a.version,
            canComplete: a.state === 'open' && (a.ownerUserId === actor.userId || meeting.chairUserId === actor.userId || canManage),
          })),
        }
      : null,
    timeline,
    allowedActions: allowedExceptionActions(
      { state: row.state, isEscalated: row.escalatedAt !== null, actionStates: actions.map((a) => a.state) },
      isProductionDept(actor),
    ),
  };
}

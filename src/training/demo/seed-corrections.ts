import { and, eq, lt } from 'drizzle-orm';
import { warnTeachers } from '../assessment';
import { closeSessionRoster, trainingAttendance } from '../attendance';
import { addDays } from '#core/calendar';
import { overrideLockedRecord, voidSession } from '../correction';
import { createSession, getSessionRow, trainingSessions } from '../session';
import type { SeedContext } from './seed-term';

/**
 * Issue 13 in the demo: a session created with a wrong date that marked everyone absent and
 * was voided by the office; one locked record corrected by the principal with a reason; and
 * the teachers near the absence limit or behind the credit pace warned.
 */
export async function seedCorrections(ctx: SeedContext): Promise<void> {
  const { db, office, principal, now, org } = ctx;
  const wrongDay = addDays(ctx.today, -12);
  const wrong = await createSession(
    db,
    office,
    {
      title: '心理健康教育专题讲座',
      category: 'moralEducation',
      date: wrongDay,
      startTime: '16:30',
      durationMinutes: 90,
      audience: 'all',
      location: '多功能厅',
    },
    now,
  );
  await db.transaction(async (tx) => closeSessionRoster(tx, office, await getSessionRow(tx, org.orgId, wrong.id), now));
  await voidSession(
    db,
    office,
    wrong.id,
    { reason: `日期填错：应为 ${addDays(ctx.today, 18)}，已另建场次`, version: (await getSessionRow(db, org.orgId, wrong.id)).version },
    now,
  );

  // A locked absence that the paper sign-in sheet shows was a presence.
  const locked = await db
    .select({ a: trainingAttendance })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, and(eq(trainingSessions.orgId, trainingAttendance.orgId), eq(trainingSessions.id, trainingAttendance.sessionId)))
    .where(
      and(
        eq(trainingAttendance.orgId, org.orgId),
        eq(trainingAttendance.status, 'absent'),
        eq(trainingSessions.state, 'scheduled'),
        lt(trainingSessions.endsAt, new Date(now.getTime() - 10 * 86_400_000)),
      ),
    );
  const protectedIds = new Set(ctx.teachers.filter((t) => t.username === 'school.t4' || t.username === 'school.t3').map((t) => t.id));
  const pick = locked.find((r) => !protectedIds.has(r.a.teacherId));
  if (pick) {
    await overrideLockedRecord(
      db,
      principal,
      pick.a.sessionId,
      { teacherId: pick.a.teacherId, status: 'on_time', reason: '纸质签到表上有本人签名，当天扫码失败', version: pick.a.version },
      now,
    );
  }
  await warnTeachers(db, org.orgId, ctx.schoolYear, now);
}

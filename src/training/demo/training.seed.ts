import { loadActor } from '#core/auth';
import { localDateOf } from '#core/calendar';
import type { Db } from '#core/db';
import type { DemoOrg } from '#core/http';
import { getPolicy } from '#core/policy';
import { schoolYearOf, termOf } from '../common';
import { seedCorrections } from './seed-corrections';
import { seedRegulationRecords } from './seed-regulation';
import { seedGrowth, seedNotes, seedTermWork } from './seed-development';
import { seedAttendance, seedPlansAndSessions, seedSessionDetails } from './seed-term';
import { seedTeachers } from './seed-teachers';
import { seedPlanChain, seedPoliticalStudy } from './seed-meetings';

/**
 * The demo school: the register, the year's and the term's approved plans, the term
 * generated from the standing schedule, the sign-in lists so far (one teacher with three
 * unexcused absences), leave, credits, notes, mentoring, the four ones, assignments,
 * activities and an open evaluation round; a group's plan, the budget, handbook sign-offs and
 * a record-book inspection. Bulk rows go in batches to keep start-up quick.
 */
export async function seedTrainingSchool(db: Db, org: DemoOrg): Promise<void> {
  const office = org.userIds.get('school.office');
  const principal = org.userIds.get('school.principal');
  if (!office || !principal) return;
  const [officeActor, principalActor] = await Promise.all([loadActor(db, org.orgId, office), loadActor(db, org.orgId, principal)]);
  if (!officeActor || !principalActor) return;
  const policy = await getPolicy(db, org.orgId);
  const today = localDateOf(org.today, policy.calendar.utcOffsetMinutes);
  await seedPlanChain(db, org);
  await seedPoliticalStudy(db, org);
  const teachers = await seedTeachers(db, org);
  const ctx = {
    db,
    org,
    office: officeActor,
    principal: principalActor,
    teachers,
    today,
    schoolYear: schoolYearOf(today),
    term: termOf(today),
    now: org.today,
  };
  const sessions = await seedPlansAndSessions(ctx);
  await seedSessionDetails(ctx, sessions);
  await seedAttendance(ctx, sessions);
  await seedNotes(ctx);
  await seedGrowth(ctx);
  await seedTermWork(ctx);
  await seedCorrections(ctx);
  await seedRegulationRecords(ctx);
}

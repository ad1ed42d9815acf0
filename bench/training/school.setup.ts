import { hashPassword, login } from '#core/auth';
import type { Db } from '#core/db';
import { createOrganisation, userRoles, users } from '#core/org';
import { composeAppRegistry } from '#server';
import { schoolRoles, trainingTeachers } from '#training';

export interface BenchPerson {
  username: string;
  teacherId: string;
  cookie: string;
  csrf: string;
}

export interface BenchSchool {
  orgId: string;
  office: BenchPerson;
  recorder: BenchPerson;
  teachers: BenchPerson[];
}

const PASSWORD = 'bench-pass-2026';

/**
 * A school of `size` teachers, each with an account, a teacher profile and a session from
 * the real login (one argon2 hash shared by every account keeps the set-up quick).
 */
export async function createBenchSchool(db: Db, size: number, now: Date, cookieName: string): Promise<BenchSchool> {
  const code = `bench-${Date.now().toString(36)}`;
  const registry = composeAppRegistry();
  const { org, departments } = await createOrganisation(db, {
    code,
    name: `压测学校 ${code}`,
    kind: 'school',
    template: 'S1',
    roles: schoolRoles(registry.permissions.map((p) => p.code)),
    // A school's modules (training, the League): without them its routes answer 404 (issue 12).
    modules: registry.defaultModules('school'),
    departments: ['语文教研组', '数学教研组', '综合教研组'].map((name) => ({ name, kind: 'teaching_group' as const })),
  });
  const hash = await hashPassword(PASSWORD);
  const people = [
    { username: `${code}.office`, role: 'academic_director' },
    { username: `${code}.recorder`, role: 'recorder' },
    ...Array.from({ length: size }, (_, i) => ({ username: `${code}.t${String(i + 1).padStart(3, '0')}`, role: 'teacher' })),
  ];
  const inserted = await db
    .insert(users)
    .values(people.map((p, i) => ({ orgId: org.id, username: p.username, displayName: `教师${i}`, passwordHash: hash, departmentId: departments[i % 3].id })))
    .returning({ id: users.id, username: users.username });
  await db.insert(userRoles).values(inserted.map((u, i) => ({ orgId: org.id, userId: u.id, roleCode: people[i].role })));
  const teachers = await db
    .insert(trainingTeachers)
    .values(
      inserted
        .slice(1)
        .map((u, i) => ({ orgId: org.id, staffNo: `B${String(i).padStart(4, '0')}`, name: `教师${i}`, userId: u.id, groupId: departments[i % 3].id })),
    )
    .returning({ id: trainingTeachers.id, userId: trainingTeachers.userId });
  const teacherOf = new Map(teachers.map((t) => [t.userId, t.id]));
  const signedIn: BenchPerson[] = [];
  for (const u of inserted) {
    const session = await login(db, { username: u.username, password: PASSWORD }, now);
    signedIn.push({ username: u.username, teacherId: teacherOf.get(u.id) ?? '', cookie: `${cookieName}=${session.token}`, csrf: session.csrfToken });
  }
  return { orgId: org.id, office: signedIn[0], recorder: signedIn[1], teachers: signedIn.slice(2) };
}

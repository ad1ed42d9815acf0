import { randomBytes } from 'node:crypto';
import { type Actor, systemActor } from '#core/access';
import { saveApprovalChain } from '#core/approval';
import type { Registry } from '#core/http';
import { loadActor } from '#core/auth';
import type { Db } from '#core/db';
import { addPerson, createOrganisation, type RoleSeed } from '#core/org';
import { addTeacher } from '../teacher';

// A small school for service and API tests: the S1 roles, three teaching-research groups,
// an office, a principal, a recorder and `teachers` teachers with accounts and profiles.

export interface SchoolTeacher {
  actor: Actor;
  teacherId: string;
  username: string;
}

export interface TestSchool {
  orgId: string;
  system: Actor;
  groups: Map<string, string>;
  office: Actor;
  principal: Actor;
  recorder: Actor;
  teachers: SchoolTeacher[];
}

const OFFICE = [
  'document.read',
  'document.write',
  'approval.act',
  'archive.read',
  'archive.write',
  'excel.import',
  'assessment.read',
  'assessment.manage',
  'training.read',
  'training.teacher.manage',
  'training.school.manage',
  'training.plan.write',
  'training.session.manage',
  'training.attendance.record',
  'training.leave.approve',
  'training.credit.approve',
  'training.assess',
];

/** The S1 roles; the admin holds every permission the app declares. */
export const schoolRoles = (allPermissions: readonly string[]): RoleSeed[] => [
  { code: 'admin', nameZh: '管理员', nameEn: 'Admin', permissions: [...allPermissions] },
  {
    code: 'principal',
    nameZh: '校长',
    nameEn: 'Principal',
    permissions: [
      'document.read',
      'approval.act',
      'assessment.read',
      'assessment.manage',
      'training.read',
      'training.leave.approve',
      'training.credit.approve',
      'training.assess',
    ],
  },
  { code: 'academic_director', nameZh: '教导处主任', nameEn: 'Director', permissions: OFFICE },
  {
    code: 'group_leader',
    nameZh: '教研组长',
    nameEn: 'Group leader',
    permissions: ['training.read', 'training.self', 'training.session.manage', 'training.attendance.record'],
  },
  { code: 'recorder', nameZh: '记录员', nameEn: 'Recorder', permissions: ['training.read', 'training.attendance.record', 'training.self'] },
  { code: 'teacher', nameZh: '教师', nameEn: 'Teacher', permissions: ['document.read', 'archive.read', 'archive.write', 'training.self'] },
];

const GROUPS = ['语文教研组', '数学教研组', '综合教研组'];

export async function newTrainingSchool(db: Db, registry: Registry, options: { teachers?: number; password: string; now?: Date }): Promise<TestSchool> {
  const code = `school-${randomBytes(3).toString('hex')}`;
  const { org, departments } = await createOrganisation(db, {
    code,
    name: `测试学校 ${code}`,
    kind: 'school',
    template: 'S1',
    roles: schoolRoles(registry.permissions.map((p) => p.code)),
    departments: [
      { name: '校本培训领导小组', kind: 'leadership_group' },
      { name: '教导处', kind: 'department' },
      ...GROUPS.map((name) => ({ name, kind: 'teaching_group' as const })),
    ],
    modules: registry.defaultModules('school'),
  });
  const system = systemActor(org.id);
  const groups = new Map(departments.map((d) => [d.name, d.id]));
  const person = async (prefix: string, roles: string[], department: string) => {
    const username = `${prefix}.${code}`;
    const p = await addPerson(db, system, {
      username,
      displayName: `${prefix} ${code.slice(-3)}`,
      password: options.password,
      roles,
      departmentId: groups.get(department),
    });
    return (await loadActor(db, org.id, p.id))!;
  };
  const office = await person('office', ['academic_director'], '教导处');
  const principal = await person('principal', ['principal'], '校本培训领导小组');
  const recorder = await person('recorder', ['recorder'], '教导处');
  const teachers: SchoolTeacher[] = [];
  for (let i = 0; i < (options.teachers ?? 4); i++) {
    const group = GROUPS[i % 2];
    const actor = await person(`t${i}`, ['teacher'], group);
    const t = await addTeacher(db, system, {
      staffNo: `T${String(i + 1).padStart(3, '0')}`,
      name: `教师${i + 1}`,
      userId: actor.userId,
      groupId: groups.get(group),
      subject: i % 2 ? '数学' : '语文',
    });
    teachers.push({ actor, teacherId: t.id, username: actor.username });
  }
  await addTeacher(db, system, { staffNo: 'R001', name: '记录员', userId: recorder.userId, groupId: groups.get('综合教研组') });
  await saveApprovalChain(
    db,
    registry.workflows,
    system,
    'training.plan',
    { steps: [{ key: 'principal', nameZh: '校长审批', nameEn: 'Principal approval', roleCode: 'principal' }], allowSelfApproval: false },
    options.now ?? new Date(),
  );
  return { orgId: org.id, system, groups, office, principal, recorder, teachers };
}

import { eq } from 'drizzle-orm';
import type { Db } from '#core/db';
import { users } from '#core/org';
import type { DemoOrg } from '#core/http';
import { type BackboneLevel, type LeadershipRole, type TeacherStage, trainingTeachers } from '../teacher';

export interface SeedTeacher {
  id: string;
  name: string;
  userId: string | null;
  username: string | null;
  groupId: string | null;
  stage: TeacherStage;
}

/** A small deterministic random source, so the demo looks the same every time. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Profile {
  username: string;
  group: string | null;
  subject: string;
  title: string;
  stage: TeacherStage;
  backbone?: BackboneLevel;
  leadership?: LeadershipRole;
}

// The demo accounts who teach (src/server/demo/demo-orgs.ts), with their place in the register.
const ACCOUNTS: Profile[] = [
  { username: 'school.principal', group: '综合教研组', subject: '语文', title: '高级教师', stage: 'expert', leadership: 'head' },
  { username: 'school.office', group: '语文教研组', subject: '语文', title: '高级教师', stage: 'renowned', backbone: 'city', leadership: 'deputy' },
  { username: 'school.chinese', group: '语文教研组', subject: '语文', title: '一级教师', stage: 'backbone', backbone: 'district', leadership: 'member' },
  { username: 'school.math', group: '数学教研组', subject: '数学', title: '一级教师', stage: 'backbone', backbone: 'district', leadership: 'member' },
  { username: 'school.recorder', group: '综合教研组', subject: '科学', title: '二级教师', stage: 'competent' },
  { username: 'school.t1', group: '语文教研组', subject: '语文', title: '一级教师', stage: 'competent' },
  { username: 'school.t2', group: '语文教研组', subject: '语文', title: '二级教师', stage: 'novice' },
  { username: 'school.t3', group: '数学教研组', subject: '数学', title: '一级教师', stage: 'competent' },
  { username: 'school.t4', group: '数学教研组', subject: '数学', title: '二级教师', stage: 'competent' },
  { username: 'school.t5', group: '综合教研组', subject: '英语', title: '二级教师', stage: 'competent' },
  { username: 'school.league', group: '综合教研组', subject: '道德与法治', title: '一级教师', stage: 'competent' },
];

const SURNAMES = ['王', '李', '张', '刘', '杨', '赵', '周', '吴', '徐', '孙', '胡', '朱', '郭', '马', '郑'];
const GIVEN = ['丽娟', '敏', '静怡', '婷', '志强', '伟', '芳', '建军', '海洋', '晓勇', '艳', '俊杰', '秀英', '红梅', '建华', '雨欣'];
const OTHER_SUBJECTS = ['英语', '音乐', '美术', '体育', '科学', '信息技术'];

/** ST-12: the demo register — the teaching accounts plus thirty generated colleagues across the three groups. */
export async function seedTeachers(db: Db, org: DemoOrg): Promise<SeedTeacher[]> {
  const groups = ['语文教研组', '数学教研组', '综合教研组'];
  const rand = seededRandom(2026);
  const rows: (typeof trainingTeachers.$inferInsert)[] = [];
  let n = 1;
  const staffNo = () => `JS${String(n++).padStart(3, '0')}`;
  const usernames = new Map<string, string>();
  for (const p of ACCOUNTS) {
    const userId = org.userIds.get(p.username);
    if (!userId) continue;
    usernames.set(userId, p.username);
    rows.push({
      orgId: org.orgId,
      staffNo: staffNo(),
      name: '',
      userId,
      groupId: p.group ? (org.departmentIds.get(p.group) ?? null) : null,
      subject: p.subject,
      grades: '三至六年级',
      title: p.title,
      stage: p.stage,
      backboneLevel: p.backbone ?? null,
      leadershipRole: p.leadership ?? null,
    });
  }
  for (let i = 0; i < 30; i++) {
    const group = groups[i % 3];
    const stage: TeacherStage = i % 7 === 0 ? 'novice' : i % 11 === 0 ? 'backbone' : 'competent';
    rows.push({
      orgId: org.orgId,
      staffNo: staffNo(),
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7 + 3) % GIVEN.length]}`,
      groupId: org.departmentIds.get(group) ?? null,
      subject: group === '语文教研组' ? '语文' : group === '数学教研组' ? '数学' : OTHER_SUBJECTS[i % OTHER_SUBJECTS.length],
      grades: `${['一', '二', '三', '四', '五', '六'][i % 6]}年级`,
      title: rand() < 0.4 ? '一级教师' : '二级教师',
      stage,
      backboneLevel: i === 4 ? 'provincial' : i === 11 || i === 22 ? 'district' : null,
      joinedOn: stage === 'novice' ? '2025-09-01' : null,
    });
  }
  // Names of the accounts come from their display names.
  const accounts = await db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.orgId, org.orgId));
  const nameOf = new Map(accounts.map((u) => [u.id, u.name]));
  for (const r of rows) if (r.userId) r.name = nameOf.get(r.userId) ?? '教师';
  const inserted = await db.insert(trainingTeachers).values(rows).returning();
  return inserted.map((t) => ({
    id: t.id,
    name: t.name,
    userId: t.userId,
    username: t.userId ? (usernames.get(t.userId) ?? null) : null,
    groupId: t.groupId,
    stage: t.stage,
  }));
}

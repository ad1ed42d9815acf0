import { boolean, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** S3 4: 初任 → 胜任 → 骨干 → 知名 → 专家 (ST-12). */
export const TEACHER_STAGES = ['novice', 'competent', 'backbone', 'renowned', 'expert'] as const;
export type TeacherStage = (typeof TEACHER_STAGES)[number];

/** S2 二.3: backbone teachers at provincial, city or district level. */
export const BACKBONE_LEVELS = ['provincial', 'city', 'district'] as const;
export type BackboneLevel = (typeof BACKBONE_LEVELS)[number];

/** Place in the 校本培训领导小组 (S1 管理制度 2, S2 六.(一)). */
export const LEADERSHIP_ROLES = ['head', 'deputy', 'member'] as const;
export type LeadershipRole = (typeof LEADERSHIP_ROLES)[number];

type Text = { zh: string; en: string };
export const STAGE_LABELS: Record<TeacherStage, Text> = {
  novice: { zh: '初任', en: 'Novice' },
  competent: { zh: '胜任', en: 'Competent' },
  backbone: { zh: '骨干', en: 'Backbone' },
  renowned: { zh: '知名', en: 'Renowned' },
  expert: { zh: '专家', en: 'Expert' },
};
export const BACKBONE_LABELS: Record<BackboneLevel, Text> = {
  provincial: { zh: '省级骨干', en: 'Provincial' },
  city: { zh: '市级骨干', en: 'City' },
  district: { zh: '区级骨干', en: 'District' },
};
export const LEADERSHIP_LABELS: Record<LeadershipRole, Text> = {
  head: { zh: '组长', en: 'Head' },
  deputy: { zh: '副组长', en: 'Deputy head' },
  member: { zh: '成员', en: 'Member' },
};

export const trainingTeachers = pgTable(
  'training_teachers',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    staffNo: text('staff_no').notNull(),
    name: text('name').notNull(),
    userId: uuid('user_id'),
    groupId: uuid('group_id'),
    subject: text('subject'),
    grades: text('grades'),
    title: text('title'),
    stage: text('stage').$type<TeacherStage>().notNull().default('competent'),
    backboneLevel: text('backbone_level').$type<BackboneLevel>(),
    leadershipRole: text('leadership_role').$type<LeadershipRole>(),
    phone: text('phone'),
    joinedOn: date('joined_on', { mode: 'string' }),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type TeacherRow = typeof trainingTeachers.$inferSelect;

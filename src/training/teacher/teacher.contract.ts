import { z } from 'zod';
import { IsoDay, Version } from '../common';
import { BACKBONE_LEVELS, LEADERSHIP_ROLES, TEACHER_STAGES } from './teacher.schema';

// GET/POST/PATCH /training/teachers (ST-12): what the register answers.

const opt = (max: number) => z.string().trim().max(max).nullish();

/** A teacher as POST /training/teachers and each row of the teacher sheet take them (issue 16). */
export const TeacherBody = z.object({
  staffNo: z.string().trim().min(1).max(32),
  name: z.string().trim().min(1).max(50),
  userId: z.uuid().nullish(),
  groupId: z.uuid().nullish(),
  subject: opt(50),
  grades: opt(100),
  title: opt(50),
  stage: z.enum(TEACHER_STAGES).optional(),
  backboneLevel: z.enum(BACKBONE_LEVELS).nullish(),
  leadershipRole: z.enum(LEADERSHIP_ROLES).nullish(),
  phone: opt(30),
  joinedOn: IsoDay.nullish(),
});
export type TeacherInput = z.infer<typeof TeacherBody>;

/** PATCH /training/teachers/:id: any field, with the row's version. */
export const TeacherChangeBody = TeacherBody.extend({
  staffNo: TeacherBody.shape.staffNo.optional(),
  name: TeacherBody.shape.name.optional(),
  isActive: z.boolean().optional(),
  version: Version,
});
export type TeacherChange = z.infer<typeof TeacherChangeBody>;

export const TeachersQuery = z.object({ groupId: z.uuid().optional(), active: z.enum(['true', 'false']).optional(), q: z.string().max(50).optional() });

/** A teacher as the office (training.read) and the teacher themself see them. */
export const TeacherViewSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  staffNo: z.string(),
  name: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  subject: z.string().nullable(),
  grades: z.string().nullable(),
  title: z.string().nullable(),
  stage: z.enum(TEACHER_STAGES),
  backboneLevel: z.enum(BACKBONE_LEVELS).nullable(),
  leadershipRole: z.enum(LEADERSHIP_ROLES).nullable(),
  phone: z.string().nullable(),
  joinedOn: z.string().nullable(),
  isActive: z.boolean(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** What a colleague may know of a teacher: the name and the group, no phone, no login name. */
export const TeacherEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  isActive: z.boolean(),
});
export type TeacherEntry = z.infer<typeof TeacherEntrySchema>;

/** The register row itself (GET /training/teachers/me): no joined names. */
export const TeacherRowSchema = TeacherViewSchema.omit({ username: true, groupName: true });

// Full first: a union takes its first branch that fits, and an entry fits a full view too.
export const TeacherAnswerSchema = z.union([TeacherViewSchema, TeacherEntrySchema]);
export const TeacherListSchema = z.union([z.array(TeacherViewSchema), z.array(TeacherEntrySchema)]);
export type TeacherViewData = z.infer<typeof TeacherViewSchema>;

import { z } from 'zod';
import { hoursValue } from '#core/validation';
import { IsoDay } from '../common';
import { BACKBONE_LEVELS, TEACHER_STAGES } from '../teacher';

// Backbone teachers (ST-12, T5): the school's share and the 100-hour track.

export const BackboneHoursSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  teacherId: z.string(),
  kind: z.enum(['theory', 'practice']),
  hours: z.number(),
  occurredOn: z.string(),
  title: z.string(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});

export const BackboneShareSchema = z.object({
  active: z.number(),
  backbone: z.number(),
  byLevel: z.object({ provincial: z.number(), city: z.number(), district: z.number() }),
  share: z.number(),
  target: z.number(),
  /** More backbone teachers needed to reach the target share (0 when reached). */
  needed: z.number(),
  isMet: z.boolean(),
});

export const TrackProgressSchema = z.object({
  theory: z.number(),
  practice: z.number(),
  total: z.number(),
  theoryRequired: z.number(),
  practiceRequired: z.number(),
  totalRequired: z.number(),
  isMet: z.boolean(),
});

export const BackboneOverviewSchema = z.object({
  share: BackboneShareSchema,
  tracks: z.array(
    z.object({
      teacherId: z.string(),
      name: z.string(),
      groupName: z.string().nullable(),
      stage: z.enum(TEACHER_STAGES),
      backboneLevel: z.enum(BACKBONE_LEVELS).nullable(),
      progress: TrackProgressSchema,
    }),
  ),
});

export type BackboneOverview = z.infer<typeof BackboneOverviewSchema>;
export type BackboneHoursData = z.infer<typeof BackboneHoursSchema>;

// Requests.

export const BackboneHoursBody = z.object({
  teacherId: z.uuid(),
  kind: z.enum(['theory', 'practice']),
  hours: hoursValue({ max: 200 }),
  occurredOn: IsoDay,
  title: z.string().max(200),
  note: z.string().max(1000).nullish(),
});

export type BackboneHoursInput = z.infer<typeof BackboneHoursBody>;

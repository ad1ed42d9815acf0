import { z } from 'zod';
import { CREDIT_CATEGORIES } from '#core/policy';
import { IsoDay, Version, Words } from '../common';

// Sessions (ST-2 … ST-4): what the session routes answer. The QR secret is never part of it.

export const CreditPartSchema = z.object({ category: z.enum(CREDIT_CATEGORIES), minutes: z.number() });

export const SessionViewSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  planId: z.string().nullable(),
  generationKey: z.string().nullable(),
  slotCode: z.string().nullable(),
  title: z.string(),
  topic: z.string().nullable(),
  category: z.enum(CREDIT_CATEGORIES),
  creditParts: z.array(CreditPartSchema),
  trainerTeacherId: z.string().nullable(),
  trainerName: z.string().nullable(),
  recorderTeacherId: z.string().nullable(),
  location: z.string().nullable(),
  sessionDate: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  audience: z.enum(['all', 'group']),
  groupId: z.string().nullable(),
  isCentralised: z.boolean(),
  outline: z.string().nullable(),
  outlineAt: z.date().nullable(),
  minutes: z.string().nullable(),
  minutesAt: z.date().nullable(),
  state: z.enum(['scheduled', 'cancelled', 'void']),
  cancelReason: z.string().nullable(),
  voidReason: z.string().nullable(),
  voidedAt: z.date().nullable(),
  voidedBy: z.string().nullable(),
  rosterClosedAt: z.date().nullable(),
  createdBy: z.string().nullable(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  trainerDisplay: z.string().nullable(),
  recorderName: z.string().nullable(),
  groupName: z.string().nullable(),
  durationMinutes: z.number(),
  outlineStatus: z.enum(['written', 'late', 'due', 'missing']),
  phase: z.enum(['upcoming', 'open', 'ended', 'cancelled']),
  isLocked: z.boolean(),
  /** Start and end as the school's clocks show them (HH:mm). */
  localStart: z.string(),
  localEnd: z.string(),
});

export const GenerationResultSchema = z.object({
  created: z.number(),
  existing: z.number(),
  skipped: z.array(z.object({ date: z.string(), slotCode: z.string(), reason: Words })),
  problems: z.array(Words),
  from: z.string(),
  to: z.string(),
});

export type SessionViewData = z.infer<typeof SessionViewSchema>;
export type GenerationResultData = z.infer<typeof GenerationResultSchema>;

// Requests: what the routes accept.

const Parts = z.array(z.object({ category: z.enum(CREDIT_CATEGORIES), minutes: z.number().int().min(1).max(600) })).max(7);
const opt = (max: number) => z.string().trim().max(max).nullish();

export const SessionsQuery = z.object({
  from: IsoDay.optional(),
  to: IsoDay.optional(),
  planId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  includeCancelled: z.enum(['true', 'false']).optional(),
});

export const NewSessionBody = z.object({
  title: z.string().trim().min(1).max(200),
  topic: opt(500),
  category: z.enum(CREDIT_CATEGORIES),
  creditParts: Parts.optional(),
  trainerTeacherId: z.uuid().nullish(),
  trainerName: opt(100),
  recorderTeacherId: z.uuid().nullish(),
  location: opt(100),
  date: IsoDay,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm'),
  durationMinutes: z.number().int().min(5).max(600),
  audience: z.enum(['all', 'group']),
  groupId: z.uuid().nullish(),
  isCentralised: z.boolean().optional(),
  planId: z.uuid().nullish(),
});

export const SessionChangeBody = z.object({
  version: Version,
  title: z.string().trim().min(1).max(200).optional(),
  topic: opt(500),
  category: z.enum(CREDIT_CATEGORIES).optional(),
  creditParts: Parts.optional(),
  trainerTeacherId: z.uuid().nullish(),
  trainerName: opt(100),
  recorderTeacherId: z.uuid().nullish(),
  location: opt(100),
  isCentralised: z.boolean().optional(),
});

export const OutlineBody = z.object({ outline: z.string().max(20000), version: Version });

export const MinutesBody = z.object({ minutes: z.string().max(20000), version: Version });

export const CancelSessionBody = z.object({ reason: z.string().max(500), version: Version });

export const GenerateSessionsBody = z.object({ from: IsoDay.optional() });

export type SessionInput = z.infer<typeof NewSessionBody>;
export type SessionChange = z.infer<typeof SessionChangeBody>;

import { z } from 'zod';
import { isSchoolYear } from '#core/calendar';
import { wordsSchema } from '#core/validation';
import { HOUR_BANDS } from '#training';
import { LINK_STATES } from './district.schema';

// What the district routes take and answer (issue 12): links, the roll-up of accepted schools.
// The services return these shapes; the web imports the types.

const Text = wordsSchema;
export const SchoolYear = z.string().refine(isSchoolYear, 'YYYY-YYYY, e.g. 2026-2027');
export const Bands = z.object(Object.fromEntries(HOUR_BANDS.map((b) => [b, z.number().int()])) as Record<(typeof HOUR_BANDS)[number], z.ZodNumber>);

export const LinkView = z.object({
  id: z.uuid(),
  districtOrgId: z.uuid(),
  districtName: z.string(),
  schoolOrgId: z.uuid(),
  schoolName: z.string(),
  schoolCode: z.string(),
  state: z.enum(LINK_STATES),
  requestedByName: z.string(),
  requestedAt: z.date(),
  decidedByName: z.string().nullable(),
  decidedAt: z.date().nullable(),
  endedByName: z.string().nullable(),
  endedBySide: z.enum(['district', 'school']).nullable(),
  endedAt: z.date().nullable(),
  version: z.number().int(),
});

export const Cycle = z.object({
  cycleYears: z.number(),
  cycleHours: z.number(),
  yearlyMinHours: z.number(),
  cycleStartYear: z.number(),
  years: z.array(z.string()),
});

export const SchoolSummary = z.object({
  schoolOrgId: z.uuid(),
  schoolName: z.string(),
  teachers: z.number().int(),
  averageHours: z.number(),
  qualified: z.number().int(),
  unqualified: z.number().int(),
  qualifiedShare: z.number(),
  behind: z.number().int(),
  bands: Bands,
  bySubject: z.array(z.object({ subject: z.string(), teachers: z.number().int(), bands: Bands })),
});

export const TeacherLine = z.object({
  schoolOrgId: z.uuid(),
  schoolName: z.string(),
  teacherId: z.uuid(),
  name: z.string(),
  staffNo: z.string(),
  subject: z.string(),
  groupName: z.string().nullable(),
  hours: z.number(),
  credits: z.number(),
  requiredCredits: z.number(),
  band: z.enum(HOUR_BANDS),
  verdict: z.enum(['qualified', 'unqualified']),
  verdictSource: z.enum(['confirmed', 'computed', 'live']),
  reasons: z.array(Text),
  cycleHours: z.number(),
  cycleRequired: z.number(),
  expectedByNow: z.number(),
  isBehind: z.boolean(),
  behindReasons: z.array(z.enum(['year', 'cycle'])),
});

export const RollupQuery = z.object({ schoolYear: SchoolYear.optional(), schoolOrgId: z.uuid().optional() });
export const Version = z.object({ version: z.number().int().min(1) });

export type LinkView = z.infer<typeof LinkView>;
export type Cycle = z.infer<typeof Cycle>;
export type SchoolSummary = z.infer<typeof SchoolSummary>;
export type TeacherLine = z.infer<typeof TeacherLine>;
export type DistrictOverview = { schoolYear: string; cycle: Cycle; schools: SchoolSummary[] };

export const LinkRequestBody = z.object({ schoolCode: z.string().trim().min(1).max(64) });

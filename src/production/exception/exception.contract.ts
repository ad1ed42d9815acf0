import { z } from 'zod';
import { MonthSchema } from '#core/validation';

// Production exceptions (PP-19): the requests the API takes and the answers it gives. The
// web reads these types (type-only, through #production); times travel as ISO strings.

export const EXCEPTION_KINDS = ['material', 'equipment', 'outage', 'quality', 'process', 'other'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
export const EXCEPTION_STATES = ['reported', 'coordinating', 'resolved', 'closed'] as const;
export type ExceptionState = (typeof EXCEPTION_STATES)[number];
export const EXCEPTION_ACTIONS = ['callMeeting', 'escalate', 'resolve', 'close'] as const;
export type ExceptionAction = (typeof EXCEPTION_ACTIONS)[number];

const Text = z.object({ zh: z.string(), en: z.string() });
const Instant = z.string().describe('ISO 8601 time');
const Version = z.number().int().positive();
const Note = z.string().max(2000);

export const ExceptionIdParams = z.object({ id: z.uuid() });
export const ExceptionActionParams = z.object({ id: z.uuid(), actionId: z.uuid() });

export const ReportExceptionBody = z.object({
  kind: z.enum(EXCEPTION_KINDS),
  workshopId: z.uuid(),
  description: Note,
  machineRef: z.string().max(100).optional(),
  startedAt: z.iso.datetime({ offset: true }),
  affectedWorkshopIds: z.array(z.uuid()).max(50).default([]),
  /** Lines of the current monthly or weekly plan the exception puts at risk. */
  lines: z
    .array(z.object({ planId: z.uuid(), itemId: z.uuid() }))
    .max(100)
    .default([]),
  hoursLost: z.number().min(0).max(10_000).default(0),
  /** The hours expected to be lost in all, so far included. */
  hoursEstimated: z.number().min(0).max(10_000).default(0),
});
export type ReportExceptionInput = z.input<typeof ReportExceptionBody>;

export const ExceptionQuery = z.object({
  state: z.enum(EXCEPTION_STATES).optional(),
  kind: z.enum(EXCEPTION_KINDS).optional(),
  workshopId: z.uuid().optional(),
  month: MonthSchema.optional(),
});
export type ExceptionFilter = z.infer<typeof ExceptionQuery>;

export const CallMeetingBody = z.object({
  version: Version,
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(10).max(600).default(60),
  location: z.string().max(200).nullish(),
  /** Default: the reporter and the directors of the reporting and the affected workshops. */
  attendeeUserIds: z.array(z.uuid()).max(200).optional(),
  agenda: z.string().max(4000).optional(),
});
export type CallMeetingInput = z.input<typeof CallMeetingBody>;

export const EscalateBody = z.object({ version: Version, note: Note });
export const ResolveBody = z.object({ version: Version, resolution: Note });
export const CloseBody = z.object({ version: Version, note: Note });
export const CompleteActionBody = z.object({ version: Version });

export const ImpactLineView = z.object({
  planId: z.uuid(),
  itemId: z.uuid(),
  planKind: z.string(),
  planTitle: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  /** The line's last planned day from the exception's start; null when nothing is left to make. */
  dueOn: z.string().nullable(),
  /** Spare hours of the reporting workshop up to that day; lost hours above them make the line late. */
  slackHours: z.number(),
  isLate: z.boolean(),
});
export type ImpactLineView = z.infer<typeof ImpactLineView>;

export const ExceptionSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(EXCEPTION_KINDS),
  workshopId: z.uuid(),
  workshopName: z.string(),
  description: z.string(),
  startedAt: Instant,
  startedOn: z.string(),
  hoursLost: z.number(),
  hoursEstimated: z.number(),
  state: z.enum(EXCEPTION_STATES),
  needsCoordination: z.boolean(),
  affectsOtherWorkshops: z.boolean(),
  affectsSchedule: z.boolean(),
  isEscalated: z.boolean(),
  reportedByName: z.string(),
  reportedAt: Instant,
  meetingId: z.uuid().nullable(),
  version: z.number().int(),
});
export type ExceptionSummary = z.infer<typeof ExceptionSummary>;
export const ExceptionList = z.array(ExceptionSummary);

const Person = z.object({ id: z.uuid(), name: z.string() });
const MeetingAction = z.object({
  id: z.uuid(),
  title: z.string(),
  ownerUserId: z.uuid(),
  ownerName: z.string(),
  dueOn: z.string(),
  state: z.enum(['open', 'done', 'cancelled']),
  completedAt: Instant.nullable(),
  version: z.number().int(),
  canComplete: z.boolean(),
});

export const ExceptionDetail = ExceptionSummary.extend({
  machineRef: z.string(),
  affectedWorkshops: z.array(Person),
  impactLines: z.array(ImpactLineView),
  lostHours: z.number(),
  reasons: z.array(Text),
  escalatedByName: z.string().nullable(),
  escalatedAt: Instant.nullable(),
  escalationNote: z.string().nullable(),
  coordinatedByName: z.string().nullable(),
  coordinatedAt: Instant.nullable(),
  resolvedByName: z.string().nullable(),
  resolvedAt: Instant.nullable(),
  resolution: z.string().nullable(),
  closedByName: z.string().nullable(),
  closedAt: Instant.nullable(),
  closeNote: z.string().nullable(),
  meeting: z
    .object({
      id: z.uuid(),
      title: z.string(),
      startsAt: Instant,
      location: z.string().nullable(),
      chairName: z.string(),
      state: z.enum(['planned', 'held', 'cancelled']),
      clause: z.string().nullable(),
      decisions: z.array(z.object({ id: z.uuid(), body: z.string() })),
      actions: z.array(MeetingAction),
    })
    .nullable(),
  timeline: z.array(z.object({ at: Instant, kind: z.string(), actorName: z.string().nullable(), note: z.string() })),
  /** What the viewer may do now; the page shows exactly these buttons. */
  allowedActions: z.array(z.enum(EXCEPTION_ACTIONS)),
});
export type ExceptionDetail = z.infer<typeof ExceptionDetail>;

/** What the report screen offers: workshops and the lines of the plans in force. */
export const ExceptionOptions = z.object({
  today: z.string(),
  myWorkshopId: z.uuid().nullable(),
  workshops: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  plans: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      title: z.string(),
      workshopId: z.uuid().nullable(),
      lines: z.array(z.object({ itemId: z.uuid(), code: z.string(), name: z.string(), unit: z.string() })),
    }),
  ),
});
export type ExceptionOptions = z.infer<typeof ExceptionOptions>;

/** The meeting the production department is about to call, prefilled. */
export const MeetingDraft = z.object({
  chair: Person.nullable(),
  chairRole: z.string(),
  attendees: z.array(Person),
  people: z.array(Person),
  title: z.string(),
  agenda: z.string(),
});
export type MeetingDraft = z.infer<typeof MeetingDraft>;

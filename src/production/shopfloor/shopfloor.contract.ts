import { z } from 'zod';

// Shop floor (现场管理, PP-20): the daily safety checklist, rectifications, patrol inspections
// and operation records — requests and answers. Times travel as ISO strings.

export const RECTIFICATION_STATES = ['open', 'escalated', 'done'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
export type RectificationSource = 'safety' | 'patrol';
export const OPERATION_KINDS = ['self', 'mutual', 'operation'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

const Instant = z.string().describe('ISO 8601 time');
const Version = z.number().int().positive();
const Person = z.object({ id: z.uuid(), name: z.string() });

export { IdParams } from '#core/validation';
export const WorkshopQuery = z.object({ workshopId: z.uuid().optional() });

export interface CheckResult {
  itemId: string;
  text: string;
  ok: boolean;
  note: string;
}

export const SafetyItemView = z.object({
  id: z.uuid(),
  workshopId: z.uuid().nullable(),
  text: z.string(),
  sort: z.number().int(),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type SafetyItemView = z.infer<typeof SafetyItemView>;
export const SafetyItemList = z.array(SafetyItemView);
export const SafetyItemBody = z.object({ workshopId: z.uuid().nullish(), text: z.string().max(200), sort: z.number().int().min(0).max(10_000).default(0) });
export type SafetyItemInput = z.input<typeof SafetyItemBody>;
export const SafetyItemUpdateBody = SafetyItemBody.extend({ version: Version, isActive: z.boolean().default(true) });
export type SafetyItemUpdate = z.input<typeof SafetyItemUpdateBody>;

export const ChecklistBody = z.object({
  workshopId: z.uuid(),
  results: z
    .array(
      z.object({
        itemId: z.uuid(),
        ok: z.boolean(),
        note: z.string().max(500).default(''),
        /** Who fixes a problem (default: the person checking) and by when (default: the next day). */
        ownerUserId: z.uuid().nullish(),
        dueOn: z.iso.date().nullish(),
        /** 本车间无法整改: goes to the production department at once (T4 第四十一条). */
        cannotFix: z.boolean().default(false),
      }),
    )
    .min(1)
    .max(100),
});
export type ChecklistInput = z.input<typeof ChecklistBody>;

export const SafetyCheckView = z.object({
  id: z.uuid(),
  workshopId: z.uuid(),
  workshopName: z.string(),
  checkedOn: z.string(),
  checkedByName: z.string(),
  checkedAt: Instant,
  problemCount: z.number().int(),
  results: z.array(z.object({ itemId: z.uuid(), text: z.string(), ok: z.boolean(), note: z.string() })),
});
export type SafetyCheckView = z.infer<typeof SafetyCheckView>;

/** The phone screen of the daily checklist. */
export const ChecklistForm = z.object({
  today: z.string(),
  workshop: Person,
  items: z.array(z.object({ id: z.uuid(), text: z.string() })),
  mine: SafetyCheckView.nullable(),
  people: z.array(Person),
});
export type ChecklistForm = z.infer<typeof ChecklistForm>;

export const DueList = z.object({
  today: z.string(),
  workshops: z.array(z.object({ workshopId: z.uuid(), name: z.string(), isWorkingDay: z.boolean(), checkedBy: z.array(z.string()), isDue: z.boolean() })),
});
export type DueList = z.infer<typeof DueList>;

export const RectificationView = z.object({
  id: z.uuid(),
  number: z.string(),
  source: z.enum(['safety', 'patrol']),
  workshopId: z.uuid(),
  workshopName: z.string(),
  itemText: z.string(),
  problem: z.string(),
  ownerUserId: z.uuid(),
  ownerName: z.string(),
  dueOn: z.string(),
  state: z.enum(RECTIFICATION_STATES),
  isOverdue: z.boolean(),
  escalatedByName: z.string().nullable(),
  escalatedAt: Instant.nullable(),
  escalationNote: z.string().nullable(),
  closedByName: z.string().nullable(),
  closedAt: Instant.nullable(),
  closeNote: z.string().nullable(),
  createdByName: z.string(),
  createdAt: Instant,
  version: z.number().int(),
  canClose: z.boolean(),
  canEscalate: z.boolean(),
});
export type RectificationView = z.infer<typeof RectificationView>;
export const RectificationList = z.array(RectificationView);
export const RectificationQuery = z.object({ workshopId: z.uuid().optional(), state: z.enum([...RECTIFICATION_STATES, 'active']).optional() });
export type RectificationFilter = z.infer<typeof RectificationQuery>;
export const RectificationStepBody = z.object({ version: Version, note: z.string().max(2000) });

export const PatrolBody = z.object({
  workshopId: z.uuid(),
  inspectedAt: z.iso.datetime({ offset: true }).optional(),
  note: z.string().max(2000).default(''),
  findings: z
    .array(z.object({ problem: z.string().max(1000), ownerUserId: z.uuid(), dueOn: z.iso.date() }))
    .max(50)
    .default([]),
});
export type PatrolInput = z.input<typeof PatrolBody>;
export const PatrolView = z.object({
  id: z.uuid(),
  workshopId: z.uuid(),
  workshopName: z.string(),
  inspectedAt: Instant,
  inspectedOn: z.string(),
  inspectorName: z.string(),
  note: z.string(),
  findingCount: z.number().int(),
  findings: z.array(RectificationView),
});
export type PatrolView = z.infer<typeof PatrolView>;

export const OperationRecordBody = z.object({
  workshopId: z.uuid(),
  shift: z.number().int().min(1).max(3),
  step: z.string().max(100),
  kind: z.enum(OPERATION_KINDS),
  result: z.enum(['ok', 'problem']),
  note: z.string().max(1000).default(''),
  checkedUserId: z.uuid().nullish(),
});
export type OperationRecordInput = z.input<typeof OperationRecordBody>;
export const OperationRecordView = z.object({
  id: z.uuid(),
  workshopId: z.uuid(),
  recordedOn: z.string(),
  shift: z.number().int(),
  step: z.string(),
  kind: z.enum(OPERATION_KINDS),
  result: z.enum(['ok', 'problem']),
  note: z.string(),
  checkedUserName: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: Instant,
});
export type OperationRecordView = z.infer<typeof OperationRecordView>;

/** 现场管理: one workshop's day, and every workshop at a glance for the production department. */
export const FloorOverview = z.object({
  today: z.string(),
  canSeeAll: z.boolean(),
  workshops: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      isWorkingDay: z.boolean(),
      checkedToday: z.boolean(),
      active: z.number().int(),
      escalated: z.number().int(),
      overdue: z.number().int(),
      lastPatrolOn: z.string().nullable(),
    }),
  ),
  workshop: Person.nullable(),
  checks: z.array(SafetyCheckView),
  rectifications: z.array(RectificationView),
  patrols: z.array(PatrolView),
  records: z.array(OperationRecordView),
  /** Process steps of the specifications in force, offered when recording. */
  steps: z.array(z.string()),
  people: z.array(Person),
});
export type FloorOverview = z.infer<typeof FloorOverview>;

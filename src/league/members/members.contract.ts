import { z } from 'zod';

// The member register (YL-1): branches, members and preparatory members, registration, transfer out.

export const BranchSchema = z.object({ orgId: z.string(), id: z.string(), name: z.string(), grade: z.number(), version: z.number() });
export type Branch = z.infer<typeof BranchSchema>;

const MemberStatus = z.enum(['preparatory', 'member', 'transferred_out']);

export const MemberRowSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  branchId: z.string(),
  studentNo: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  status: MemberStatus,
  preparatorySince: z.string().nullable(),
  joinedOn: z.string().nullable(),
  transferredOutOn: z.string().nullable(),
  transferTo: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  createdAt: z.date(),
});

export const MemberViewSchema = MemberRowSchema.extend({ branchName: z.string(), grade: z.number(), isRegistered: z.boolean() });
export type MemberViewData = z.infer<typeof MemberViewSchema>;

/** The secretary's to-do: members not yet registered this term, and graduating members to transfer out. */
export const MemberTasksSchema = z.object({
  termCode: z.string(),
  total: z.number(),
  preparatory: z.number(),
  unregistered: z.array(MemberViewSchema),
  transferOutDue: z.array(MemberViewSchema),
});
export type MemberTasks = z.infer<typeof MemberTasksSchema>;

export const RegistrationResultSchema = z.object({ registered: z.number() });

// Requests (issue 16 item 2): the routes declare these, the services take their z.infer types.
const Day = z.iso.date();
const TermCode = z.string().regex(/^\d{4}-\d{4}-[12]$/, 'YYYY-YYYY-T');

export const NewBranchBody = z.object({ name: z.string().max(50), grade: z.number().int().min(1).max(12) });

export const MemberListQuery = z.object({
  branchId: z.uuid().optional(),
  status: z.enum(['preparatory', 'member', 'transferred_out']).optional(),
  termCode: TermCode.optional(),
});

export const NewMemberBody = z.object({
  branchId: z.uuid(),
  studentNo: z.string().trim().min(1).max(30),
  name: z.string().trim().min(1).max(50),
  gender: z.enum(['male', 'female']).nullish(),
  status: z.enum(['preparatory', 'member']),
  preparatorySince: Day.nullish(),
  joinedOn: Day.nullish(),
  note: z.string().max(500).nullish(),
});
export type MemberInput = z.infer<typeof NewMemberBody>;

export const PromoteBody = z.object({ joinedOn: Day, version: z.number().int() });

export const TransferOutBody = z.object({ transferredOutOn: Day, transferTo: z.string().max(100), version: z.number().int() });

export const RegistrationBody = z.object({ memberIds: z.array(z.uuid()).max(2000), termCode: TermCode.optional() });

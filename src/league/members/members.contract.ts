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

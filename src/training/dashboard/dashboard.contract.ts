import { z } from 'zod';
import { AttendanceViewSchema } from '../attendance';
import { StandingSchema } from '../assessment';
import { BackboneShareSchema } from '../backbone';
import { Words } from '../common';
import { LeaveViewSchema } from '../leave';
import { AssignmentViewSchema, FourOnesProgressSchema } from '../practice';
import { SessionViewSchema } from '../session';
import { TeacherRowSchema } from '../teacher';

// The office's dashboard (教导处) and the teacher's phone home page.

export const OfficeDashboardSchema = z.object({
  schoolYear: z.string(),
  teachers: z.number(),
  sessionsHeld: z.number(),
  attendanceByGroupWeek: z.array(
    z.object({ group: z.string(), weekStart: z.string(), present: z.number(), countable: z.number(), rate: z.number().nullable() }),
  ),
  creditDistribution: z.array(z.object({ from: z.number(), to: z.number().nullable(), teachers: z.number() })),
  requiredCredits: z.number(),
  atRisk: z.array(
    z.object({
      teacherId: z.string(),
      name: z.string(),
      groupName: z.string().nullable(),
      credits: z.number(),
      absences: z.array(z.object({ sessionId: z.string(), title: z.string(), date: z.string() })),
      risks: z.array(Words),
    }),
  ),
  outlines: z.object({ missing: z.number(), dueThisWeek: z.number(), withoutTrainer: z.number(), withoutRecorder: z.number() }),
  pendingLeave: z.number(),
  pendingClaims: z.number(),
  backbone: BackboneShareSchema,
});

const MySessionSchema = SessionViewSchema.extend({ myRecord: AttendanceViewSchema.nullable() });

export const MyHomeSchema = z.object({
  teacher: TeacherRowSchema,
  today: z.string(),
  schoolYear: z.string(),
  todaySessions: z.array(MySessionSchema),
  weekSessions: z.array(MySessionSchema),
  credits: z.object({ total: z.number(), required: z.number(), progress: z.number(), isMet: z.boolean(), hours: z.number() }),
  /** Absences against the limit and projected credits, before any verdict (issue 13 item 4). */
  standing: StandingSchema.nullable(),
  leave: z.array(LeaveViewSchema),
  tasks: z.object({
    assignments: z.array(AssignmentViewSchema),
    selfStudyThisWeek: z.object({
      articleExcerpts: z.number(),
      informationExcerpts: z.number(),
      required: z.object({ journals: z.number(), articleExcerpts: z.number(), informationExcerpts: z.number() }),
      isMet: z.boolean(),
    }),
    outlinesToWrite: z.array(MySessionSchema),
    sessionsToRecord: z.array(MySessionSchema),
    fourOnes: FourOnesProgressSchema.nullable(),
    evaluations: z.array(z.object({ roundId: z.string(), title: z.string(), closesOn: z.string() })),
  }),
});

export type OfficeDashboard = z.infer<typeof OfficeDashboardSchema>;
export type MyHome = z.infer<typeof MyHomeSchema>;

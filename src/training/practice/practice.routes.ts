import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { IdParams, IsoDay, SchoolYear, schoolYearOrCurrent, TermNo, TermQuery, Version } from '../common';
import { addActivity, findActivities } from './activity.service';
import { createAssignment, findAssignments, findSubmissions, reviewSubmission, submitAssignment } from './assignment.service';
import { addFourOne, findFourOnes, findFourOnesProgress } from './four-ones.service';
import {
  ActivityListSchema,
  ActivitySchema,
  AssignmentSchema,
  AssignmentViewSchema,
  FourOneSchema,
  FourOnesProgressListSchema,
  SubmissionListSchema,
  SubmissionSchema,
} from './practice.contract';
import { ACTIVITY_KINDS, ASSIGNMENT_KINDS, FOUR_ONES_ITEMS } from './practice.schema';

const YearQuery = z.object({ schoolYear: SchoolYear.optional() });

export const practiceRoutes: RouteModule = (app, ctx) => {
  const yearOf = (orgId: string, asked?: string) => schoolYearOrCurrent(ctx.db, orgId, ctx.clock(), asked);

  app.get(
    '/training/four-ones',
    {
      schema: { tags: ['training'], summary: '“四个一”进度 Four ones progress (ST-14)', querystring: YearQuery, response: { 200: FourOnesProgressListSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      return findFourOnesProgress(ctx.db, actor, await yearOf(actor.orgId, req.query.schoolYear));
    },
  );

  app.get(
    '/training/four-ones/items',
    {
      schema: {
        tags: ['training'],
        summary: '“四个一”记录 Four ones entries',
        querystring: YearQuery.extend({ teacherId: z.uuid().optional() }),
        response: { 200: z.array(FourOneSchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return findFourOnes(ctx.db, actor, { teacherId: req.query.teacherId, schoolYear: await yearOf(actor.orgId, req.query.schoolYear) });
    },
  );

  app.post(
    '/training/four-ones',
    {
      config: { permission: 'training.self' },
      schema: {
        tags: ['training'],
        summary: '登记“四个一” Record one of the four ones',
        body: z.object({ item: z.enum(FOUR_ONES_ITEMS), title: z.string().max(200), completedOn: IsoDay, note: z.string().max(2000).nullish() }),
        response: { 201: FourOneSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addFourOne(ctx.db, actorOf(req), req.body, ctx.clock())),
  );

  app.get(
    '/training/assignments',
    {
      schema: {
        tags: ['training'],
        summary: '培训作业 Assignments (ST-15)',
        querystring: YearQuery.extend({ term: TermQuery.optional() }),
        response: { 200: z.array(AssignmentViewSchema) },
      },
    },
    async (req) => findAssignments(ctx.db, actorOf(req), req.query, ctx.clock()),
  );

  app.post(
    '/training/assignments',
    {
      config: { permission: 'training.session.manage' },
      schema: {
        tags: ['training'],
        summary: '布置作业 Set an assignment',
        body: z.object({
          schoolYear: SchoolYear,
          term: TermNo,
          kind: z.enum(ASSIGNMENT_KINDS),
          title: z.string().max(200),
          description: z.string().max(5000).optional(),
          dueOn: IsoDay,
          groupId: z.uuid().nullish(),
          sessionId: z.uuid().nullish(),
        }),
        response: { 201: AssignmentSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createAssignment(ctx.db, actorOf(req), req.body, ctx.clock())),
  );

  app.get(
    '/training/assignments/:id/submissions',
    {
      config: { permission: 'training.read' },
      schema: { tags: ['training'], summary: '提交情况 Who handed in', params: IdParams, response: { 200: SubmissionListSchema } },
    },
    async (req) => findSubmissions(ctx.db, actorOf(req), req.params.id, ctx.clock()),
  );

  app.post(
    '/training/assignments/:id/submit',
    {
      config: { permission: 'training.self' },
      schema: {
        tags: ['training'],
        summary: '提交作业 Hand in',
        params: IdParams,
        body: z.object({ content: z.string().max(50000), attachmentIds: z.array(z.uuid()).max(10).optional() }),
        response: { 201: SubmissionSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await submitAssignment(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock())),
  );

  app.post(
    '/training/submissions/:id/review',
    {
      config: { permission: 'training.session.manage' },
      schema: {
        tags: ['training'],
        summary: '审阅 Accept or return',
        params: IdParams,
        body: z.object({ isAccepted: z.boolean(), comment: z.string().max(2000).nullish(), version: Version }),
        response: { 200: SubmissionSchema },
      },
    },
    async (req) => reviewSubmission(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.get(
    '/training/activities',
    {
      schema: {
        tags: ['training'],
        summary: '学期活动 Semester activities (ST-16)',
        querystring: z.object({ schoolYear: SchoolYear, term: TermQuery }),
        response: { 200: ActivityListSchema },
      },
    },
    async (req) => findActivities(ctx.db, actorOf(req), req.query),
  );

  app.post(
    '/training/activities',
    {
      config: { permission: 'training.session.manage' },
      schema: {
        tags: ['training'],
        summary: '登记活动 Record an activity',
        body: z.object({
          kind: z.enum(ACTIVITY_KINDS),
          title: z.string().max(200),
          heldOn: IsoDay,
          groupId: z.uuid().nullish(),
          sessionId: z.uuid().nullish(),
          description: z.string().max(5000).optional(),
          outcome: z.string().max(5000).nullish(),
        }),
        response: { 201: ActivitySchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addActivity(ctx.db, actorOf(req), req.body, ctx.clock())),
  );
};

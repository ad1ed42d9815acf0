import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { IdParams, schoolYearOrCurrent, YearFilterQuery } from '../common';
import { addActivity, findActivities } from './activity.service';
import { createAssignment, findAssignments, findSubmissions, reviewSubmission, submitAssignment } from './assignment.service';
import { addFourOne, findFourOnes, findFourOnesProgress } from './four-ones.service';
import {
  ActivitiesQuery,
  ActivityListSchema,
  ActivitySchema,
  AssignmentSchema,
  AssignmentViewSchema,
  FourOneSchema,
  FourOnesProgressListSchema,
  NewActivityBody,
  NewAssignmentBody,
  NewFourOneBody,
  SubmissionBody,
  SubmissionListSchema,
  SubmissionReviewBody,
  SubmissionSchema,
  AssignmentsQuery,
  FourOnesQuery,
} from './practice.contract';

export const practiceRoutes: RouteModule = (app, ctx) => {
  const yearOf = (orgId: string, asked?: string) => schoolYearOrCurrent(ctx.db, orgId, ctx.clock(), asked);

  app.get(
    '/training/four-ones',
    {
      schema: {
        tags: ['training'],
        summary: '“四个一”进度 Four ones progress (ST-14)',
        querystring: YearFilterQuery,
        response: { 200: FourOnesProgressListSchema },
      },
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
        querystring: FourOnesQuery,
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
        body: NewFourOneBody,
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
        querystring: AssignmentsQuery,
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
        body: NewAssignmentBody,
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
        body: SubmissionBody,
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
        body: SubmissionReviewBody,
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
        querystring: ActivitiesQuery,
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
        body: NewActivityBody,
        response: { 201: ActivitySchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addActivity(ctx.db, actorOf(req), req.body, ctx.clock())),
  );
};

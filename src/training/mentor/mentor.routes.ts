import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { IdParams, YearFilterQuery } from '../common';
import { CloseMentorPairBody, MentorPairViewSchema, MentorRecordSchema, NewMentorPairBody, NewMentorRecordBody } from './mentor.contract';
import { addMentorRecord, closeMentorPair, createMentorPair, findMentorPairs, findMentorRecords } from './mentor.service';

export const mentorRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/mentors',
    {
      schema: {
        tags: ['training'],
        summary: '师徒结对 Mentor pairs (ST-13)',
        querystring: YearFilterQuery,
        response: { 200: z.array(MentorPairViewSchema) },
      },
    },
    async (req) => findMentorPairs(ctx.db, actorOf(req), req.query),
  );

  app.post(
    '/training/mentors',
    {
      config: { permission: 'training.plan.write' },
      schema: {
        tags: ['training'],
        summary: '结对 Pair a mentor and a new teacher',
        body: NewMentorPairBody,
        response: { 201: MentorPairViewSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createMentorPair(ctx.db, actorOf(req), req.body, ctx.clock())),
  );

  app.get(
    '/training/mentors/:id/records',
    { schema: { tags: ['training'], summary: '结对记录 Records of a pair', params: IdParams, response: { 200: z.array(MentorRecordSchema) } } },
    async (req) => findMentorRecords(ctx.db, actorOf(req), req.params.id),
  );

  app.post(
    '/training/mentors/:id/records',
    {
      schema: {
        tags: ['training'],
        summary: '记录指导、听课 Record guidance',
        params: IdParams,
        body: NewMentorRecordBody,
        response: { 201: MentorRecordSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addMentorRecord(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock())),
  );

  app.post(
    '/training/mentors/:id/close',
    {
      config: { permission: 'training.plan.write' },
      schema: {
        tags: ['training'],
        summary: '结束结对并考核 Close with a review',
        params: IdParams,
        body: CloseMentorPairBody,
        response: { 200: MentorPairViewSchema },
      },
    },
    async (req) => closeMentorPair(ctx.db, actorOf(req), req.params.id, req.body),
  );
};

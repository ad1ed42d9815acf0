import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { IdParams, IsoDay, Version } from '../common';
import { getMyTeacher } from '../teacher';
import { SelfStudySchema, StudyNoteListSchema, StudyNoteSchema } from './study.contract';
import { NOTE_KINDS } from './study.schema';
import { addNote, findNotes, getSelfStudy, updateNote } from './study.service';

export const studyRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/notes',
    {
      schema: {
        tags: ['training'],
        summary: '学习笔记、记录册与自学摘录 Study notes (ST-5)',
        querystring: z.object({
          teacherId: z.uuid().optional(),
          kind: z.enum(NOTE_KINDS).optional(),
          from: IsoDay.optional(),
          to: IsoDay.optional(),
          sessionId: z.uuid().optional(),
        }),
        response: { 200: StudyNoteListSchema },
      },
    },
    async (req) => findNotes(ctx.db, actorOf(req), req.query),
  );

  app.post(
    '/training/notes',
    {
      config: { permission: 'training.self' },
      schema: {
        tags: ['training'],
        summary: '写笔记或摘录 Add a note (ST-5)',
        body: z.object({
          kind: z.enum(NOTE_KINDS),
          title: z.string().max(200),
          source: z.string().max(100).nullish(),
          content: z.string().max(20000),
          date: IsoDay.nullish(),
          sessionId: z.uuid().nullish(),
        }),
        response: { 201: StudyNoteSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addNote(ctx.db, actorOf(req), req.body, ctx.clock())),
  );

  app.patch(
    '/training/notes/:id',
    {
      config: { permission: 'training.self' },
      schema: {
        tags: ['training'],
        summary: '修改笔记 Edit a note',
        params: IdParams,
        body: z.object({
          title: z.string().max(200).optional(),
          source: z.string().max(100).nullish(),
          content: z.string().max(20000).optional(),
          version: Version,
        }),
        response: { 200: StudyNoteSchema },
      },
    },
    async (req) => updateNote(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.get(
    '/training/self-study/me',
    {
      config: { permission: 'training.self' },
      schema: { tags: ['training'], summary: '我的每周自学 My weekly self-study (ST-5)', response: { 200: SelfStudySchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      const me = await getMyTeacher(ctx.db, actor);
      return getSelfStudy(ctx.db, actor, me.id, ctx.clock());
    },
  );

  app.get(
    '/training/self-study/teachers/:id',
    { schema: { tags: ['training'], summary: '某教师的每周自学 A teacher’s self-study', params: IdParams, response: { 200: SelfStudySchema } } },
    async (req) => getSelfStudy(ctx.db, actorOf(req), req.params.id, ctx.clock()),
  );
};

import { actorOf, type RouteModule } from '#core/http';
import { IdParams } from '../common';
import { getMyTeacher } from '../teacher';
import { NewNoteBody, NoteChangeBody, SelfStudySchema, StudyNoteListSchema, StudyNoteSchema, StudyNotesQuery } from './study.contract';
import { addNote, findNotes, getSelfStudy, updateNote } from './study.service';

export const studyRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/notes',
    {
      schema: {
        tags: ['training'],
        summary: '学习笔记、记录册与自学摘录 Study notes (ST-5)',
        querystring: StudyNotesQuery,
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
        body: NewNoteBody,
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
        body: NoteChangeBody,
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

import { actorOf, type RouteModule } from '#core/http';
import { IdParams } from '../common';
import { TeacherAnswerSchema, TeacherBody, TeacherChangeBody, TeacherListSchema, TeacherRowSchema, TeachersQuery, TeacherViewSchema } from './teacher.contract';
import { readTeacher, readTeacherRegister } from './teacher-register';
import { addTeacher, getMyTeacher, updateTeacher } from './teacher.service';

export const teacherRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/teachers',
    {
      schema: {
        tags: ['training'],
        summary: '教师名单 Teacher register (ST-12)',
        querystring: TeachersQuery,
        response: { 200: TeacherListSchema },
      },
    },
    async (req) =>
      readTeacherRegister(ctx.db, actorOf(req), {
        groupId: req.query.groupId,
        q: req.query.q,
        isActive: req.query.active === undefined ? undefined : req.query.active === 'true',
      }),
  );

  app.get(
    '/training/teachers/me',
    { config: { permission: 'training.self' }, schema: { tags: ['training'], summary: '我的教师档案 My profile', response: { 200: TeacherRowSchema } } },
    async (req) => getMyTeacher(ctx.db, actorOf(req)),
  );

  app.get(
    '/training/teachers/:id',
    { schema: { tags: ['training'], summary: '教师 Teacher', params: IdParams, response: { 200: TeacherAnswerSchema } } },
    async (req) => readTeacher(ctx.db, actorOf(req), req.params.id),
  );

  app.post(
    '/training/teachers',
    {
      config: { permission: 'training.teacher.manage' },
      schema: { tags: ['training'], summary: '新增教师 Add a teacher', body: TeacherBody, response: { 201: TeacherViewSchema } },
    },
    async (req, reply) => reply.code(201).send(await addTeacher(ctx.db, actorOf(req), req.body)),
  );

  app.patch(
    '/training/teachers/:id',
    {
      config: { permission: 'training.teacher.manage' },
      schema: {
        tags: ['training'],
        summary: '修改教师 Change a teacher',
        params: IdParams,
        body: TeacherChangeBody,
        response: { 200: TeacherViewSchema },
      },
    },
    async (req) => updateTeacher(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
};

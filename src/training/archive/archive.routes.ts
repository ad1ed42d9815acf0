import { requestLocale, XLSX_MIME } from '#core/excel';
import { actorOf, type RouteModule, sendFile } from '#core/http';
import { getPolicy } from '#core/policy';
import { IdParams, schoolYearOrCurrent, YearFilterQuery } from '../common';
import { SchoolArchiveSchema, TeacherArchiveSchema } from './archive.contract';
import { exportSchoolArchive, exportTeacherArchive } from './archive.export';
import { getSchoolArchive } from './school-archive.service';
import { getTeacherArchive } from './teacher-archive.service';

export const archiveRoutes: RouteModule = (app, ctx) => {
  const yearOf = (orgId: string, asked?: string) => schoolYearOrCurrent(ctx.db, orgId, ctx.clock(), asked);

  app.get(
    '/training/archive/teachers/:id',
    {
      schema: {
        tags: ['training'],
        summary: '教师发展档案 Teacher development archive (ST-8)',
        params: IdParams,
        querystring: YearFilterQuery,
        response: { 200: TeacherArchiveSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return getTeacherArchive(ctx.db, actor, req.params.id, await yearOf(actor.orgId, req.query.schoolYear), ctx.clock());
    },
  );

  app.get(
    '/training/archive/teachers/:id/export',
    { schema: { tags: ['training'], summary: '导出教师档案 Export (Excel)', params: IdParams, querystring: YearFilterQuery } },
    async (req, reply) => {
      const actor = actorOf(req);
      const archive = await getTeacherArchive(ctx.db, actor, req.params.id, await yearOf(actor.orgId, req.query.schoolYear), ctx.clock());
      const offset = (await getPolicy(ctx.db, actor.orgId)).calendar.utcOffsetMinutes;
      return sendFile(
        reply,
        `教师发展档案-${archive.teacher.name}-${archive.schoolYear}.xlsx`,
        XLSX_MIME,
        await exportTeacherArchive(archive, requestLocale(req), offset),
      );
    },
  );

  app.get(
    '/training/archive/school',
    {
      config: { permission: 'training.read' },
      schema: {
        tags: ['training'],
        summary: '学校培训档案 School training archive (ST-8)',
        querystring: YearFilterQuery,
        response: { 200: SchoolArchiveSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return getSchoolArchive(ctx.db, actor, await yearOf(actor.orgId, req.query.schoolYear), ctx.clock());
    },
  );

  app.get(
    '/training/archive/school/export',
    { config: { permission: 'training.read' }, schema: { tags: ['training'], summary: '导出学校培训档案 Export (Excel)', querystring: YearFilterQuery } },
    async (req, reply) => {
      const actor = actorOf(req);
      const archive = await getSchoolArchive(ctx.db, actor, await yearOf(actor.orgId, req.query.schoolYear), ctx.clock());
      return sendFile(reply, `学校校本培训档案-${archive.schoolYear}.xlsx`, XLSX_MIME, await exportSchoolArchive(archive, requestLocale(req)));
    },
  );
};

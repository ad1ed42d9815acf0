import { actorOf, type RouteModule } from '#core/http';
import {
  CreateProcessDocBody,
  ProcessActionBody,
  ProcessDocDetail,
  ProcessDocList,
  ProcessDocParams,
  ProcessDocQuery,
  UpdateProcessDocBody,
} from './process-doc.contract';
import { actOnProcessDoc, createProcessDoc, findProcessDocs, getProcessDoc, updateProcessDraft } from './process-doc.service';

const tags = ['production process documents'];

/** PP-20: process specifications and site standards; approving goes through /documents/:id/approve. */
export const processDocRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/process-docs',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '工艺文件 Process documents (T4 第四十二、四十三条)', querystring: ProcessDocQuery, response: { 200: ProcessDocList } },
    },
    async (req) => findProcessDocs(ctx.db, actorOf(req), req.query),
  );
  app.post(
    '/production/process-docs',
    {
      config: { permission: 'production.process.write' },
      schema: { tags, summary: '起草工艺文件 Draft a process document', body: CreateProcessDocBody, response: { 201: ProcessDocDetail } },
    },
    async (req, reply) => reply.code(201).send(await createProcessDoc(ctx.db, ctx.registry.workflows, actorOf(req), req.body, ctx.clock())),
  );
  app.get(
    '/production/process-docs/:id',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '工艺文件 Process document: in force, being revised, the diff', params: ProcessDocParams, response: { 200: ProcessDocDetail } },
    },
    async (req) => getProcessDoc(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id),
  );
  app.put(
    '/production/process-docs/:id',
    {
      config: { permission: 'production.process.write' },
      schema: { tags, summary: '修改草稿 Edit the draft', params: ProcessDocParams, body: UpdateProcessDocBody, response: { 200: ProcessDocDetail } },
    },
    async (req) => updateProcessDraft(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
  for (const action of ['submit', 'adjust'] as const) {
    app.post(
      `/production/process-docs/:id/${action}`,
      {
        config: { permission: 'production.process.write' },
        schema: {
          tags,
          summary: action === 'submit' ? '提交审批 Submit' : '修订（新版本须重新审批）Revise: a new revision to approve',
          params: ProcessDocParams,
          body: ProcessActionBody,
          response: { 200: ProcessDocDetail },
        },
      },
      async (req) => actOnProcessDoc(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, action, req.body, ctx.clock()),
    );
  }
};

import { z } from 'zod';
import { actorOf, type RouteModule } from '../http';
import { acknowledgeDocument, findDistribution, issueDocument } from './distribution.service';
import { actOnDocument } from './document-transition.service';
import { ACTION_PERMISSION } from './document.query';
import { createDocument, findDocuments, getDocument, updateDocument } from './document.service';
import { diffDocumentRevisions, findRevisions, getRevision } from './revision.service';
import { IdParams } from '../validation';
import {
  DistributionViewSchema,
  DocumentActionBody,
  DocumentChangeBody,
  DocumentListQuery,
  DocumentSummarySchema,
  DocumentViewSchema,
  IssueBody,
  NewDocumentBody,
  RevisionDiffQuery,
  RevisionDiffSchema,
  RevisionViewSchema,
} from './approval.contract';

const SIMPLE_ACTIONS = ['submit', 'approve', 'reject', 'withdraw', 'revise', 'close', 'adjust'] as const;

export const documentRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/documents',
    {
      config: { permission: 'document.read' },
      schema: {
        tags: ['approval'],
        summary: '文件列表 Documents',
        querystring: DocumentListQuery,
        response: { 200: z.array(DocumentSummarySchema) },
      },
    },
    async (req) => findDocuments(ctx.db, ctx.registry.workflows, actorOf(req), { ...req.query, mine: req.query.mine === 'true' }),
  );

  app.post(
    '/documents',
    {
      config: { permission: 'document.write' },
      schema: {
        tags: ['approval'],
        summary: '起草文件 Draft a document',
        body: NewDocumentBody,
        response: { 201: DocumentViewSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createDocument(ctx.db, ctx.registry.workflows, actorOf(req), req.body, ctx.clock())),
  );

  app.get(
    '/documents/:id',
    {
      config: { permission: 'document.read' },
      schema: { tags: ['approval'], summary: '文件 Document', params: IdParams, response: { 200: DocumentViewSchema } },
    },
    async (req) => getDocument(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id),
  );

  app.patch(
    '/documents/:id',
    {
      config: { permission: 'document.write' },
      schema: {
        tags: ['approval'],
        summary: '修改草稿 Edit a draft',
        params: IdParams,
        body: DocumentChangeBody,
        response: { 200: DocumentViewSchema },
      },
    },
    async (req) => updateDocument(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  for (const action of SIMPLE_ACTIONS) {
    app.post(
      `/documents/:id/${action}`,
      {
        config: { permission: ACTION_PERMISSION[action] },
        schema: { tags: ['approval'], summary: `${action} (CORE-3/4)`, params: IdParams, body: DocumentActionBody, response: { 200: DocumentViewSchema } },
      },
      async (req) => actOnDocument(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, action, req.body, ctx.clock()),
    );
  }

  app.post(
    '/documents/:id/issue',
    {
      config: { permission: 'document.write' },
      schema: {
        tags: ['approval'],
        summary: '发放 Issue to departments (CORE-5)',
        params: IdParams,
        body: IssueBody,
        response: { 200: DocumentViewSchema },
      },
    },
    async (req) => issueDocument(ctx.db, ctx.registry.workflows, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.post(
    '/documents/:id/acknowledge',
    {
      config: { permission: 'document.read' },
      schema: { tags: ['approval'], summary: '签收 Acknowledge receipt (CORE-5)', params: IdParams, response: { 200: DistributionViewSchema } },
    },
    async (req) => acknowledgeDocument(ctx.db, actorOf(req), req.params.id, ctx.clock()),
  );

  app.get(
    '/documents/:id/distribution',
    {
      config: { permission: 'document.read' },
      schema: { tags: ['approval'], summary: '发放与签收情况 Distribution status', params: IdParams, response: { 200: DistributionViewSchema } },
    },
    async (req) => findDistribution(ctx.db, actorOf(req), req.params.id),
  );

  app.get(
    '/documents/:id/revisions',
    {
      config: { permission: 'document.read' },
      schema: { tags: ['approval'], summary: '历史版本 Revisions (CORE-4)', params: IdParams, response: { 200: z.array(RevisionViewSchema) } },
    },
    async (req) => findRevisions(ctx.db, actorOf(req), req.params.id),
  );

  app.get(
    '/documents/:id/revisions/:revision',
    {
      config: { permission: 'document.read' },
      schema: {
        tags: ['approval'],
        summary: '某一版本 One revision',
        params: IdParams.extend({ revision: z.coerce.number().int().positive() }),
        response: { 200: RevisionViewSchema },
      },
    },
    async (req) => getRevision(ctx.db, actorOf(req), req.params.id, req.params.revision),
  );

  app.get(
    '/documents/:id/diff',
    {
      config: { permission: 'document.read' },
      schema: {
        tags: ['approval'],
        summary: '版本差异 Diff of two revisions',
        params: IdParams,
        querystring: RevisionDiffQuery,
        response: { 200: RevisionDiffSchema },
      },
    },
    async (req) => diffDocumentRevisions(ctx.db, actorOf(req), req.params.id, req.query.from, req.query.to),
  );
};

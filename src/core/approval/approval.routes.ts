import { z } from 'zod';
import { actorOf, type RouteModule } from '../http';
import { scopedRegistryOf } from '../org';
import { wordsSchema } from '../validation';
import { findApprovalChains, saveApprovalChain } from './approval-chain.service';
import { documentRoutes } from './document.routes';
import { findInbox } from './inbox.service';
import { ChainParams, ChainSaveBody, ChainViewSchema, DocumentTypeInfoSchema } from './approval.contract';

const Words = wordsSchema;
/** One thing waiting for the person; `tag` is the kind in words, what the inbox shows. */
const InboxItemSchema = z.object({
  kind: z.string(),
  tag: Words,
  id: z.string(),
  title: Words,
  link: z.string(),
  since: z.string(),
  due: z.string().optional(),
});

export const approvalRoutes: RouteModule = async (app, ctx) => {
  await documentRoutes(app, ctx);

  app.get('/inbox', { schema: { tags: ['approval'], summary: '我的待办 My inbox', response: { 200: z.array(InboxItemSchema) } } }, async (req) =>
    findInbox(ctx.db, ctx.registry.workflows, actorOf(req)),
  );

  // Issue 12: only the document types of the organisation's modules (a school lists no production plans).
  app.get(
    '/document-types',
    {
      config: { permission: 'document.read' },
      schema: { tags: ['approval'], summary: '文件类型 Document types', response: { 200: z.array(DocumentTypeInfoSchema) } },
    },
    async (req) =>
      (await scopedRegistryOf(ctx.db, ctx.registry, actorOf(req).orgId)).documentTypes.map((t) => ({
        docType: t.docType,
        label: t.label,
        numberPrefix: t.numberPrefix,
        isGenericEditable: t.isGenericEditable ?? false,
      })),
  );

  app.get(
    '/approval-chains',
    {
      config: { permission: 'document.read' },
      schema: { tags: ['approval'], summary: '审批流程 Approval chains', response: { 200: z.array(ChainViewSchema) } },
    },
    async (req) => {
      const scope = await scopedRegistryOf(ctx.db, ctx.registry, actorOf(req).orgId);
      return (await findApprovalChains(ctx.db, ctx.registry.workflows, actorOf(req))).filter((c) => scope.isDocumentTypeOn(c.docType));
    },
  );

  app.put(
    '/approval-chains/:docType',
    {
      config: { permission: 'admin.policy' },
      schema: {
        tags: ['approval'],
        summary: '修改审批流程 Edit an approval chain (CORE-3)',
        params: ChainParams,
        body: ChainSaveBody,
        response: { 200: ChainViewSchema },
      },
    },
    async (req) => saveApprovalChain(ctx.db, ctx.registry.workflows, actorOf(req), req.params.docType, req.body, ctx.clock()),
  );
};

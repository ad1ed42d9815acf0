import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { localDateOf, schoolYearOf, termOf } from '#core/calendar';
import { getPolicy } from '#core/policy';
import {
  BranchSchema,
  MemberListQuery,
  MemberRowSchema,
  MemberTasksSchema,
  MemberViewSchema,
  NewBranchBody,
  NewMemberBody,
  PromoteBody,
  RegistrationBody,
  RegistrationResultSchema,
  TransferOutBody,
} from './members.contract';
import { termCodeOf } from './members.rules';
import { addBranch, addMember, findBranches, findMembers, getMemberTasks, promoteMember, registerMembers, transferOutMember } from './members.service';
import { IdParams } from '#core/validation';

export const memberRoutes: RouteModule = (app, ctx) => {
  // The term follows the school's own day (policy time zone), not the server's.
  const currentTermCode = async (orgId: string) => {
    const policy = await getPolicy(ctx.db, orgId);
    const today = localDateOf(ctx.clock(), policy.calendar.utcOffsetMinutes);
    return { today, termCode: termCodeOf(schoolYearOf(today), termOf(today)) };
  };

  app.get(
    '/league/branches',
    { config: { permission: 'league.read' }, schema: { tags: ['league'], summary: '团支部 Branches', response: { 200: z.array(BranchSchema) } } },
    async (req) => findBranches(ctx.db, actorOf(req)),
  );

  app.post(
    '/league/branches',
    {
      config: { permission: 'league.manage' },
      schema: {
        tags: ['league'],
        summary: '新增团支部 Add a branch',
        body: NewBranchBody,
        response: { 201: BranchSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addBranch(ctx.db, actorOf(req), req.body)),
  );

  app.get(
    '/league/members',
    {
      config: { permission: 'league.read' },
      schema: {
        tags: ['league'],
        summary: '团员名册 Member register (YL-1)',
        querystring: MemberListQuery,
        response: { 200: z.array(MemberViewSchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return findMembers(ctx.db, actor, { ...req.query, termCode: req.query.termCode ?? (await currentTermCode(actor.orgId)).termCode });
    },
  );

  app.get(
    '/league/members/tasks',
    {
      config: { permission: 'league.read' },
      schema: { tags: ['league'], summary: '注册与转出待办 Registration and transfer-out to do', response: { 200: MemberTasksSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      const { today, termCode } = await currentTermCode(actor.orgId);
      return { termCode, ...(await getMemberTasks(ctx.db, actor, termCode, today)) };
    },
  );

  app.post(
    '/league/members',
    {
      config: { permission: 'league.manage' },
      schema: {
        tags: ['league'],
        summary: '登记团员或预备团员 Add a member',
        body: NewMemberBody,
        response: { 201: MemberRowSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addMember(ctx.db, actorOf(req), req.body)),
  );

  app.post(
    '/league/members/:id/promote',
    {
      config: { permission: 'league.manage' },
      schema: {
        tags: ['league'],
        summary: '预备团员转正 Become a member',
        params: IdParams,
        body: PromoteBody,
        response: { 200: MemberRowSchema },
      },
    },
    async (req) => promoteMember(ctx.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/league/members/:id/transfer-out',
    {
      config: { permission: 'league.manage' },
      schema: {
        tags: ['league'],
        summary: '团籍转出 Transfer out',
        params: IdParams,
        body: TransferOutBody,
        response: { 200: MemberRowSchema },
      },
    },
    async (req) => transferOutMember(ctx.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/league/registrations',
    {
      config: { permission: 'league.manage' },
      schema: {
        tags: ['league'],
        summary: '团员注册 Register members for the term',
        body: RegistrationBody,
        response: { 200: RegistrationResultSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { today, termCode } = await currentTermCode(actor.orgId);
      return {
        registered: await registerMembers(ctx.db, actor, { memberIds: req.body.memberIds, termCode: req.body.termCode ?? termCode, registeredOn: today }),
      };
    },
  );
};

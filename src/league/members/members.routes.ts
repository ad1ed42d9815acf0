import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { localDateOf, schoolYearOf, termOf } from '#core/calendar';
import { getPolicy } from '#core/policy';
import { BranchSchema, MemberRowSchema, MemberTasksSchema, MemberViewSchema, RegistrationResultSchema } from './members.contract';
import { termCodeOf } from './members.rules';
import { addBranch, addMember, findBranches, findMembers, getMemberTasks, promoteMember, registerMembers, transferOutMember } from './members.service';
import { IdParams } from '#core/validation';

const Day = z.iso.date();
const TermCode = z.string().regex(/^\d{4}-\d{4}-[12]$/, 'YYYY-YYYY-T');

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
        body: z.object({ name: z.string().max(50), grade: z.number().int().min(1).max(12) }),
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
        querystring: z.object({
          branchId: z.uuid().optional(),
          status: z.enum(['preparatory', 'member', 'transferred_out']).optional(),
          termCode: TermCode.optional(),
        }),
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
        body: z.object({
          branchId: z.uuid(),
          studentNo: z.string().trim().min(1).max(30),
          name: z.string().trim().min(1).max(50),
          gender: z.enum(['male', 'female']).nullish(),
          status: z.enum(['preparatory', 'member']),
          preparatorySince: Day.nullish(),
          joinedOn: Day.nullish(),
          note: z.string().max(500).nullish(),
        }),
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
        body: z.object({ joinedOn: Day, version: z.number().int() }),
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
        body: z.object({ transferredOutOn: Day, transferTo: z.string().max(100), version: z.number().int() }),
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
        body: z.object({ memberIds: z.array(z.uuid()).max(2000), termCode: TermCode.optional() }),
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

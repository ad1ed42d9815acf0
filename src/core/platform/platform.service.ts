import { and, count, eq, gte, inArray, isNull, sql, sum } from 'drizzle-orm';
import { type Actor, requireAccess, systemActor } from '../access';
import { attachments } from '../archive';
import { auditLog, writeAudit } from '../audit';
import { sessions } from '../auth';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { Registry } from '../http';
import { addPerson, createOrganisation, findOrganisationByCode, getOrganisation, organisations, orgModules, users } from '../org';
import { assertStrongPassword } from '../password';
import type { NewOrganisationBody, OrganisationSummary, TemplateOption } from './platform.contract';
import { assertCanDisable, isValidUsername, OPERATOR_ROLE, orgStateOf, PLATFORM_ORG_CODE } from './platform.rules';

/** What the server gives the platform module: the templates and how an organisation is made from one. */
export interface PlatformDeps {
  templates: readonly TemplateOption[];
  createOrganisation: (
    db: Db,
    registry: Registry,
    input: { name: string; template: string; code?: string; admin: { username: string; password: string } },
  ) => Promise<{
    id: string;
    code: string;
    name: string;
    kind: 'enterprise' | 'school' | 'district' | 'platform';
    template: string;
    modules: string[];
    admin: { username: string };
  }>;
}

const invalid = (field: string, zh: string, en: string) => new AppError('VALIDATION_FAILED', zh, en, [{ field, reason: en }]);

/** The platform organisation, made with its operator role when it is missing (first start, CLI). */
export async function ensurePlatformOrganisation(db: Db, registry: Registry): Promise<{ id: string; isNew: boolean }> {
  const present = await findOrganisationByCode(db, PLATFORM_ORG_CODE);
  if (present) return { id: present.id, isNew: false };
  return db.transaction(async (tx) => {
    const { org } = await createOrganisation(tx, {
      code: PLATFORM_ORG_CODE,
      name: '平台运营',
      kind: 'platform',
      template: PLATFORM_ORG_CODE,
      roles: [{ code: OPERATOR_ROLE, nameZh: '平台运营员', nameEn: 'Platform operator', permissions: ['platform.orgs'] }],
      departments: [],
      modules: registry.defaultModules('platform'),
    });
    await writeAudit(tx, systemActor(org.id), { action: 'platform.init', entity: 'organisation', entityId: org.id, after: { code: PLATFORM_ORG_CODE } });
    return { id: org.id, isNew: true };
  });
}

/** `zhidu operator add` and the demo seeder: one operator account in the platform organisation. */
export async function addOperator(db: Db, registry: Registry, input: { username: string; password: string; displayName?: string }) {
  const platform = await ensurePlatformOrganisation(db, registry);
  const person = await addPerson(db, systemActor(platform.id), {
    username: input.username,
    displayName: input.displayName ?? input.username,
    password: input.password,
    roles: [OPERATOR_ROLE],
  });
  return { platformCreated: platform.isNew, platformOrgId: platform.id, operator: { id: person.id, username: person.username } };
}

/** Every platform route checks twice: the permission, and that the actor is one of the platform's people. */
export async function assertOperator(db: Db, actor: Actor): Promise<void> {
  requireAccess(actor, 'platform.orgs');
  const org = await getOrganisation(db, actor.orgId);
  if (org?.kind !== 'platform') throw new AppError('NOT_FOUND', '接口不存在', 'No such endpoint');
}

/** Name, kind, modules, state and size of organisations; nothing of their records. */
export async function findOrganisationSummaries(db: Db, registry: Registry, now: Date, onlyId?: string): Promise<OrganisationSummary[]> {
  const orgs = await db
    .select()
    .from(organisations)
    .where(onlyId ? eq(organisations.id, onlyId) : undefined)
    .orderBy(organisations.createdAt, organisations.code);
  if (!orgs.length) return [];
  const ids = orgs.map((o) => o.id);
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [people, files, audit, modules] = await Promise.all([
    db
      .select({ orgId: users.orgId, people: count(), active: sql<number>`count(*) filter (where ${users.isActive})`.mapWith(Number) })
      .from(users)
      .where(inArray(users.orgId, ids))
      .groupBy(users.orgId),
    db
      .select({ orgId: attachments.orgId, files: count(), bytes: sum(attachments.sizeBytes).mapWith(Number) })
      .from(attachments)
      .where(and(inArray(attachments.orgId, ids), isNull(attachments.deletedAt)))
      .groupBy(attachments.orgId),
    db
      .select({ orgId: auditLog.orgId, entries: count() })
      .from(auditLog)
      .where(and(inArray(auditLog.orgId, ids), gte(auditLog.at, since)))
      .groupBy(auditLog.orgId),
    db.select().from(orgModules).where(inArray(orgModules.orgId, ids)),
  ]);
  const byOrg = <T extends { orgId: string }>(rows: T[]) => new Map(rows.map((r) => [r.orgId, r]));
  const peopleOf = byOrg(people);
  const filesOf = byOrg(files);
  const auditOf = byOrg(audit);
  return orgs.map((o) => ({
    id: o.id,
    code: o.code,
    name: o.name,
    kind: o.kind,
    template: o.template,
    modules: registry.modules
      .filter((m) => !m.isCore && modules.some((r) => r.orgId === o.id && r.module === m.name))
      .map((m) => ({ name: m.name, label: m.label })),
    createdAt: o.createdAt.toISOString(),
    state: orgStateOf(o),
    disabledAt: o.disabledAt?.toISOString() ?? null,
    disabledReason: o.disabledReason,
    isPlatform: o.kind === 'platform',
    size: {
      people: peopleOf.get(o.id)?.people ?? 0,
      activePeople: peopleOf.get(o.id)?.active ?? 0,
      files: filesOf.get(o.id)?.files ?? 0,
      fileBytes: filesOf.get(o.id)?.bytes ?? 0,
      auditEntries30d: auditOf.get(o.id)?.entries ?? 0,
    },
  }));
}

/** The operator creates an organisation from a template; the entry is in the platform's audit log. */
export async function createOrganisationAsOperator(db: Db, registry: Registry, deps: PlatformDeps, actor: Actor, body: NewOrganisationBody) {
  await assertOperator(db, actor);
  if (!deps.templates.some((t) => t.code === body.template)) throw invalid('template', `没有模板 ${body.template}`, `Unknown template ${body.template}`);
  if (body.code && (await findOrganisationByCode(db, body.code))) throw invalid('code', `代码 ${body.code} 已被使用`, `Code ${body.code} is taken`);
  const username = body.adminUsername.trim();
  if (!isValidUsername(username)) throw invalid('adminUsername', '用户名只能包含字母、数字、点、横线和下划线（2–64 位）', 'letters, digits, . _ - only (2–64)');
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (taken) throw invalid('adminUsername', `用户名 ${username} 已被使用`, `Username ${username} is taken`);
  assertStrongPassword(body.adminPassword, 'adminPassword', username);
  return db.transaction(async (tx) => {
    const made = await deps.createOrganisation(tx, registry, {
      name: body.name.trim(),
      template: body.template,
      code: body.code,
      admin: { username, password: body.adminPassword },
    });
    await writeAudit(tx, actor, {
      action: 'platform.org.create',
      entity: 'organisation',
      entityId: made.id,
      after: { name: made.name, code: made.code, template: made.template, modules: made.modules, admin: made.admin.username },
    });
    return made;
  });
}

async function getOtherOrganisation(db: Db, id: string) {
  const org = await getOrganisation(db, id);
  if (!org) throw new AppError('NOT_FOUND', '组织不存在', 'No such organisation');
  return org;
}

/** Its people cannot sign in and their sessions end; the scheduler skips it. */
export async function disableOrganisation(db: Db, registry: Registry, actor: Actor, id: string, reason: string, now: Date): Promise<OrganisationSummary> {
  await assertOperator(db, actor);
  const org = await getOtherOrganisation(db, id);
  assertCanDisable(org);
  if (!org.disabledAt) {
    await db.transaction(async (tx) => {
      await tx.update(organisations).set({ disabledAt: now, disabledReason: reason.trim() }).where(eq(organisations.id, id));
      await tx.delete(sessions).where(eq(sessions.orgId, id));
      await writeAudit(tx, actor, {
        action: 'platform.org.disable',
        entity: 'organisation',
        entityId: id,
        before: { name: org.name, state: 'active' },
        after: { name: org.name, state: 'disabled', reason: reason.trim() },
      });
    });
  }
  const [summary] = await findOrganisationSummaries(db, registry, now, id);
  return summary;
}

export async function enableOrganisation(db: Db, registry: Registry, actor: Actor, id: string, now: Date): Promise<OrganisationSummary> {
  await assertOperator(db, actor);
  const org = await getOtherOrganisation(db, id);
  if (org.disabledAt) {
    await db.transaction(async (tx) => {
      await tx.update(organisations).set({ disabledAt: null, disabledReason: null }).where(eq(organisations.id, id));
      await writeAudit(tx, actor, {
        action: 'platform.org.enable',
        entity: 'organisation',
        entityId: id,
        before: { name: org.name, state: 'disabled' },
        after: { name: org.name, state: 'active' },
      });
    });
  }
  const [summary] = await findOrganisationSummaries(db, registry, now, id);
  return summary;
}

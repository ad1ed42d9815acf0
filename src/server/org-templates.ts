import { systemActor } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError } from '#core/errors';
import type { OrgKind, Registry } from '#core/http';
import { addPerson, createOrganisation } from '#core/org';
import { applyPreset, PRESET_LABELS } from '#core/policy';
import { districtSeed, plantSeed, schoolSeed } from './demo/demo-orgs';

// Issue 12 (CORE-1): an organisation made from a regulation template, without the demo: the
// template's policy, its default departments / groups and roles, the modules its kind
// implies, and one administrator.

export const ORG_TEMPLATES = ['T1', 'T2', 'T3', 'T4', 'S1', 'S2', 'S3', 'S4', 'D1'] as const;
export type OrgTemplate = (typeof ORG_TEMPLATES)[number];
/** The templates with their labels and kinds, for the operator's select (issue 12). */
export const ORG_TEMPLATE_OPTIONS = ORG_TEMPLATES.map((code) => ({
  code,
  label: { zh: PRESET_LABELS[code].zh, en: PRESET_LABELS[code].en },
  kind: PRESET_LABELS[code].kind,
}));
export const isOrgTemplate = (value: string): value is OrgTemplate => (ORG_TEMPLATES as readonly string[]).includes(value);

export interface NewOrganisation {
  name: string;
  template: OrgTemplate;
  /** Stable short code; made from the template and a random suffix when not given. */
  code?: string;
  admin: { username: string; password: string; displayName?: string };
}

export interface MadeOrganisation {
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  template: OrgTemplate;
  modules: string[];
  roles: string[];
  departments: string[];
  policyVersion: number;
  admin: { id: string; username: string };
}

export async function createOrganisationFromTemplate(db: Db, registry: Registry, input: NewOrganisation): Promise<MadeOrganisation> {
  const name = input.name.trim();
  if (!name) throw new AppError('VALIDATION_FAILED', '需要组织名称', 'A name is required', [{ field: 'name', reason: 'required' }]);
  const kind = PRESET_LABELS[input.template].kind;
  const permissions = registry.permissions.map((p) => p.code);
  const base = kind === 'enterprise' ? plantSeed(permissions) : kind === 'district' ? districtSeed(permissions) : schoolSeed(permissions);
  const code = input.code?.trim() || `${input.template.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
  const modules = registry.defaultModules(kind);
  // One transaction: a refused admin (name taken, weak password) leaves no half-made organisation.
  return db.transaction(async (tx) => {
    const { org, departments } = await createOrganisation(tx, {
      code,
      name,
      kind,
      template: input.template,
      roles: base.roles,
      departments: base.departments,
      modules,
    });
    const system = systemActor(org.id);
    const policy = await applyPreset(tx, system, {
      baseVersion: 0,
      preset: input.template,
      reason: `按模板 ${input.template} 初始化 / initialised from template ${input.template}`,
    });
    const admin = await addPerson(tx, system, {
      username: input.admin.username,
      displayName: input.admin.displayName ?? input.admin.username,
      password: input.admin.password,
      roles: ['admin'],
    });
    await writeAudit(tx, system, {
      action: 'org.create',
      entity: 'organisation',
      entityId: org.id,
      after: { name, code, template: input.template, modules, admin: admin.username },
    });
    return {
      id: org.id,
      code,
      name,
      kind,
      template: input.template,
      modules,
      roles: base.roles.map((r) => r.code),
      departments: departments.map((d) => d.name),
      policyVersion: policy.version,
      admin: { id: admin.id, username: admin.username },
    };
  });
}

import { and, eq } from 'drizzle-orm';
import type { Actor } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import type { Registry, ScopedRegistry } from '../http';
import { orgModules } from './org.schema';

// Issue 12: the modules an organisation has switched on. Which modules exist, and which an
// organisation of each kind starts with, is the registry's business (the modules declare it);
// core stores only the names.

export async function findEnabledModules(db: Db, orgId: string): Promise<string[]> {
  const rows = await db.select({ module: orgModules.module }).from(orgModules).where(eq(orgModules.orgId, orgId)).orderBy(orgModules.module);
  return rows.map((r) => r.module);
}

/** Switches one module on or off for the actor's organisation; a no-op when it already is. */
export async function setModuleEnabled(db: Db, actor: Actor, module: string, enabled: boolean): Promise<string[]> {
  await db.transaction(async (tx) => {
    const where = and(eq(orgModules.orgId, actor.orgId), eq(orgModules.module, module));
    const [present] = await tx.select({ module: orgModules.module }).from(orgModules).where(where);
    if (!!present === enabled) return;
    if (enabled) await tx.insert(orgModules).values({ orgId: actor.orgId, module });
    else await tx.delete(orgModules).where(where);
    await writeAudit(tx, actor, {
      action: enabled ? 'org.module.enable' : 'org.module.disable',
      entity: 'org_module',
      entityId: module,
      after: { module, enabled },
    });
  });
  return findEnabledModules(db, actor.orgId);
}

/** The registry as one organisation sees it: menus, policy sections, document types, permissions. */
export async function scopedRegistryOf(db: Db, registry: Registry, orgId: string): Promise<ScopedRegistry> {
  return registry.scoped(await findEnabledModules(db, orgId));
}

export interface ModuleView {
  name: string;
  label: { zh: string; en: string };
  isOn: boolean;
}

/** The modules an organisation may switch on or off, with their state. */
export async function findOrgModules(db: Db, registry: Registry, orgId: string): Promise<ModuleView[]> {
  const enabled = await findEnabledModules(db, orgId);
  return registry.optionalModules.map((m) => ({ name: m.name, label: m.label, isOn: enabled.includes(m.name) }));
}

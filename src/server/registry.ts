import type { Permission, PermissionDeclaration } from '#core/access';
import { composeWorkflows } from '#core/approval';
import { composeExcelTables } from '#core/excel';
import type { ModuleDeclaration, Registry } from '#core/http';
import type { PolicySection } from '#core/policy';

/** Composes the modules' declarations once; a name declared twice stops the server at start. */
export function composeRegistry(modules: readonly ModuleDeclaration[]): Registry {
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`module ${m.name} is declared twice`);
    names.add(m.name);
  }
  const all = <T>(pick: (m: ModuleDeclaration) => readonly T[] | undefined): T[] => modules.flatMap((m) => pick(m) ?? []);
  const permissions: PermissionDeclaration[] = [];
  const codes = new Set<string>();
  for (const p of all((m) => m.permissions)) {
    if (codes.has(p.code)) throw new Error(`permission ${p.code} is declared twice`);
    codes.add(p.code);
    permissions.push(p);
  }
  const policySectionOwners = new Map<PolicySection, string>();
  for (const m of modules) {
    for (const section of m.policySections ?? []) {
      if (policySectionOwners.has(section)) throw new Error(`policy section ${section} is declared twice`);
      policySectionOwners.set(section, m.name);
    }
  }
  const ownerOf = (pick: (m: ModuleDeclaration) => readonly string[]) => new Map(modules.flatMap((m) => pick(m).map((key) => [key, m] as const)));
  const permissionOwner = ownerOf((m) => (m.permissions ?? []).map((p) => p.code));
  const docTypeOwner = ownerOf((m) => (m.documentTypes ?? []).map((t) => t.docType));
  const workflows = composeWorkflows({
    documentTypes: all((m) => m.documentTypes),
    guards: all((m) => m.guards),
    hooks: all((m) => m.transitionHooks),
    inboxSources: all((m) => m.inboxSources),
  });
  // Something no module declares (the general document) belongs to the core and is always on.
  const scoped = (enabled: readonly string[]) => {
    const isOn = (name: string) => modules.some((m) => m.name === name && (m.isCore || enabled.includes(name)));
    const ownerOn = (owner: ModuleDeclaration | undefined) => !owner || owner.isCore === true || enabled.includes(owner.name);
    const isDocumentTypeOn = (docType: string) => ownerOn(docTypeOwner.get(docType));
    return {
      isOn,
      permissions: permissions.filter((p) => ownerOn(permissionOwner.get(p.code))),
      documentTypes: workflows.documentTypes().filter((t) => isDocumentTypeOn(t.docType)),
      isDocumentTypeOn,
      policySections: [...policySectionOwners].filter(([, owner]) => isOn(owner)).map(([section]) => section),
    };
  };
  return {
    modules,
    scoped,
    policySectionOwners,
    defaultModules: (kind) => modules.filter((m) => !m.isCore && m.defaultFor?.includes(kind)).map((m) => m.name),
    optionalModules: modules.filter((m) => !m.isCore),
    permissions,
    isDeclaredPermission: (code: string): code is Permission => codes.has(code),
    workflows,
    excelTables: composeExcelTables(all((m) => m.excelTables)),
    routes: all((m) => m.routes),
    jobs: all((m) => m.jobs),
    homeSources: all((m) => m.homeSources),
    policyChecks: all((m) => m.policyChecks),
    demoSeeders: modules.flatMap((m) => (m.demo ? [m.demo] : [])),
  };
}

import type { Actor, Permission, PermissionDeclaration } from '../access';
import type { DocumentTypeInfo, GuardDeclaration, HookDeclaration, InboxSourceDeclaration, Workflows } from '../approval';
import type { Db } from '../db';
import type { AuditLabels } from '../audit';
import type { ExcelTable, ExcelTables } from '../excel';
import type { HomeSourceDeclaration } from '../home';
import type { PolicyCheck, PolicySection } from '../policy';
import type { AppContext, RouteModule } from './context';

// A module is one declaration of what it brings. Importing a module runs nothing; the
// server composes the declarations it is given into one Registry (src/server/registry.ts)
// and passes it in the AppContext. Tests compose the same registry.

export type Text = { zh: string; en: string };

/** Work the scheduler runs on each tick (deadlines, reminders, daily duties). */
export type Job = (ctx: AppContext) => Promise<void>;

/** What a module's demo seeder gets: one demo organisation, its people and departments by name. */
export type OrgKind = 'enterprise' | 'school' | 'district' | 'platform';

export interface DemoOrg {
  orgId: string;
  /** Demo organisations are plants and schools (the platform has no demo data). */
  kind: 'enterprise' | 'school' | 'district';
  /** Regulation template: T1–T4 for plants, S1–S4 for schools. */
  template: string;
  /** A system actor holding every permission in this organisation. */
  actor: Actor;
  /** username → user id, e.g. 'plant.head'. */
  userIds: Map<string, string>;
  /** department name → id, e.g. '生产部'. */
  departmentIds: Map<string, string>;
  today: Date;
  /** The composed document types, guards and hooks (seeders submit and approve documents). */
  workflows: Workflows;
}

export type DemoSeeder = (db: Db, org: DemoOrg) => Promise<void>;

export interface ModuleDeclaration {
  /** Stable code, e.g. 'production'. */
  name: string;
  label: Text;
  /** Platform modules are always on; the others belong to the organisations that use them. */
  isCore?: boolean;
  /** The kinds of organisation that get this module when they are created (issue 12). */
  defaultFor?: readonly OrgKind[];
  permissions?: readonly PermissionDeclaration[];
  routes?: readonly RouteModule[];
  jobs?: readonly Job[];
  documentTypes?: readonly DocumentTypeInfo[];
  guards?: readonly GuardDeclaration[];
  /** Hooks may attach to another module's document types (an approved order re-checks the plan). */
  transitionHooks?: readonly HookDeclaration[];
  inboxSources?: readonly InboxSourceDeclaration[];
  /** A card on each person's home page: figures and things to do (issue 15 item 3). */
  homeSources?: readonly HomeSourceDeclaration[];
  excelTables?: readonly ExcelTable[];
  /**
   * The sections of the organisation's policy (制度参数) this module owns: the editor shows
   * them only where the module is on. Each section has exactly one owner.
   */
  policySections?: readonly PolicySection[];
  /**
   * Checks on a policy an organisation is about to save (issue 12: a district's floor). Each
   * may refuse with a 400 naming the field; the policy service runs every module's checks.
   */
  policyChecks?: readonly PolicyCheck[];
  /** Words for the audit log: action, record-kind and field labels (issue 15 item 5). */
  audit?: AuditLabels;
  demo?: DemoSeeder;
}

/** Identity at run time; it exists so a declaration reads as one and is type-checked whole. */
export const defineModule = (declaration: ModuleDeclaration): ModuleDeclaration => declaration;

/** Every module's declarations composed once, in the order the server lists the modules. */
export interface Registry {
  modules: readonly ModuleDeclaration[];
  permissions: readonly PermissionDeclaration[];
  isDeclaredPermission(code: string): code is Permission;
  workflows: Workflows;
  excelTables: ExcelTables;
  /** The modules an organisation of this kind starts with (the non-core ones). */
  defaultModules(kind: OrgKind): string[];
  /** The non-core modules, which an organisation may switch on or off. */
  optionalModules: readonly ModuleDeclaration[];
  /** What one organisation sees, given the non-core modules it has switched on (issue 12). */
  scoped(enabled: readonly string[]): ScopedRegistry;
  /** Every module's checks on a policy about to be saved, in module order. */
  policyChecks: readonly PolicyCheck[];
  /** The module that owns each policy section. */
  policySectionOwners: ReadonlyMap<PolicySection, string>;
  routes: readonly RouteModule[];
  jobs: readonly Job[];
  homeSources: readonly HomeSourceDeclaration[];
  demoSeeders: readonly DemoSeeder[];
}

/** The registry seen by one organisation: core modules plus the ones it has switched on. */
export interface ScopedRegistry {
  isOn(moduleName: string): boolean;
  permissions: readonly PermissionDeclaration[];
  documentTypes: readonly DocumentTypeInfo[];
  isDocumentTypeOn(docType: string): boolean;
  policySections: readonly PolicySection[];
}

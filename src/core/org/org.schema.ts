import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<'enterprise' | 'school' | 'district' | 'platform'>().notNull(),
  template: text('template').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Issue 12: set by the platform operator; its people cannot sign in and its jobs are skipped. */
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  disabledReason: text('disabled_reason'),
});

/** The modules an organisation has switched on (issue 12); core modules are always on. */
export const orgModules = pgTable(
  'org_modules',
  {
    orgId: uuid('org_id').notNull(),
    module: text('module').notNull(),
    enabledAt: timestamp('enabled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.module] })],
);

export type DepartmentKind = 'department' | 'workshop' | 'teaching_group' | 'leadership_group' | 'league';

export const departments = pgTable(
  'departments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').$type<DepartmentKind>().notNull(),
    parentId: uuid('parent_id'),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Retired departments stay for the records that name them; nobody can be placed in one. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const users = pgTable(
  'users',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    departmentId: uuid('department_id'),
    positions: text('positions').array().notNull().default([]),
    phone: text('phone'),
    locale: text('locale').$type<'zh-CN' | 'en'>().notNull().default('zh-CN'),
    isActive: boolean('is_active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const roles = pgTable(
  'roles',
  {
    orgId: uuid('org_id').notNull(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    permissions: text('permissions').array().notNull().default([]),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.code] })],
);

export const userRoles = pgTable(
  'user_roles',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    roleCode: text('role_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.roleCode] })],
);

import { AsyncLocalStorage } from 'node:async_hooks';
import { and, desc, eq, max } from 'drizzle-orm';
import { type Actor, requireAccess, userIdOf } from '../access';
import { writeAudit } from '../audit';
import { type Db, isUniqueViolation } from '../db';
import { invalidField, notFound, versionConflict } from '../errors';
import { getOrganisation, organisations, users } from '../org';
import { POLICY_PRESETS, PRESET_LABELS, presetNameFor } from './policy.presets';
import { diffPolicies, mergePolicyValues, type PolicyChange, parsePolicy } from './policy.rules';
import { isPresetName, type Policy, type PresetName } from './policy.schema';
import { policyVersions } from './policy-version.schema';
import type { PolicyVersionRow } from './policy.contract';

export interface PolicyView {
  /** 0 while the organisation still runs on its template's preset. */
  version: number;
  preset: PresetName;
  isDefault: boolean;
  values: Policy;
  reason: string | null;
  createdAt: Date | null;
}

// Stored values are laid over their preset, so a parameter added after a version was
// saved takes the preset's value instead of failing validation.
const materialise = (preset: PresetName, stored: unknown): Policy => parsePolicy(mergePolicyValues(POLICY_PRESETS[preset], stored));

// A saved version never changes, so its parsed values are kept: hot paths (a hall of
// teachers signing in) read the latest version's number and skip the parse.
const parsedVersions = new Map<string, Policy>();
function materialiseVersion(orgId: string, row: { version: number; preset: string; values: unknown }): Policy {
  const key = `${orgId}:${row.version}`;
  let values = parsedVersions.get(key);
  if (!values) {
    values = materialise(asPreset(row.preset), row.values);
    if (parsedVersions.size >= 500) parsedVersions.clear();
    parsedVersions.set(key, values);
  }
  return values;
}

// The scheduler's and the seed's system actor is nobody in the users table.

const asPreset = (name: string): PresetName => (isPresetName(name) ? name : 'T4');

// The latest version's number without its values (a known version's parsed values are kept
// above), and the organisation's template for when it has none yet: one statement (issue 10).
async function findLatestRow(db: Db, orgId: string) {
  const latest = db
    .select({ version: max(policyVersions.version) })
    .from(policyVersions)
    .where(eq(policyVersions.orgId, orgId));
  const [row] = await db
    .select({
      template: organisations.template,
      kind: organisations.kind,
      version: policyVersions.version,
      preset: policyVersions.preset,
      reason: policyVersions.reason,
      createdAt: policyVersions.createdAt,
    })
    .from(organisations)
    .leftJoin(policyVersions, and(eq(policyVersions.orgId, organisations.id), eq(policyVersions.version, latest)))
    .where(eq(organisations.id, orgId));
  if (!row) throw notFound('组织', 'Organisation');
  return row;
}

async function valuesOfVersion(db: Db, orgId: string, row: { version: number; preset: string }): Promise<Policy> {
  const cached = parsedVersions.get(`${orgId}:${row.version}`);
  if (cached) return cached;
  const [stored] = await db
    .select({ values: policyVersions.values })
    .from(policyVersions)
    .where(and(eq(policyVersions.orgId, orgId), eq(policyVersions.version, row.version)));
  return materialiseVersion(orgId, { ...row, values: stored?.values });
}

// One read of the policy per request: the HTTP server runs each handler in a scope
// (runWithPolicyScope) where the first read of an organisation's policy is kept and every
// later read in that request gets it. Saving a version drops it. Outside a scope (scheduler,
// CLI, tests calling services) every call reads the database, as before; the parse is
// cached per organisation and version in both cases, so several processes stay correct.
const requestScope = new AsyncLocalStorage<Map<string, Promise<PolicyView>>>();

/** Runs fn (a request's handler) with its own memo of the policies read. */
export function runWithPolicyScope<T>(fn: () => T): T {
  return requestScope.run(new Map(), fn);
}

function getPolicyViewOf(db: Db, orgId: string): Promise<PolicyView> {
  const memo = requestScope.getStore();
  if (!memo) return readPolicyView(db, orgId);
  let view = memo.get(orgId);
  if (!view) {
    view = readPolicyView(db, orgId);
    memo.set(orgId, view);
    view.catch(() => memo.delete(orgId));
  }
  return view;
}

async function defaultPreset(db: Db, orgId: string): Promise<PresetName> {
  const org = await getOrganisation(db, orgId);
  if (!org) throw notFound('组织', 'Organisation');
  return presetNameFor(org.template, org.kind);
}

async function readPolicyView(db: Db, orgId: string): Promise<PolicyView> {
  const row = await findLatestRow(db, orgId);
  if (row.version !== null && row.preset !== null) {
    const version = { version: row.version, preset: row.preset };
    return {
      ...version,
      preset: asPreset(row.preset),
      isDefault: false,
      values: await valuesOfVersion(db, orgId, version),
      reason: row.reason,
      createdAt: row.createdAt,
    };
  }
  const preset = presetNameFor(row.template, row.kind);
  return { version: 0, preset, isDefault: true, values: POLICY_PRESETS[preset], reason: null, createdAt: null };
}

/** The policy in force: the latest saved version, or the preset of the organisation's template. */
export async function getPolicy(db: Db, orgId: string): Promise<Policy> {
  return (await getPolicyViewOf(db, orgId)).values;
}

export async function getPolicyView(db: Db, actor: Actor): Promise<PolicyView> {
  return getPolicyViewOf(db, actor.orgId);
}

async function saveVersion(db: Db, actor: Actor, baseVersion: number, preset: PresetName, values: Policy, reason: string, action: string) {
  const text = reason.trim();
  if (!text) throw invalidField('reason', '请填写修改原因', 'a reason is required');
  try {
    // The request's memo no longer holds: the version read below, or the one saved, replaces it.
    requestScope.getStore()?.delete(actor.orgId);
    return await db.transaction(async (tx) => {
      const current = await readPolicyView(tx, actor.orgId);
      if (current.version !== baseVersion) throw versionConflict();
      const version = baseVersion + 1;
      const changes = diffPolicies(current.values, values);
      await tx.insert(policyVersions).values({ orgId: actor.orgId, version, preset, values, reason: text, changedBy: userIdOf(actor) });
      await writeAudit(tx, actor, {
        action,
        entity: 'policy',
        entityId: String(version),
        before: { version: baseVersion, preset: current.preset, values: Object.fromEntries(changes.map((c) => [c.path, c.before])) },
        after: { version, preset, reason: text, values: Object.fromEntries(changes.map((c) => [c.path, c.after])) },
      });
      return { version, preset, isDefault: false, values, reason: text, createdAt: null } satisfies PolicyView;
    });
  } catch (err) {
    // Two editors saving on the same base: the second insert hits the primary key.
    if (isUniqueViolation(err)) throw versionConflict();
    throw err;
  } finally {
    requestScope.getStore()?.delete(actor.orgId);
  }
}

/**
 * A module's check on a policy an organisation is about to save (issue 12: a district's floor
 * over its linked schools). It throws an AppError naming the field to refuse; core runs the
 * checks the registry composed from every module's `policyChecks` and knows none by name.
 */
export type PolicyCheck = (db: Db, input: { orgId: string; before: Policy; after: Policy; locale: 'zh-CN' | 'en' }) => Promise<void>;

async function runChecks(db: Db, actor: Actor, checks: readonly PolicyCheck[], before: Policy, after: Policy, locale?: 'zh-CN' | 'en') {
  for (const check of checks) await check(db, { orgId: actor.orgId, before, after, locale: locale ?? actor.locale });
}

export interface PolicyUpdate {
  /** The version the editor started from (0 = the template preset). */
  baseVersion: number;
  /** The whole policy, or only the sections and fields that change. */
  values: unknown;
  reason: string;
  /** The language of the reasons a refusal gives per field (the page's language). */
  locale?: 'zh-CN' | 'en';
}

export async function updatePolicy(db: Db, actor: Actor, input: PolicyUpdate, checks: readonly PolicyCheck[] = []): Promise<PolicyView> {
  requireAccess(actor, 'admin.policy');
  const current = await getPolicyViewOf(db, actor.orgId);
  if (current.version !== input.baseVersion) throw versionConflict();
  const values = parsePolicy(mergePolicyValues(current.values, input.values), input.locale ?? actor.locale);
  await runChecks(db, actor, checks, current.values, values, input.locale);
  return saveVersion(db, actor, input.baseVersion, current.preset, values, input.reason, 'policy.update');
}

export async function applyPreset(
  db: Db,
  actor: Actor,
  input: { baseVersion: number; preset: string; reason: string },
  checks: readonly PolicyCheck[] = [],
): Promise<PolicyView> {
  requireAccess(actor, 'admin.policy');
  if (!isPresetName(input.preset)) throw invalidField('preset', `没有模板 ${input.preset}`, `no preset ${input.preset}`);
  // A plant cannot take a school's preset, nor a school a plant's (the page offers only its own kind).
  const org = await getOrganisation(db, actor.orgId);
  if (org && PRESET_LABELS[input.preset].kind !== org.kind)
    throw invalidField('preset', `模板 ${input.preset} 不适用于本组织`, `preset ${input.preset} is not for this kind of organisation`);
  if (checks.length) await runChecks(db, actor, checks, (await getPolicyViewOf(db, actor.orgId)).values, POLICY_PRESETS[input.preset]);
  return saveVersion(db, actor, input.baseVersion, input.preset, POLICY_PRESETS[input.preset], input.reason, 'policy.apply-preset');
}

export async function findPolicyVersions(db: Db, actor: Actor): Promise<PolicyVersionRow[]> {
  return db
    .select({
      version: policyVersions.version,
      preset: policyVersions.preset,
      reason: policyVersions.reason,
      changedBy: policyVersions.changedBy,
      changedByName: users.displayName,
      createdAt: policyVersions.createdAt,
    })
    .from(policyVersions)
    .leftJoin(users, and(eq(users.orgId, policyVersions.orgId), eq(users.id, policyVersions.changedBy)))
    .where(eq(policyVersions.orgId, actor.orgId))
    .orderBy(desc(policyVersions.version));
}

/** One version's values; version 0 is the preset the organisation started from. */
export async function getPolicyVersion(db: Db, actor: Actor, version: number): Promise<PolicyView> {
  if (version === 0) {
    const preset = await defaultPreset(db, actor.orgId);
    return { version: 0, preset, isDefault: true, values: POLICY_PRESETS[preset], reason: null, createdAt: null };
  }
  const [row] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.orgId, actor.orgId), eq(policyVersions.version, version)));
  if (!row) throw notFound(`制度参数第 ${version} 版`, `Policy version ${version}`);
  const preset = asPreset(row.preset);
  return { version, preset, isDefault: false, values: materialise(preset, row.values), reason: row.reason, createdAt: row.createdAt };
}

export async function diffPolicyVersions(db: Db, actor: Actor, from: number, to: number): Promise<PolicyChange[]> {
  const [a, b] = await Promise.all([getPolicyVersion(db, actor, from), getPolicyVersion(db, actor, to)]);
  return diffPolicies(a.values, b.values);
}

import { and, asc, desc, eq, gte, isNotNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '../access';
import type { Db } from '../db';
import { auditLog } from './audit.schema';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

// Secrets never reach the trail, whatever a caller passes in.
const SECRET_KEYS = new Set(['password', 'passwordHash', 'password_hash', 'token', 'csrfToken', 'secret']);

function scrub(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(scrub);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.has(k) ? '[redacted]' : scrub(v);
    return out;
  }
  return value;
}

/** Call inside the same transaction as the write it records. */
export async function writeAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    orgId: actor.orgId,
    actorId: actor.userId,
    actorName: actor.displayName,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    oldValue: scrub(entry.before),
    newValue: scrub(entry.after),
  });
}

export interface AuditQuery {
  action?: string;
  /** Words of the record: its id, or a name / number inside the old or new values. */
  record?: string;
  entity?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  beforeId?: number;
  limit?: number;
}

export async function findAuditEntries(db: Db, actor: Actor, q: AuditQuery) {
  requireAccess(actor, 'audit.read');
  const where: SQL[] = [eq(auditLog.orgId, actor.orgId)];
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.record?.trim()) {
    const like = `%${q.record.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(sql`${auditLog.entityId} ilike ${like}`, sql`${auditLog.oldValue}::text ilike ${like}`, sql`${auditLog.newValue}::text ilike ${like}`) as SQL,
    );
  }
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
  if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) where.push(lte(auditLog.at, new Date(q.to)));
  if (q.beforeId) where.push(lt(auditLog.id, q.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(q.limit ?? 50, 5000));
}

/** Who, which actions and which kinds of record appear in this organisation's trail (the filters' choices). */
export async function findAuditFacets(db: Db, actor: Actor) {
  requireAccess(actor, 'audit.read');
  const org = eq(auditLog.orgId, actor.orgId);
  const [actors, actions, entities] = await Promise.all([
    db
      .selectDistinct({ id: auditLog.actorId, name: auditLog.actorName })
      .from(auditLog)
      .where(and(org, isNotNull(auditLog.actorId)))
      .orderBy(asc(auditLog.actorName)),
    db.selectDistinct({ action: auditLog.action, entity: auditLog.entity }).from(auditLog).where(org).orderBy(asc(auditLog.action)),
    db.selectDistinct({ entity: auditLog.entity }).from(auditLog).where(org).orderBy(asc(auditLog.entity)),
  ]);
  return { actors, actions, entities: entities.map((e) => e.entity) };
}

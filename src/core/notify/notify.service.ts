import { and, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '../access';
import type { Db } from '../db';
import type { NotificationPage, NotificationPageQuery, NotificationRecord } from './notify.contract';
import { notifications } from './notify.schema';

export interface NotificationInput {
  /** e.g. 'approval.pending', 'deadline.reminder', 'distribution.received' */
  kind: string;
  title: { zh: string; en: string };
  body?: { zh: string; en: string };
  /** In-app path the notification opens, e.g. '/documents/…'. */
  link?: string;
}

/** Sends one notification to each recipient; call inside the transaction of the change. */
export async function notifyUsers(tx: Db, orgId: string, userIds: string[], n: NotificationInput): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await tx.insert(notifications).values(
    unique.map((userId) => ({
      orgId,
      userId,
      kind: n.kind,
      titleZh: n.title.zh,
      titleEn: n.title.en,
      bodyZh: n.body?.zh ?? null,
      bodyEn: n.body?.en ?? null,
      link: n.link ?? null,
    })),
  );
}

export async function findMyNotifications(db: Db, actor: Actor, options: { unreadOnly?: boolean; limit?: number } = {}): Promise<NotificationRecord[]> {
  const where = [eq(notifications.orgId, actor.orgId), eq(notifications.userId, actor.userId)];
  if (options.unreadOnly) where.push(isNull(notifications.readAt));
  return db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt))
    .limit(Math.min(options.limit ?? 100, 500));
}

/** One page of the actor's notifications, newest first, with the count of all that match. */
export async function pageMyNotifications(db: Db, actor: Actor, query: NotificationPageQuery): Promise<NotificationPage> {
  const where = [eq(notifications.orgId, actor.orgId), eq(notifications.userId, actor.userId)];
  if (query.unreadOnly === 'true') where.push(isNull(notifications.readAt));
  const words = query.q?.trim();
  if (words) {
    const like = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(ilike(notifications.titleZh, like), ilike(notifications.titleEn, like), ilike(notifications.bodyZh, like), ilike(notifications.bodyEn, like))!,
    );
  }
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(...where));
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit)
    .offset(query.offset);
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      titleZh: r.titleZh,
      titleEn: r.titleEn,
      bodyZh: r.bodyZh,
      bodyEn: r.bodyEn,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt ? r.readAt.toISOString() : null,
    })),
  };
}

export async function countUnread(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.orgId, actor.orgId), eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the given notifications (or all, when ids is empty) as read; only the actor's own. */
export async function markRead(db: Db, actor: Actor, ids: string[], now: Date): Promise<number> {
  const where = [eq(notifications.orgId, actor.orgId), eq(notifications.userId, actor.userId), isNull(notifications.readAt)];
  if (ids.length) where.push(inArray(notifications.id, ids));
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(...where))
    .returning({ id: notifications.id });
  return rows.length;
}

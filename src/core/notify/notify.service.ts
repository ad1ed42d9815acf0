import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../access';
import type { Db } from '../db';
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

export async function findMyNotifications(db: Db, actor: Actor, options: { unreadOnly?: boolean; limit?: number } = {}) {
  const where = [eq(notifications.orgId, actor.orgId), eq(notifications.userId, actor.userId)];
  if (options.unreadOnly) where.push(isNull(notifications.readAt));
  return db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt))
    .limit(Math.min(options.limit ?? 100, 500));
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
  const rows = await db.update(notifications).set({ readAt: now }).where(and(...where)).returning({ id: notifications.id });
  return rows.length;
}

import { z } from 'zod';

// GET /notifications/page (issue 15 item 4): the notification list pages past the first 100
// and searches the title and body in either language.

export const NotificationPageQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Words to find in the title or body (Chinese or English); blank finds all. */
  q: z.string().trim().max(100).optional(),
  unreadOnly: z.enum(['true', 'false']).optional(),
});

export const NotificationItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string().nullable(),
  bodyEn: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const NotificationPageSchema = z.object({
  items: z.array(NotificationItemSchema),
  /** All the notifications that match, across pages. */
  total: z.number().int(),
});

export type NotificationPageQuery = z.infer<typeof NotificationPageQuerySchema>;
export type NotificationItem = z.infer<typeof NotificationItemSchema>;
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

/** GET /notifications: the latest notifications as stored (times as dates, serialised to ISO strings). */
export const NotificationRecordSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  userId: z.string(),
  kind: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string().nullable(),
  bodyEn: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type NotificationRecord = z.infer<typeof NotificationRecordSchema>;
export const UnreadCountSchema = z.object({ count: z.number().int() });
export const MarkReadResultSchema = z.object({ updated: z.number().int() });

export const NotificationListQuery = z.object({ unreadOnly: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(500).optional() });

export const MarkReadBody = z.object({ ids: z.array(z.uuid()).max(500).default([]) });

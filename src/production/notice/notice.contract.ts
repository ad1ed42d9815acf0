import { z } from 'zod';

// Production notices and intermediate transfers (PP-13, T3 第十条).

const NOTICE_STATES = ['draft', 'issued', 'done', 'cancelled'] as const;

export const NoticeOut = z.object({
  id: z.string(),
  number: z.string(),
  planId: z.string().nullable(),
  workshopId: z.string().nullable(),
  itemId: z.string(),
  qty: z.number(),
  spec: z.string(),
  qualityRequirements: z.string(),
  packagingRequirements: z.string(),
  dueOn: z.string(),
  note: z.string(),
  state: z.enum(NOTICE_STATES),
  issuedBy: z.string().nullable(),
  issuedAt: z.date().nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
  version: z.number().int(),
});
export type NoticeOut = z.infer<typeof NoticeOut>;

export const NoticeSummary = NoticeOut.extend({ code: z.string(), name: z.string(), unit: z.string(), workshopName: z.string().nullable(), link: z.string() });
export type NoticeSummary = z.infer<typeof NoticeSummary>;

export const TransferOut = z.object({
  id: z.string(),
  noticeId: z.string(),
  itemId: z.string(),
  qty: z.number(),
  fromWorkshopId: z.string().nullable(),
  toWorkshopId: z.string().nullable(),
  transferredOn: z.string(),
  note: z.string(),
  recordedBy: z.string(),
  recordedAt: z.date(),
});
export type TransferOut = z.infer<typeof TransferOut>;

export const NoticeView = NoticeOut.extend({
  item: z.object({ code: z.string(), name: z.string(), spec: z.string(), unit: z.string() }),
  workshopName: z.string().nullable(),
  issuedByName: z.string().nullable(),
  transfers: z.array(TransferOut.extend({ code: z.string(), name: z.string(), unit: z.string(), recordedByName: z.string().nullable() })),
});
export type NoticeView = z.infer<typeof NoticeView>;

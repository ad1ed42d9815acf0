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

// Request schemas.

export const NoticeBody = z.object({
  planId: z.uuid().nullish(),
  workshopId: z.uuid().nullish(),
  itemId: z.uuid(),
  qty: z.number().gt(0).max(1e12),
  spec: z.string().max(200).optional(),
  qualityRequirements: z.string().max(2000),
  packagingRequirements: z.string().max(2000),
  dueOn: z.iso.date(),
  note: z.string().max(2000).optional(),
});
export type NoticeBody = z.infer<typeof NoticeBody>;

export const NoticeChangeBody = NoticeBody.extend({ version: z.number().int() });
export type NoticeChangeBody = z.infer<typeof NoticeChangeBody>;

export const NoticeListQuery = z.object({ planId: z.uuid().optional(), state: z.enum(['draft', 'issued', 'done', 'cancelled']).optional() });

export const NoticeIssueBody = z.object({ version: z.number().int() });

export const NoticeStateBody = z.object({ version: z.number().int(), state: z.enum(['done', 'cancelled']) });

export const TransferBody = z.object({
  noticeNumber: z.string().max(40),
  itemId: z.uuid(),
  qty: z.number().gt(0).max(1e12),
  fromWorkshopId: z.uuid().nullish(),
  toWorkshopId: z.uuid().nullish(),
  transferredOn: z.iso.date(),
  note: z.string().max(500).optional(),
});
export type TransferBody = z.infer<typeof TransferBody>;

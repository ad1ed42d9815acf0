import { eq } from 'drizzle-orm';
import type { Db } from '#core/db';
import type { SheetRow } from '#core/excel';
import { prodItems } from '../master/index';

// CORE-11 (issue 14 item 13): the market department keeps sales plans, orders and shipments in
// Excel today. Each goes out as one clean sheet and comes back: a whole file is refused on any
// error, with every bad row named, and nothing is written. What the three sheets share:

/** Item code → id and whether it is still in use. */
export const itemCodes = async (db: Db, orgId: string) =>
  new Map(
    (await db.select({ id: prodItems.id, code: prodItems.code, isActive: prodItems.isActive }).from(prodItems).where(eq(prodItems.orgId, orgId))).map((i) => [
      i.code,
      i,
    ]),
  );

export const day = (v: SheetRow[string]): string | null => (typeof v === 'string' && v ? v : null);

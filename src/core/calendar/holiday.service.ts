import { readdirSync, readFileSync } from 'node:fs';
import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { type Actor, requireAccess } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { AppError, invalidField, notFound, versionConflict } from '../errors';
import { getPolicy } from '../policy';
import { type BusinessCalendar, isIsoDate, makeCalendar } from './calendar.rules';
import { holidays } from './calendar.schema';
import type { Holiday, HolidayChangeBody, HolidayInput } from './calendar.contract';
import type { z } from 'zod';

export type { HolidayInput };

export async function findHolidays(db: Db, actor: Actor, range: { from?: string; to?: string } = {}): Promise<Holiday[]> {
  const where: SQL[] = [eq(holidays.orgId, actor.orgId)];
  if (range.from) where.push(gte(holidays.date, range.from));
  if (range.to) where.push(lte(holidays.date, range.to));
  return db
    .select()
    .from(holidays)
    .where(and(...where))
    .orderBy(asc(holidays.date));
}

/** The organisation's working calendar: the policy's weekend and its holiday list. */
export async function loadBusinessCalendar(db: Db, orgId: string): Promise<BusinessCalendar> {
  const policy = await getPolicy(db, orgId);
  const rows = await db.select().from(holidays).where(eq(holidays.orgId, orgId));
  return makeCalendar(policy.calendar.weekendDays, rows);
}

function checkInput(input: HolidayInput) {
  if (!isIsoDate(input.date)) throw invalidField('date', '日期无效', 'not a valid date');
  if (!input.name.trim()) throw invalidField('name', '请填写名称', 'a name is required');
}

export async function addHoliday(db: Db, actor: Actor, input: HolidayInput): Promise<Holiday> {
  requireAccess(actor, 'admin.policy');
  checkInput(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(holidays)
      .values({ orgId: actor.orgId, date: input.date, name: input.name.trim(), isWorkday: input.isWorkday })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('CONFLICT', `${input.date} 已在日历中`, `${input.date} is already in the calendar`, [{ field: 'date', reason: 'exists' }]);
    await writeAudit(tx, actor, { action: 'holiday.add', entity: 'holiday', entityId: input.date, after: row });
    return row;
  });
}

async function getHoliday(db: Db, orgId: string, date: string) {
  const [row] = await db
    .select()
    .from(holidays)
    .where(and(eq(holidays.orgId, orgId), eq(holidays.date, date)));
  if (!row) throw notFound(`日历日期 ${date}`, `Calendar day ${date}`);
  return row;
}

export async function updateHoliday(db: Db, actor: Actor, date: string, change: z.infer<typeof HolidayChangeBody>): Promise<Holiday> {
  requireAccess(actor, 'admin.policy');
  checkInput({ date, ...change });
  return db.transaction(async (tx) => {
    const before = await getHoliday(tx, actor.orgId, date);
    const [row] = await tx
      .update(holidays)
      .set({ name: change.name.trim(), isWorkday: change.isWorkday, version: before.version + 1 })
      .where(and(eq(holidays.orgId, actor.orgId), eq(holidays.date, date), eq(holidays.version, change.version)))
      .returning();
    if (!row) throw versionConflict();
    await writeAudit(tx, actor, { action: 'holiday.update', entity: 'holiday', entityId: date, before, after: row });
    return row;
  });
}

export async function removeHoliday(db: Db, actor: Actor, date: string, version: number) {
  requireAccess(actor, 'admin.policy');
  await db.transaction(async (tx) => {
    const before = await getHoliday(tx, actor.orgId, date);
    const rows = await tx
      .delete(holidays)
      .where(and(eq(holidays.orgId, actor.orgId), eq(holidays.date, date), eq(holidays.version, version)))
      .returning();
    if (rows.length === 0) throw versionConflict();
    await writeAudit(tx, actor, { action: 'holiday.remove', entity: 'holiday', entityId: date, before });
  });
}

/** A national holiday file the project ships (src/core/calendar/holidays/cn-YYYY.json, updated yearly). */
export interface NationalHolidayFile {
  country: string;
  year: number;
  status: 'official' | 'statutory-only';
  source: string;
  days: HolidayInput[];
}

const HOLIDAY_DIR = new URL('./holidays/', import.meta.url);

/** The years the shipped files cover, with whether each is the official arrangement. */
export function listNationalHolidayYears(): { year: number; status: NationalHolidayFile['status']; days: number }[] {
  return readdirSync(HOLIDAY_DIR)
    .filter((f) => /^cn-\d{4}\.json$/.test(f))
    .sort()
    .map((f) => {
      const file = readNationalHolidays(Number(f.slice(3, 7)));
      return { year: file.year, status: file.status, days: file.days.length };
    });
}

export function readNationalHolidays(year: number): NationalHolidayFile {
  let text: string;
  try {
    text = readFileSync(new URL(`cn-${year}.json`, HOLIDAY_DIR), 'utf8');
  } catch {
    throw invalidField('year', `没有 ${year} 年的国家节假日文件`, `no national holiday file for ${year}`);
  }
  return JSON.parse(text) as NationalHolidayFile;
}

/**
 * Issue 15 item 10: brings a year's national holidays and make-up working days into the
 * organisation's calendar. Days already in the calendar are kept as the organisation set them.
 */
export async function importNationalHolidays(db: Db, actor: Actor, year: number) {
  requireAccess(actor, 'admin.policy');
  const file = readNationalHolidays(year);
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(holidays)
      .values(file.days.map((d) => ({ orgId: actor.orgId, date: d.date, name: d.name, isWorkday: d.isWorkday })))
      .onConflictDoNothing()
      .returning();
    await writeAudit(tx, actor, {
      action: 'holiday.import',
      entity: 'holiday',
      entityId: String(year),
      after: { year, added: added.length, kept: file.days.length - added.length },
    });
    return { year, status: file.status, added: added.length, kept: file.days.length - added.length };
  });
}

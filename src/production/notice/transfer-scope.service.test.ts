import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#core/db';
import { users } from '#core/org';
import { createTestDatabase, newPerson, type TestDatabase, testRegistry } from '#test-support';
import { newPlant, type TestPlant } from '../testing/index';
import { createNotice, issueNotice, recordTransfer } from './index';

const { workflows } = testRegistry;
const NOW = new Date('2026-03-20T02:00:00Z');

describe('issue 14 item 6: workshop staff record intermediate transfers (T3 第十条, PP-13)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  let number: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    p = await newPlant(db, workflows, NOW);
    const n = await createNotice(
      db,
      p.planner,
      {
        workshopId: p.workshops.fill,
        itemId: p.items.wine,
        qty: 500,
        qualityRequirements: '符合企业标准',
        packagingRequirements: '6 瓶/箱',
        dueOn: '2026-04-10',
      },
      NOW,
    );
    await issueNotice(db, p.planner, n.id, n.version, NOW);
    number = n.number;
  });
  afterAll(() => database.drop());

  const staff = async (department: string | null) => {
    const a = await newPerson(db, p.orgId, ['production.read', 'production.report.write', 'production.shopfloor.write']);
    if (department)
      await db
        .update(users)
        .set({ departmentId: p.departments.get(department)! })
        .where(and(eq(users.orgId, p.orgId), eq(users.id, a.userId)));
    return a;
  };

  it('issue 14 item 6: a team leader of the receiving workshop records the transfer with the notice number', async () => {
    const lead = await staff('灌装车间');
    const t = await recordTransfer(
      db,
      lead,
      { noticeNumber: number, itemId: p.items.base, qty: 2250, fromWorkshopId: p.workshops.brew, toWorkshopId: p.workshops.fill, transferredOn: '2026-03-20' },
      NOW,
    );
    expect(t).toMatchObject({ qty: 2250, recordedBy: lead.userId });
  });

  it('issue 14 item 6: someone of neither workshop, or a reader, is refused with a reason', async () => {
    const outsider = await staff(null);
    const input = {
      noticeNumber: number,
      itemId: p.items.base,
      qty: 10,
      fromWorkshopId: p.workshops.brew,
      toWorkshopId: p.workshops.fill,
      transferredOn: '2026-03-20',
    };
    const err = await recordTransfer(db, outsider, input, NOW).catch((e) => e);
    expect(err).toMatchObject({ code: 'FORBIDDEN' });
    expect(err.message).toContain('T3 第十条');
    const reader = await newPerson(db, p.orgId, ['production.read']);
    await expect(recordTransfer(db, reader, input, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

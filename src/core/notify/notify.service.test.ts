import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, newOrg, newPerson, type TestDatabase } from '#test-support';
import { countUnread, findMyNotifications, markRead, notifyUsers } from './notify.service';

describe('notification centre', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('CORE-6 delivers one notification per recipient and marks only the reader’s own as read', async () => {
    const { org } = await newOrg(database.db);
    const a = await newPerson(database.db, org.id, []);
    const b = await newPerson(database.db, org.id, []);
    await notifyUsers(database.db, org.id, [a.userId, a.userId, b.userId], { kind: 'test', title: { zh: '提醒', en: 'Reminder' } });
    expect(await countUnread(database.db, a)).toBe(1);
    expect(await markRead(database.db, a, [], new Date())).toBe(1);
    expect(await countUnread(database.db, a)).toBe(0);
    expect(await countUnread(database.db, b)).toBe(1);
    expect((await findMyNotifications(database.db, b))[0].titleZh).toBe('提醒');
  });
});

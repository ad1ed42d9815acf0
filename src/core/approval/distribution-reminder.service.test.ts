import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, newOrg, newPerson, type TestDatabase, testRegistry } from '#test-support';
import type { Actor } from '../access';
import { notifications } from '../notify';
import { addDepartment, users } from '../org';
import { saveApprovalChain } from './approval-chain.service';
import { acknowledgeDocument, findDistribution, issueDocument, remindUnacknowledged } from './distribution.service';
import { approveDocument, submitDocument } from './document-transition.service';
import { createDocument, getDocument } from './document.service';

const { workflows } = testRegistry;
const NOW = new Date('2026-03-10T08:00:00Z');
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

describe('issue 14 item 8: acknowledgement can always finish (CORE-5)', () => {
  let database: TestDatabase;
  let author: Actor;
  let vp: Actor;
  let filler: Actor;
  let workshopId: string;
  let emptyId: string;
  let docId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { org, departments, system } = await newOrg(database.db);
    workshopId = departments.find((d) => d.name === '灌装车间')!.id;
    emptyId = (await addDepartment(database.db, system, { name: '质量部', kind: 'department' })).id;
    author = await newPerson(database.db, org.id, ['document.read', 'document.write', 'approval.act']);
    vp = await newPerson(database.db, org.id, ['document.read', 'approval.act']);
    filler = await newPerson(database.db, org.id, ['document.read']);
    await database.db
      .update(users)
      .set({ departmentId: workshopId })
      .where(and(eq(users.orgId, org.id), eq(users.id, filler.userId)));
    await saveApprovalChain(
      database.db,
      workflows,
      system,
      'general',
      { steps: [{ key: 'vp', nameZh: '审批', nameEn: 'VP', roleCode: vp.roles[0] }], allowSelfApproval: false },
      NOW,
    );
    const d = await createDocument(database.db, workflows, author, { docType: 'general', title: '生产通知', body: { content: '内容' } }, NOW);
    const s = await submitDocument(database.db, workflows, author, d.id, { version: d.version }, NOW);
    await approveDocument(database.db, workflows, vp, d.id, { version: s.version }, NOW);
    docId = d.id;
  });
  afterAll(() => database.drop());

  const reminders = (userId: string) =>
    database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'distribution.reminder')));

  it('issue 14 item 8: issuing to a department nobody belongs to is refused, naming it, and nothing is issued', async () => {
    const { version } = await getDocument(database.db, workflows, author, docId);
    const err = await issueDocument(database.db, workflows, author, docId, { version, departmentIds: [workshopId, emptyId] }, NOW).catch((e) => e);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'departmentIds' }] });
    expect(err.message).toContain('质量部');
    expect((await findDistribution(database.db, author, docId)).total).toBe(0);
  });

  it('issue 14 item 8: those who have not acknowledged are reminded a day after issue, once a day, until they sign', async () => {
    const doc = await getDocument(database.db, workflows, author, docId);
    await issueDocument(database.db, workflows, author, docId, { version: doc.version, departmentIds: [workshopId] }, NOW);
    expect(await remindUnacknowledged(database.db, workflows, later(12))).toBe(0);
    expect(await remindUnacknowledged(database.db, workflows, later(25))).toBe(1);
    expect(await reminders(filler.userId)).toHaveLength(1);
    // Not again the same day; again the next.
    expect(await remindUnacknowledged(database.db, workflows, later(30))).toBe(0);
    expect(await remindUnacknowledged(database.db, workflows, later(50))).toBe(1);
    await acknowledgeDocument(database.db, filler, docId, later(51));
    expect(await remindUnacknowledged(database.db, workflows, later(80))).toBe(0);
    expect(await reminders(filler.userId)).toHaveLength(2);
    expect(await findDistribution(database.db, author, docId)).toMatchObject({ total: 1, acknowledged: 1, pending: [] });
  });

  it('issue 14 item 8: the reminder names the day of issue as the organisation counts days (Beijing), not UTC’s', async () => {
    // Issued at 20:00 UTC on 10 March: 04:00 on 11 March in Beijing.
    const lateEvening = new Date('2026-03-10T20:00:00Z');
    const d = await createDocument(database.db, workflows, author, { docType: 'general', title: '夜班通知', body: { content: '内容' } }, lateEvening);
    const s = await submitDocument(database.db, workflows, author, d.id, { version: d.version }, lateEvening);
    const approved = await approveDocument(database.db, workflows, vp, d.id, { version: s.version }, lateEvening);
    await issueDocument(database.db, workflows, author, d.id, { version: approved.version, departmentIds: [workshopId] }, lateEvening);
    const before = (await reminders(filler.userId)).length;
    await remindUnacknowledged(database.db, workflows, new Date(lateEvening.getTime() + 25 * 3_600_000));
    const sent = (await reminders(filler.userId)).filter((n) => n.titleZh.includes('夜班通知'));
    expect((await reminders(filler.userId)).length).toBeGreaterThan(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ bodyZh: '2026-03-11 发放，请阅后签收', bodyEn: 'Issued on 2026-03-11; read and acknowledge' });
  });
});

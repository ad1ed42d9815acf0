import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, newOrg, newPerson, type TestDatabase } from '#test-support';
import type { Actor } from '../access';
import { findings } from '../assessment';
import { notifications } from '../notify';
import { deadlines } from './calendar.schema';
import { leaseDue, runDueDeadlines } from './deadline.runner';
import { completeDeadline, createDeadline, findDeadlines } from './deadline.service';

describe('deadlines, reminders, escalation (CORE-6)', () => {
  let database: TestDatabase;
  let orgId: string;
  let owner: Actor;
  let boss: Actor;
  let system: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    const o = await newOrg(database.db);
    orgId = o.org.id;
    system = o.system;
    owner = await newPerson(database.db, orgId, ['assessment.read']);
    boss = await newPerson(database.db, orgId, ['assessment.read']);
  });
  afterAll(() => database.drop());

  const db = () => database.db;
  const at = (iso: string) => ({ db: db(), clock: () => new Date(iso) });
  const newDeadline = (subjectId: string, dueOn: string, extra: Partial<Parameters<typeof createDeadline>[2]> = {}) =>
    db().transaction((tx) =>
      createDeadline(tx, system, {
        subjectType: 'test.subject',
        subjectId,
        title: { zh: `月度计划 ${subjectId}`, en: `Monthly plan ${subjectId}` },
        ownerUserId: owner.userId,
        dueOn,
        escalateTo: [boss.userId],
        rule: { clause: 'T2 五.1.2)', requirementId: 'PP-8', ruleCode: 'production.plan.late', penalty: 50 },
        ...extra,
      }),
    );
  const countNotes = async (userId: string, kind: string, about = '') =>
    (
      await db()
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))
    ).filter((n) => n.titleEn.includes(about)).length;

  it('CORE-6 derives reminder and escalation times from the policy (2 days before at 08:00, 1 day after)', async () => {
    const d = await newDeadline('times', '2026-03-28');
    expect(d.dueAt.toISOString()).toBe('2026-03-28T16:00:00.000Z');
    expect(d.remindAt?.toISOString()).toBe('2026-03-26T00:00:00.000Z');
    expect(d.escalateAt?.toISOString()).toBe('2026-03-29T16:00:00.000Z');
    expect(d.verdict).toBe('penalty');
  });

  it('CORE-6 the lease query locks due rows with FOR UPDATE SKIP LOCKED and a limit', () => {
    const q = leaseDue(db(), 'remind', new Date(), 25).toSQL();
    expect(q.sql).toMatch(/for update skip locked/i);
    expect(q.sql).toMatch(/limit \$\d+/i);
  });

  it('CORE-6 two runners in parallel send exactly one reminder per due deadline', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await newDeadline(`par-${i}`, '2026-05-20')).id);
    const before = await countNotes(owner.userId, 'deadline.reminder');
    const clock = at('2026-05-19T02:00:00Z');
    const [a, b] = await Promise.all([runDueDeadlines(clock, { batchSize: 5 }), runDueDeadlines(clock, { batchSize: 5 })]);
    expect(a.reminded + b.reminded).toBeGreaterThanOrEqual(12);
    expect((await countNotes(owner.userId, 'deadline.reminder')) - before).toBe(a.reminded + b.reminded);
    const rows = await db().select().from(deadlines).where(eq(deadlines.orgId, orgId));
    const leased = rows.filter((r) => ids.includes(r.id));
    expect(leased.every((r) => r.remindedAt !== null)).toBe(true);
    // A third run finds nothing left to send.
    expect((await runDueDeadlines(clock)).reminded).toBe(0);
  });

  it('PP-27 CORE-6 a deadline that passes unfinished is marked missed and becomes a finding citing its clause', async () => {
    const d = await newDeadline('miss', '2026-06-10');
    const r = await runDueDeadlines(at('2026-06-10T16:00:01Z'));
    expect(r.missed).toBeGreaterThanOrEqual(1);
    const [row] = await db().select().from(deadlines).where(eq(deadlines.id, d.id));
    expect(row.state).toBe('missed');
    const [finding] = await db()
      .select()
      .from(findings)
      .where(eq(findings.dedupeKey, `deadline:${d.id}`));
    expect(finding).toMatchObject({
      clause: 'T2 五.1.2)',
      requirementId: 'PP-8',
      ruleCode: 'production.plan.late',
      amount: 50,
      subjectUserId: owner.userId,
      period: '2026-06',
    });
    expect(row.findingId).toBe(finding.id);
    // Running again neither duplicates the finding nor re-marks the row.
    await runDueDeadlines(at('2026-06-10T17:00:00Z'));
    expect(
      (
        await db()
          .select()
          .from(findings)
          .where(eq(findings.dedupeKey, `deadline:${d.id}`))
      ).length,
    ).toBe(1);
  });

  it('CORE-6 escalates once to the escalation list after the grace days', async () => {
    const d = await newDeadline('esc', '2026-07-01');
    await runDueDeadlines(at('2026-07-01T20:00:00Z'));
    expect(await countNotes(boss.userId, 'deadline.escalated', 'plan esc ')).toBe(0);
    expect(await countNotes(owner.userId, 'deadline.missed', 'plan esc')).toBe(1);
    await Promise.all([runDueDeadlines(at('2026-07-02T16:30:00Z')), runDueDeadlines(at('2026-07-02T16:30:00Z'))]);
    expect(await countNotes(boss.userId, 'deadline.escalated', 'plan esc ')).toBe(1);
    const [row] = await db().select().from(deadlines).where(eq(deadlines.id, d.id));
    expect(row.escalatedAt).not.toBeNull();
  });

  it('CORE-6 completing in time closes the deadline with no finding; completing late records the finding', async () => {
    const onTime = await newDeadline('done-on-time', '2026-08-10');
    const late = await newDeadline('done-late', '2026-08-10');
    await db().transaction((tx) => completeDeadline(tx, owner, 'test.subject', 'done-on-time', new Date('2026-08-09T10:00:00Z')));
    await db().transaction((tx) => completeDeadline(tx, owner, 'test.subject', 'done-late', new Date('2026-08-11T10:00:00Z')));
    const rows = await db().select().from(deadlines).where(eq(deadlines.orgId, orgId));
    expect(rows.find((r) => r.id === onTime.id)).toMatchObject({ state: 'done', findingId: null });
    expect(rows.find((r) => r.id === late.id)?.findingId).toBeTruthy();
    // The scheduler afterwards finds nothing to miss for either.
    const r = await runDueDeadlines(at('2026-08-12T00:00:00Z'));
    const mine = await findDeadlines(db(), owner, { scope: 'mine', state: 'done' }, new Date('2026-08-12T00:00:00Z'));
    expect(mine.find((x) => x.id === late.id)?.status).toBe('done-late');
    expect(mine.find((x) => x.id === onTime.id)?.status).toBe('done');
    expect(r.missed).toBe(0);
  });

  it('CORE-6 a deadline without a finding rule only notifies when missed', async () => {
    const d = await newDeadline('no-finding', '2026-09-01', { rule: { clause: 'CORE-7', ruleCode: 'meeting.action', recordsFinding: false } });
    await runDueDeadlines(at('2026-09-02T00:00:00Z'));
    const [row] = await db().select().from(deadlines).where(eq(deadlines.id, d.id));
    expect(row.state).toBe('missed');
    expect(row.findingId).toBeNull();
  });

  it('CORE-6 only people with assessment.read see the organisation’s overdue deadlines', async () => {
    const plain = await newPerson(db(), orgId, []);
    await expect(findDeadlines(db(), plain, { scope: 'org', state: 'overdue' }, new Date('2026-12-01T00:00:00Z'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const overdue = await findDeadlines(db(), boss, { scope: 'org', state: 'overdue' }, new Date('2026-12-01T00:00:00Z'));
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((d) => d.status === 'overdue')).toBe(true);
  });
});

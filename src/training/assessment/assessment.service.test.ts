import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findings } from '#core/assessment';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase, testRegistry } from '#test-support';
import { getScreenQr, signInWithQr } from '../attendance';
import { decideClaim, getTeacherCredits, submitClaim } from '../credit';
import { newTrainingSchool, type TestSchool } from '../demo';
import { requestLeave, decideLeave } from '../leave';
import { createSession } from '../session';
import { addNote, getSelfStudy } from '../study';
import { computeAssessments, confirmAssessment, confirmQualifiedAssessments, findAssessments, findMyAssessments } from './assessment.service';

const at = (iso: string) => new Date(iso);

describe('credits and the yearly assessment (ST-5, ST-6, ST-7)', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  let school: TestSchool;
  const sessionIds: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    school = await newTrainingSchool(db, testRegistry, { teachers: 3, password: TEST_PASSWORD, now: at('2025-09-01T00:00:00Z') });
    // Four Monday sessions of 90 minutes each (2 学时, 2 credits), all staff.
    for (const date of ['2025-09-08', '2025-09-15', '2025-09-22', '2025-09-29']) {
      const s = await createSession(
        db,
        school.office,
        { title: '政治学习', category: 'moralEducation', date, startTime: '16:00', durationMinutes: 90, audience: 'all' },
        at('2025-09-01T00:00:00Z'),
      );
      sessionIds.push(s.id);
      const now = at(`${date}T08:02:00Z`);
      const token = (await getScreenQr(db, school.recorder, s.id, 'in', 'http://x', now)).token;
      // Teacher 0 attends all, teacher 1 attends all but asks leave once, teacher 2 never comes.
      await signInWithQr(db, school.teachers[0].actor, { token }, { ip: null }, now);
      if (date !== '2025-09-29') await signInWithQr(db, school.teachers[1].actor, { token }, { ip: null }, now);
    }
    const leave = await requestLeave(
      db,
      school.teachers[1].actor,
      { sessionId: sessionIds[3], kind: 'official', reason: '参加区教研活动' },
      at('2025-09-28T00:00:00Z'),
    );
    await decideLeave(db, school.principal, leave.id, { isApproved: true, version: leave.version }, at('2025-09-28T01:00:00Z'));
  });
  afterAll(() => database.drop());

  it('ST-6 refuses a credit claim without evidence, and counts a recognised one with the reason shown', async () => {
    const t = school.teachers[0].actor;
    await expect(
      submitClaim(
        db,
        t,
        { kind: 'national', title: '国培计划', category: 'degreeDistance', hours: 4, startedOn: '2025-10-10', endedOn: '2025-10-12' },
        at('2025-10-13T00:00:00Z'),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'evidence' }] });
    const claim = await submitClaim(
      db,
      t,
      {
        kind: 'national',
        title: '国培计划',
        category: 'degreeDistance',
        hours: 4,
        startedOn: '2025-10-10',
        endedOn: '2025-10-12',
        certificateNo: 'GP-2025-0018',
      },
      at('2025-10-13T00:00:00Z'),
    );
    await expect(
      decideClaim(db, school.principal, claim.id, { isApproved: true, recognisedHours: 9, version: claim.version }, at('2025-10-14T00:00:00Z')),
    ).rejects.toMatchObject({ details: [{ field: 'recognisedHours' }] });
    await decideClaim(db, school.principal, claim.id, { isApproved: true, recognisedHours: 4, version: claim.version }, at('2025-10-14T00:00:00Z'));
    const credits = await getTeacherCredits(db, t, school.teachers[0].teacherId, '2025-2026', at('2025-10-20T00:00:00Z'));
    expect(credits).toMatchObject({ totalCredits: 12, isMet: true });
    expect(credits.lines.find((l) => l.source === 'claim')?.notes[0].zh).toBe('校外培训经认定计 4 学时');
  });

  it('ST-6 a teacher cannot read another teacher’s credits', async () => {
    await expect(getTeacherCredits(db, school.teachers[1].actor, school.teachers[0].teacherId, '2025-2026', at('2025-10-20T00:00:00Z'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('ST-7 the year shows the teacher with three or more unexcused absences unqualified, listing them; leave is no absence', async () => {
    const rows = await computeAssessments(db, school.office, '2025-2026', at('2025-10-20T00:00:00Z'));
    const byTeacher = new Map(rows.map((r) => [r.teacherId, r]));
    const absent = byTeacher.get(school.teachers[2].teacherId)!;
    expect(absent).toMatchObject({ verdict: 'unqualified', unexcusedAbsences: 4 });
    expect(absent.reasons[0].clause).toBe('S1 管理制度 3');
    expect(absent.reasons[0].evidence.map((e) => e.entityId)).toEqual(sessionIds);
    const onLeave = byTeacher.get(school.teachers[1].teacherId)!;
    expect(onLeave.unexcusedAbsences).toBe(0);
    // 3 sessions × 2 credits = 6 < 12: unqualified for credits only.
    expect(onLeave.reasons.map((r) => r.code)).toEqual(['credits']);
    expect(byTeacher.get(school.teachers[0].teacherId)?.verdict).toBe('qualified');
  });

  it('ST-7 CORE-8 confirming a verdict records a finding with its clause and evidence, and recomputing leaves it alone', async () => {
    const rows = await computeAssessments(db, school.office, '2025-2026', at('2025-10-20T00:00:00Z'));
    const absent = rows.find((r) => r.teacherId === school.teachers[2].teacherId)!;
    await expect(confirmAssessment(db, school.office, absent.id, { version: absent.version }, at('2025-10-21T00:00:00Z'))).rejects.toMatchObject({
      details: [{ field: 'opinion' }],
    });
    const confirmed = await confirmAssessment(
      db,
      school.office,
      absent.id,
      { opinion: '经核实，四次均未请假', version: absent.version },
      at('2025-10-21T00:00:00Z'),
    );
    expect(confirmed.state).toBe('confirmed');
    const [f] = await db
      .select()
      .from(findings)
      .where(and(eq(findings.orgId, school.orgId), eq(findings.id, confirmed.findingId!)));
    expect(f).toMatchObject({
      verdict: 'unqualified',
      clause: 'S1 管理制度 3',
      requirementId: 'ST-7',
      period: '2025-2026',
      subjectUserId: school.teachers[2].actor.userId,
    });
    expect(f.evidence.filter((e) => e.entity === 'training.session')).toHaveLength(4);
    expect(f.evidence.map((e) => e.entity)).toContain('training.credits');
    const again = await computeAssessments(db, school.office, '2025-2026', at('2025-10-22T00:00:00Z'));
    expect(again.find((r) => r.id === absent.id)).toMatchObject({ state: 'confirmed', version: confirmed.version });
    expect((await findMyAssessments(db, school.teachers[2].actor))[0]).toMatchObject({ verdict: 'unqualified', state: 'confirmed' });
  });

  it('ST-7 issue 13 item 8: the list puts the unqualified first, filters by verdict, and confirms every qualified verdict at once with one opinion', async () => {
    const rows = await findAssessments(db, school.office, '2025-2026');
    const firstQualified = rows.findIndex((r) => r.verdict === 'qualified');
    expect(rows.slice(0, firstQualified).every((r) => r.verdict === 'unqualified')).toBe(true);
    expect(rows.slice(firstQualified).every((r) => r.verdict === 'qualified')).toBe(true);
    expect((await findAssessments(db, school.office, '2025-2026', { verdict: 'unqualified' })).every((r) => r.verdict === 'unqualified')).toBe(true);
    await expect(confirmQualifiedAssessments(db, school.teachers[0].actor, '2025-2026', { opinion: '同意' }, at('2025-10-23T00:00:00Z'))).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    );
    const qualified = rows.filter((r) => r.verdict === 'qualified' && r.state === 'computed').length;
    expect(qualified).toBeGreaterThan(0);
    const out = await confirmQualifiedAssessments(db, school.office, '2025-2026', { opinion: '经审核，合格' }, at('2025-10-23T00:00:00Z'));
    expect(out.confirmed).toBe(qualified);
    const after = await findAssessments(db, school.office, '2025-2026');
    for (const r of after.filter((x) => x.verdict === 'qualified')) expect(r).toMatchObject({ state: 'confirmed', opinion: '经审核，合格' });
    // The unqualified still wait for their own opinion.
    expect(after.filter((x) => x.verdict === 'unqualified' && x.state === 'computed').length).toBeGreaterThan(0);
  });

  it('ST-5 the weekly self-study counts article and information excerpts per week', async () => {
    const t = school.teachers[0].actor;
    await addNote(
      db,
      t,
      { kind: 'article_excerpt', title: '核心素养导向的课堂', source: '人民教育', content: '摘录……', date: '2025-10-06' },
      at('2025-10-06T10:00:00Z'),
    );
    await addNote(
      db,
      t,
      { kind: 'information_excerpt', title: '新课标发布', source: '人民教育', content: '信息……', date: '2025-10-07' },
      at('2025-10-07T10:00:00Z'),
    );
    await expect(addNote(db, t, { kind: 'reflection', title: ' ', content: 'x' }, at('2025-10-07T10:00:00Z'))).rejects.toMatchObject({
      details: [{ field: 'title' }],
    });
    const s = await getSelfStudy(db, t, school.teachers[0].teacherId, at('2025-10-15T02:00:00Z'), { from: '2025-10-06', to: '2025-10-19' });
    expect(s.weeks.map((w) => [w.weekStart, w.isMet])).toEqual([
      ['2025-10-06', true],
      ['2025-10-13', false],
    ]);
    expect(s).toMatchObject({ weeksMet: 1, weeksDue: 1, journals: ['人民教育'] });
  });
});

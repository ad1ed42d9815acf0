import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMyNotifications } from '#core/notify';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase, testRegistry } from '#test-support';
import { closeEndedSessions, recordAttendance } from '../attendance';
import { getMyHome } from '../dashboard';
import { newTrainingSchool, type TestSchool } from '../demo';
import { createSession } from '../session';
import { warnTeachers } from './standing.service';

const at = (iso: string) => new Date(iso);

describe('warning teachers in time (issue 13 item 4)', () => {
  let database: TestDatabase;
  let db: TestDatabase['db'];
  let school: TestSchool;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    school = await newTrainingSchool(db, testRegistry, { teachers: 2, password: TEST_PASSWORD, now: at('2026-03-01T00:00:00Z') });
  });
  afterAll(() => database.drop());

  it('ST-7 issue 13 item 4: the home page shows absences against the limit and projected credits; a notification at limit − 1, once', async () => {
    const created = at('2026-03-01T00:00:00Z');
    const [absent, present] = school.teachers;
    for (const date of ['2026-03-02', '2026-03-09', '2026-03-16', '2026-04-13']) {
      const s = await createSession(
        db,
        school.office,
        { title: `政治学习 ${date}`, category: 'moralEducation', date, startTime: '16:30', durationMinutes: 90, audience: 'all' },
        created,
      );
      if (date < '2026-04-01') await recordAttendance(db, school.recorder, s.id, { teacherId: present.teacherId, status: 'on_time' }, at(`${date}T08:40:00Z`));
      if (date === '2026-03-02') await recordAttendance(db, school.recorder, s.id, { teacherId: absent.teacherId, status: 'on_time' }, at(`${date}T08:40:00Z`));
    }
    const now = at('2026-03-20T02:00:00Z');
    await closeEndedSessions(db, now, { orgId: school.orgId });
    // The absent teacher came to the first session only: absent twice, the limit is 3.
    const home = await getMyHome(db, absent.actor, now);
    expect(home.standing).toMatchObject({ absenceLimit: 3 });
    expect(home.standing).toMatchObject({ absences: 2, absencesLeft: 1 });
    expect(home.standing!.projectedCredits).toBeGreaterThan(home.standing!.credits);
    const sent = await warnTeachers(db, school.orgId, '2025-2026', now);
    expect(sent).toBeGreaterThan(0);
    const mine = (await findMyNotifications(db, absent.actor)).filter((n) => n.kind === 'training.standing.warning');
    expect(mine.some((n) => (n.bodyZh ?? '').includes('再缺 1 次'))).toBe(true);
    expect(await warnTeachers(db, school.orgId, '2025-2026', now)).toBe(0);
    const theirs = (await findMyNotifications(db, present.actor)).filter((n) => n.kind === 'training.standing.warning');
    expect(theirs.some((n) => (n.bodyZh ?? '').includes('再缺'))).toBe(false);
  });
});

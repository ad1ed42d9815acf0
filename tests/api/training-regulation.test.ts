import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#core/access';
import { addPerson } from '#core/org';
import { newTrainingSchool, type TestSchool } from '#training';
import { type Client, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

// Issue 13 items 14–16: what the regulation still asked for — the term-end panel (S2 五.5),
// the monthly handbook sign-off (S1 学习制度 1), the record-book inspection (S1 考勤 三),
// group plans under the school plan (S2 六.(二)) and the training budget (S2 六.(五)).
describe('training API: issue 13 items 14–16, the regulation’s remaining rules', () => {
  let t: TestApp;
  let school: TestSchool;
  let other: TestSchool;
  let office: Client;
  let principal: Client;
  let recorder: Client;
  let teacher: Client;
  let leader: Client;
  let outsider: Client;
  let leaderUsername: string;
  let adminUsername: string;
  const at = async (iso: string) => {
    t.setNow(iso);
    [office, principal, recorder, teacher, leader, outsider] = await Promise.all(
      [school.office.username, school.principal.username, school.recorder.username, school.teachers[0].username, leaderUsername, other.office.username].map(
        (u) => signIn(t.app, u, TEST_PASSWORD),
      ),
    );
  };
  const chinese = () => school.groups.get('语文教研组')!;
  const maths = () => school.groups.get('数学教研组')!;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-02T00:00:00Z' });
    school = await newTrainingSchool(t.ctx.db, t.ctx.registry, { teachers: 3, password: TEST_PASSWORD });
    other = await newTrainingSchool(t.ctx.db, t.ctx.registry, { teachers: 1, password: TEST_PASSWORD });
    // The Chinese group's leader, registered as a teacher of that group.
    leaderUsername = `leader.${school.orgId.slice(0, 6)}`;
    const p = await addPerson(t.ctx.db, systemActor(school.orgId), {
      username: leaderUsername,
      displayName: '语文组长',
      password: TEST_PASSWORD,
      roles: ['group_leader'],
      departmentId: chinese(),
    });
    adminUsername = `admin.${school.orgId.slice(0, 6)}`;
    await addPerson(t.ctx.db, systemActor(school.orgId), { username: adminUsername, displayName: '管理员', password: TEST_PASSWORD, roles: ['admin'] });
    t.setNow('2026-03-02T00:00:00Z');
    const o = await signIn(t.app, school.office.username, TEST_PASSWORD);
    expect((await o.post('/api/training/teachers', { staffNo: 'L001', name: '语文组长', userId: p.id, groupId: chinese() })).statusCode).toBe(201);
    await at('2026-03-02T00:00:00Z');
  });
  afterAll(() => t.close());

  it('issue 13 item 14 (S2 五.5): the term-end panel sees each teacher’s term facts, decides with an opinion, and only the panel may', async () => {
    // Three all-staff sessions this term; teacher 1 misses every one, everyone else on the register is present.
    const register = (await office.get('/api/training/teachers')).json() as { id: string }[];
    const present = register.filter((r) => r.id !== school.teachers[0].teacherId).map((r) => ({ teacherId: r.id }));
    expect(present.length).toBeGreaterThanOrEqual(4);
    for (const day of ['2026-03-02', '2026-03-09', '2026-03-16']) {
      await at(`${day}T00:00:00Z`);
      const s = await office.post('/api/training/sessions', {
        title: `政治学习 ${day}`,
        category: 'moralEducation',
        date: day,
        startTime: '16:30',
        durationMinutes: 90,
        audience: 'all',
      });
      expect(s.statusCode).toBe(201);
      await at(`${day}T10:30:00Z`);
      for (const x of present)
        expect((await recorder.post(`/api/training/sessions/${s.json().id}/attendance`, { teacherId: x.teacherId, status: 'on_time' })).statusCode).toBe(200);
      expect((await recorder.post(`/api/training/sessions/${s.json().id}/close-roster`, {})).statusCode).toBe(200);
    }
    await at('2026-03-20T02:00:00Z');
    const list = await office.get('/api/training/term-assessments?schoolYear=2025-2026&term=2');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body).toMatchObject({ schoolYear: '2025-2026', term: 2, canDecide: true, unexcusedAbsenceLimit: 3 });
    // Unqualified first; the facts are the term's only.
    expect(body.rows[0]).toMatchObject({
      teacherId: school.teachers[0].teacherId,
      proposed: 'unqualified',
      decision: null,
      facts: { unexcusedAbsences: 3, sessionsPresent: 0 },
    });
    expect(body.rows[0].concerns[0].zh).toContain('无故缺席集中培训 3 次');
    const other1 = body.rows.find((r: { teacherId: string }) => r.teacherId === school.teachers[1].teacherId);
    expect(other1).toMatchObject({ proposed: 'qualified', facts: { unexcusedAbsences: 0, sessionsPresent: 3 } });
    // The first term of the year has none of these facts.
    const term1 = (await office.get('/api/training/term-assessments?schoolYear=2025-2026&term=1')).json();
    expect(term1.rows.find((r: { teacherId: string }) => r.teacherId === school.teachers[0].teacherId).facts.unexcusedAbsences).toBe(0);

    const decide = { teacherId: school.teachers[0].teacherId, schoolYear: '2025-2026', term: 2, verdict: 'unqualified' };
    const noOpinion = await principal.post('/api/training/term-assessments', decide);
    expect(noOpinion.statusCode).toBe(400);
    expect(noOpinion.json().details[0].field).toBe('opinion');
    const decided = await principal.post('/api/training/term-assessments', { ...decide, opinion: '本学期三次无故缺席集中培训' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ verdict: 'unqualified', decidedByName: expect.any(String), version: 1, facts: { unexcusedAbsences: 3 } });
    // A change needs the version; the panel may revise its verdict.
    expect((await office.post('/api/training/term-assessments', { ...decide, verdict: 'qualified' })).statusCode).toBe(409);
    const revised = await office.post('/api/training/term-assessments', { ...decide, verdict: 'qualified', opinion: '已补训', version: 1 });
    expect(revised.json()).toMatchObject({ verdict: 'qualified', version: 2 });
    // Not on the panel: the recorder (no training.assess) and a teacher; another school never sees the teacher.
    expect((await recorder.post('/api/training/term-assessments', { ...decide, verdict: 'qualified', version: 2 })).statusCode).toBe(403);
    expect((await teacher.get('/api/training/term-assessments?schoolYear=2025-2026&term=2')).statusCode).toBe(403);
    const foreign = await outsider.post('/api/training/term-assessments', { ...decide, verdict: 'qualified' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details[0].field).toBe('teacherId');
    // The teacher is told.
    const note = (await teacher.get('/api/notifications')).json();
    expect(JSON.stringify(note)).toContain('校本培训考核');
  });

  it('issue 13 item 14: the panel is the policy’s — a role taken off the panel may no longer decide', async () => {
    await at('2026-03-20T03:00:00Z');
    const admin = await signIn(t.app, adminUsername, TEST_PASSWORD);
    const view = (await admin.get('/api/policy')).json();
    const saved = await admin.put('/api/policy', {
      baseVersion: view.version,
      values: { ...view.values, training: { ...view.values.training, termPanelRoles: ['principal'] } },
      reason: '考核小组只设校长',
    });
    expect(saved.statusCode).toBe(200);
    expect((await office.get('/api/training/term-assessments?schoolYear=2025-2026&term=2')).json().canDecide).toBe(false);
    expect((await principal.get('/api/training/term-assessments?schoolYear=2025-2026&term=2')).json().canDecide).toBe(true);
    const r = await office.post('/api/training/term-assessments', {
      teacherId: school.teachers[1].teacherId,
      schoolYear: '2025-2026',
      term: 2,
      verdict: 'qualified',
    });
    expect(r.statusCode).toBe(403);
    const back = (await admin.get('/api/policy')).json();
    expect(
      (
        await admin.put('/api/policy', {
          baseVersion: back.version,
          values: { ...back.values, training: { ...back.values.training, termPanelRoles: ['principal', 'academic_director'] } },
          reason: '恢复',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('issue 13 item 15 (S1 学习制度 1 按月签评): the group leader signs his group’s handbooks month by month, the office any; months and signers come from the policy', async () => {
    await at('2026-03-20T04:00:00Z');
    const grid = (await leader.get('/api/training/handbook?schoolYear=2025-2026')).json();
    expect(grid.months).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(grid.canSign).toBe(true);
    const chineseTeacher = school.teachers[0].teacherId;
    const mathsTeacher = school.teachers[1].teacherId;
    const ok = await leader.post('/api/training/handbook/sign-offs', {
      teacherId: chineseTeacher,
      month: '2026-03',
      rating: 'good',
      comment: '笔记认真，领会到位',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ month: '2026-03', rating: 'good', signedByName: '语文组长', version: 1 });
    // Not his group; a month outside the sign-off months (February, the winter holiday); a month not yet begun.
    expect(
      (await leader.post('/api/training/handbook/sign-offs', { teacherId: mathsTeacher, month: '2026-03', rating: 'pass', comment: '已阅' })).statusCode,
    ).toBe(403);
    expect(
      (await leader.post('/api/training/handbook/sign-offs', { teacherId: chineseTeacher, month: '2026-02', rating: 'pass', comment: '已阅' })).json()
        .details[0].field,
    ).toBe('month');
    expect(
      (await leader.post('/api/training/handbook/sign-offs', { teacherId: chineseTeacher, month: '2026-04', rating: 'pass', comment: '已阅' })).statusCode,
    ).toBe(400);
    // The office signs any group; the recorder and teachers hold no signing role.
    expect(
      (await office.post('/api/training/handbook/sign-offs', { teacherId: mathsTeacher, month: '2026-03', rating: 'improve', comment: '笔记不全，请补记' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await recorder.post('/api/training/handbook/sign-offs', { teacherId: mathsTeacher, month: '2026-01', rating: 'pass', comment: '已阅' })).statusCode,
    ).toBe(403);
    expect(
      (await teacher.post('/api/training/handbook/sign-offs', { teacherId: chineseTeacher, month: '2026-01', rating: 'pass', comment: '已阅' })).statusCode,
    ).toBe(403);
    // A revision needs the version.
    expect(
      (await leader.post('/api/training/handbook/sign-offs', { teacherId: chineseTeacher, month: '2026-03', rating: 'pass', comment: '改' })).statusCode,
    ).toBe(409);
    expect(
      (await leader.post('/api/training/handbook/sign-offs', { teacherId: chineseTeacher, month: '2026-03', rating: 'pass', comment: '改', version: 1 })).json()
        .version,
    ).toBe(2);
    const after = (await office.get('/api/training/handbook?schoolYear=2025-2026')).json();
    const row = after.rows.find((r: { teacherId: string }) => r.teacherId === mathsTeacher);
    expect(row.signOffs).toEqual([expect.objectContaining({ month: '2026-03', rating: 'improve', comment: '笔记不全，请补记' })]);
    expect(
      (await outsider.get('/api/training/handbook?schoolYear=2025-2026')).json().rows.some((r: { teacherId: string }) => r.teacherId === mathsTeacher),
    ).toBe(false);
  });

  it('issue 13 item 15 (S1 考勤 三): the leadership group inspects the 《校本培训记录册》, the entries are counted and a shortfall is told to the teacher', async () => {
    await at('2026-03-20T05:00:00Z');
    expect(
      (await teacher.post('/api/training/notes', { kind: 'record_book', title: '第一次集中培训记录', content: '记录……', date: '2026-03-02' })).statusCode,
    ).toBe(201);
    expect(
      (await teacher.post('/api/training/notes', { kind: 'record_book', title: '第二次集中培训记录', content: '记录……', date: '2026-03-09' })).statusCode,
    ).toBe(201);
    const before = (await principal.get('/api/training/record-book-checks?schoolYear=2025-2026')).json();
    expect(before.canInspect).toBe(true);
    expect(before.rows.find((r: { teacherId: string }) => r.teacherId === school.teachers[0].teacherId)).toMatchObject({ entries: 2, checks: [] });
    const noComment = await principal.post('/api/training/record-book-checks', {
      teacherId: school.teachers[1].teacherId,
      checkedOn: '2026-03-20',
      finding: 'missing',
    });
    expect(noComment.json().details[0].field).toBe('comment');
    const missing = await principal.post('/api/training/record-book-checks', {
      teacherId: school.teachers[1].teacherId,
      checkedOn: '2026-03-20',
      finding: 'missing',
      comment: '记录册未交',
    });
    expect(missing.statusCode).toBe(201);
    expect(missing.json()).toMatchObject({ finding: 'missing', entries: 0, comment: '记录册未交' });
    const good = await office.post('/api/training/record-book-checks', {
      teacherId: school.teachers[0].teacherId,
      checkedOn: '2026-03-20',
      finding: 'complete',
    });
    expect(good.json()).toMatchObject({ finding: 'complete', entries: 2 });
    // A group leader and the recorder are not the leadership group; a future date is refused.
    expect(
      (await leader.post('/api/training/record-book-checks', { teacherId: school.teachers[0].teacherId, checkedOn: '2026-03-20', finding: 'complete' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await recorder.post('/api/training/record-book-checks', { teacherId: school.teachers[0].teacherId, checkedOn: '2026-03-20', finding: 'complete' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await principal.post('/api/training/record-book-checks', { teacherId: school.teachers[0].teacherId, checkedOn: '2026-03-28', finding: 'complete' }))
        .statusCode,
    ).toBe(400);
    const list = (await office.get('/api/training/record-book-checks?schoolYear=2025-2026')).json();
    expect(list.rows.find((r: { teacherId: string }) => r.teacherId === school.teachers[1].teacherId).checks).toEqual([
      expect.objectContaining({ finding: 'missing' }),
    ]);
    const told = await signIn(t.app, school.teachers[1].username, TEST_PASSWORD);
    expect(JSON.stringify((await told.get('/api/notifications')).json())).toContain('记录册');
  });

  it('issue 13 item 16 (S2 六.(二)): a group leader writes his group’s plan under the school plan, the office approves or returns it', async () => {
    await at('2026-03-20T06:00:00Z');
    const plan = await office.post('/api/training/plans', {
      kind: 'semester',
      schoolYear: '2025-2026',
      term: 2,
      title: '第二学期校本培训计划',
      goals: '提升课堂教学能力',
      startsOn: '2026-03-02',
      endsOn: '2026-07-10',
      items: [],
    });
    expect(plan.statusCode).toBe(201);
    const schoolPlanId = plan.json().id;
    const list = (await leader.get('/api/training/group-plans?schoolYear=2025-2026')).json();
    expect(list.schoolPlans.map((p: { id: string }) => p.id)).toContain(schoolPlanId);
    expect(list.writableGroups).toEqual([{ id: chinese(), name: '语文教研组' }]);
    expect(list.canApprove).toBe(false);
    // Another group's plan is not his to write.
    expect((await leader.post('/api/training/group-plans', { schoolPlanId, groupId: maths(), title: '数学组计划', content: '……' })).statusCode).toBe(403);
    const created = await leader.post('/api/training/group-plans', {
      schoolPlanId,
      groupId: chinese(),
      title: '语文组校本培训计划',
      content: '结合本学科实际：每周五组内研讨课一节。',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      state: 'draft',
      groupName: '语文教研组',
      schoolPlan: { id: schoolPlanId, kind: 'semester', term: 2 },
      writtenByName: '语文组长',
    });
    expect((await leader.post('/api/training/group-plans', { schoolPlanId, groupId: chinese(), title: '再写一份', content: '……' })).statusCode).toBe(409);
    const id = created.json().id;
    const submitted = await leader.post(`/api/training/group-plans/${id}/submit`, { version: 1 });
    expect(submitted.json()).toMatchObject({ state: 'submitted', version: 2 });
    // The approver is the policy's (the office): the principal and the leader are refused; a return needs a reason.
    expect((await principal.post(`/api/training/group-plans/${id}/review`, { decision: 'approve', version: 2 })).statusCode).toBe(403);
    expect((await leader.post(`/api/training/group-plans/${id}/review`, { decision: 'approve', version: 2 })).statusCode).toBe(403);
    expect((await office.post(`/api/training/group-plans/${id}/review`, { decision: 'return', version: 2 })).json().details[0].field).toBe('comment');
    const returned = await office.post(`/api/training/group-plans/${id}/review`, { decision: 'return', comment: '请写明每次研讨的主题', version: 2 });
    expect(returned.json()).toMatchObject({ state: 'returned', reviewComment: '请写明每次研讨的主题', version: 3 });
    const edited = await leader.put(`/api/training/group-plans/${id}`, {
      title: '语文组校本培训计划',
      content: '每周五研讨：3月 识字教学，4月 阅读教学。',
      version: 3,
    });
    expect(edited.json()).toMatchObject({ state: 'returned', version: 4 });
    await leader.post(`/api/training/group-plans/${id}/submit`, { version: 4 });
    const approved = await office.post(`/api/training/group-plans/${id}/review`, { decision: 'approve', version: 5 });
    expect(approved.json()).toMatchObject({ state: 'approved', reviewedByName: expect.any(String) });
    // An approved plan is no longer edited; the leader was told.
    expect((await leader.put(`/api/training/group-plans/${id}`, { title: 'x', content: 'y', version: 6 })).statusCode).toBe(409);
    expect(JSON.stringify((await leader.get('/api/notifications')).json())).toContain('教研组培训计划已批准');
    expect((await outsider.get(`/api/training/group-plans?schoolYear=2025-2026`)).json().plans).toEqual([]);
  });

  it('issue 13 item 16 (S2 六.(五)): the training budget keeps planned and spent amounts per item, with totals; only the office edits', async () => {
    await at('2026-03-20T07:00:00Z');
    const plans = (await office.get('/api/training/plans?schoolYear=2025-2026')).json();
    const planId = (Array.isArray(plans) ? plans : (plans.rows ?? plans.items))[0].id;
    const a = await office.post('/api/training/budget', { schoolYear: '2025-2026', planId, title: '专家讲座', plannedAmount: 3000, spentAmount: 1200.5 });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ plannedAmount: 3000, spentAmount: 1200.5, remaining: 1799.5, isOverspent: false, planId });
    const b = await office.post('/api/training/budget', { schoolYear: '2025-2026', title: '教师用书', plannedAmount: 800 });
    expect(b.json()).toMatchObject({ spentAmount: 0, remaining: 800 });
    const over = await office.put(`/api/training/budget/${b.json().id}`, { title: '教师用书', plannedAmount: 800, spentAmount: 950, version: 1 });
    expect(over.json()).toMatchObject({ isOverspent: true, remaining: -150, version: 2 });
    expect((await office.put(`/api/training/budget/${b.json().id}`, { title: '教师用书', plannedAmount: 800, spentAmount: 950, version: 1 })).statusCode).toBe(
      409,
    );
    expect((await office.post('/api/training/budget', { schoolYear: '2025-2026', title: '负数', plannedAmount: -1 })).statusCode).toBe(400);
    expect((await office.post('/api/training/budget', { schoolYear: '2024-2025', planId, title: '错年', plannedAmount: 1 })).json().details[0].field).toBe(
      'planId',
    );
    const budget = (await principal.get('/api/training/budget?schoolYear=2025-2026')).json();
    expect(budget).toMatchObject({ canEdit: false, totals: { planned: 3800, spent: 2150.5, remaining: 1649.5 } });
    expect(budget.items).toHaveLength(2);
    expect((await principal.post('/api/training/budget', { schoolYear: '2025-2026', title: '校长', plannedAmount: 1 })).statusCode).toBe(403);
    expect((await leader.post('/api/training/budget', { schoolYear: '2025-2026', title: '组长', plannedAmount: 1 })).statusCode).toBe(403);
    expect((await outsider.get('/api/training/budget?schoolYear=2025-2026')).json().items).toEqual([]);
  });
});

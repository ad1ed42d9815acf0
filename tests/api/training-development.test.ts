import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTrainingSchool, type TestSchool } from '#training';
import { type Client, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(client: Client, url: string, rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('teachers');
  for (const r of rows) ws.addRow(r);
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = '----zhidutraining';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="teachers.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return client.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

// ST-5, ST-8 … ST-17 and the dashboards over HTTP.
describe('training API: register, self-study, archives, evaluation, term end, development', () => {
  let t: TestApp;
  let school: TestSchool;
  let other: TestSchool;
  let office: Client;
  let principal: Client;
  let teacher: Client;
  let peer: Client;
  let outsider: Client;
  let sessionId: string;
  const at = async (iso: string) => {
    t.setNow(iso);
    [office, principal, teacher, peer, outsider] = await Promise.all(
      [school.office, school.principal, school.teachers[0].actor, school.teachers[1].actor, other.office].map((a) => signIn(t.app, a.username, TEST_PASSWORD)),
    );
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-02T00:00:00Z' });
    school = await newTrainingSchool(t.ctx.db, t.ctx.registry, { teachers: 3, password: TEST_PASSWORD });
    other = await newTrainingSchool(t.ctx.db, t.ctx.registry, { teachers: 1, password: TEST_PASSWORD });
    await at('2026-03-02T00:00:00Z');
    const s = await office.post('/api/training/sessions', {
      title: '政治学习',
      category: 'moralEducation',
      date: '2026-03-02',
      startTime: '16:30',
      durationMinutes: 90,
      audience: 'all',
    });
    sessionId = s.json().id;
  });
  afterAll(() => t.close());

  it('ST-12 CORE-11 imports the staff list from Excel all or nothing, naming the bad row', async () => {
    const header = ['工号', '姓名', '登录账号', '教研组', '学科', '任教年级', '职称', '发展阶段', '骨干级别', '培训领导小组', '手机', '任教日期', '在职'];
    const bad = await upload(office, '/api/excel/training-teachers/import', [
      header,
      ['N001', '新老师', null, '不存在的组', '语文', '一年级', '二级教师', '初任', null, null, null, null, '是'],
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ row: 2, column: '教研组' });
    const ok = await upload(office, '/api/excel/training-teachers/import', [
      header,
      ['N001', '新老师', null, '语文教研组', '语文', '一年级', '二级教师', '初任', null, null, null, '2025-09-01', '是'],
      ['T001', '教师1', null, '语文教研组', '语文', '三年级', '一级教师', '骨干', '区级骨干', '成员', null, null, '是'],
    ]);
    expect(ok.json()).toMatchObject({ inserted: 1, updated: 1 });
    const list = (await office.get('/api/training/teachers')).json();
    expect(list.find((x: { staffNo: string }) => x.staffNo === 'T001')).toMatchObject({
      stage: 'backbone',
      backboneLevel: 'district',
      leadershipRole: 'member',
    });
    expect((await teacher.post('/api/training/teachers', { staffNo: 'X', name: 'x' })).statusCode).toBe(403);
    const exported = await office.get('/api/excel/training-teachers/export');
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });

  it('ST-5 notes and excerpts count for the week; a teacher sees only their own', async () => {
    const note = await teacher.post('/api/training/notes', {
      kind: 'article_excerpt',
      title: '核心素养',
      source: '人民教育',
      content: '摘录……',
      date: '2026-03-02',
    });
    expect(note.statusCode).toBe(201);
    await teacher.post('/api/training/notes', { kind: 'information_excerpt', title: '新课标', source: '人民教育', content: '信息……', date: '2026-03-03' });
    const week = (await teacher.get('/api/training/self-study/me')).json();
    expect(week.weeks.find((w: { weekStart: string }) => w.weekStart === '2026-03-02')).toMatchObject({ isMet: true });
    expect((await peer.get('/api/training/notes')).json()).toEqual([]);
    expect((await peer.get(`/api/training/notes?teacherId=${school.teachers[0].teacherId}`)).statusCode).toBe(403);
    expect((await teacher.post('/api/training/notes', { kind: 'reflection', title: '', content: '' })).json().details[0].field).toBe('title');
  });

  it('ST-9 self, peer and administrator forms plus an anonymous parent link give a weighted result', async () => {
    const round = await office.post('/api/training/evaluations/rounds', {
      schoolYear: '2025-2026',
      term: 2,
      title: '第二学期多元评价',
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
    });
    expect(round.statusCode).toBe(201);
    const id = round.json().id;
    const scores = { ethics: 5, teaching: 4, participation: 5, growth: 4, care: 5 };
    const target = school.teachers[0].teacherId;
    expect((await teacher.post(`/api/training/evaluations/rounds/${id}/forms`, { teacherId: target, source: 'self', scores })).statusCode).toBe(201);
    expect((await teacher.post(`/api/training/evaluations/rounds/${id}/forms`, { teacherId: target, source: 'peers', scores })).json().details[0].field).toBe(
      'teacherId',
    );
    expect(
      (await peer.post(`/api/training/evaluations/rounds/${id}/forms`, { teacherId: target, source: 'peers', scores: { ...scores, care: 9 } })).json()
        .details[0].field,
    ).toBe('scores.care');
    expect((await peer.post(`/api/training/evaluations/rounds/${id}/forms`, { teacherId: target, source: 'peers', scores })).statusCode).toBe(201);
    expect((await peer.post(`/api/training/evaluations/rounds/${id}/forms`, { teacherId: target, source: 'administrators', scores })).statusCode).toBe(403);
    const links = (await office.get(`/api/training/evaluations/rounds/${id}/links`)).json();
    const link = links
      .find((l: { teacherId: string }) => l.teacherId === target)
      .path.split('/')
      .pop();
    const form = await t.app.inject({ method: 'GET', url: `/api/training/public/evaluations/${link}` });
    expect(form.json()).toMatchObject({ teacherName: '教师1', isOpen: true });
    expect(form.json()).not.toHaveProperty('teacherId');
    const anon = { source: 'parents', scores: { ethics: 3, teaching: 3, participation: 3, growth: 3, care: 3 } };
    const headers = { 'user-agent': 'phone-a' };
    expect((await t.app.inject({ method: 'POST', url: `/api/training/public/evaluations/${link}`, payload: anon, headers })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `/api/training/public/evaluations/${link}`, payload: anon, headers })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: `/api/training/public/evaluations/${link.slice(0, -2)}xx` })).statusCode).toBe(404);
    const results = (await office.get(`/api/training/evaluations/rounds/${id}/results`)).json();
    const r = results.find((x: { teacherId: string }) => x.teacherId === target);
    // self 92, peers 92, parents 60; equal weights over the three sources present.
    expect(r.score).toBe(81.33);
    expect((await outsider.get(`/api/training/evaluations/rounds/${id}/results`)).statusCode).toBe(404);
  });

  it('ST-12 ST-13 ST-14 backbone share and hours, a mentor pair with records, the four ones', async () => {
    const hours = await teacher.post('/api/training/backbone/hours', {
      teacherId: school.teachers[0].teacherId,
      kind: 'theory',
      hours: 20,
      occurredOn: '2026-03-01',
      title: '区骨干集中研修',
    });
    expect(hours.statusCode).toBe(201);
    expect(
      (
        await teacher.post('/api/training/backbone/hours', {
          teacherId: school.teachers[1].teacherId,
          kind: 'theory',
          hours: 20,
          occurredOn: '2026-03-01',
          title: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const overview = (await office.get('/api/training/backbone')).json();
    expect(overview.share).toMatchObject({ target: 0.2 });
    expect(overview.tracks.find((x: { teacherId: string }) => x.teacherId === school.teachers[0].teacherId).progress).toMatchObject({
      theory: 20,
      theoryRequired: 60,
      practiceRequired: 40,
    });
    const pair = await office.post('/api/training/mentors', {
      mentorId: school.teachers[0].teacherId,
      menteeId: school.teachers[1].teacherId,
      schoolYear: '2025-2026',
      goals: '一学期内独立完成单元设计',
    });
    expect(pair.statusCode).toBe(201);
    expect(
      (
        await office.post('/api/training/mentors', {
          mentorId: school.teachers[0].teacherId,
          menteeId: school.teachers[0].teacherId,
          schoolYear: '2025-2026',
          goals: 'xx',
        })
      ).json().details[0].field,
    ).toBe('menteeId');
    expect(
      (await peer.post(`/api/training/mentors/${pair.json().id}/records`, { kind: 'observation', occurredOn: '2026-03-02', content: '听师傅示范课' }))
        .statusCode,
    ).toBe(201);
    expect((await peer.get('/api/training/mentors')).json()[0]).toMatchObject({ recordCount: 1 });
    expect((await teacher.post('/api/training/four-ones', { item: 'book', title: '《给教师的建议》', completedOn: '2026-03-01' })).statusCode).toBe(201);
    const ones = (await office.get('/api/training/four-ones?schoolYear=2025-2026')).json();
    expect(ones.find((x: { teacherId: string }) => x.teacherId === school.teachers[0].teacherId).progress.items[0]).toMatchObject({
      item: 'book',
      isMet: true,
    });
  });

  it('ST-15 ST-16 an assignment handed in late, returned and handed in again; activities cover the kinds', async () => {
    const a = await office.post('/api/training/assignments', {
      schoolYear: '2025-2026',
      term: 2,
      kind: 'lesson_design',
      title: '单元教学设计',
      dueOn: '2026-03-01',
    });
    expect(a.statusCode).toBe(201);
    const sub = await teacher.post(`/api/training/assignments/${a.json().id}/submit`, { content: '设计稿' });
    expect(sub.json()).toMatchObject({ isLate: true, reviewState: 'submitted' });
    expect((await teacher.post(`/api/training/assignments/${a.json().id}/submit`, { content: '再交' })).statusCode).toBe(409);
    expect((await office.post(`/api/training/submissions/${sub.json().id}/review`, { isAccepted: false, version: 1 })).json().details[0].field).toBe('comment');
    await office.post(`/api/training/submissions/${sub.json().id}/review`, { isAccepted: false, comment: '请补充评价任务', version: 1 });
    expect((await teacher.post(`/api/training/assignments/${a.json().id}/submit`, { content: '修改稿' })).statusCode).toBe(201);
    const mine = (await teacher.get('/api/training/assignments?schoolYear=2025-2026')).json();
    expect(mine[0].myStatus).toBe('late');
    await office.post('/api/training/activities', { kind: 'case_analysis', title: '作业设计案例分析', heldOn: '2026-03-02' });
    const acts = (await office.get('/api/training/activities?schoolYear=2025-2026&term=2')).json();
    expect(acts.coverage.kinds.find((k: { kind: string }) => k.kind === 'case_analysis').isMet).toBe(true);
    expect(acts.coverage.isMet).toBe(false);
  });

  it('ST-10 ST-11 ST-17 term end: proposals from the rules, confirmation records a finding, the summary keeps the figures', async () => {
    await at('2026-03-03T00:00:00Z');
    const proposals = (await office.post('/api/training/honours/propose', { schoolYear: '2025-2026', term: 2 })).json();
    // Nobody signed in to the Monday session: every teacher missed it without leave.
    const criticism = proposals.filter((p: { kind: string }) => p.kind === 'criticism');
    expect(criticism.length).toBeGreaterThan(0);
    expect(criticism[0].reasons[0].zh).toContain('无故缺席校本培训 1 次');
    const decided = await principal.post(`/api/training/honours/${criticism[0].id}/decide`, { isConfirmed: true, version: criticism[0].version });
    expect(decided.json()).toMatchObject({ state: 'confirmed', findingId: expect.any(String) });
    const saved = await office.put('/api/training/summaries', {
      schoolYear: '2025-2026',
      term: 2,
      achievements: '常规学习落实',
      problems: '周一出勤不佳',
      improvements: '加强考勤通报',
    });
    expect(saved.json().figures).toMatchObject({ sessionsHeld: 1 });
    const stale = await office.put('/api/training/summaries', {
      schoolYear: '2025-2026',
      term: 2,
      achievements: 'x',
      problems: 'y',
      improvements: 'z',
      version: 99,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await teacher.put('/api/training/summaries', { schoolYear: '2025-2026', term: 2, achievements: 'x', problems: 'y', improvements: 'z' })).statusCode,
    ).toBe(403);
  });

  it('ST-8 the teacher archive and the school archive are assembled and export as workbooks', async () => {
    const archive = (await teacher.get(`/api/training/archive/teachers/${school.teachers[0].teacherId}?schoolYear=2025-2026`)).json();
    expect(archive.sessions[0]).toMatchObject({ sessionId, status: 'absent' });
    expect(archive.notes.length).toBe(2);
    expect(archive.fourOnes.length).toBe(1);
    expect(archive.mentoring[0].role).toBe('mentor');
    expect((await peer.get(`/api/training/archive/teachers/${school.teachers[0].teacherId}`)).statusCode).toBe(404);
    const file = await teacher.get(`/api/training/archive/teachers/${school.teachers[0].teacherId}/export?schoolYear=2025-2026`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('学分明细');
    expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe('日期');
    const school1 = await office.get('/api/training/archive/school/export?schoolYear=2025-2026');
    expect(school1.statusCode).toBe(200);
    expect((await teacher.get('/api/training/archive/school')).statusCode).toBe(403);
  });

  it('the office dashboard lists who is at risk and why; the teacher home shows today and the tasks', async () => {
    const dash = (await office.get('/api/training/dashboard?schoolYear=2025-2026')).json();
    expect(dash.attendanceByGroupWeek.length).toBeGreaterThan(0);
    expect(dash.creditDistribution).toHaveLength(5);
    expect(dash.atRisk.length).toBe(dash.teachers);
    expect(dash.atRisk[0].risks[0].zh).toContain('须申请校外培训认定');
    const home = (await teacher.get('/api/training/me')).json();
    expect(home).toMatchObject({ teacher: { id: school.teachers[0].teacherId }, credits: { required: 12 } });
    expect(home.tasks.selfStudyThisWeek.required).toMatchObject({ articleExcerpts: 1 });
    expect((await office.get('/api/training/me')).statusCode).toBe(403);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTrainingSchool, type TestSchool } from '#training';
import { type Client, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '../support';

// Issue 13 item 10: every training Excel export writes times on the school's clock (the S1
// policy's UTC+8: 02:00 UTC is 10:00 in Beijing) and labels, never the codes behind them.
const CODES = [
  'semester',
  'annual',
  'draft',
  'approved',
  'pending',
  'rejected',
  'withdrawn',
  'sick',
  'personal',
  'official',
  'qualified',
  'unqualified',
  'computed',
  'confirmed',
  'moralEducation',
  'theory',
  'informationTechnology',
  'degreeDistance',
  'on_time',
  'late',
  'left_early',
  'absent',
  'excused',
  'submitted',
  'accepted',
  'returned',
  'paper',
  'written',
  'due',
  'missing',
  'true',
  'false',
];

async function cellsOf(body: Buffer): Promise<{ sheet: string; header: string; value: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out: { sheet: string; header: string; value: string }[] = [];
  for (const ws of wb.worksheets) {
    const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    ws.eachRow((row, n) => {
      if (n === 1) return;
      row.eachCell((cell, c) =>
        out.push({ sheet: ws.name, header: headers[c], value: cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : String(cell.value) }),
      );
    });
  }
  return out;
}

const rawCodes = (cells: { value: string }[]) => cells.filter((c) => CODES.includes(c.value.trim()));

describe('issue 13 item 10: training exports in the school time zone, with labels', () => {
  let t: TestApp;
  let school: TestSchool;
  let office: Client;
  let principal: Client;
  let teacher: Client;
  const at = async (iso: string) => {
    t.setNow(iso);
    [office, principal, teacher] = await Promise.all(
      [school.office, school.principal, school.teachers[0].actor].map((a) => signIn(t.app, a.username, TEST_PASSWORD)),
    );
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-02-20T02:00:00Z' });
    school = await newTrainingSchool(t.ctx.db, t.ctx.registry, { teachers: 2, password: TEST_PASSWORD, now: new Date('2026-02-20T00:00:00Z') });
    // 02:00 UTC = 10:00 in Beijing: the leave request, the handed-in assignment and the confirmation.
    await at('2026-02-20T02:00:00Z');
    const session = await office.post('/api/training/sessions', {
      title: '师德师风专题',
      category: 'moralEducation',
      date: '2026-02-24',
      startTime: '15:30',
      durationMinutes: 90,
      audience: 'all',
    });
    expect(session.statusCode).toBe(201);
    const leave = await teacher.post('/api/training/leave', { sessionId: session.json().id, kind: 'sick', reason: '发烧就医' });
    expect(leave.statusCode).toBe(201);
    expect((await principal.post(`/api/training/leave/${leave.json().id}/decide`, { isApproved: true, opinion: '同意', version: 1 })).json().state).toBe(
      'approved',
    );
    const assignment = await office.post('/api/training/assignments', {
      schoolYear: '2025-2026',
      term: 2,
      kind: 'paper',
      title: '教学论文',
      dueOn: '2026-03-20',
    });
    expect(assignment.statusCode).toBe(201);
    expect((await teacher.post(`/api/training/assignments/${assignment.json().id}/submit`, { content: '论文正文' })).statusCode).toBe(201);
    const plan = await office.post('/api/training/plans', {
      kind: 'semester',
      schoolYear: '2025-2026',
      term: 2,
      title: '第二学期校本培训计划',
      goals: '提升师德',
      startsOn: '2026-03-02',
      endsOn: '2026-03-13',
      items: [{ category: 'moralEducation', topic: '师德', ownerTeacherId: school.teachers[0].teacherId, schedule: '每周一', month: '2026-03', hours: 4 }],
    });
    expect(plan.statusCode).toBe(201);
    await at('2026-02-25T02:00:00Z');
    const rows = (await office.post('/api/training/assessments/compute', { schoolYear: '2025-2026' })).json();
    const mine = rows.find((r: { teacherId: string }) => r.teacherId === school.teachers[0].teacherId);
    const confirmed = await office.post(`/api/training/assessments/${mine.id}/confirm`, { opinion: '学分不足', version: mine.version });
    expect(confirmed.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('issue 13 item 10: the leave register writes 10:00 Beijing as 10:00 and 病假 / 已批准, not sick / approved', async () => {
    const file = await office.get('/api/training/leave/export');
    expect(file.statusCode).toBe(200);
    const cells = await cellsOf(file.rawPayload);
    expect(cells.find((c) => c.header === '申请时间')?.value).toBe('2026-02-20 10:00');
    expect(cells.map((c) => c.value)).toEqual(expect.arrayContaining(['病假', '已批准']));
    expect(rawCodes(cells)).toEqual([]);
    const en = await cellsOf((await office.request('GET', '/api/training/leave/export', undefined, { 'x-locale': 'en' })).rawPayload);
    expect(en.find((c) => c.header === 'Asked at')?.value).toBe('2026-02-20 10:00');
    expect(en.map((c) => c.value)).toEqual(expect.arrayContaining(['Sick', 'Approved']));
    expect(rawCodes(en)).toEqual([]);
  });

  it('issue 13 item 10: the yearly assessment export writes the confirmation at 10:00 and 不合格 / 是, not unqualified / true', async () => {
    const file = await office.get('/api/training/assessments/export?schoolYear=2025-2026');
    expect(file.statusCode).toBe(200);
    const cells = await cellsOf(file.rawPayload);
    expect(cells.filter((c) => c.header === '确认时间').map((c) => c.value)).toEqual(['2026-02-25 10:00']);
    expect(cells.filter((c) => c.header === '考核等次').map((c) => c.value)).toContain('不合格');
    expect(
      cells
        .filter((c) => c.header === '已确认')
        .map((c) => c.value)
        .sort(),
    ).toEqual(['否', '否', '是']);
    expect(rawCodes(cells)).toEqual([]);
    const en = await cellsOf(
      (await office.request('GET', '/api/training/assessments/export?schoolYear=2025-2026', undefined, { 'x-locale': 'en' })).rawPayload,
    );
    expect(en.filter((c) => c.header === 'Confirmed at').map((c) => c.value)).toEqual(['2026-02-25 10:00']);
    expect(en.filter((c) => c.header === 'Verdict').map((c) => c.value)).toContain('Unqualified');
    expect(rawCodes(en)).toEqual([]);
  });

  it('issue 13 item 10: the credits export writes 是 / 否 for 是否达标, not true / false (it has no time column)', async () => {
    const file = await office.get('/api/training/credits/export?schoolYear=2025-2026');
    expect(file.statusCode).toBe(200);
    const cells = await cellsOf(file.rawPayload);
    expect(cells.filter((c) => c.header === '是否达标').map((c) => c.value)).toEqual(['否', '否', '否']);
    expect(rawCodes(cells)).toEqual([]);
  });

  it('issue 13 item 10: the teacher archive writes the hand-in at 10:00 and 德育与班主任工作 / 已批准, not moralEducation / approved', async () => {
    const file = await teacher.get(`/api/training/archive/teachers/${school.teachers[0].teacherId}/export?schoolYear=2025-2026`);
    expect(file.statusCode).toBe(200);
    const cells = await cellsOf(file.rawPayload);
    expect(cells.find((c) => c.header === '提交时间')?.value).toBe('2026-02-20 10:00');
    expect(cells.map((c) => c.value)).toEqual(expect.arrayContaining(['德育与班主任工作', '已批准', '论文', '不合格']));
    expect(rawCodes(cells)).toEqual([]);
  });

  it('issue 13 item 10: the school archive writes 学期计划 / 草稿 / 不合格, not semester / draft / unqualified', async () => {
    const file = await office.get('/api/training/archive/school/export?schoolYear=2025-2026');
    expect(file.statusCode).toBe(200);
    const cells = await cellsOf(file.rawPayload);
    expect(cells.map((c) => c.value)).toEqual(expect.arrayContaining(['学期计划', '草稿', '不合格', '已批准']));
    expect(rawCodes(cells)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisationFromTemplate } from '#server';
import { newTrainingSchool, type TestSchool } from '#training';
import { type Client, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

// Issue 12: a district over schools. One school linked and accepted, one requested only, one
// unlinked: the district reads the first one's training (read-only, audited on both sides) and
// nothing of the other two; its floor binds the accepted school's policy.

const NOW = '2026-12-06T10:00:00.000Z';
const PASSWORD = 'Kq7!mesa-river-41';

describe('issue 12: the district over schools (links, roll-up, floor, tenancy)', () => {
  let t: TestApp;
  let districtId: string;
  let districtAdmin: Client;
  let officer: Client;
  let a: TestSchool;
  let b: TestSchool;
  let c: TestSchool;
  let adminA: Client;
  let adminB: Client;
  let adminC: Client;
  const codeOf = async (orgId: string) => (await t.database.query<{ code: string }>('select code from organisations where id = $1', [orgId]))[0].code;

  /** Recognised external training: hours per school year, 8 a claim on distinct days. */
  async function giveHours(school: TestSchool, teacherId: string, schoolYear: string, hours: number) {
    const first = Number(schoolYear.slice(0, 4));
    for (let i = 0; hours > 0; i++, hours -= 8) {
      const day = `${first}-10-${String(i + 1).padStart(2, '0')}`;
      await t.database.query(
        `insert into training_credit_claims (org_id, teacher_id, school_year, kind, title, category, hours, started_on, ended_on, state, recognised_hours, created_by, created_at)
         values ($1, $2, $3, 'district', '区级培训', 'theory', $4, $5, $5, 'recognised', $4, $6, now())`,
        [school.orgId, teacherId, schoolYear, Math.min(8, hours), day, school.office.userId],
      );
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    const made = await createOrganisationFromTemplate(t.ctx.db, t.ctx.registry, {
      name: '测试区教师发展中心',
      template: 'D1',
      admin: { username: 'district.admin.t', password: PASSWORD },
    });
    districtId = made.id;
    districtAdmin = await signIn(t.app, 'district.admin.t', PASSWORD);
    const officerActor = await newPerson(t.ctx.db, districtId, ['district.read']);
    officer = await signIn(t.app, officerActor.username, TEST_PASSWORD);
    [a, b, c] = [
      await newTrainingSchool(t.ctx.db, t.ctx.registry, { password: TEST_PASSWORD, now: new Date(NOW) }),
      await newTrainingSchool(t.ctx.db, t.ctx.registry, { password: TEST_PASSWORD, now: new Date(NOW) }),
      await newTrainingSchool(t.ctx.db, t.ctx.registry, { password: TEST_PASSWORD, now: new Date(NOW) }),
    ];
    const adminOf = async (s: TestSchool) => signIn(t.app, (await newPerson(t.ctx.db, s.orgId, 'all')).username, TEST_PASSWORD);
    [adminA, adminB, adminC] = [await adminOf(a), await adminOf(b), await adminOf(c)];
    // The cycle from 2025: 2025-2026 is its first year, 2026-2027 (now) its second.
    const policy = (await districtAdmin.get('/api/policy')).json();
    const saved = await districtAdmin.put('/api/policy', {
      baseVersion: policy.version,
      values: { district: { cycleStartYear: 2025 } },
      reason: '本周期自 2025 学年起',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const [t1, t2, , t4] = a.teachers;
    await giveHours(a, t1.teacherId, '2025-2026', 70);
    await giveHours(a, t1.teacherId, '2026-2027', 80);
    await giveHours(a, t2.teacherId, '2026-2027', 40);
    await giveHours(a, t4.teacherId, '2025-2026', 100);
    await giveHours(a, t4.teacherId, '2026-2027', 112);
    await giveHours(b, b.teachers[0].teacherId, '2026-2027', 50);
    await giveHours(c, c.teachers[0].teacherId, '2026-2027', 50);
  }, 180_000);
  afterAll(() => t.close());

  it('issue 12: the district asks by organisation code; the school sees the request, accepts it; another stays requested; a wrong code is a 400 naming the field', async () => {
    const bad = await districtAdmin.post('/api/district/links', { schoolCode: 'no-such-school' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('schoolCode');
    const ra = await districtAdmin.post('/api/district/links', { schoolCode: await codeOf(a.orgId) });
    expect(ra.statusCode, ra.body).toBe(200);
    expect(ra.json().state).toBe('requested');
    expect((await districtAdmin.post('/api/district/links', { schoolCode: await codeOf(b.orgId) })).statusCode).toBe(200);
    // Asking twice is refused while the request is open.
    expect((await districtAdmin.post('/api/district/links', { schoolCode: await codeOf(a.orgId) })).statusCode).toBe(409);

    const incoming = (await adminA.get('/api/district-links')).json();
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({ districtName: '测试区教师发展中心', state: 'requested', requestedByName: 'district.admin.t' });
    // School C was never asked; B cannot act on A's request.
    expect((await adminC.get('/api/district-links')).json()).toEqual([]);
    expect((await adminB.post(`/api/district-links/${incoming[0].id}/accept`, { version: incoming[0].version })).statusCode).toBe(404);
    const accepted = await adminA.post(`/api/district-links/${incoming[0].id}/accept`, { version: incoming[0].version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'accepted', decidedByName: expect.any(String) });
    const links = (await officer.get('/api/district/links')).json();
    expect(links.map((l: { schoolOrgId: string; state: string }) => [l.schoolOrgId, l.state]).sort()).toEqual(
      [
        [a.orgId, 'accepted'],
        [b.orgId, 'requested'],
      ].sort(),
    );
    // Each step is audited in both organisations.
    const audit = await t.database.query<{ org_id: string; action: string }>(
      "select org_id, action from audit_log where action like 'district.link.%' order by id",
    );
    expect(audit.filter((r) => r.org_id === a.orgId).map((r) => r.action)).toEqual(['district.link.request', 'district.link.accept']);
    expect(audit.filter((r) => r.org_id === districtId).map((r) => r.action)).toEqual([
      'district.link.request',
      'district.link.request',
      'district.link.accept',
    ]);
  });

  it('issue 12: the office sees only the accepted school: teachers, hours, credits, verdicts, bands and cycle progress with the teachers behind', async () => {
    const overview = await officer.get('/api/district/overview?schoolYear=2026-2027');
    expect(overview.statusCode, overview.body).toBe(200);
    const o = overview.json();
    expect(o.cycle).toMatchObject({
      cycleHours: 360,
      yearlyMinHours: 72,
      cycleStartYear: 2025,
      years: ['2025-2026', '2026-2027', '2027-2028', '2028-2029', '2029-2030'],
    });
    expect(o.schools.map((s: { schoolOrgId: string }) => s.schoolOrgId)).toEqual([a.orgId]);
    const sa = o.schools[0];
    // Four teachers and the recorder: 80, 40, 0, 112 and 0 hours.
    expect(sa.teachers).toBe(5);
    expect(sa.averageHours).toBe(46.4);
    expect(sa.bands).toEqual({ le36: 2, h37to72: 1, h73to108: 1, ge109: 1 });
    expect(sa.qualified + sa.unqualified).toBe(5);
    expect(sa.behind).toBe(3);
    expect(sa.bySubject.map((x: { subject: string }) => x.subject).sort()).toEqual(['数学', '综合教研组', '语文'].sort());

    const rows = (await officer.get('/api/district/teachers?schoolYear=2026-2027')).json().teachers;
    const byNo = new Map(rows.map((r: { staffNo: string }) => [r.staffNo, r]));
    expect(byNo.get('T001')).toMatchObject({
      hours: 80,
      credits: 80,
      requiredCredits: 12,
      band: 'h73to108',
      cycleHours: 150,
      // 2026-12-06 is day 97 of the 365-day school year: 72 for the first year + 72 × 97/365.
      expectedByNow: 91.13,
      isBehind: false,
      behindReasons: [],
      schoolOrgId: a.orgId,
    });
    expect(byNo.get('T002')).toMatchObject({ hours: 40, band: 'h37to72', cycleHours: 40, isBehind: true, behindReasons: ['cycle'] });
    expect(byNo.get('T004')).toMatchObject({ hours: 112, band: 'ge109', cycleHours: 212, isBehind: false });
    expect(byNo.get('T003')).toMatchObject({ hours: 0, band: 'le36', verdict: 'unqualified' });
    // An unqualified verdict comes with its reasons in words.
    const t3 = byNo.get('T003') as { reasons: { zh: string }[] };
    expect(t3.reasons.length).toBeGreaterThan(0);
    expect(t3.reasons[0].zh).toMatch(/[\u4e00-\u9fff]/);

    const behind = (await officer.get('/api/district/behind?schoolYear=2026-2027')).json().teachers;
    expect(behind.map((r: { staffNo: string }) => r.staffNo)).toEqual(expect.arrayContaining(['T002', 'T003', 'R001']));
    expect(behind.map((r: { staffNo: string }) => r.staffNo)).not.toContain('T001');
    expect(behind[behind.length - 1].staffNo).toBe('T002');
  });

  it('issue 12 tenancy: nothing of the requested-only or the unlinked school; no write route on a school’s records; every read audited on both sides', async () => {
    for (const s of [b, c]) {
      expect((await officer.get(`/api/district/teachers?schoolOrgId=${s.orgId}`)).statusCode).toBe(404);
      expect((await officer.get(`/api/district/export?table=teachers&schoolOrgId=${s.orgId}`)).statusCode).toBe(404);
    }
    const before = await t.database.query<{ org_id: string; n: number }>(
      "select org_id, count(*)::int as n from audit_log where action = 'district.rollup.read' group by org_id",
    );
    const count = (orgId: string) => before.find((r) => r.org_id === orgId)?.n ?? 0;
    expect(count(b.orgId)).toBe(0);
    expect(count(c.orgId)).toBe(0);
    expect(count(a.orgId)).toBe(count(districtId));
    expect(count(a.orgId)).toBeGreaterThanOrEqual(3);
    const [entry] = await t.database.query<{ actor_name: string; new_value: { district: string; view: string } }>(
      "select actor_name, new_value from audit_log where org_id = $1 and action = 'district.rollup.read' order by id desc limit 1",
      [a.orgId],
    );
    expect(entry.actor_name).toMatch(/^测试区教师发展中心 · /);
    expect(entry.new_value.district).toBe('测试区教师发展中心');

    // The school's own routes with the school's ids: the district has no training there (404 or a refusal).
    const teacherId = a.teachers[0].teacherId;
    for (const client of [officer, districtAdmin]) {
      expect([403, 404]).toContain((await client.get(`/api/training/teachers/${teacherId}`)).statusCode);
      expect([403, 404]).toContain((await client.get(`/api/training/credits?schoolYear=2026-2027`)).statusCode);
      expect([403, 404]).toContain((await client.patch(`/api/training/teachers/${teacherId}`, { name: '改名', version: 1 })).statusCode);
    }
    // The school's side answers for schools only, and the district's side for districts only.
    expect((await districtAdmin.get('/api/district-links')).statusCode).toBe(404);
    expect((await adminA.get('/api/district/overview')).statusCode).toBe(404);
    // The officer reads but does not link.
    expect((await officer.post('/api/district/links', { schoolCode: await codeOf(c.orgId) })).statusCode).toBe(403);
  });

  it('issue 12: each roll-up table downloads as an Excel workbook', async () => {
    for (const table of ['overview', 'teachers', 'subjects', 'behind']) {
      const res = await officer.get(`/api/district/export?table=${table}&schoolYear=2026-2027`);
      expect(res.statusCode, `${table} ${res.body.slice(0, 100)}`).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    await wb.xlsx.load((await officer.get('/api/district/export?table=teachers&schoolYear=2026-2027')).rawPayload as never);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('学校');
    expect(sheet.rowCount).toBe(6);
    expect((await officer.get('/api/district/export?table=nope')).statusCode).toBe(400);
  });

  it('issue 12: the floor refuses a linked school lowering its yearly credits below it (400 naming the field and the district), accepts raising; an unlinked school is free', async () => {
    const current = (await adminA.get('/api/policy')).json();
    const lower = await adminA.put('/api/policy', { baseVersion: current.version, values: { training: { creditsPerYear: 10 } }, reason: '降低要求' });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().details[0].field).toBe('training.creditsPerYear');
    expect(lower.json().messageZh).toContain('测试区教师发展中心');
    const higher = await adminA.put('/api/policy', { baseVersion: current.version, values: { training: { creditsPerYear: 14 } }, reason: '提高要求' });
    expect(higher.statusCode, higher.body).toBe(200);
    const cPolicy = (await adminC.get('/api/policy')).json();
    expect(
      (await adminC.put('/api/policy', { baseVersion: cPolicy.version, values: { training: { creditsPerYear: 10 } }, reason: '未关联学区' })).statusCode,
    ).toBe(200);
    // A district raising its floor above the school's value: the school may still not go lower.
    const dp = (await districtAdmin.get('/api/policy')).json();
    expect(
      (await districtAdmin.put('/api/policy', { baseVersion: dp.version, values: { district: { floor: { creditsPerYear: 16 } } }, reason: '提高下限' }))
        .statusCode,
    ).toBe(200);
    const again = (await adminA.get('/api/policy')).json();
    expect((await adminA.put('/api/policy', { baseVersion: again.version, values: { training: { creditsPerYear: 13 } }, reason: '再降' })).statusCode).toBe(
      400,
    );
  });

  it('issue 12: when the school ends the link the district sees nothing of it any more', async () => {
    const [link] = (await adminA.get('/api/district-links')).json();
    const ended = await adminA.post(`/api/district-links/${link.id}/end`, { version: link.version });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ state: 'ended', endedBySide: 'school' });
    expect((await officer.get('/api/district/overview')).json().schools).toEqual([]);
    expect((await officer.get(`/api/district/teachers?schoolOrgId=${a.orgId}`)).statusCode).toBe(404);
  });
});

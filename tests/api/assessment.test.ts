import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#core/access';
import { type FindingInput, findingsSheet, recordFinding } from '#core/assessment';
import { parseSheet } from '#core/excel';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

interface Finding {
  id: string;
  state: string;
  amount: number | null;
  originalAmount: number | null;
  isFalsified: boolean;
  version: number;
  clause: string;
  subjectUserId: string | null;
  actions: string[];
  events: {
    action: string;
    fromState: string | null;
    toState: string;
    actorName: string;
    reason: string | null;
    amountBefore: number | null;
    amountAfter: number | null;
  }[];
}

describe('assessment findings (CORE-8)', () => {
  let t: TestApp;
  let system: Actor;
  let subject: Actor;
  let manager: Client;
  let managerId: string;
  let subjectClient: Client;
  let colleague: Client;
  let outsider: Client;
  let foreign: Client;
  let workshopId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-30T08:00:00Z' });
    const org = await newOrg(t.ctx.db);
    system = org.system;
    workshopId = org.departments.find((d) => d.name === '灌装车间')!.id;
    const m = await newPerson(t.ctx.db, org.org.id, ['assessment.read', 'assessment.manage', 'admin.policy']);
    managerId = m.userId;
    subject = await newPerson(t.ctx.db, org.org.id, ['archive.read']);
    const c = await newPerson(t.ctx.db, org.org.id, []);
    const o = await newPerson(t.ctx.db, org.org.id, []);
    await t.database.query('update users set department_id = $1 where id = any($2::uuid[])', [workshopId, [subject.userId, c.userId]]);
    const f = await newPerson(t.ctx.db, (await newOrg(t.ctx.db)).org.id, 'all');
    manager = await signIn(t.app, m.username, TEST_PASSWORD);
    subjectClient = await signIn(t.app, subject.username, TEST_PASSWORD);
    colleague = await signIn(t.app, c.username, TEST_PASSWORD);
    outsider = await signIn(t.app, o.username, TEST_PASSWORD);
    foreign = await signIn(t.app, f.username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const record = async (key: string, over: Partial<FindingInput> = {}) => {
    const input: FindingInput = {
      ruleCode: 'production.plan.late-issue',
      clause: 'T2 七.1',
      requirementId: 'PP-27',
      subjectUserId: subject.userId,
      subjectLabel: subject.displayName,
      period: '2026-03',
      verdict: 'penalty',
      amount: 50,
      summary: { zh: '三月计划逾期下达造成生产延误', en: 'March plan issued late, delaying production' },
      evidence: [{ entity: 'plan', entityId: key, label: `月度计划 ${key}`, link: `/production/plans/${key}` }],
      dedupeKey: key,
      ...over,
    };
    const row = await t.ctx.db.transaction((tx) => recordFinding(tx, system, input));
    return row!.id;
  };
  const getOne = async (client: Client, id: string) => (await client.get(`/api/assessment/findings/${id}`)).json() as Finding;

  it('CORE-8 a dispute by the subject then a confirmation by a manager records both events with who and why', async () => {
    const id = await record('A-1');
    const open = await getOne(subjectClient, id);
    expect(open).toMatchObject({ state: 'open', clause: 'T2 七.1', actions: ['dispute'] });
    const d = await subjectClient.post(`/api/assessment/findings/${id}/dispute`, { reason: '计划 27 日已下达，见签收单', version: open.version });
    expect(d.statusCode).toBe(200);
    expect(d.json().state).toBe('disputed');
    const note = (await manager.get('/api/notifications')).json() as { kind: string; link: string }[];
    expect(note.some((n) => n.kind === 'finding.dispute' && n.link === `/assessment?finding=${id}`)).toBe(true);

    const c = await manager.post(`/api/assessment/findings/${id}/confirm`, { opinion: '签收单日期为 29 日，维持考核', version: d.json().version });
    expect(c.statusCode).toBe(200);
    const done = c.json() as Finding;
    expect(done.state).toBe('confirmed');
    expect(done.events.map((e) => [e.action, e.fromState, e.toState, e.reason])).toEqual([
      ['create', null, 'open', null],
      ['dispute', 'open', 'disputed', '计划 27 日已下达，见签收单'],
      ['confirm', 'disputed', 'confirmed', '签收单日期为 29 日，维持考核'],
    ]);
    const audit = await t.database.query<{ action: string }>("select action from audit_log where entity = 'finding' and entity_id = $1 order by id", [id]);
    expect(audit.map((a) => a.action)).toEqual(['finding.create', 'finding.dispute', 'finding.confirm']);
  });

  it('PP-27 CORE-8 falsification doubles the amount once, using the policy multiplier, and keeps the old amount', async () => {
    const id = await record('A-2');
    const f = await manager.post(`/api/assessment/findings/${id}/falsified`, { reason: '隐瞒延误原因，一经查实', version: 1 });
    expect(f.statusCode).toBe(200);
    expect(f.json()).toMatchObject({ amount: 100, originalAmount: 50, isFalsified: true });
    expect((f.json() as Finding).events.at(-1)).toMatchObject({ action: 'falsified', amountBefore: 50, amountAfter: 100 });
    const again = await manager.post(`/api/assessment/findings/${id}/falsified`, { reason: '再次加倍', version: f.json().version });
    expect(again.statusCode).toBe(409);
    expect((await getOne(manager, id)).amount).toBe(100);

    const policy = (await manager.get('/api/policy')).json() as { version: number };
    const p = await manager.put('/api/policy', {
      baseVersion: policy.version,
      values: { assessment: { falsificationMultiplier: 3 } },
      reason: '公司决定三倍考核',
    });
    expect(p.statusCode).toBe(200);
    const id3 = await record('A-3', { amount: 50 });
    expect((await manager.post(`/api/assessment/findings/${id3}/falsified`, { reason: '弄虚作假', version: 1 })).json().amount).toBe(150);
  });

  it('CORE-8 a member of the subject department may dispute a department finding; an outsider may not', async () => {
    const id = await record('A-4', { subjectUserId: null, subjectDepartmentId: workshopId, subjectLabel: '灌装车间' });
    const no = await outsider.post(`/api/assessment/findings/${id}/dispute`, { reason: '不服', version: 1 });
    expect(no.statusCode).toBe(404);
    const yes = await colleague.post(`/api/assessment/findings/${id}/dispute`, { reason: '停电导致，非车间责任', version: 1 });
    expect(yes.statusCode).toBe(200);
    expect(yes.json().state).toBe('disputed');
  });

  it('CORE-8 actions need permission, a written reason and the current version', async () => {
    const id = await record('A-5');
    expect((await subjectClient.post(`/api/assessment/findings/${id}/confirm`, { opinion: '同意', version: 1 })).statusCode).toBe(403);
    const noReason = await manager.post(`/api/assessment/findings/${id}/withdraw`, { reason: '', version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].field).toBe('reason');
    expect((await manager.post(`/api/assessment/findings/${id}/withdraw`, { reason: '规则误报', version: 7 })).statusCode).toBe(409);
    const w = await manager.post(`/api/assessment/findings/${id}/withdraw`, { reason: '规则误报', version: 1 });
    expect(w.json().state).toBe('withdrawn');
    expect((await subjectClient.post(`/api/assessment/findings/${id}/dispute`, { reason: '申诉', version: w.json().version })).statusCode).toBe(409);
  });

  it('CORE-8 nobody decides on a finding about themselves', async () => {
    const id = await record('A-6', { subjectUserId: managerId, subjectLabel: '经理' });
    const r = await manager.post(`/api/assessment/findings/${id}/confirm`, { opinion: '确认', version: 1 });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('SELF_APPROVAL_FORBIDDEN');
  });

  it('CORE-8 the list filters and totals; without assessment.read a person sees only findings about themselves', async () => {
    const all = (await manager.get('/api/assessment/findings?ruleCode=production.plan.late-issue')).json() as {
      items: Finding[];
      total: { count: number; amount: number };
    };
    expect(all.total.count).toBe(6);
    // A-1 50 + A-2 100 + A-3 150 + A-4 50 + A-6 50; A-5 was withdrawn.
    expect(all.total.amount).toBe(400);
    const disputed = (await manager.get('/api/assessment/findings?state=disputed')).json() as { items: Finding[] };
    expect(disputed.items).toHaveLength(1);
    const mine = (await subjectClient.get('/api/assessment/findings')).json() as { items: Finding[] };
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((f) => f.subjectUserId === subject.userId || f.subjectUserId === null)).toBe(true);
    expect(mine.items.some((f) => f.subjectUserId === managerId)).toBe(false);
    expect((await outsider.get('/api/assessment/findings')).json().items).toEqual([]);
    expect((await manager.get('/api/assessment/findings?state=nonsense')).statusCode).toBe(400);
  });

  it('CORE-1 CORE-8 another organisation gets 404 and changes nothing', async () => {
    const id = await record('A-7');
    expect((await foreign.get(`/api/assessment/findings/${id}`)).statusCode).toBe(404);
    expect((await foreign.post(`/api/assessment/findings/${id}/confirm`, { opinion: '越权确认', version: 1 })).statusCode).toBe(404);
    expect((await foreign.post(`/api/assessment/findings/${id}/falsified`, { reason: '越权加倍', version: 1 })).statusCode).toBe(404);
    expect((await foreign.get('/api/assessment/findings')).json().items).toEqual([]);
    expect(await getOne(manager, id)).toMatchObject({ state: 'open', amount: 50, version: 1 });
  });

  it('CORE-8 CORE-11 findings export to a clean Excel table that parses back', async () => {
    const r = await manager.get('/api/assessment/findings/export?state=confirmed');
    expect(r.statusCode).toBe(200);
    const parsed = await parseSheet(findingsSheet, r.rawPayload);
    expect(parsed.rowNumbers[0]).toBe(2);
    expect(parsed.rows).toEqual([
      expect.objectContaining({
        clause: 'T2 七.1',
        state: 'confirmed',
        amount: 50,
        requirementId: 'PP-27',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';
import { DEMO_PASSWORD, seedDemo } from '#server';

interface Doc {
  id: string;
  number: string;
  state: string;
  version: number;
  revision: number;
  effectiveRevision: number | null;
  waitingRole: string | null;
  allowedActions: string[];
  canAcknowledge: boolean;
  timeline: { action: string; actorName: string; opinion: string | null; stepNameZh: string | null }[];
}

describe('approval API (CORE-3, CORE-4, CORE-5)', () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  let outsider: Client;
  let departments: { id: string; name: string }[];

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T08:00:00Z' });
    await seedDemo(t.ctx.db, t.ctx.registry, new Date('2026-03-01T00:00:00Z'));
    for (const u of ['plant.admin', 'plant.head', 'plant.vp', 'plant.gm', 'plant.fill', 'plant.lead', 'plant.operator', 'plant.warehouse', 'school.admin']) {
      as[u] = await signIn(t.app, u, DEMO_PASSWORD);
    }
    const other = await newOrg(t.ctx.db);
    outsider = await signIn(t.app, (await newPerson(t.ctx.db, other.org.id, 'all')).username, TEST_PASSWORD);
    departments = (await as['plant.head'].get('/api/org/departments')).json();
  });
  afterAll(() => t.close());

  const dept = (name: string) => departments.find((d) => d.name === name)!.id;
  const draft = async (title: string, docType = 'general', body: object = { content: '正文' }): Promise<Doc> => {
    const r = await as['plant.head'].post('/api/documents', { docType, title, body });
    expect(r.statusCode).toBe(201);
    return r.json();
  };
  const act = async (who: string, doc: { id: string; version: number }, action: string, extra: object = {}): Promise<Doc> => {
    const r = await as[who].post(`/api/documents/${doc.id}/${action}`, { version: doc.version, ...extra });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it('CORE-3 seeds the regulation’s default chains per organisation and document type', async () => {
    const plant = (await as['plant.admin'].get('/api/approval-chains')).json() as { docType: string; steps: { roleCode: string; nameZh: string }[] }[];
    const roles = (docType: string) => plant.find((c) => c.docType === docType)?.steps.map((s) => s.roleCode);
    expect(roles('production.monthly_plan')).toEqual(['vp_production']);
    expect(roles('production.annual_plan')).toEqual(['vp_production', 'gm', 'board']);
    expect(plant.find((c) => c.docType === 'production.annual_plan')?.steps.at(-1)?.nameZh).toBe('董事会');
    expect(roles('production.sales_plan')).toEqual(['gm']);
    const school = (await as['school.admin'].get('/api/approval-chains')).json() as { docType: string; steps: { roleCode: string }[] }[];
    expect(school.find((c) => c.docType === 'training.plan')?.steps.map((s) => s.roleCode)).toEqual(['principal']);
  });

  it('CORE-3 the production head drafts and submits, cannot approve, and the VP approves from the inbox', async () => {
    const d = await draft('关于设备检修的通知');
    expect(d.number).toMatch(/^WJ-2026-\d{4}$/);
    const s = await act('plant.head', d, 'submit');
    expect(s).toMatchObject({ state: 'submitted', waitingRole: 'vp_production', allowedActions: ['withdraw'] });
    const own = await as['plant.head'].post(`/api/documents/${d.id}/approve`, { version: s.version });
    expect(own.statusCode).toBe(403);
    const inbox = (await as['plant.vp'].get('/api/inbox')).json() as { id: string; kind: string; link: string }[];
    expect(inbox.find((i) => i.id === d.id)).toMatchObject({ kind: 'approval.pending', link: `/documents/${d.id}` });
    const viewed = (await as['plant.vp'].get(`/api/documents/${d.id}`)).json() as Doc;
    expect(viewed.allowedActions).toEqual(['approve', 'reject']);
    const done = await act('plant.vp', viewed, 'approve', { opinion: '同意' });
    expect(done.state).toBe('approved');
    expect(done.timeline.at(-1)).toMatchObject({ action: 'approve', actorName: '李副总', opinion: '同意', stepNameZh: '副总经理审批' });
    const audit = (await as['plant.vp'].get(`/api/audit?entity=document&entityId=${d.id}`)).json() as { action: string }[];
    expect(audit.map((a) => a.action)).toContain('document.approve');
    expect(((await as['plant.vp'].get('/api/inbox')).json() as { id: string }[]).some((i) => i.id === d.id)).toBe(false);
  });

  it('CORE-3 the annual plan climbs 生产总监 → 总经理 → 董事会 before it is approved', async () => {
    let d = await draft('2026年度生产计划', 'production.annual_plan');
    expect(d.number).toMatch(/^NJH-2026-/);
    d = await act('plant.head', d, 'submit');
    d = await act('plant.vp', d, 'approve');
    expect(d.waitingRole).toBe('gm');
    d = await act('plant.gm', d, 'approve');
    expect(d).toMatchObject({ state: 'submitted', waitingRole: 'board' });
    d = await act('plant.gm', d, 'approve', { opinion: '董事会通过' });
    expect(d.state).toBe('approved');
  });

  it('CORE-3 refuses self-approval with SELF_APPROVAL_FORBIDDEN unless the chain allows it', async () => {
    const put = await as['plant.admin'].put('/api/approval-chains/test.self', {
      steps: [{ key: 'head', nameZh: '部门负责人审批', nameEn: 'Head', roleCode: 'production_head' }],
      allowSelfApproval: false,
    });
    expect(put.statusCode, put.body).toBe(200);
    const d = await act('plant.head', await draft('自审文件', 'test.self'), 'submit');
    const r = await as['plant.head'].post(`/api/documents/${d.id}/approve`, { version: d.version });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'SELF_APPROVAL_FORBIDDEN', messageZh: '不能审批自己起草的文件' });
    expect(((await as['plant.head'].get(`/api/documents/${d.id}`)).json() as Doc).state).toBe('submitted');
  });

  it('CORE-3 a stale version gets 409 on edit and on approval', async () => {
    const d = await draft('并发修改');
    expect((await as['plant.head'].patch(`/api/documents/${d.id}`, { version: d.version, title: '第一次' })).statusCode).toBe(200);
    const stale = await as['plant.head'].patch(`/api/documents/${d.id}`, { version: d.version, title: '第二次' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const s = await act('plant.head', { id: d.id, version: d.version + 1 }, 'submit');
    expect((await as['plant.vp'].post(`/api/documents/${d.id}/approve`, { version: s.version - 1 })).statusCode).toBe(409);
  });

  it('CORE-3 bad input is a 400 naming the field, in the chosen language', async () => {
    const empty = await as['plant.head'].request('POST', '/api/documents', { title: '  ' }, { 'x-locale': 'en' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'title: is required', details: [{ field: 'title' }] });
    const role = await as['plant.admin'].put('/api/approval-chains/general', {
      version: 1,
      steps: [{ key: 'x', nameZh: '某步', roleCode: 'nobody' }],
      allowSelfApproval: false,
    });
    expect(role.statusCode).toBe(400);
    expect(role.json().details[0].field).toBe('steps.0.roleCode');
    expect((await as['plant.head'].get('/api/documents/not-a-uuid')).statusCode).toBe(400);
    const d = await act('plant.head', await draft('无意见退回'), 'submit');
    const reject = await as['plant.vp'].post(`/api/documents/${d.id}/reject`, { version: d.version });
    expect(reject.statusCode).toBe(400);
    expect(reject.json().details[0].field).toBe('opinion');
  });

  it('CORE-3 permissions: an operator cannot draft, only admin.policy edits chains', async () => {
    expect((await as['plant.operator'].post('/api/documents', { title: '越权' })).statusCode).toBe(403);
    const chain = await as['plant.head'].put('/api/approval-chains/general', { steps: [{ key: 'x', nameZh: 'x', roleCode: 'gm' }], allowSelfApproval: true });
    expect(chain.statusCode).toBe(403);
    expect((await as['plant.operator'].get('/api/documents')).statusCode).toBe(200);
  });

  it('CORE-1 a user of another organisation gets 404 on a document and cannot act on it', async () => {
    const d = await act('plant.head', await draft('内部文件'), 'submit');
    expect((await outsider.get(`/api/documents/${d.id}`)).statusCode).toBe(404);
    for (const action of ['approve', 'reject', 'withdraw']) {
      expect((await outsider.post(`/api/documents/${d.id}/${action}`, { version: d.version, opinion: '越权' })).statusCode).toBe(404);
    }
    expect((await outsider.patch(`/api/documents/${d.id}`, { version: d.version, title: '篡改' })).statusCode).toBe(404);
    expect((await outsider.post(`/api/documents/${d.id}/acknowledge`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/documents/${d.id}/revisions`)).statusCode).toBe(404);
    expect(((await outsider.get('/api/documents')).json() as { id: string }[]).some((x) => x.id === d.id)).toBe(false);
    const after = (await as['plant.head'].get(`/api/documents/${d.id}`)).json() as Doc & { title: string };
    expect(after).toMatchObject({ title: '内部文件', state: 'submitted', version: d.version });
  });

  it('CORE-4 an adjustment goes through the same chain as a new revision, with a readable diff', async () => {
    let d = await draft('三月生产计划', 'production.monthly_plan', { lines: [{ id: 'l1', product: '白酒', quantity: 100 }] });
    d = await act('plant.head', d, 'submit');
    d = await act('plant.vp', d, 'approve');
    d = await act('plant.head', d, 'adjust', { opinion: '新增订单超出预测' });
    expect(d).toMatchObject({ state: 'draft', revision: 2, effectiveRevision: 1 });
    const edited = await as['plant.head'].patch(`/api/documents/${d.id}`, {
      version: d.version,
      body: { lines: [{ id: 'l1', product: '白酒', quantity: 150 }] },
    });
    d = await act('plant.head', edited.json(), 'submit');
    expect(d.waitingRole).toBe('vp_production');
    const old = (await as['plant.vp'].get(`/api/documents/${d.id}/revisions/1`)).json();
    expect(old).toMatchObject({ revision: 1, isInForce: true, body: { lines: [{ quantity: 100 }] } });
    d = await act('plant.vp', d, 'approve');
    expect(d.effectiveRevision).toBe(2);
    const diff = (await as['plant.vp'].get(`/api/documents/${d.id}/diff?from=1&to=2`)).json();
    expect(diff.changes).toEqual([{ path: 'body.lines[l1].quantity', labelZh: '数量', before: 100, after: 150, kind: 'changed' }]);
  });

  it('CORE-5 issue to workshops: a member acknowledges for the department, the issuer sees who has not', async () => {
    let d = await act('plant.head', await draft('灌装线换型作业指导'), 'submit');
    d = await act('plant.vp', d, 'approve');
    expect((await as['plant.vp'].post(`/api/documents/${d.id}/issue`, { version: d.version, departmentIds: [dept('灌装车间')] })).statusCode).toBe(403);
    d = await act('plant.head', d, 'issue', { departmentIds: [dept('灌装车间'), dept('酿造车间')] });
    expect(d.state).toBe('issued');
    const inbox = (await as['plant.fill'].get('/api/inbox')).json() as { id: string; kind: string }[];
    expect(inbox.find((i) => i.id === d.id)?.kind).toBe('distribution.unacknowledged');
    expect((await as['plant.warehouse'].post(`/api/documents/${d.id}/acknowledge`)).statusCode).toBe(409);
    const ack = await as['plant.fill'].post(`/api/documents/${d.id}/acknowledge`);
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ total: 2, acknowledged: 1, pending: ['酿造车间'] });
    expect(((await as['plant.lead'].get('/api/inbox')).json() as { id: string }[]).some((i) => i.id === d.id)).toBe(false);
    const status = (await as['plant.head'].get(`/api/documents/${d.id}/distribution`)).json();
    expect(status.receipts.find((r: { recipientName: string }) => r.recipientName === '灌装车间')).toMatchObject({ acknowledgedByName: '周主任' });
    expect(status.pending).toEqual(['酿造车间']);
  });
});

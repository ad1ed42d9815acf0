import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '#core/access';
import { approvedWinePlan, confirmedFillingWeek, newRequisitionPlant, type RequisitionPlant } from '#production/testing';
import { type Client, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp } from '#test-support';

// PP-17 over HTTP: the team leader requisitions from the weekly plan, the director of THAT
// workshop approves, the warehouse issues against it through the ledger; the documents API
// refuses a requisition issue without an approved requisition; another organisation gets 404.

const NOW = '2026-04-08T02:00:00Z';
const TUE = '2026-04-07';

let t: TestApp;
let p: RequisitionPlant;
let as: Record<'leader' | 'director' | 'packDirector' | 'head' | 'keeper' | 'planner' | 'stranger', Client>;

beforeAll(async () => {
  t = await startTestApp({ now: NOW });
});
// Each test has a plant of its own (April's plan approved, the filling week confirmed), so it runs alone as well as in the file.
beforeEach(async () => {
  const db = t.ctx.db;
  const workflows = t.ctx.registry.workflows;
  p = await newRequisitionPlant(db, workflows, new Date(NOW));
  const plan = await approvedWinePlan(db, workflows, p, '2026-04', 500, new Date(NOW));
  await confirmedFillingWeek(db, workflows, p, plan.id, TUE, new Date(NOW));
  const other = await newOrg(db);
  const stranger = await newPerson(db, other.org.id, 'all');
  const login = (a: Actor) => signIn(t.app, a.username, TEST_PASSWORD);
  as = {
    leader: await login(p.leader),
    director: await login(p.fillDirector),
    packDirector: await login(p.packDirector),
    head: await login(p.head),
    keeper: await login(p.keeper),
    planner: await login(p.planner),
    stranger: await login(stranger),
  };
});
afterAll(() => t.close());

/** The filling workshop's requisition for Tuesday's early shift: 3,000 bottles and 2,250 L of base wine. */
function tuesdayRequisition() {
  return {
    workshopId: p.workshops.fill,
    days: [TUE],
    note: '早班',
    lines: [
      { itemId: p.items.bottle, requestedQty: 3000 },
      { itemId: p.items.base, requestedQty: 2250 },
    ],
  };
}

/** A stock document issuing `qty` bottles against requisition `id` (the documents API's door). */
function bottlesAgainst(id: string, qty: number) {
  return { kind: 'issue', purpose: 'requisition', reference: { type: 'requisition', id }, lines: [{ itemId: p.items.bottle, qty }] };
}

/** The team leader's requisition LL-2026-0001 for Tuesday: 3,000 bottles and 2,250 L of base wine, waiting for the director. */
async function submittedRequisition(): Promise<{ id: string; version: number }> {
  const r = await as.leader.post('/api/production/requisitions', tuesdayRequisition());
  expect(r.statusCode).toBe(201);
  return { id: r.json().id, version: r.json().version };
}

/** The requisition approved by the filling workshop's director. */
async function approvedRequisition(): Promise<string> {
  const { id, version } = await submittedRequisition();
  expect((await as.director.post(`/api/production/requisitions/${id}/approve`, { version, opinion: '同意' })).statusCode).toBe(200);
  return id;
}

/** The requisition issued in full by the keeper. */
async function issuedRequisition(): Promise<string> {
  const id = await approvedRequisition();
  const issued = await as.keeper.post(`/api/production/requisitions/${id}/issue`, {
    lines: [
      { itemId: p.items.bottle, qty: 3000 },
      { itemId: p.items.base, qty: 2250 },
    ],
  });
  expect(issued.json().requisition.stage).toBe('issued');
  return id;
}

describe('material requisitions over HTTP (PP-17)', () => {
  it('PP-17 the team leader sees the week’s plan days and the proposed quantities; bad input is a 400 naming the field', async () => {
    const week = await as.leader.get(`/api/production/requisitions/plan-days?workshopId=${p.workshops.fill}&weekOf=${TUE}`);
    expect(week.statusCode).toBe(200);
    expect(week.json().days.find((d: { day: string }) => d.day === TUE)).toMatchObject({ source: 'weekly', products: [{ code: 'W1', qty: 500 }] });
    const proposal = await as.leader.post('/api/production/requisitions/proposal', { workshopId: p.workshops.fill, days: [TUE] });
    expect(proposal.statusCode).toBe(200);
    expect(proposal.json().lines.map((l: { code: string; proposedQty: number }) => [l.code, l.proposedQty])).toEqual(
      expect.arrayContaining([
        ['B1', 2250],
        ['P1', 3000],
        ['C1', 3000],
      ]),
    );
    const bad = await as.leader.post('/api/production/requisitions', { workshopId: p.workshops.fill, days: ['2026-13-01'], lines: [] });
    expect(bad.statusCode).toBe(400);
    const above = await as.leader.post('/api/production/requisitions', {
      workshopId: p.workshops.fill,
      days: [TUE],
      lines: [{ itemId: p.items.bottle, requestedQty: 4000 }],
    });
    expect(above.statusCode).toBe(400);
    expect(above.json().details[0].field).toBe('lines.0.reason');
  });

  it('PP-17 a requisition is created (201) as the declared contract, numbered and waiting for the director', async () => {
    const r = await as.leader.post('/api/production/requisitions', tuesdayRequisition());
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body).toMatchObject({ number: 'LL-2026-0001', state: 'submitted', stage: 'submitted', workshopName: '灌装车间', note: '早班' });
    expect(Object.keys(body.lines[0]).sort()).toEqual(
      [
        'code',
        'isAboveNorm',
        'issuedQty',
        'itemId',
        'lineNo',
        'name',
        'normQty',
        'onHand',
        'outstandingQty',
        'priorQty',
        'reason',
        'requestedQty',
        'returnedQty',
        'spec',
        'unit',
      ].sort(),
    );
    const id = body.id;
    expect(id).toBeTypeOf('string');
    const list = await as.keeper.get(`/api/production/requisitions?workshopId=${p.workshops.fill}&stage=submitted`);
    expect(list.json().map((s: { number: string }) => s.number)).toEqual(['LL-2026-0001']);
  });

  it('PP-17 the warehouse cannot issue before approval: 409 with a clear message, through either door', async () => {
    const { id } = await submittedRequisition();
    const issue = await as.keeper.post(`/api/production/requisitions/${id}/issue`, { lines: [{ itemId: p.items.bottle, qty: 100 }] });
    expect(issue.statusCode).toBe(409);
    expect(issue.json().message).toContain('尚未经车间主任批准');
    const direct = await as.keeper.post('/api/production/stock-documents', bottlesAgainst(id, 100));
    expect(direct.statusCode).toBe(409);
    const bare = await as.keeper.post('/api/production/stock-documents', {
      kind: 'issue',
      purpose: 'requisition',
      lines: [{ itemId: p.items.bottle, qty: 100 }],
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().details[0].field).toBe('reference');
  });

  it('PP-17 the director of another workshop is refused; the director of this one approves', async () => {
    const { id, version } = await submittedRequisition();
    const other = await as.packDirector.post(`/api/production/requisitions/${id}/approve`, { version });
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toContain('灌装车间的车间主任');
    const inbox = await as.director.get('/api/inbox');
    expect(inbox.json()).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'approval.pending', link: `/production/requisitions/${id}` })]));
    const ok = await as.director.post(`/api/production/requisitions/${id}/approve`, { version, opinion: '同意' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'approved', stage: 'to_issue', approvedByName: '周主任' });
    const stale = await as.director.post(`/api/production/requisitions/${id}/reject`, { version, opinion: '重复' });
    expect(stale.statusCode).toBe(409);
  });

  it('PP-17 the QR code opens the issue page; the keeper issues part, stock drops, the rest is outstanding', async () => {
    const id = await approvedRequisition();
    const qr = await as.keeper.get(`/api/production/requisitions/${id}/qr`);
    expect(qr.statusCode).toBe(200);
    expect(qr.json().url).toMatch(new RegExp(`/production/requisitions/${id}/issue$`));
    expect(qr.json().svg).toContain('<svg');
    const stockBefore = (await as.keeper.get('/api/production/stock?q=P1')).json()[0].onHand;
    const issued = await as.keeper.post(`/api/production/requisitions/${id}/issue`, { lines: [{ itemId: p.items.bottle, qty: 2500 }] });
    expect(issued.statusCode).toBe(201);
    expect(issued.json()).toMatchObject({ documentNumber: expect.stringMatching(/^CK-2026-/), shortages: [], requisition: { stage: 'partial' } });
    expect((await as.keeper.get('/api/production/stock?q=P1')).json()[0].onHand).toBe(stockBefore - 2500);
    const doc = await as.keeper.get(`/api/production/stock-documents/${issued.json().documentId}`);
    expect(doc.json()).toMatchObject({
      purpose: 'requisition',
      referenceType: 'requisition',
      referenceId: id,
      referenceNumber: 'LL-2026-0001',
      workshopId: p.workshops.fill,
    });
    // The documents API takes an issue that references the approved requisition, within it.
    const direct = await as.keeper.post('/api/production/stock-documents', bottlesAgainst(id, 500));
    expect(direct.statusCode).toBe(201);
    expect(direct.json()).toMatchObject({ workshopId: p.workshops.fill, referenceNumber: 'LL-2026-0001' });
    const view = (await as.leader.get(`/api/production/requisitions/${id}`)).json();
    expect(view.lines.map((l: { requestedQty: number; issuedQty: number; outstandingQty: number }) => [l.requestedQty, l.issuedQty, l.outstandingQty])).toEqual(
      [
        [3000, 3000, 0],
        [2250, 0, 2250],
      ],
    );
    const over = await as.keeper.post(`/api/production/requisitions/${id}/issue`, { lines: [{ itemId: p.items.bottle, qty: 1 }] });
    expect(over.statusCode).toBe(400);
    expect(over.json().details[0].field).toBe('lines.0.qty');
    const rest = await as.keeper.post(`/api/production/requisitions/${id}/issue`, { lines: [{ itemId: p.items.base, qty: 2250 }] });
    expect(rest.json().requisition.stage).toBe('issued');
    const again = await as.keeper.post(`/api/production/requisitions/${id}/issue`, { lines: [{ itemId: p.items.base, qty: 1 }] });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已全部发料');
    const back = await as.keeper.post(`/api/production/requisitions/${id}/return`, { lines: [{ itemId: p.items.bottle, qty: 40 }] });
    expect(back.statusCode).toBe(201);
    expect(back.json().requisition.lines[0].returnedQty).toBe(40);
  });

  it('PP-17 above-norm lines go on to the production head (policy role); usage, norms and the Excel export answer', async () => {
    await issuedRequisition();
    const r = (
      await as.leader.post('/api/production/requisitions', {
        workshopId: p.workshops.fill,
        days: ['2026-04-08'],
        lines: [{ itemId: p.items.cork, requestedQty: 3600, reason: '软木塞批次不良，挑选损耗大' }],
      })
    ).json();
    const step1 = (await as.director.post(`/api/production/requisitions/${r.id}/approve`, { version: r.version })).json();
    expect(step1.state).toBe('escalated');
    expect((await as.head.get('/api/inbox')).json().some((i: { link: string }) => i.link === `/production/requisitions/${r.id}`)).toBe(true);
    expect((await as.head.post(`/api/production/requisitions/${r.id}/approve`, { version: step1.version })).json()).toMatchObject({
      state: 'approved',
      aboveNormApprovedByName: '张部长',
    });
    const usage = await as.planner.get('/api/production/material-usage?month=2026-04');
    expect(usage.statusCode).toBe(200);
    expect(usage.json().workshops[0]).toMatchObject({ workshopName: '灌装车间', requisitions: [{ number: 'LL-2026-0001' }] });
    const xlsx = await as.planner.get('/api/production/material-usage/export?month=2026-04');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await as.planner.get('/api/production/material-usage?month=2026-4')).statusCode).toBe(400);
    const norms = (await as.planner.get('/api/production/material-norms')).json();
    const carton = norms.find((n: { materialCode: string }) => n.materialCode === 'X1');
    const set = await as.planner.put(`/api/production/material-norms/${carton.bomLineId}`, { workshopId: p.workshops.pack });
    expect(set.json()).toMatchObject({ workshopName: '包装车间', isAssigned: true });
    expect((await as.leader.put(`/api/production/material-norms/${carton.bomLineId}`, { workshopId: null })).statusCode).toBe(403);
    expect((await as.planner.put(`/api/production/material-norms/${carton.bomLineId}`, { workshopId: p.orgId })).statusCode).toBe(400);
  });

  it('CORE-1 another organisation sees none of it: 404 on our requisition, an empty list, a 400 for our workshop', async () => {
    const id = await approvedRequisition();
    expect((await as.stranger.get(`/api/production/requisitions/${id}`)).statusCode).toBe(404);
    expect((await as.stranger.get(`/api/production/requisitions/${id}/qr`)).statusCode).toBe(404);
    expect((await as.stranger.post(`/api/production/requisitions/${id}/approve`, { version: 1 })).statusCode).toBe(404);
    expect((await as.stranger.post(`/api/production/requisitions/${id}/issue`, { lines: [{ itemId: p.items.bottle, qty: 1 }] })).statusCode).toBe(404);
    expect((await as.stranger.get('/api/production/requisitions')).json()).toEqual([]);
    const foreign = await as.stranger.post('/api/production/requisitions', {
      workshopId: p.workshops.fill,
      days: [TUE],
      lines: [{ itemId: p.items.bottle, requestedQty: 1 }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details[0].field).toBe('workshopId');
    const direct = await as.stranger.post('/api/production/stock-documents', bottlesAgainst(id, 1));
    expect(direct.statusCode).toBe(400);
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, newOrg, newPerson, type TestDatabase, testRegistry } from '#test-support';
import type { Actor } from '../access';
import { auditLog } from '../audit';
import { findMyNotifications } from '../notify';
import { loadActor } from '../auth';
import { userRoles, users } from '../org';
import { saveApprovalChain } from './approval-chain.service';
import { composeWorkflows, type TransitionEvent } from './approval.registry';
import { acknowledgeDocument, findDistribution, issueDocument } from './distribution.service';
import { actOnDocument, adjustDocument, approveDocument, rejectDocument, submitDocument } from './document-transition.service';
import { createDocument, getDocument, updateDocument } from './document.service';
import { findInbox } from './inbox.service';
import { diffDocumentRevisions, findRevisions } from './revision.service';

const { workflows } = testRegistry;

const NOW = new Date('2026-03-10T08:00:00Z');

describe('documents through their approval chain', () => {
  let database: TestDatabase;
  let orgId: string;
  let workshopId: string;
  let productionId: string;
  let author: Actor;
  let colleague: Actor;
  let vp: Actor;
  let gm: Actor;
  let admin: Actor;
  let member: Actor;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { org, departments, system } = await newOrg(database.db);
    orgId = org.id;
    workshopId = departments.find((d) => d.name === '灌装车间')!.id;
    productionId = departments.find((d) => d.name === '生产部')!.id;
    author = await newPerson(database.db, orgId, ['document.read', 'document.write', 'approval.act']);
    vp = await newPerson(database.db, orgId, ['document.read', 'approval.act']);
    gm = await newPerson(database.db, orgId, ['document.read', 'approval.act']);
    admin = await newPerson(database.db, orgId, 'all');
    member = await newPerson(database.db, orgId, ['document.read']);
    await database.db
      .update(users)
      .set({ departmentId: workshopId })
      .where(and(eq(users.orgId, orgId), eq(users.id, member.userId)));
    // The author sits in 生产部: a department nobody belongs to cannot be issued to (issue 14 item 8).
    await database.db
      .update(users)
      .set({ departmentId: productionId })
      .where(and(eq(users.orgId, orgId), eq(users.id, author.userId)));
    // A colleague sharing the author's role may edit and issue, like a second planner.
    const other = await newPerson(database.db, orgId, []);
    await database.db.insert(userRoles).values({ orgId, userId: other.userId, roleCode: author.roles[0] });
    colleague = (await loadActor(database.db, orgId, other.userId))!;
    const steps = [
      { key: 'vp', nameZh: '副总经理审批', nameEn: 'VP', roleCode: vp.roles[0] },
      { key: 'gm', nameZh: '总经理审批', nameEn: 'GM', roleCode: gm.roles[0] },
    ];
    await saveApprovalChain(database.db, workflows, system, 'general', { steps: [steps[0]], allowSelfApproval: false }, NOW);
    await saveApprovalChain(database.db, workflows, system, 'test.two_step', { steps, allowSelfApproval: false }, NOW);
  });
  afterAll(() => database.drop());

  const draft = (title = '通知', docType = 'general', body: unknown = { content: '内容' }) =>
    createDocument(database.db, workflows, author, { docType, title, body }, NOW);

  it('CORE-3 numbers documents per organisation and year and records the draft as revision 1', async () => {
    const a = await draft('甲');
    const b = await draft('乙');
    expect(a.number).toMatch(/^WJ-2026-\d{4}$/);
    expect(Number(b.number.slice(-4))).toBe(Number(a.number.slice(-4)) + 1);
    expect(a).toMatchObject({ state: 'draft', revision: 1, effectiveRevision: null, canEdit: true, allowedActions: ['submit'] });
  });

  it('CORE-3 walks a two-step chain: each step’s holder approves, the author is told at the end', async () => {
    const d = await draft('年度计划', 'test.two_step');
    const s = await submitDocument(database.db, workflows, author, d.id, { version: d.version }, NOW);
    expect(s).toMatchObject({ state: 'submitted', stepIndex: 0, waitingRole: vp.roles[0] });
    expect((await findMyNotifications(database.db, vp)).some((n) => n.titleZh.includes('年度计划') && n.kind === 'approval.pending')).toBe(true);
    await expect(approveDocument(database.db, workflows, gm, d.id, { version: s.version }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const s2 = await approveDocument(database.db, workflows, vp, d.id, { version: s.version, opinion: '同意' }, NOW);
    expect(s2).toMatchObject({ state: 'submitted', stepIndex: 1, waitingRole: gm.roles[0] });
    const done = await approveDocument(database.db, workflows, gm, d.id, { version: s2.version, opinion: '批准' }, NOW);
    expect(done).toMatchObject({ state: 'approved', effectiveRevision: 1, stepIndex: null });
    expect(done.timeline.map((e) => [e.action, e.stepNameZh, e.actorName, e.opinion])).toEqual([
      ['submit', null, author.displayName, null],
      ['approve', '副总经理审批', vp.displayName, '同意'],
      ['approve', '总经理审批', gm.displayName, '批准'],
    ]);
    expect((await findMyNotifications(database.db, author)).some((n) => n.kind === 'approval.approved' && n.titleZh.includes('年度计划'))).toBe(true);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entityId, d.id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['document.create', 'document.submit', 'document.approve']));
  });

  it('CORE-3 refuses self-approval unless the chain allows it', async () => {
    const own = await newPerson(database.db, orgId, ['document.read', 'document.write', 'approval.act']);
    const steps = [{ key: 's', nameZh: '自审', nameEn: 'Self', roleCode: own.roles[0] }];
    await saveApprovalChain(database.db, workflows, admin, 'test.self', { steps, allowSelfApproval: false }, NOW);
    const d = await createDocument(database.db, workflows, own, { docType: 'test.self', title: '自批' }, NOW);
    const s = await submitDocument(database.db, workflows, own, d.id, { version: d.version }, NOW);
    expect(s.allowedActions).toEqual(['withdraw']);
    await expect(approveDocument(database.db, workflows, own, d.id, { version: s.version }, NOW)).rejects.toMatchObject({ code: 'SELF_APPROVAL_FORBIDDEN' });
    expect((await findInbox(database.db, workflows, own)).some((i) => i.id === d.id && i.kind === 'approval.pending')).toBe(false);
    // The policy is read at submission: a chain that allows it lets the next submission through.
    await saveApprovalChain(database.db, workflows, admin, 'test.self', { version: 1, steps, allowSelfApproval: true }, NOW);
    const w = await actOnDocument(database.db, workflows, own, d.id, 'withdraw', { version: s.version }, NOW);
    const s2 = await submitDocument(database.db, workflows, own, d.id, { version: w.version }, NOW);
    expect((await findInbox(database.db, workflows, own)).some((i) => i.id === d.id && i.kind === 'approval.pending')).toBe(true);
    expect(await approveDocument(database.db, workflows, own, d.id, { version: s2.version }, NOW)).toMatchObject({ state: 'approved' });
  });

  it('CORE-3 a rejection needs an opinion, returns the document to its author, who revises and resubmits', async () => {
    const d = await draft('退回测试');
    const s = await submitDocument(database.db, workflows, author, d.id, { version: d.version }, NOW);
    await expect(rejectDocument(database.db, workflows, vp, d.id, { version: s.version }, NOW)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const r = await rejectDocument(database.db, workflows, vp, d.id, { version: s.version, opinion: '数量有误' }, NOW);
    expect(r.state).toBe('rejected');
    const inbox = await findInbox(database.db, workflows, author);
    expect(inbox.find((i) => i.id === d.id)).toMatchObject({ kind: 'approval.rejected', link: `/documents/${d.id}` });
    const back = await actOnDocument(database.db, workflows, author, d.id, 'revise', { version: r.version }, NOW);
    const edited = await updateDocument(database.db, workflows, author, d.id, { version: back.version, body: { content: '改正后' } }, NOW);
    expect(await submitDocument(database.db, workflows, author, d.id, { version: edited.version }, NOW)).toMatchObject({ state: 'submitted', revision: 1 });
  });

  it('CORE-3 a stale version is a conflict, never a silent overwrite', async () => {
    const d = await draft('并发');
    await updateDocument(database.db, workflows, author, d.id, { version: d.version, title: '并发 A' }, NOW);
    await expect(updateDocument(database.db, workflows, colleague, d.id, { version: d.version, title: '并发 B' }, NOW)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    await expect(submitDocument(database.db, workflows, author, d.id, { version: d.version }, NOW)).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await getDocument(database.db, workflows, author, d.id)).title).toBe('并发 A');
  });

  it('CORE-3 a declared guard blocks a transition with its reason; hooks run in the same transaction', async () => {
    const seen: string[] = [];
    const workflows = composeWorkflows({
      documentTypes: [...testRegistry.workflows.documentTypes().filter((t) => t.docType !== 'general')],
      guards: [
        {
          docType: 'test.guarded',
          action: 'submit',
          name: 'test.has-lines',
          fn: async (_db, _actor, doc) => (Array.isArray((doc.body as { lines?: unknown[] }).lines) ? null : { zh: '请先填写明细', en: 'Add lines first' }),
        },
      ],
      hooks: [{ docType: 'test.guarded', fn: async (_tx, _actor, e: TransitionEvent) => void seen.push(`${e.from}>${e.to}`) }],
      inboxSources: [],
    });
    await saveApprovalChain(
      database.db,
      workflows,
      admin,
      'test.guarded',
      { steps: [{ key: 'vp', nameZh: '审批', nameEn: 'Approve', roleCode: vp.roles[0] }], allowSelfApproval: false },
      NOW,
    );
    const d = await draft('有守卫', 'test.guarded', {});
    await expect(submitDocument(database.db, workflows, author, d.id, { version: d.version }, NOW)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: '请先填写明细',
    });
    expect((await getDocument(database.db, workflows, author, d.id)).state).toBe('draft');
    const e = await updateDocument(database.db, workflows, author, d.id, { version: d.version, body: { lines: [] } }, NOW);
    await submitDocument(database.db, workflows, author, d.id, { version: e.version }, NOW);
    expect(seen).toEqual(['draft>submitted']);
  });

  it('CORE-4 an adjustment is a new revision through the same chain; the old one stays in force until approved', async () => {
    const d = await draft('月度计划', 'test.two_step', { lines: [{ id: 'a', product: '白酒', quantity: 100 }] });
    let v = await submitDocument(database.db, workflows, author, d.id, { version: d.version }, NOW);
    v = await approveDocument(database.db, workflows, vp, d.id, { version: v.version }, NOW);
    v = await approveDocument(database.db, workflows, gm, d.id, { version: v.version }, NOW);
    v = await adjustDocument(database.db, workflows, author, d.id, { version: v.version, opinion: '新增订单' }, NOW);
    expect(v).toMatchObject({ state: 'draft', revision: 2, effectiveRevision: 1 });
    v = await updateDocument(database.db, workflows, author, d.id, { version: v.version, body: { lines: [{ id: 'a', product: '白酒', quantity: 130 }] } }, NOW);
    v = await submitDocument(database.db, workflows, author, d.id, { version: v.version }, NOW);
    expect(v).toMatchObject({ waitingRole: vp.roles[0], effectiveRevision: 1 });
    let revisions = await findRevisions(database.db, author, d.id);
    expect(revisions.map((r) => [r.revision, r.state, r.isInForce])).toEqual([
      [1, 'approved', true],
      [2, 'submitted', false],
    ]);
    v = await approveDocument(database.db, workflows, vp, d.id, { version: v.version }, NOW);
    v = await approveDocument(database.db, workflows, gm, d.id, { version: v.version }, NOW);
    expect(v).toMatchObject({ state: 'approved', effectiveRevision: 2 });
    revisions = await findRevisions(database.db, author, d.id);
    expect(revisions[0]).toMatchObject({ revision: 1, isInForce: false, body: { lines: [{ quantity: 100 }] } });
    expect(revisions[0].supersededAt).not.toBeNull();
    const diff = await diffDocumentRevisions(database.db, author, d.id, 1, 2);
    expect(diff.changes).toEqual([{ path: 'body.lines[a].quantity', labelZh: '数量', before: 100, after: 130, kind: 'changed' }]);
  });

  it('CORE-5 issues to departments, members acknowledge, the issuer sees who has not', async () => {
    const d = await draft('发放测试');
    let v = await submitDocument(database.db, workflows, author, d.id, { version: d.version }, NOW);
    v = await approveDocument(database.db, workflows, vp, d.id, { version: v.version }, NOW);
    await expect(issueDocument(database.db, workflows, vp, d.id, { version: v.version, departmentIds: [workshopId] }, NOW)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(issueDocument(database.db, workflows, author, d.id, { version: v.version, departmentIds: [] }, NOW)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    v = await issueDocument(database.db, workflows, colleague, d.id, { version: v.version, departmentIds: [workshopId, productionId] }, NOW);
    expect(v.state).toBe('issued');
    expect((await findMyNotifications(database.db, member)).some((n) => n.kind === 'distribution.received')).toBe(true);
    expect((await findInbox(database.db, workflows, member)).find((i) => i.id === d.id)?.kind).toBe('distribution.unacknowledged');
    expect((await getDocument(database.db, workflows, member, d.id)).canAcknowledge).toBe(true);
    await expect(acknowledgeDocument(database.db, vp, d.id, NOW)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const status = await acknowledgeDocument(database.db, member, d.id, new Date('2026-03-11T09:00:00Z'));
    expect(status).toMatchObject({ revision: 1, total: 2, acknowledged: 1, pending: ['生产部'] });
    expect(status.receipts.find((r) => r.departmentId === workshopId)).toMatchObject({ acknowledgedByName: member.displayName, recipientName: '灌装车间' });
    expect((await findInbox(database.db, workflows, member)).some((i) => i.id === d.id)).toBe(false);
    expect((await findDistribution(database.db, author, d.id)).pending).toEqual(['生产部']);
    expect((await actOnDocument(database.db, workflows, author, d.id, 'close', { version: v.version }, NOW)).state).toBe('closed');
  });
});

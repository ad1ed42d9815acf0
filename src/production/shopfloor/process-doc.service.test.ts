import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adjustDocument, createDocument, getDocument, submitDocument, updateDocument } from '#core/approval';
import type { Db } from '#core/db';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { approveThrough, newFloor, type TestFloor } from '../testing/index';
import { actOnProcessDoc, createProcessDoc, findDocsInForce, findProcessDocs, getFloorOverview, getProcessDoc, updateProcessDraft } from './index';

const { workflows } = testRegistry;
const NOW = new Date('2026-04-08T02:00:00Z');

describe('process specifications and site standards (PP-20, T4 第三十六、四十二、四十三条)', () => {
  let database: TestDatabase;
  let db: Db;
  let f: TestFloor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  // Each test has a shop floor of its own.
  beforeEach(async () => {
    f = await newFloor(db, workflows, NOW);
  });
  afterAll(() => database.drop());

  const items = [
    { title: '灌装温度', requirement: '酒液温度 15–18℃' },
    { title: '压盖', requirement: '压盖扭矩 1.0–1.2 N·m，每小时抽检 5 瓶' },
  ];
  /** The process office's filling procedure for the filling workshop, in draft. */
  const draftSpec = async () =>
    (
      await createProcessDoc(
        db,
        workflows,
        f.tech,
        { category: 'procedure', title: '灌装操作规程', workshopId: f.workshops.fill, scope: '灌装线 1、2 号', items },
        NOW,
      )
    ).id;
  /** The filling procedure submitted and approved through production head → vice GM: revision 1 in force. */
  const specInForce = async () => {
    const specId = await draftSpec();
    const draft = await getProcessDoc(db, workflows, f.tech, specId);
    await actOnProcessDoc(db, workflows, f.tech, specId, 'submit', { version: draft.version }, NOW);
    await approveThrough(db, workflows, f, specId, NOW);
    return specId;
  };

  it('PP-20 the process office drafts a specification; a workshop cannot', async () => {
    await expect(
      createProcessDoc(db, workflows, f.fillDirector, { category: 'procedure', title: '灌装操作规程', workshopId: f.workshops.fill, items }, NOW),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createProcessDoc(db, workflows, f.tech, { category: 'procedure', title: '灌装操作规程', items: [] }, NOW)).rejects.toMatchObject({
      details: [{ field: 'items' }],
    });
    const doc = await createProcessDoc(
      db,
      workflows,
      f.tech,
      { category: 'procedure', title: '灌装操作规程', workshopId: f.workshops.fill, scope: '灌装线 1、2 号', items },
      NOW,
    );
    expect(doc).toMatchObject({ number: 'GYWJ-2026-0001', state: 'draft', inForce: null, canEdit: true, workshopName: '灌装车间' });
    expect(doc.working.body.items.map((i) => i.key)).toEqual(['k1', 'k2']);
    // Nothing is in force before approval: the shop floor reads nothing yet.
    expect(await findDocsInForce(db, f.orgId, f.workshops.fill)).toEqual([]);
  });

  it('PP-20 approved through production head → vice GM, it is the version in force', async () => {
    const specId = await draftSpec();
    const draft = await getProcessDoc(db, workflows, f.tech, specId);
    const submitted = await actOnProcessDoc(db, workflows, f.tech, specId, 'submit', { version: draft.version }, NOW);
    expect(submitted.steps.map((s) => s.roleCode)).toEqual(['production_head', 'vp_production']);
    await approveThrough(db, workflows, f, specId, NOW);
    const approved = await getProcessDoc(db, workflows, f.fillDirector, specId);
    expect(approved).toMatchObject({ state: 'approved', effectiveRevision: 1, inForce: { revision: 1 }, hasPendingRevision: false, canEdit: false });
    expect((await findDocsInForce(db, f.orgId, f.workshops.fill)).map((d) => d.title)).toEqual(['灌装操作规程']);
    expect(await findDocsInForce(db, f.orgId, f.workshops.pack)).toEqual([]);
  });

  it('PP-20 T4 第四十三条: a workshop cannot change a specification by any route', async () => {
    const specId = await specInForce();
    const spec = await getProcessDoc(db, workflows, f.fillDirector, specId);
    expect(spec.allowedActions).toEqual([]);
    await expect(updateProcessDraft(db, workflows, f.fillDirector, specId, { version: spec.version, title: '改', items }, NOW)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Through the generic document screens: the director holds document.write.
    await expect(adjustDocument(db, workflows, f.fillDirector, specId, { version: spec.version, opinion: '车间自行调整' }, NOW)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(updateDocument(db, workflows, f.fillDirector, specId, { version: spec.version, title: '改' }, NOW)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const own = await createDocument(
      db,
      workflows,
      f.fillDirector,
      { docType: 'production.process_spec', title: '车间自编规程', body: { category: 'procedure', workshopId: f.workshops.fill, scope: '', items: [] } },
      NOW,
    );
    const refused = await submitDocument(db, workflows, f.fillDirector, own.id, { version: own.version }, NOW).catch((e) => e);
    expect(refused.code).toBe('INVALID_STATE');
    expect(refused.message).toContain('车间不得擅自变动（T4 第四十三条）');
    expect((await getDocument(db, workflows, f.fillDirector, own.id)).state).toBe('draft');
    expect((await findDocsInForce(db, f.orgId, f.workshops.fill)).map((d) => d.revision)).toEqual([1]);
  });

  it('PP-20 a revision is an adjustment with a readable diff; the old version stays in force until the new one is approved', async () => {
    const specId = await specInForce();
    let spec = await getProcessDoc(db, workflows, f.tech, specId);
    spec = await actOnProcessDoc(db, workflows, f.tech, specId, 'adjust', { version: spec.version, opinion: '新瓶型投产' }, NOW);
    expect(spec).toMatchObject({ state: 'draft', revision: 2, effectiveRevision: 1, hasPendingRevision: true });
    spec = await updateProcessDraft(
      db,
      workflows,
      f.tech,
      specId,
      {
        version: spec.version,
        title: '灌装操作规程',
        workshopId: f.workshops.fill,
        scope: '灌装线 1、2 号',
        items: [
          { ...spec.working.body.items[0], requirement: '酒液温度 14–17℃' },
          spec.working.body.items[1],
          { title: '贴标', requirement: '标签偏斜 ≤ 1 mm' },
        ],
      },
      NOW,
    );
    expect(spec.diff).toEqual([
      { label: { zh: '条目「灌装温度」· 要求', en: 'Item “灌装温度” · Requirement' }, kind: 'changed', before: '酒液温度 15–18℃', after: '酒液温度 14–17℃' },
      { label: { zh: '条目「贴标」', en: 'Item “贴标”' }, kind: 'added', before: '', after: '贴标：标签偏斜 ≤ 1 mm' },
    ]);
    const [inForce] = await findDocsInForce(db, f.orgId, f.workshops.fill);
    expect(inForce.body.items[0].requirement).toBe('酒液温度 15–18℃');
    expect((await getFloorOverview(db, f.leader, undefined, NOW)).steps).toEqual(['灌装温度', '压盖']);
    const list = await findProcessDocs(db, f.leader, { workshopId: f.workshops.fill });
    expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ number: 'GYWJ-2026-0001', hasPendingRevision: true })]));

    spec = await actOnProcessDoc(db, workflows, f.tech, specId, 'submit', { version: spec.version }, NOW);
    await approveThrough(db, workflows, f, specId, NOW);
    const [now] = await findDocsInForce(db, f.orgId, f.workshops.fill);
    expect(now).toMatchObject({ revision: 2 });
    expect(now.body.items.map((i) => i.requirement)).toEqual(['酒液温度 14–17℃', '压盖扭矩 1.0–1.2 N·m，每小时抽检 5 瓶', '标签偏斜 ≤ 1 mm']);
  });

  it('PP-20 a site standard for every workshop is read by each of them', async () => {
    const std = await createProcessDoc(
      db,
      workflows,
      f.tech,
      { category: 'standard', title: '现场定置管理标准', items: [{ title: '物品定置', requirement: '物品按定置图摆放，通道线内无杂物' }] },
      NOW,
    );
    expect(std.number).toBe('XCBZ-2026-0001');
    await actOnProcessDoc(db, workflows, f.tech, std.id, 'submit', { version: std.version }, NOW);
    await approveThrough(db, workflows, f, std.id, NOW);
    expect((await findDocsInForce(db, f.orgId, f.workshops.pack)).map((d) => d.title)).toEqual(['现场定置管理标准']);
  });
});

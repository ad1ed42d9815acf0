import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlines } from '#core/calendar';
import type { Db } from '#core/db';
import { notifications } from '#core/notify';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { newFloor, type TestFloor } from '../testing/index';
import {
  addSafetyItem,
  closeRectification,
  escalateRectification,
  findDueChecklists,
  findPatrols,
  findRectifications,
  getChecklistForm,
  getFloorOverview,
  recordOperation,
  recordPatrol,
  recordSafetyCheck,
  updateSafetyItem,
} from './index';

const { workflows } = testRegistry;
// Wednesday 8 April 2026, 10:00 in Beijing.
const NOW = new Date('2026-04-08T02:00:00Z');

describe('shop floor: safety checklist, rectifications, patrols, operation records (PP-20)', () => {
  let database: TestDatabase;
  let db: Db;
  let f: TestFloor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    f = await newFloor(db, workflows, NOW);
  });
  afterAll(() => database.drop());

  const told = async (userId: string, kind: string) =>
    (
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.orgId, f.orgId), eq(notifications.userId, userId), eq(notifications.kind, kind)))
    ).length;

  it('PP-20 the production department keeps the checklist items; a workshop cannot', async () => {
    await addSafetyItem(db, f.head, { text: '消防通道畅通、灭火器在有效期内', sort: 1 });
    const guard = await addSafetyItem(db, f.head, { text: '设备防护罩完好', sort: 2 });
    await addSafetyItem(db, f.head, { workshopId: f.workshops.fill, text: '灌装机安全联锁有效', sort: 1 });
    const retired = await addSafetyItem(db, f.head, { workshopId: f.workshops.fill, text: '旧检查项', sort: 9 });
    await updateSafetyItem(db, f.head, retired.id, { version: retired.version, text: retired.text, workshopId: f.workshops.fill, sort: 9, isActive: false });
    await expect(addSafetyItem(db, f.leader, { text: '车间自加' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateSafetyItem(db, f.head, guard.id, { version: guard.version + 5, text: 'x改', sort: 2 })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    const form = await getChecklistForm(db, f.leader, undefined, NOW);
    expect(form).toMatchObject({ today: '2026-04-08', workshop: { id: f.workshops.fill, name: '灌装车间' }, mine: null });
    expect(form.items.map((i) => i.text)).toEqual(['灌装机安全联锁有效', '消防通道畅通、灭火器在有效期内', '设备防护罩完好']);
    expect(form.people.map((p) => p.name)).toEqual(expect.arrayContaining(['吴班长', '周主任']));
  });

  it('PP-20 the due list shows every workshop working today without a checklist', async () => {
    const due = await findDueChecklists(db, f.head, NOW);
    expect(due.workshops.filter((w) => w.isDue).map((w) => w.name)).toEqual(['包装车间', '灌装车间', '酿造车间']);
  });

  it('PP-20 a team leader’s checklist: a problem opens a rectification, one the workshop cannot fix goes to production at once', async () => {
    const form = await getChecklistForm(db, f.leader, undefined, NOW);
    const [interlock, exits, guard] = form.items;
    await expect(recordSafetyCheck(db, f.leader, { workshopId: f.workshops.fill, results: [{ itemId: interlock.id, ok: true }] }, NOW)).rejects.toMatchObject({
      details: [{ field: 'results' }],
    });
    await expect(
      recordSafetyCheck(db, f.leader, { workshopId: f.workshops.pack, results: form.items.map((i) => ({ itemId: i.id, ok: true })) }, NOW),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const check = await recordSafetyCheck(
      db,
      f.leader,
      {
        workshopId: f.workshops.fill,
        results: [
          { itemId: interlock.id, ok: true },
          { itemId: exits.id, ok: false, note: '东侧通道堆放纸箱', ownerUserId: f.fillDirector.userId },
          { itemId: guard.id, ok: false, note: '2 号线防护罩变形，需外购', cannotFix: true },
        ],
      },
      NOW,
    );
    expect(check).toMatchObject({ checkedOn: '2026-04-08', problemCount: 2 });
    const list = await findRectifications(db, f.head, { workshopId: f.workshops.fill }, NOW);
    expect(list.map((r) => [r.number, r.itemText, r.state, r.ownerName, r.dueOn])).toEqual([
      ['ZG-2026-0002', '设备防护罩完好', 'escalated', '吴班长', '2026-04-09'],
      ['ZG-2026-0001', '消防通道畅通、灭火器在有效期内', 'open', '周主任', '2026-04-09'],
    ]);
    expect(list[0]).toMatchObject({ escalatedByName: '吴班长', escalationNote: '本车间无法整改，立即上报（T4 第四十一条）' });
    expect(await told(f.head.userId, 'production.rectification.escalated')).toBe(1);
    expect(await told(f.fillDirector.userId, 'production.rectification')).toBe(1);
    const [deadline] = await db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.orgId, f.orgId), eq(deadlines.subjectId, list[1].id)));
    expect(deadline).toMatchObject({ dueOn: '2026-04-09', state: 'open', clause: 'T4 第四十一条' });
    await expect(
      recordSafetyCheck(db, f.leader, { workshopId: f.workshops.fill, results: form.items.map((i) => ({ itemId: i.id, ok: true })) }, NOW),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await findDueChecklists(db, f.head, NOW)).workshops.find((w) => w.workshopId === f.workshops.fill)).toMatchObject({
      isDue: false,
      checkedBy: ['吴班长'],
    });
    expect((await getChecklistForm(db, f.leader, undefined, NOW)).mine?.problemCount).toBe(2);
  });

  it('PP-20 the workshop closes its own rectification; an escalated one only production closes; another workshop neither', async () => {
    const [escalated, open] = await findRectifications(db, f.leader, { workshopId: f.workshops.fill, state: 'active' }, NOW);
    expect([open.canClose, open.canEscalate, escalated.canClose]).toEqual([true, true, false]);
    await expect(closeRectification(db, f.leader, escalated.id, { version: escalated.version, note: '已处理' }, NOW)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(closeRectification(db, f.packDirector, open.id, { version: open.version, note: '已清理' }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(closeRectification(db, f.fillDirector, open.id, { version: open.version, note: '' }, NOW)).rejects.toMatchObject({
      details: [{ field: 'note' }],
    });
    const done = await closeRectification(db, f.fillDirector, open.id, { version: open.version, note: '纸箱已移走' }, NOW);
    expect(done).toMatchObject({ state: 'done', closedByName: '周主任', closeNote: '纸箱已移走' });
    const [deadline] = await db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.orgId, f.orgId), eq(deadlines.subjectId, open.id)));
    expect(deadline.state).toBe('done');
    const closed = await closeRectification(db, f.head, escalated.id, { version: escalated.version, note: '采购新防护罩已安装' }, NOW);
    expect(closed.state).toBe('done');
  });

  it('PP-20 a director’s patrol records its findings as rectifications with owners and due dates', async () => {
    await expect(recordPatrol(db, f.packDirector, { workshopId: f.workshops.fill, findings: [] }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      recordPatrol(
        db,
        f.fillDirector,
        { workshopId: f.workshops.fill, findings: [{ problem: '地面积水', ownerUserId: '00000000-0000-4000-8000-000000000009', dueOn: '2026-04-09' }] },
        NOW,
      ),
    ).rejects.toMatchObject({
      details: [{ field: 'findings[0].ownerUserId' }],
    });
    await expect(
      recordPatrol(
        db,
        f.fillDirector,
        { workshopId: f.workshops.fill, findings: [{ problem: '地面积水', ownerUserId: f.leader.userId, dueOn: '2026-04-01' }] },
        NOW,
      ),
    ).rejects.toMatchObject({
      details: [{ field: 'findings[0].dueOn' }],
    });
    await recordPatrol(
      db,
      f.fillDirector,
      { workshopId: f.workshops.fill, note: '上午巡检', findings: [{ problem: '灌装区地面积水', ownerUserId: f.leader.userId, dueOn: '2026-04-08' }] },
      NOW,
    );
    const [patrol] = await findPatrols(db, f.head, { workshopId: f.workshops.fill }, NOW);
    expect(patrol).toMatchObject({ inspectorName: '周主任', inspectedOn: '2026-04-08', findingCount: 1 });
    expect(patrol.findings).toEqual([expect.objectContaining({ source: 'patrol', problem: '灌装区地面积水', ownerName: '吴班长', state: 'open' })]);
    const escalated = await escalateRectification(
      db,
      f.leader,
      patrol.findings[0].id,
      { version: patrol.findings[0].version, note: '排水沟堵塞，需设备部疏通' },
      NOW,
    );
    expect(escalated).toMatchObject({ state: 'escalated', escalatedByName: '吴班长' });
    expect(await told(f.head.userId, 'production.rectification.escalated')).toBe(2);
  });

  it('PP-20 operators record self and mutual checks per shift and step; a problem needs a note', async () => {
    await recordOperation(db, f.operator, { workshopId: f.workshops.fill, shift: 1, step: '灌装', kind: 'self', result: 'ok' }, NOW);
    await expect(
      recordOperation(db, f.operator, { workshopId: f.workshops.fill, shift: 1, step: '压盖', kind: 'mutual', result: 'ok' }, NOW),
    ).rejects.toMatchObject({ details: [{ field: 'checkedUserId' }] });
    await expect(
      recordOperation(db, f.operator, { workshopId: f.workshops.fill, shift: 1, step: '压盖', kind: 'self', result: 'problem' }, NOW),
    ).rejects.toMatchObject({ details: [{ field: 'note' }] });
    await recordOperation(
      db,
      f.operator,
      { workshopId: f.workshops.fill, shift: 2, step: '压盖', kind: 'mutual', result: 'problem', note: '扭矩偏低，已调整', checkedUserId: f.leader.userId },
      new Date(NOW.getTime() + 3_600_000),
    );
    await expect(
      recordOperation(db, f.operator, { workshopId: f.workshops.pack, shift: 1, step: '装箱', kind: 'self', result: 'ok' }, NOW),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('PP-20 现场管理: a workshop sees its own day; the production head sees every workshop', async () => {
    const mine = await getFloorOverview(db, f.leader, undefined, NOW);
    expect(mine).toMatchObject({ canSeeAll: false, workshop: { name: '灌装车间' } });
    expect(mine.workshops.map((w) => w.name)).toEqual(['灌装车间']);
    expect(mine.checks).toHaveLength(1);
    expect(mine.rectifications.map((r) => r.problem)).toEqual(['灌装区地面积水']);
    expect(mine.patrols).toHaveLength(1);
    expect(mine.records.map((r) => [r.step, r.kind, r.result, r.checkedUserName])).toEqual([
      ['压盖', 'mutual', 'problem', '吴班长'],
      ['灌装', 'self', 'ok', null],
    ]);
    const all = await getFloorOverview(db, f.head, undefined, NOW);
    expect(all.canSeeAll).toBe(true);
    expect(all.workshops.map((w) => [w.name, w.checkedToday, w.active, w.escalated])).toEqual([
      ['包装车间', false, 0, 0],
      ['灌装车间', true, 1, 1],
      ['酿造车间', false, 0, 0],
    ]);
    const pack = await getFloorOverview(db, f.head, f.workshops.pack, NOW);
    expect(pack.workshop?.name).toBe('包装车间');
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '#core/access';
import type { Db } from '#core/db';
import { notifications } from '#core/notify';
import { users } from '#core/org';
import { createTestDatabase, newOrg, newPerson, type TestDatabase, testRegistry } from '#test-support';
import type { CapacityView } from '../capacity/index';
import { loadWorkshopCapacity } from '../master/index';
import { getPlanRow } from '../plan/index';
import { draftAprilWinePlan, newMachineOperator, newMaintenancePerson, newPlant, type TestPlant } from '../testing/index';
import {
  acceptRepair,
  completeRepair,
  createMachine,
  diagnoseRepair,
  getMachine,
  getMachineCards,
  getMachinePhone,
  getRepair,
  recordSpotCheck,
  reportFailure,
  saveCheckItems,
  setMachineState,
} from './index';

const { workflows } = testRegistry;
// 10:00 Beijing time, Friday 20 March 2026.
const NOW = new Date('2026-03-20T02:00:00Z');
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

describe('machines, spot checks and repairs (PP-23, PP-26, T4 第四十六、五十 … 五十二条)', () => {
  let database: TestDatabase;
  let db: Db;
  let p: TestPlant;
  let maint: Actor;
  let operator: Actor;
  let director: Actor;
  let planId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  // Each test has a plant of its own: April's plan, maintenance, an operator and the filling workshop's director.
  beforeEach(async () => {
    p = await newPlant(db, workflows, NOW);
    maint = await newMaintenancePerson(db, p);
    operator = await newMachineOperator(db, p);
    director = await newPerson(db, p.orgId, ['production.read', 'production.equipment.check', 'approval.act']);
    // The director and the operator work in the filling workshop's department.
    for (const who of [director, operator])
      await db
        .update(users)
        .set({ departmentId: p.departments.get('灌装车间') })
        .where(and(eq(users.orgId, p.orgId), eq(users.id, who.userId)));
    // April's plan: 400 cases a working day, 8 h of the filling workshop's 20 h.
    planId = await draftAprilWinePlan(db, workflows, p, NOW);
  });
  afterAll(() => database.drop());

  /** The filler GZ-01 (half of filling, owned by maintenance) and the capper GZ-02 carrying the other half. */
  const registerMachines = async () => {
    const filler = (
      await createMachine(
        db,
        maint,
        { code: 'GZ-01', name: '灌装机', model: 'DGF-24', workshopId: p.workshops.fill, ownerUserId: maint.userId, capacityShare: 0.5 },
        NOW,
      )
    ).id;
    const capper = (await createMachine(db, maint, { code: 'GZ-02', name: '压盖机', workshopId: p.workshops.fill }, NOW)).id;
    return { filler, capper };
  };
  /** The filler's operating procedure: three check items. */
  const saveFillerCheckItems = (filler: string) =>
    saveCheckItems(db, maint, filler, {
      items: [{ content: '气压 0.5–0.7 MPa', standard: '压力表绿区' }, { content: '灌装阀无滴漏' }, { content: '防护罩关闭' }],
    });
  /** At 10:00 the operator finds valve 3 leaking: the filler stops and its repair opens. */
  const stopFiller = async (filler: string) => {
    const items = await saveFillerCheckItems(filler);
    const answer = await recordSpotCheck(
      db,
      operator,
      { machineId: filler, items: items.map((i, k) => ({ itemId: i.id, isOk: k !== 1, note: k === 1 ? '3号阀滴漏' : undefined })) },
      NOW,
    );
    return answer.repair!.id;
  };

  const fillCapacity = async () =>
    ((await getPlanRow(db, p.orgId, planId)).capacity as CapacityView).rows.find((r) => r.workshopId === p.workshops.fill)!.totalCapacity;

  it('PP-23 every machine is numbered once in the organisation; bad references are a 400 naming the field', async () => {
    const f = await createMachine(
      db,
      maint,
      { code: 'GZ-01', name: '灌装机', model: 'DGF-24', workshopId: p.workshops.fill, ownerUserId: maint.userId, capacityShare: 0.5 },
      NOW,
    );
    const filler = f.id;
    const capper = (await createMachine(db, maint, { code: 'GZ-02', name: '压盖机', workshopId: p.workshops.fill }, NOW)).id;
    expect(f).toMatchObject({ code: 'GZ-01', workshopName: '灌装车间', state: 'running', share: 0.5, ownerName: maint.displayName, openRepair: null });
    await expect(createMachine(db, maint, { code: 'GZ-01', name: '重复', workshopId: p.workshops.fill }, NOW)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'code' }],
    });
    await expect(createMachine(db, maint, { code: 'GZ-09', name: '无车间', workshopId: p.workshops.fill.replace(/.$/, '0') }, NOW)).rejects.toMatchObject({
      details: [{ field: 'workshopId' }],
    });
    await expect(createMachine(db, operator, { code: 'GZ-08', name: '越权', workshopId: p.workshops.fill }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Two machines in filling: the capper carries the other half by default.
    expect((await getMachine(db, maint, capper, NOW)).share).toBe(0.5);
    const other = await newOrg(db);
    const stranger = await newPerson(db, other.org.id, 'all');
    await expect(getMachine(db, stranger, filler, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('PP-23 the 设备管理卡 carries the number, workshop, owner and a QR code opening the machine’s phone page', async () => {
    const { filler } = await registerMachines();
    const [card] = await getMachineCards(db, operator, { ids: [filler] }, 'https://plant.example');
    expect(card).toMatchObject({
      code: 'GZ-01',
      name: '灌装机',
      model: 'DGF-24',
      workshopName: '灌装车间',
      ownerName: maint.displayName,
      url: `https://plant.example/public/equipment/${filler}`,
    });
    expect(card.qrSvg).toMatch(/^<svg/);
  });

  it('PP-26 a spot check answers every item of the operating procedure; all ok keeps the machine running', async () => {
    const { filler } = await registerMachines();
    const items = await saveCheckItems(db, maint, filler, {
      items: [{ content: '气压 0.5–0.7 MPa', standard: '压力表绿区' }, { content: '灌装阀无滴漏' }, { content: '防护罩关闭' }],
    });
    expect(items.map((i) => i.seq)).toEqual([1, 2, 3]);
    await expect(recordSpotCheck(db, operator, { machineId: filler, items: [{ itemId: items[0].id, isOk: true }] }, NOW)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'items' }],
    });
    const ok = await recordSpotCheck(db, operator, { machineId: filler, items: items.map((i) => ({ itemId: i.id, isOk: true })) }, NOW);
    expect(ok).toMatchObject({ result: 'ok', machineState: 'running', repair: null });
    expect((await getMachinePhone(db, operator, filler, NOW)).lastCheck).toMatchObject({ result: 'ok', checkedByName: operator.displayName });
  });

  it('PP-26 an anomaly stops the machine at once, opens WX-2026-0001 and tells maintenance and the workshop director', async () => {
    const { filler } = await registerMachines();
    await saveFillerCheckItems(filler);
    expect(await fillCapacity()).toBe(520);
    const items = (await getMachinePhone(db, operator, filler, NOW)).checkItems;
    const answer = await recordSpotCheck(
      db,
      operator,
      { machineId: filler, items: items.map((i, k) => ({ itemId: i.id, isOk: k !== 1, note: k === 1 ? '3号阀滴漏' : undefined })) },
      NOW,
    );
    expect(answer).toMatchObject({ result: 'anomaly', machineState: 'stopped', repair: { number: 'WX-2026-0001' } });
    const repairId = answer.repair!.id;
    const machine = await getMachine(db, operator, filler, NOW);
    expect(machine).toMatchObject({ state: 'stopped', openRepair: { number: 'WX-2026-0001', state: 'reported' } });
    const told = await db
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.orgId, p.orgId), eq(notifications.kind, 'production.equipment.stopped')));
    expect(told.map((n) => n.userId).sort()).toEqual([maint.userId, director.userId].sort());
    const repair = await getRepair(db, maint, repairId, NOW);
    expect(repair).toMatchObject({ source: 'spot_check', state: 'reported', machineCode: 'GZ-01', reportedByName: operator.displayName });
    expect(repair.fault).toContain('灌装阀无滴漏（3号阀滴漏）');
    expect(repair.spotCheck?.result).toBe('anomaly');
  });

  it('PP-26 a stopped machine takes its share of the workshop’s capacity calendar and of the stored plan check', async () => {
    const { filler } = await registerMachines();
    await stopFiller(filler);
    // From 10:00 today: 14 of 24 hours of today's 20 h, at half the workshop.
    const [fill] = (await loadWorkshopCapacity(db, p.orgId, '2026-03-20', '2026-03-21')).filter((w) => w.workshop.id === p.workshops.fill);
    expect(fill.lost.map((x) => Math.round(x * 100) / 100)).toEqual([5.83, 10]);
    expect(fill.hours.map((x) => Math.round(x * 100) / 100)).toEqual([14.17, 10]);
    // Every working day of April loses half its 20 h while the machine stands still.
    expect(await fillCapacity()).toBe(260);
    expect((await getMachine(db, operator, filler, NOW)).capacity).toEqual({ workshopDayHours: 14.2, lostToday: 5.8, lostPerDay: 10 });
  });

  it('PP-26 the operator keeps it stopped: no spot check, no restart by hand, no second repair order', async () => {
    const { filler } = await registerMachines();
    await stopFiller(filler);
    const items = (await getMachinePhone(db, operator, filler, NOW)).checkItems;
    await expect(recordSpotCheck(db, operator, { machineId: filler, items: items.map((i) => ({ itemId: i.id, isOk: true })) }, later(1))).rejects.toMatchObject(
      { code: 'INVALID_STATE' },
    );
    const m = await getMachine(db, maint, filler, NOW);
    await expect(setMachineState(db, maint, filler, { version: m.version, state: 'running', reason: '试试看' }, later(1))).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    await expect(reportFailure(db, operator, { machineId: filler, fault: '又坏了' }, later(1))).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('PP-26 maintenance accepts, diagnoses and repairs; the machine runs again with its downtime and the capacity comes back', async () => {
    const { filler } = await registerMachines();
    const repairId = await stopFiller(filler);
    let r = await getRepair(db, maint, repairId, NOW);
    await expect(acceptRepair(db, operator, repairId, r.version, later(0.5))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await acceptRepair(db, maint, repairId, r.version, later(0.5));
    expect((await getMachine(db, maint, filler, NOW)).state).toBe('under_repair');
    r = await getRepair(db, maint, repairId, later(1));
    await expect(diagnoseRepair(db, maint, repairId, { version: r.version - 1, diagnosis: '阀芯密封圈老化' }, later(1))).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    await diagnoseRepair(
      db,
      maint,
      repairId,
      { version: r.version, diagnosis: '阀芯密封圈老化', parts: [{ name: '密封圈 Φ12', qty: 2, unit: '个' }] },
      later(1),
    );
    r = await getRepair(db, maint, repairId, later(2));
    expect(r).toMatchObject({ state: 'repairing', diagnosis: '阀芯密封圈老化', downtimeSoFar: 2 });
    await completeRepair(db, maint, repairId, { version: r.version, actionTaken: '更换密封圈，试机正常' }, later(4.5));
    r = await getRepair(db, maint, repairId, later(5));
    expect(r).toMatchObject({
      state: 'done',
      downtimeHours: 4.5,
      returnedByName: maint.displayName,
      machineState: 'running',
      parts: [{ name: '密封圈 Φ12', qty: 2, unit: '个' }],
    });
    expect(await fillCapacity()).toBe(520);
    // Today lost only the 4.5 hours it stood still.
    const [fill] = (await loadWorkshopCapacity(db, p.orgId, '2026-03-20', '2026-03-21')).filter((w) => w.workshop.id === p.workshops.fill);
    expect(fill.lost.map((x) => Math.round(x * 100) / 100)).toEqual([1.88, 0]);
    const told = await db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.orgId, p.orgId), eq(notifications.kind, 'production.equipment.repaired')));
    expect(told.map((n) => n.userId)).toContain(operator.userId);
    await expect(completeRepair(db, maint, repairId, { version: r.version, actionTaken: '再来一次' }, later(6))).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('PP-26 a machine stopped by hand without a repair can be restarted; a retired one stays retired', async () => {
    const { capper } = await registerMachines();
    const m = await getMachine(db, maint, capper, NOW);
    const stopped = await setMachineState(db, maint, capper, { version: m.version, state: 'stopped', reason: '换型停机' }, later(6));
    expect(stopped.state).toBe('stopped');
    expect(await fillCapacity()).toBe(260);
    const running = await setMachineState(db, maint, capper, { version: stopped.version, state: 'running', reason: '换型完成' }, later(7));
    expect(await fillCapacity()).toBe(520);
    const retired = await setMachineState(db, maint, capper, { version: running.version, state: 'retired', reason: '报废' }, later(8));
    await expect(setMachineState(db, maint, capper, { version: retired.version, state: 'running', reason: '恢复' }, later(9))).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });
});

import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { cellText, checkRow, defineSheet, type ExcelTable, type ImportContext, type ImportRow, RowErrors, rowBody, type SheetRow } from '#core/excel';
import { users } from '#core/org';
import { chunk } from '../common/index';
import { prodWorkshops } from '../master/index';
import { MACHINE_STATES, prodMachines } from './equipment.schema';
import { MachineInput } from './machine.contract';
import { isStandingStill } from './machine.rules';

const MachineRowInput = MachineInput.omit({ workshopId: true, ownerUserId: true });

// PP-23: the machine register as one clean Excel table that imports back. The state is the
// register's own (stops and repairs change it), so an import leaves it as it is.

const STATE_LABELS = {
  running: ['运行', 'Running'],
  stopped: ['停机', 'Stopped'],
  under_repair: ['维修中', 'Under repair'],
  retired: ['报废', 'Retired'],
} as const;

export const machineSheet = defineSheet({
  name: 'machines',
  columns: [
    { key: 'code', header: { zh: '设备编号', en: 'Machine number' }, type: 'string', required: true, width: 14 },
    { key: 'name', header: { zh: '设备名称', en: 'Machine' }, type: 'string', required: true, width: 18 },
    { key: 'model', header: { zh: '规格型号', en: 'Model' }, type: 'string', width: 16 },
    { key: 'workshopCode', header: { zh: '车间编码', en: 'Workshop code' }, type: 'string', required: true, width: 10 },
    { key: 'location', header: { zh: '安装位置', en: 'Location' }, type: 'string', width: 14 },
    { key: 'maker', header: { zh: '制造厂家', en: 'Maker' }, type: 'string', width: 16 },
    { key: 'commissionedOn', header: { zh: '启用日期', en: 'Commissioned on' }, type: 'date' },
    { key: 'owner', header: { zh: '责任人账号', en: 'Owner (username)' }, type: 'string', width: 14 },
    { key: 'capacityShare', header: { zh: '占车间产能比例', en: 'Share of workshop capacity' }, type: 'number' },
    {
      key: 'state',
      header: { zh: '状态（仅导出）', en: 'State (export only)' },
      type: 'enum',
      enumValues: MACHINE_STATES.map((s) => ({ value: s, zh: STATE_LABELS[s][0], en: STATE_LABELS[s][1] })),
    },
    { key: 'note', header: { zh: '备注', en: 'Note' }, type: 'string', width: 20 },
  ],
});

async function exportMachines(db: Db, actor: Actor): Promise<SheetRow[]> {
  const rows = await db
    .select({ m: prodMachines, workshopCode: prodWorkshops.code, owner: users.username })
    .from(prodMachines)
    .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodMachines.orgId), eq(prodWorkshops.id, prodMachines.workshopId)))
    .leftJoin(users, and(eq(users.orgId, prodMachines.orgId), eq(users.id, prodMachines.ownerUserId)))
    .where(eq(prodMachines.orgId, actor.orgId))
    .orderBy(prodMachines.code);
  return rows.map(({ m, workshopCode, owner }) => ({
    code: m.code,
    name: m.name,
    model: m.model,
    workshopCode,
    location: m.location,
    maker: m.maker,
    commissionedOn: m.commissionedOn,
    owner,
    capacityShare: m.capacityShare,
    state: m.state,
    note: m.note,
  }));
}

/** Adds new machines and updates the ones whose number is in the file; the file is refused whole on any error. */
async function importMachines(tx: Db, actor: Actor, rows: ImportRow[], context: ImportContext) {
  const errors = new RowErrors(machineSheet, actor.locale);
  const [workshops, people, existing] = await Promise.all([
    tx.select({ id: prodWorkshops.id, code: prodWorkshops.code }).from(prodWorkshops).where(eq(prodWorkshops.orgId, actor.orgId)),
    tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.orgId, actor.orgId)),
    tx.select().from(prodMachines).where(eq(prodMachines.orgId, actor.orgId)),
  ]);
  const workshopId = new Map(workshops.map((w) => [w.code, w.id]));
  const userId = new Map(people.map((p) => [p.username, p.id]));
  const byCode = new Map(existing.map((m) => [m.code, m]));
  const seen = new Map<string, number>();
  const values = rows.flatMap(({ rowNumber: n, values: v }) => {
    const code = cellText(v.code);
    if (seen.has(code)) errors.add(n, 'code', `与第 ${seen.get(code)} 行重复`, `duplicates row ${seen.get(code)}`);
    seen.set(code, n);
    const wid = workshopId.get(cellText(v.workshopCode));
    if (!wid) errors.add(n, 'workshopCode', `车间不存在：${cellText(v.workshopCode)}`, `unknown workshop: ${cellText(v.workshopCode)}`);
    const owner = cellText(v.owner);
    const ownerUserId = owner ? userId.get(owner) : null;
    if (ownerUserId === undefined) errors.add(n, 'owner', `账号不存在：${owner}`, `unknown username: ${owner}`);
    const before = byCode.get(code);
    if (before && wid && wid !== before.workshopId && isStandingStill(before.state))
      errors.add(n, 'workshopCode', '停机中的设备不能调换车间', 'a stopped machine cannot move to another workshop');
    // The route's own schema (issue 16); workshop and owner come as codes and are looked up above.
    const input = checkRow(
      errors,
      n,
      MachineRowInput,
      rowBody({
        code,
        name: cellText(v.name),
        model: cellText(v.model),
        location: cellText(v.location),
        maker: cellText(v.maker),
        commissionedOn: v.commissionedOn,
        capacityShare: v.capacityShare,
        note: cellText(v.note),
      }),
    );
    if (!input) return [];
    return [
      {
        orgId: actor.orgId,
        code: input.code,
        name: input.name,
        model: input.model ?? '',
        workshopId: wid ?? '',
        location: input.location ?? '',
        maker: input.maker ?? '',
        commissionedOn: input.commissionedOn ?? null,
        ownerUserId: ownerUserId ?? null,
        capacityShare: input.capacityShare ?? null,
        note: input.note ?? '',
        createdAt: context.now,
        updatedAt: context.now,
      },
    ];
  });
  errors.throwIfAny();
  let inserted = 0;
  for (const batch of chunk(values, 1000)) {
    const out = await tx
      .insert(prodMachines)
      .values(batch)
      .onConflictDoUpdate({
        target: [prodMachines.orgId, prodMachines.code],
        set: {
          name: sql`excluded.name`,
          model: sql`excluded.model`,
          workshopId: sql`excluded.workshop_id`,
          location: sql`excluded.location`,
          maker: sql`excluded.maker`,
          commissionedOn: sql`excluded.commissioned_on`,
          ownerUserId: sql`excluded.owner_user_id`,
          capacityShare: sql`excluded.capacity_share`,
          note: sql`excluded.note`,
          updatedAt: sql`excluded.updated_at`,
          version: sql`${prodMachines.version} + 1`,
        },
      })
      .returning({ isNew: sql<boolean>`(xmax = 0)` });
    inserted += out.filter((o) => o.isNew).length;
  }
  await writeAudit(tx, actor, { action: 'production.machine.import', entity: 'prod_machine', entityId: 'import', after: { rows: values.length, inserted } });
  return { inserted, updated: values.length - inserted };
}

export const machinesExcelTable: ExcelTable = {
  name: 'production-machines',
  label: { zh: '设备台账', en: 'Machine register' },
  sheet: machineSheet,
  permission: 'production.equipment.write',
  exportRows: exportMachines,
  importRows: importMachines,
};

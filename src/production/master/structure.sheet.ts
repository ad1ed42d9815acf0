import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { cellText, checkRow, defineSheet, type ExcelTable, type ImportRow, RowErrors, rowBody, type SheetRow } from '#core/excel';
import { departments } from '#core/org';
import { chunk } from '../common/index';
import { BomLineBody, RoutingOpBody, WorkshopBody } from './master.contract';
import { findBomCycle } from './master.rules';
import { prodBomLines, prodItems, prodRoutingOps, prodWorkshops } from './master.schema';

// Rows are checked by the routes' own schemas (issue 16); items, workshops and departments
// come as codes or names and are looked up in the database instead.
const BomRowBody = BomLineBody.omit({ parentItemId: true, childItemId: true });
const RoutingRowBody = RoutingOpBody.omit({ workshopId: true });
const WorkshopRowBody = WorkshopBody.omit({ departmentId: true });

async function codeMap(tx: Db, orgId: string) {
  const rows = await tx.select({ id: prodItems.id, code: prodItems.code, name: prodItems.name }).from(prodItems).where(eq(prodItems.orgId, orgId));
  return { byCode: new Map(rows.map((r) => [r.code, r.id])), byId: new Map(rows.map((r) => [r.id, r])) };
}

export const bomSheet = defineSheet({
  name: 'bom',
  columns: [
    { key: 'parentCode', header: { zh: '父件编码', en: 'Parent code' }, type: 'string', required: true, width: 14 },
    { key: 'parentName', header: { zh: '父件品名', en: 'Parent name' }, type: 'string', width: 22 },
    { key: 'childCode', header: { zh: '子件编码', en: 'Component code' }, type: 'string', required: true, width: 14 },
    { key: 'childName', header: { zh: '子件品名', en: 'Component name' }, type: 'string', width: 22 },
    { key: 'qtyPer', header: { zh: '单位用量', en: 'Quantity per' }, type: 'number', required: true },
    { key: 'scrapRate', header: { zh: '损耗率', en: 'Scrap rate' }, type: 'number' },
    { key: 'yieldRate', header: { zh: '合格率', en: 'Yield' }, type: 'number' },
  ],
});

async function exportBom(db: Db, actor: Actor): Promise<SheetRow[]> {
  const { byId } = await codeMap(db, actor.orgId);
  const lines = await db.select().from(prodBomLines).where(eq(prodBomLines.orgId, actor.orgId));
  return lines
    .map((l) => ({
      parentCode: byId.get(l.parentItemId)?.code ?? '',
      parentName: byId.get(l.parentItemId)?.name ?? '',
      childCode: byId.get(l.childItemId)?.code ?? '',
      childName: byId.get(l.childItemId)?.name ?? '',
      qtyPer: l.qtyPer,
      scrapRate: l.scrapRate,
      yieldRate: l.yieldRate,
    }))
    .sort((a, b) => a.parentCode.localeCompare(b.parentCode) || a.childCode.localeCompare(b.childCode));
}

/** Each parent named in the file gets exactly the file's components. */
async function importBom(tx: Db, actor: Actor, rows: ImportRow[]) {
  const errors = new RowErrors(bomSheet, actor.locale);
  const { byCode } = await codeMap(tx, actor.orgId);
  const seen = new Map<string, number>();
  const lines = rows.flatMap(({ rowNumber: n, values: v }) => {
    const parentItemId = byCode.get(cellText(v.parentCode));
    const childItemId = byCode.get(cellText(v.childCode));
    if (!parentItemId) errors.add(n, 'parentCode', `物料不存在：${cellText(v.parentCode)}`, `unknown item: ${cellText(v.parentCode)}`);
    if (!childItemId) errors.add(n, 'childCode', `物料不存在：${cellText(v.childCode)}`, `unknown item: ${cellText(v.childCode)}`);
    if (parentItemId && parentItemId === childItemId) errors.add(n, 'childCode', '子件不能是父件本身', 'a part cannot contain itself');
    const key = `${cellText(v.parentCode)}|${cellText(v.childCode)}`;
    if (seen.has(key)) errors.add(n, 'childCode', `与第 ${seen.get(key)} 行重复`, `duplicates row ${seen.get(key)}`);
    seen.set(key, n);
    // The route's schema (issue 16); the parts come as codes and are looked up above.
    const line = checkRow(errors, n, BomRowBody, rowBody({ qtyPer: v.qtyPer, scrapRate: v.scrapRate, yieldRate: v.yieldRate }));
    if (!line) return [];
    return [
      {
        row: n,
        parentItemId: parentItemId ?? '',
        childItemId: childItemId ?? '',
        qtyPer: line.qtyPer,
        scrapRate: line.scrapRate ?? 0,
        yieldRate: line.yieldRate ?? 1,
      },
    ];
  });
  errors.throwIfAny();
  const parents = [...new Set(lines.map((l) => l.parentItemId))];
  const kept = (await tx.select().from(prodBomLines).where(eq(prodBomLines.orgId, actor.orgId))).filter((e) => !parents.includes(e.parentItemId));
  const edges = [...kept];
  for (const l of lines) {
    const cycle = findBomCycle(edges, l);
    if (cycle) errors.add(l.row, 'childCode', '物料清单将形成循环', 'the BOM would form a cycle');
    else edges.push({ ...l, orgId: actor.orgId, id: '', version: 1 });
  }
  errors.throwIfAny();
  for (const batch of chunk(lines, 1000)) {
    await tx
      .insert(prodBomLines)
      .values(batch.map(({ row: _row, ...l }) => ({ ...l, orgId: actor.orgId })))
      .onConflictDoUpdate({
        target: [prodBomLines.orgId, prodBomLines.parentItemId, prodBomLines.childItemId],
        set: {
          qtyPer: sql`excluded.qty_per`,
          scrapRate: sql`excluded.scrap_rate`,
          yieldRate: sql`excluded.yield_rate`,
          version: sql`${prodBomLines.version} + 1`,
        },
      });
  }
  // Components a parent no longer lists go away, in one statement per parent set.
  const keep = lines.map((l) => sql`(${l.parentItemId}::uuid, ${l.childItemId}::uuid)`);
  const removed = await tx
    .delete(prodBomLines)
    .where(
      and(
        eq(prodBomLines.orgId, actor.orgId),
        inArray(prodBomLines.parentItemId, parents),
        sql`(${prodBomLines.parentItemId}, ${prodBomLines.childItemId}) not in (${sql.join(keep, sql`, `)})`,
      ),
    )
    .returning({ id: prodBomLines.id });
  await writeAudit(tx, actor, {
    action: 'production.bom.import',
    entity: 'prod_bom_line',
    entityId: 'import',
    after: { rows: lines.length, parents: parents.length, removed: removed.length },
  });
  return { inserted: lines.length, updated: removed.length };
}

export const bomExcelTable: ExcelTable = {
  name: 'production-bom',
  label: { zh: '物料清单（BOM）', en: 'Bills of material' },
  sheet: bomSheet,
  permission: 'production.master.write',
  exportRows: exportBom,
  importRows: importBom,
};

export const routingSheet = defineSheet({
  name: 'routings',
  columns: [
    { key: 'itemCode', header: { zh: '物料编码', en: 'Item code' }, type: 'string', required: true, width: 14 },
    { key: 'itemName', header: { zh: '品名', en: 'Name' }, type: 'string', width: 22 },
    { key: 'seq', header: { zh: '工序号', en: 'Operation' }, type: 'integer', required: true },
    { key: 'workshopCode', header: { zh: '车间编码', en: 'Workshop code' }, type: 'string', required: true, width: 12 },
    { key: 'hoursPerUnit', header: { zh: '单位工时（小时）', en: 'Hours per unit' }, type: 'number', required: true },
    { key: 'offsetDays', header: { zh: '提前天数', en: 'Offset days' }, type: 'integer' },
  ],
});

async function exportRoutings(db: Db, actor: Actor): Promise<SheetRow[]> {
  const rows = await db
    .select({
      itemCode: prodItems.code,
      itemName: prodItems.name,
      seq: prodRoutingOps.seq,
      workshopCode: prodWorkshops.code,
      hoursPerUnit: prodRoutingOps.hoursPerUnit,
      offsetDays: prodRoutingOps.offsetDays,
    })
    .from(prodRoutingOps)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodRoutingOps.orgId), eq(prodItems.id, prodRoutingOps.itemId)))
    .innerJoin(prodWorkshops, and(eq(prodWorkshops.orgId, prodRoutingOps.orgId), eq(prodWorkshops.id, prodRoutingOps.workshopId)))
    .where(eq(prodRoutingOps.orgId, actor.orgId));
  return rows.sort((a, b) => a.itemCode.localeCompare(b.itemCode) || a.seq - b.seq);
}

/** Each item named in the file gets exactly the file's operations. */
async function importRoutings(tx: Db, actor: Actor, rows: ImportRow[]) {
  const errors = new RowErrors(routingSheet, actor.locale);
  const { byCode } = await codeMap(tx, actor.orgId);
  const workshops = new Map((await tx.select().from(prodWorkshops).where(eq(prodWorkshops.orgId, actor.orgId))).map((w) => [w.code, w.id]));
  const seen = new Map<string, number>();
  const ops = rows.flatMap(({ rowNumber: n, values: v }) => {
    const itemId = byCode.get(cellText(v.itemCode));
    const workshopId = workshops.get(cellText(v.workshopCode));
    if (!itemId) errors.add(n, 'itemCode', `物料不存在：${cellText(v.itemCode)}`, `unknown item: ${cellText(v.itemCode)}`);
    if (!workshopId) errors.add(n, 'workshopCode', `车间不存在：${cellText(v.workshopCode)}`, `unknown workshop: ${cellText(v.workshopCode)}`);
    const key = `${cellText(v.itemCode)}|${cellText(v.seq)}`;
    if (seen.has(key)) errors.add(n, 'seq', `与第 ${seen.get(key)} 行重复`, `duplicates row ${seen.get(key)}`);
    seen.set(key, n);
    const op = checkRow(errors, n, RoutingRowBody, rowBody({ seq: v.seq, hoursPerUnit: v.hoursPerUnit, offsetDays: v.offsetDays }));
    if (!op) return [];
    return [
      { orgId: actor.orgId, itemId: itemId ?? '', seq: op.seq, workshopId: workshopId ?? '', hoursPerUnit: op.hoursPerUnit, offsetDays: op.offsetDays ?? 0 },
    ];
  });
  errors.throwIfAny();
  const itemIds = [...new Set(ops.map((o) => o.itemId))];
  if (itemIds.length) await tx.delete(prodRoutingOps).where(and(eq(prodRoutingOps.orgId, actor.orgId), inArray(prodRoutingOps.itemId, itemIds)));
  for (const batch of chunk(ops, 1000)) await tx.insert(prodRoutingOps).values(batch);
  await writeAudit(tx, actor, {
    action: 'production.routing.import',
    entity: 'prod_routing_op',
    entityId: 'import',
    after: { rows: ops.length, items: itemIds.length },
  });
  return { inserted: ops.length, updated: 0 };
}

export const routingsExcelTable: ExcelTable = {
  name: 'production-routings',
  label: { zh: '工艺路线', en: 'Routings' },
  sheet: routingSheet,
  permission: 'production.master.write',
  exportRows: exportRoutings,
  importRows: importRoutings,
};

export const workshopSheet = defineSheet({
  name: 'workshops',
  columns: [
    { key: 'code', header: { zh: '车间编码', en: 'Workshop code' }, type: 'string', required: true, width: 12 },
    { key: 'name', header: { zh: '车间名称', en: 'Workshop' }, type: 'string', required: true, width: 14 },
    { key: 'department', header: { zh: '所属部门', en: 'Department' }, type: 'string', width: 14 },
    { key: 'shiftsPerDay', header: { zh: '班次/天', en: 'Shifts per day' }, type: 'integer', required: true },
    { key: 'hoursPerShift', header: { zh: '每班小时', en: 'Hours per shift' }, type: 'number', required: true },
    { key: 'lines', header: { zh: '生产线数', en: 'Lines' }, type: 'integer', required: true },
    { key: 'efficiency', header: { zh: '效率', en: 'Efficiency' }, type: 'number' },
    { key: 'workingWeekdays', header: { zh: '工作日（1=周一）', en: 'Working weekdays (1 = Monday)' }, type: 'string', width: 16 },
  ],
});

async function exportWorkshops(db: Db, actor: Actor): Promise<SheetRow[]> {
  const rows = await db
    .select({ w: prodWorkshops, department: departments.name })
    .from(prodWorkshops)
    .leftJoin(departments, and(eq(departments.orgId, prodWorkshops.orgId), eq(departments.id, prodWorkshops.departmentId)))
    .where(eq(prodWorkshops.orgId, actor.orgId));
  return rows.map(({ w, department }) => ({
    code: w.code,
    name: w.name,
    department,
    shiftsPerDay: w.shiftsPerDay,
    hoursPerShift: w.hoursPerShift,
    lines: w.lines,
    efficiency: w.efficiency,
    workingWeekdays: w.workingWeekdays.join(','),
  }));
}

async function importWorkshops(tx: Db, actor: Actor, rows: ImportRow[]) {
  const errors = new RowErrors(workshopSheet, actor.locale);
  const depts = new Map((await tx.select().from(departments).where(eq(departments.orgId, actor.orgId))).map((d) => [d.name, d.id]));
  const values = rows.flatMap(({ rowNumber: n, values: v }) => {
    const department = cellText(v.department);
    const departmentId = department ? depts.get(department) : null;
    if (departmentId === undefined) errors.add(n, 'department', `部门不存在：${department}`, `unknown department: ${department}`);
    const days = cellText(v.workingWeekdays || '1,2,3,4,5')
      .split(/[,，、\s]+/)
      .filter(Boolean)
      .map(Number);
    const input = checkRow(
      errors,
      n,
      WorkshopRowBody,
      rowBody({
        code: cellText(v.code),
        name: cellText(v.name),
        shiftsPerDay: v.shiftsPerDay,
        hoursPerShift: v.hoursPerShift,
        lines: v.lines,
        efficiency: v.efficiency,
        workingWeekdays: [...new Set(days)].sort(),
      }),
    );
    if (!input) return [];
    return [
      {
        orgId: actor.orgId,
        code: input.code,
        name: input.name,
        departmentId: departmentId ?? null,
        shiftsPerDay: input.shiftsPerDay ?? 1,
        hoursPerShift: input.hoursPerShift ?? 8,
        lines: input.lines ?? 1,
        efficiency: input.efficiency ?? 1,
        workingWeekdays: input.workingWeekdays ?? [1, 2, 3, 4, 5],
      },
    ];
  });
  errors.throwIfAny();
  const out = await tx
    .insert(prodWorkshops)
    .values(values)
    .onConflictDoUpdate({
      target: [prodWorkshops.orgId, prodWorkshops.code],
      set: {
        name: sql`excluded.name`,
        departmentId: sql`excluded.department_id`,
        shiftsPerDay: sql`excluded.shifts_per_day`,
        hoursPerShift: sql`excluded.hours_per_shift`,
        lines: sql`excluded.lines`,
        efficiency: sql`excluded.efficiency`,
        workingWeekdays: sql`excluded.working_weekdays`,
        version: sql`${prodWorkshops.version} + 1`,
      },
    })
    .returning({ isNew: sql<boolean>`(xmax = 0)` });
  await writeAudit(tx, actor, { action: 'production.workshop.import', entity: 'prod_workshop', entityId: 'import', after: { rows: values.length } });
  return { inserted: out.filter((o) => o.isNew).length, updated: out.filter((o) => !o.isNew).length };
}

export const workshopsExcelTable: ExcelTable = {
  name: 'production-workshops',
  label: { zh: '车间与产能', en: 'Workshops and capacity' },
  sheet: workshopSheet,
  permission: 'production.master.write',
  exportRows: exportWorkshops,
  importRows: importWorkshops,
};

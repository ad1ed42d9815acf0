import { and, eq } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { defineSheet, exportSheet, parseSheet, RowErrors, type SheetDef, type SheetLocale, type SheetRow } from '#core/excel';
import { prodItems } from '../master/index';
import { savePlanLines } from './plan-lines.service';
import { bucketStarts } from './plan-period.rules';
import { findWorkingLines, getPlanRow } from './plan.query';
import type { PlanRow } from './plan.schema';

// The plan grid as planners keep it in Excel: one row per product, one column per day (or
// month), a clean table that imports back (CORE-11; row-level errors, all or nothing).

const bucketHeader = (plan: PlanRow, start: string) =>
  plan.bucket === 'day'
    ? { zh: `${Number(start.slice(5, 7))}月${Number(start.slice(8, 10))}日`, en: start }
    : { zh: `${Number(start.slice(5, 7))}月`, en: start.slice(0, 7) };

export function planSheetFor(plan: PlanRow): SheetDef {
  return defineSheet({
    name: 'plan',
    columns: [
      { key: 'code', header: { zh: '编码', en: 'Code' }, type: 'string', required: true, width: 14 },
      { key: 'name', header: { zh: '品名', en: 'Name' }, type: 'string', width: 22 },
      { key: 'spec', header: { zh: '规格', en: 'Specification' }, type: 'string', width: 16 },
      { key: 'unit', header: { zh: '单位', en: 'Unit' }, type: 'string', width: 8 },
      { key: 'forecastQty', header: { zh: '预估量', en: 'Forecast' }, type: 'number', width: 10 },
      ...bucketStarts(plan).map((s, k) => ({ key: `b${k}`, header: bucketHeader(plan, s), type: 'number' as const, width: plan.bucket === 'day' ? 9 : 11 })),
      { key: 'total', header: { zh: '合计', en: 'Total' }, type: 'number', width: 11 },
      { key: 'note', header: { zh: '备注', en: 'Note' }, type: 'string', width: 20 },
    ],
  });
}

export async function exportPlanWorkbook(db: Db, actor: Actor, planId: string, locale: SheetLocale) {
  requireAccess(actor, 'production.read');
  const plan = await getPlanRow(db, actor.orgId, planId);
  const lines = await findWorkingLines(db, actor.orgId, planId);
  const items = new Map((await db.select().from(prodItems).where(eq(prodItems.orgId, actor.orgId))).map((i) => [i.id, i]));
  const rows: SheetRow[] = lines
    .map((l) => {
      const i = items.get(l.itemId);
      const row: SheetRow = {
        code: i?.code ?? '',
        name: i?.name ?? '',
        spec: i?.spec || null,
        unit: i?.unit ?? '',
        forecastQty: l.forecastQty,
        total: l.total,
        note: l.note || null,
      };
      l.quantities.forEach((q, k) => {
        row[`b${k}`] = q || null;
      });
      return row;
    })
    .sort((a, b) => String(a.code).localeCompare(String(b.code)));
  return { fileName: `${plan.title}.xlsx`, body: await exportSheet(planSheetFor(plan), rows, locale) };
}

/** Imports the grid: unknown codes and negative quantities are refused with their row; nothing is written then. */
export async function importPlanWorkbook(db: Db, actor: Actor, planId: string, version: number, buffer: Buffer, locale: SheetLocale, now: Date) {
  const plan = await getPlanRow(db, actor.orgId, planId);
  const sheet = planSheetFor(plan);
  const parsed = await parseSheet(sheet, buffer, { locale });
  const byCode = new Map(
    (
      await db
        .select({ id: prodItems.id, code: prodItems.code })
        .from(prodItems)
        .where(and(eq(prodItems.orgId, actor.orgId), eq(prodItems.isActive, true)))
    ).map((i) => [i.code, i.id]),
  );
  const errors = new RowErrors(sheet, locale);
  const count = bucketStarts(plan).length;
  const seen = new Map<string, number>();
  const lines = parsed.rows.map((v, i) => {
    const n = parsed.rowNumbers[i];
    const code = String(v.code).trim();
    const itemId = byCode.get(code);
    if (!itemId) errors.add(n, 'code', `物料不存在或已停用：${code}`, `unknown or inactive item: ${code}`);
    if (seen.has(code)) errors.add(n, 'code', `与第 ${seen.get(code)} 行重复`, `duplicates row ${seen.get(code)}`);
    seen.set(code, n);
    const quantities = Array.from({ length: count }, (_, k) => {
      const q = v[`b${k}`];
      const x = typeof q === 'number' ? q : 0;
      if (x < 0) errors.add(n, `b${k}`, '数量不能为负数', 'quantity must not be negative');
      return x;
    });
    const forecast = typeof v.forecastQty === 'number' ? v.forecastQty : null;
    if (forecast !== null && forecast < 0) errors.add(n, 'forecastQty', '预估量不能为负数', 'forecast must not be negative');
    return { itemId: itemId ?? '', forecastQty: forecast, quantities, note: v.note === null ? '' : String(v.note) };
  });
  errors.throwIfAny();
  return savePlanLines(db, actor, planId, { version, lines }, now);
}

import { z } from 'zod';
import { defineSheet, exportSheet, requestLocale, XLSX_MIME } from '../excel';
import { actorOf, type RouteModule, sendFile } from '../http';
import { getPolicy } from '../policy';
import { AuditEntryViewSchema, AuditFacetsSchema, AuditQuery } from './audit.contract';
import { type AuditLabelTable, composeAuditLabels, diffValues, recordName, valueText } from './audit.rules';
import { findAuditEntries, findAuditFacets } from './audit.service';

type Row = Awaited<ReturnType<typeof findAuditEntries>>[number];

/** One entry in words: the action's label, the record's name, and old → new per field label. */
function inWords(labels: AuditLabelTable, r: Row) {
  return {
    ...r,
    actionLabel: labels.action(r.action, r.entity),
    entityLabel: labels.entity(r.entity, r.action),
    recordName: recordName(r.entityId, r.oldValue, r.newValue),
    changes: diffValues(r.oldValue, r.newValue).map((c) => ({ ...c, label: labels.field(c.field) })),
  };
}

// Built on first use: core/excel imports core/audit back, so defineSheet is not there yet at load time.
const auditSheet = () =>
  defineSheet({
    name: 'audit',
    columns: [
      { key: 'at', header: { zh: '时间', en: 'Time' }, type: 'string', width: 18 },
      { key: 'actor', header: { zh: '操作人', en: 'By' }, type: 'string', width: 12 },
      { key: 'action', header: { zh: '操作', en: 'Action' }, type: 'string', width: 18 },
      { key: 'entity', header: { zh: '对象类型', en: 'Record kind' }, type: 'string', width: 12 },
      { key: 'record', header: { zh: '对象', en: 'Record' }, type: 'string', width: 24 },
      { key: 'changes', header: { zh: '变更内容', en: 'Changes' }, type: 'string', width: 60 },
    ],
  });

/** A day ('YYYY-MM-DD') in the organisation's zone as the instant it starts, or ends. */
function dayBound(value: string | undefined, offsetMinutes: number, end: boolean): string | undefined {
  if (value?.length !== 10) return value;
  const start = Date.parse(`${value}T00:00:00Z`) - offsetMinutes * 60_000;
  return new Date(end ? start + 86_400_000 - 1 : start).toISOString();
}

export const auditRoutes: RouteModule = (app, ctx) => {
  const labels = composeAuditLabels(ctx.registry.modules);
  const inZone = async (orgId: string, q: z.infer<typeof AuditQuery>) => {
    const offset = (await getPolicy(ctx.db, orgId)).calendar.utcOffsetMinutes;
    return { offset, q: { ...q, from: dayBound(q.from, offset, false), to: dayBound(q.to, offset, true) } };
  };

  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], summary: '审计日志 Audit trail', querystring: AuditQuery, response: { 200: z.array(AuditEntryViewSchema) } },
    },
    async (req) => {
      const actor = actorOf(req);
      const { q } = await inZone(actor.orgId, req.query);
      return (await findAuditEntries(ctx.db, actor, q)).map((r) => inWords(labels, r));
    },
  );

  app.get(
    '/audit/facets',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], summary: '审计日志的筛选项 Who, which actions, which records', response: { 200: AuditFacetsSchema } },
    },
    async (req) => {
      const f = await findAuditFacets(ctx.db, actorOf(req));
      const actions = new Map<string, { code: string; label: { zh: string; en: string } }>();
      for (const a of f.actions) if (!actions.has(a.action)) actions.set(a.action, { code: a.action, label: labels.action(a.action, a.entity) });
      return {
        actors: f.actors,
        actions: [...actions.values()],
        entities: f.entities.map((e) => ({ code: e, label: labels.entity(e, f.actions.find((a) => a.entity === e)?.action) })),
      };
    },
  );

  app.get(
    '/audit/export',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], summary: '导出审计日志（Excel）Audit trail as Excel', querystring: AuditQuery.omit({ limit: true }) },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const locale = requestLocale(req);
      const { q, offset } = await inZone(actor.orgId, req.query);
      const rows = (await findAuditEntries(ctx.db, actor, { ...q, limit: 5000 })).map((r) => inWords(labels, r));
      const en = locale === 'en';
      const body = await exportSheet(
        auditSheet(),
        rows.map((r) => ({
          at: new Date(r.at.getTime() + offset * 60_000).toISOString().slice(0, 19).replace('T', ' '),
          actor: r.actorName ?? (en ? 'System' : '系统'),
          action: en ? r.actionLabel.en : r.actionLabel.zh,
          entity: en ? r.entityLabel.en : r.entityLabel.zh,
          record: r.recordName,
          changes: r.changes.map((c) => `${en ? c.label.en : c.label.zh}: ${valueText(c.before, locale)} → ${valueText(c.after, locale)}`).join('\n'),
        })),
        locale,
      );
      return sendFile(reply, en ? 'audit-log.xlsx' : '审计日志.xlsx', XLSX_MIME, body);
    },
  );
};

import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, routeTableOf, seedDemo } from '#server';
import {
  type Client,
  newOrg,
  newPerson,
  type Operation,
  operationsOf,
  sampleQuery,
  sampleValue,
  signIn,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
  testRegistry,
} from '../support';

// Issue 10: every route of the OpenAPI document × (no session, a signed-in person without
// the permission, an administrator of another organisation given this one's real ids)
// → 401 / 403 / 404, never data, never a 5xx. A new route is in it without anyone writing a
// case; one whose path cannot be filled makes this test fail until it is taught here.

/** Routes anyone may call without signing in. */
const PUBLIC = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'GET /api/training/public/evaluations/:token',
  'POST /api/training/public/evaluations/:token',
  'POST /api/training/sign-in/hold',
]);

/** Routes every signed-in person may use, whatever their permissions (their own things). */
const ANY_SIGNED_IN = new Set([
  'GET /api/auth/me',
  // The organisation's time zone: every page shows times in it.
  'GET /api/policy/time-zone',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'GET /api/org/departments',
  // The organisation's modules: the menu shows only those switched on (issue 12).
  'GET /api/org/modules',
  'GET /api/org/roles',
  'GET /api/notifications',
  'GET /api/notifications/page',
  'GET /api/notifications/unread-count',
  'POST /api/notifications/read-all',
  'POST /api/notifications/:id/read',
  'GET /api/inbox',
  'GET /api/home',
  'GET /api/archive/categories',
  'GET /api/attachments',
  'GET /api/attachments/mine',
  'GET /api/excel/tables',
  'GET /api/print/header',
  'GET /api/deadlines/mine',
  'GET /api/meetings/mine',
  'POST /api/notifications/read',
  // The regulation's parameters are public inside the organisation: people see the rules they are held to.
  'GET /api/policy',
  'GET /api/policy/meta',
  'GET /api/policy/presets/:name',
  'GET /api/policy/versions',
  'GET /api/policy/versions/:version',
  'GET /api/policy/diff',
  'GET /api/calendar/holidays',
  'GET /api/training/evaluations/criteria',
  // Filtered to the person's own deadlines, findings and files.
  'GET /api/deadlines',
  'GET /api/assessment/findings',
  'GET /api/assessment/facets',
  'GET /api/assessment/findings/export',
  'GET /api/archive/export',
]);

/** Path parameters that are names or dates rather than references into one organisation's data. */
const GLOBAL_PARAMS: Record<string, Record<string, string>> = {
  '/api/excel/:name/template': { name: 'people' },
  '/api/excel/:name/export': { name: 'people' },
  '/api/excel/:name/import': { name: 'people' },
  '/api/excel/:name/imports': { name: 'people' },
  '/api/policy/presets/:name': { name: 'T4' },
  '/api/org/modules/:name': { name: 'league' },
  '/api/approval-chains/:docType': { docType: 'production.plan' },
  '/api/policy/versions/:version': { version: '1' },
  '/api/calendar/holidays/:date': { date: '2026-10-01' },
  '/api/production/month-summary/:month/submit': { month: '2026-02' },
};

/** Values of the demo organisations that are not uuids (another organisation does not have them). */
const OWN_VALUES: Record<string, Record<string, string>> = {
  '/api/org/roles/:code': { code: 'principal' },
  '/api/documents/:id/revisions/:revision': { revision: '1' },
  '/api/production/workshops/:id/days/:day': { day: '2026-03-02' },
};

/** Where a path parameter's real ids live, when the path does not say it plainly. */
const PARAM_TABLES: Record<string, string> = {
  '/api/org/people/:id': 'users',
  // Issue 12: the platform operator's routes name organisations (platform-only routes).
  '/api/platform/organisations/:id/disable': 'organisations',
  '/api/platform/organisations/:id/enable': 'organisations',
  '/api/org/departments/:id': 'departments',
  '/api/attachments/:id': 'attachments',
  '/api/attachments/:id/download': 'attachments',
  '/api/production/requests/:id': 'prod_plan_requests',
  '/api/production/requests/:id/evaluate': 'prod_plan_requests',
  '/api/production/requests/:id/plan': 'prod_plan_requests',
  '/api/training/assessments/:id': 'training_assessments',
  '/api/training/assessments/:id/confirm': 'training_assessments',
  '/api/production/bom/:id': 'prod_items',
  '/api/production/items/:id/stock': 'prod_items',
  '/api/production/items/:id/stock/approve-safety': 'prod_items',
  '/api/production/items/:id/routing': 'prod_items',
  '/api/meeting-leave/:id/decision': 'meeting_leave_requests',
  '/api/meeting-series/:id/extend': 'meeting_series',
  '/api/training/archive/teachers/:id': 'training_teachers',
  '/api/training/archive/teachers/:id/export': 'training_teachers',
  '/api/training/credits/teachers/:id': 'training_teachers',
  '/api/training/self-study/teachers/:id': 'training_teachers',
  '/api/training/backbone/teachers/:id/hours': 'training_teachers',
  '/api/training/evaluations/rounds/:id/forms': 'training_evaluation_rounds',
  '/api/training/evaluations/rounds/:id/links': 'training_evaluation_rounds',
  '/api/training/evaluations/rounds/:id/mine': 'training_evaluation_rounds',
  '/api/training/evaluations/rounds/:id/results': 'training_evaluation_rounds',
  '/api/training/leave/:id': 'training_leave_requests',
  '/api/training/leave/:id/decide': 'training_leave_requests',
  '/api/training/leave/:id/withdraw': 'training_leave_requests',
  '/api/training/claims/:id': 'training_credit_claims',
  '/api/training/claims/:id/decide': 'training_credit_claims',
  '/api/training/claims/:id/withdraw': 'training_credit_claims',
  '/api/training/mentors/:id/close': 'training_mentor_pairs',
  '/api/training/mentors/:id/records': 'training_mentor_pairs',
  '/api/training/budget/:id': 'training_budget_items',
  '/api/training/notes/:id': 'training_study_notes',
  '/api/training/honours/:id/decide': 'training_term_honours',
  '/api/league/plan/:id/items': 'league_plans',
  '/api/league/plan/items/:id': 'league_plan_items',
  '/api/league/blackboard/:id/scores': 'league_blackboard_checks',
  '/api/production/plans/by-document/:id': 'documents',
  '/api/production/sales-plans/by-document/:id': 'documents',
  '/api/production/dispatch/:id/agenda': 'meetings',
  '/api/production/stock-documents/:id': 'prod_stock_docs',
  '/api/production/stock-documents/:id/reverse': 'prod_stock_docs',
  '/api/production/stock-documents/:id/context': 'prod_stock_docs',
  '/api/production/purchase-plan-doc/:id': 'documents',
  '/api/production/material-norms/:id': 'prod_bom_lines',
  '/api/production/reports/:id': 'prod_daily_reports',
  '/api/production/coordination/:id/resolve': 'prod_coordination_items',
  '/api/production/coordination/:id/meeting': 'prod_coordination_items',
  '/api/production/requests/:id/unmet': 'prod_plan_requests',
  '/api/production/process-docs/:id': 'documents',
  '/api/production/process-docs/:id/submit': 'documents',
  '/api/production/process-docs/:id/adjust': 'documents',
  '/api/production/equipment/repairs/:id': 'prod_repair_orders',
  '/api/production/equipment/repairs/:id/accept': 'prod_repair_orders',
  '/api/production/equipment/repairs/:id/diagnose': 'prod_repair_orders',
  '/api/production/equipment/repairs/:id/complete': 'prod_repair_orders',
  '/api/production/equipment/maintenance-plans/by-document/:id': 'documents',
  '/api/production/equipment/maintenance/slots/:id/move': 'prod_maintenance_slots',
  '/api/production/equipment/maintenance/slots/:id/done': 'prod_maintenance_slots',
};

/** Second path parameters: their table. */
const SECOND_PARAM_TABLES: Record<string, string> = {
  actionId: 'meeting_actions',
  cmId: 'prod_countermeasures',
  routeId: 'prod_unmet_plan_routes',
};

// A table the demo data leaves empty still names the route's resource: a made-up id of it.
const EMPTY_TABLE_ID = '00000000-0000-4000-8000-00000000e0e0';

const PREFIX: Record<string, string> = { production: 'prod', training: 'training', league: 'league', district: 'district' };

type IdPool = Map<string, string[]>;

function tableFor(url: string, param: string, pool: IdPool): string | undefined {
  if (param === 'id' && PARAM_TABLES[url]) return PARAM_TABLES[url];
  if (SECOND_PARAM_TABLES[param]) return SECOND_PARAM_TABLES[param];
  const segs = url.split('/').filter(Boolean);
  const at = segs.indexOf(`:${param}`);
  const seg = (segs[at - 1] ?? '').replace(/-/g, '_');
  const prefix = PREFIX[segs[1]];
  const singular = seg.replace(/s$/, '');
  const parent = segs[at - 3]?.replace(/-/g, '_').replace(/s$/, '');
  const candidates = [
    ...(SECOND_PARAM_TABLES[param] ? [SECOND_PARAM_TABLES[param]] : []),
    prefix && `${prefix}_${seg}`,
    prefix && `${prefix}_${singular}s`,
    prefix && parent && `${prefix}_${parent}_${seg}`,
    parent && `${parent}_${seg}`,
    seg,
    `${singular}s`,
  ].filter(Boolean) as string[];
  return candidates.find((c) => pool.has(c));
}

describe('authorization matrix over every route of the OpenAPI document', () => {
  let t: TestApp;
  let ops: Operation[];
  let pool: IdPool;
  let ownIds: Set<string>;
  let nobody: Client;
  let outsider: Client;
  let orgIds: string[];

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
    await seedDemo(t.ctx.db, t.ctx.registry, new Date('2026-03-10T02:00:00Z'));
    // Issue 12: the demo district (linked to the demo school) too.
    orgIds = (await t.database.query<{ id: string }>("select id from organisations where code in ('demo-plant', 'demo-school', 'district')")).map((r) => r.id);
    ops = operationsOf(t.app.swagger()).filter((o) => o.url.startsWith('/api/'));
    // Every id of the demo organisations, table by table.
    pool = new Map();
    ownIds = new Set(orgIds);
    const tables = await t.database.query<{ t: string }>(
      `select c.table_name as t from information_schema.columns c join information_schema.columns o on o.table_name = c.table_name and o.column_name = 'org_id' and o.table_schema = c.table_schema
        where c.table_schema = current_schema() and c.column_name = 'id' and c.data_type = 'uuid'`,
    );
    for (const { t: table } of tables) {
      const rows = await t.database.query<{ id: string }>(`select id::text as id from "${table}" where org_id = any($1::uuid[]) order by id limit 200`, [
        orgIds,
      ]);
      pool.set(
        table,
        rows.map((r) => r.id),
      );
      for (const r of rows) ownIds.add(r.id);
    }
    pool.set('organisations', orgIds);
    const [school] = await t.database.query<{ id: string }>("select id from organisations where code = 'demo-school'");
    const nobodyActor = await newPerson(t.ctx.db, school.id, []);
    nobody = await signIn(t.app, nobodyActor.username, TEST_PASSWORD);
    const other = await newOrg(t.ctx.db, { kind: 'school' });
    const outsiderActor = await newPerson(t.ctx.db, other.org.id, 'all');
    outsider = await signIn(t.app, outsiderActor.username, TEST_PASSWORD);
    expect(DEMO_PASSWORD).toBeTruthy();
  }, 420_000);
  afterAll(() => t.close());

  const key = (o: Operation) => `${o.method} ${o.url}`;

  function fill(o: Operation): { url: string; isGlobal: boolean } | { missing: string } {
    let url = o.url;
    let isGlobal = true;
    for (const p of o.pathParams) {
      const fixed = GLOBAL_PARAMS[o.url]?.[p];
      if (fixed) {
        url = url.replace(`:${p}`, fixed);
        continue;
      }
      isGlobal = false;
      const own = OWN_VALUES[o.url]?.[p];
      if (own) {
        url = url.replace(`:${p}`, own);
        continue;
      }
      const table = tableFor(o.url, p, pool);
      if (!table) return { missing: `${key(o)} :${p}` };
      url = url.replace(`:${p}`, pool.get(table)?.[0] ?? EMPTY_TABLE_ID);
    }
    return { url, isGlobal };
  }

  const realId = (field: string) => {
    const table = [...pool.keys()].find((k) => k.endsWith(`_${field.replace(/Id$/, '')}s`)) ?? 'users';
    return pool.get(table)?.[0] ?? '00000000-0000-4000-8000-000000000000';
  };

  /** The answer, and the ids the request itself sent (an echo of those is no leak). */
  async function call(client: Client | undefined, o: Operation, url: string): Promise<LightMyRequestResponse & { sent: string }> {
    const ctx = { uuid: realId };
    const full = `${url}${sampleQuery(o, ctx)}`;
    const body = o.method === 'GET' || o.method === 'DELETE' ? undefined : o.body ? sampleValue(o.body, 'body', ctx) : {};
    const r = client
      ? await client.request(o.method, full, body)
      : await t.app.inject({ method: o.method as 'GET', url: full, ...(body === undefined ? {} : { payload: body as object }) });
    return Object.assign(r, { sent: `${full} ${JSON.stringify(body ?? null)}` });
  }

  it('every route can be exercised (its path parameters have real ids)', () => {
    const missing = ops
      .map(fill)
      .filter((f): f is { missing: string } => 'missing' in f)
      .map((f) => f.missing);
    expect(missing, 'teach PARAM_TABLES or GLOBAL_PARAMS where these ids live').toEqual([]);
    // Every route the server mounted is in the document the matrix walks.
    const documented = new Set(ops.map(key));
    const mounted = routeTableOf(t.app).filter((r) => r.url.startsWith('/api/') && !r.isHidden && !r.url.startsWith('/api/docs'));
    expect(mounted.filter((r) => !documented.has(`${r.method} ${r.url}`)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const declaredPublic = mounted.filter((r) => r.isPublic).map((r) => `${r.method} ${r.url}`);
    expect(
      declaredPublic.filter((k) => !PUBLIC.has(k)),
      'a new public route must be listed in PUBLIC',
    ).toEqual([]);
  });

  it('CORE-1 without a session every route but the public ones answers 401', async () => {
    const wrong: string[] = [];
    for (const o of ops) {
      const f = fill(o);
      if ('missing' in f) continue;
      const r = await call(undefined, o, f.url);
      if (PUBLIC.has(key(o))) {
        if (r.statusCode >= 500) wrong.push(`${key(o)} → ${r.statusCode}`);
      } else if (r.statusCode !== 401) wrong.push(`${key(o)} → ${r.statusCode}`);
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  it('CORE-2 a signed-in person without permissions gets 403 (or 404), never data; a route declaring a permission says 403', async () => {
    const table = new Map(routeTableOf(t.app).map((r) => [`${r.method} ${r.url}`, r]));
    const wrong: string[] = [];
    for (const o of ops) {
      if (PUBLIC.has(key(o)) || key(o) === 'POST /api/auth/logout') continue;
      const f = fill(o);
      if ('missing' in f) continue;
      const r = await call(nobody, o, f.url);
      const declared = table.get(key(o))?.permission;
      // Issue 12: the routes of a module the school has not switched on (production) are not there for it.
      const module = table.get(key(o))?.module;
      const isOff = !!module && !testRegistry.defaultModules('school').includes(module);
      if (r.statusCode >= 500) wrong.push(`${key(o)} → ${r.statusCode} ${r.body.slice(0, 120)}`);
      else if (isOff) {
        if (r.statusCode !== 404) wrong.push(`${key(o)} → ${r.statusCode} (module off: expected 404) ${r.body.slice(0, 120)}`);
      } else if (ANY_SIGNED_IN.has(key(o))) continue;
      else if (declared ? r.statusCode !== 403 : r.statusCode !== 403 && r.statusCode !== 404)
        wrong.push(`${key(o)} → ${r.statusCode} ${r.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  it('CORE-1 an administrator of another organisation given real ids gets 404 (or a refusal), never data, and changes nothing', async () => {
    const snapshot = async () =>
      t.database
        .query<{ t: string; h: string }>(
          `select table_name as t, '' as h from information_schema.columns where table_schema = current_schema() and column_name = 'org_id' order by 1`,
        )
        .then(async (tables) => {
          const out: string[] = [];
          for (const { t: table } of tables) {
            if (table === 'audit_log' || table === 'sessions' || table === 'notifications') continue;
            const [row] = await t.database.query<{ h: string | null }>(
              `select md5(string_agg(x::text, '|' order by x::text)) as h from "${table}" x where org_id = any($1::uuid[])`,
              [orgIds],
            );
            out.push(`${table}:${row.h}`);
          }
          return out;
        });
    const before = await snapshot();
    const wrong: string[] = [];
    for (const o of ops) {
      if (PUBLIC.has(key(o)) || key(o) === 'POST /api/auth/logout') continue;
      const f = fill(o);
      if ('missing' in f) continue;
      const r = await call(outsider, o, f.url);
      const leaked = (r.body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []).filter(
        (id) => ownIds.has(id) && !r.sent.includes(id),
      );
      if (r.statusCode >= 500) wrong.push(`${key(o)} → ${r.statusCode} ${r.body.slice(0, 120)}`);
      else if (leaked.length) wrong.push(`${key(o)} → ${r.statusCode} shows ${leaked.length} ids of the other organisation`);
      else if (!f.isGlobal && o.method === 'GET' && r.statusCode !== 404) wrong.push(`${key(o)} → ${r.statusCode} (expected 404) ${r.body.slice(0, 80)}`);
      // A 409 would tell that the record exists (a version checked before the organisation).
      else if (!f.isGlobal && o.method !== 'GET' && (r.statusCode < 400 || r.json().code === 'VERSION_CONFLICT'))
        wrong.push(`${key(o)} → ${r.statusCode} (expected 404) ${r.body.slice(0, 80)}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 300_000);

  it('issue 12: the platform operator gets no records of the demo organisations through any route but its own', async () => {
    const operator = await signIn(t.app, 'operator', DEMO_PASSWORD);
    const wrong: string[] = [];
    for (const o of ops) {
      if (PUBLIC.has(key(o)) || key(o) === 'POST /api/auth/logout' || o.url.startsWith('/api/platform/')) continue;
      const f = fill(o);
      if ('missing' in f) continue;
      const r = await call(operator, o, f.url);
      const leaked = (r.body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []).filter(
        (id) => ownIds.has(id) && !r.sent.includes(id),
      );
      if (r.statusCode >= 500) wrong.push(`${key(o)} → ${r.statusCode} ${r.body.slice(0, 120)}`);
      else if (leaked.length) wrong.push(`${key(o)} → ${r.statusCode} shows ${leaked.length} ids of a demo organisation`);
      else if (!ANY_SIGNED_IN.has(key(o)) && r.statusCode !== 403 && r.statusCode !== 404)
        wrong.push(`${key(o)} → ${r.statusCode} (expected 403/404) ${r.body.slice(0, 80)}`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it("issue 12 the district office given the linked school's real ids gets 404 or 403 on every route but its own roll-up, and writes nothing there", async () => {
    const office = await signIn(t.app, 'district.officer', DEMO_PASSWORD);
    const [school] = await t.database.query<{ id: string }>("select id from organisations where code = 'demo-school'");
    const hash = async () =>
      (
        await t.database.query<{ h: string }>("select md5(string_agg(x::text, '|' order by x::text)) as h from training_teachers x where org_id = $1", [
          school.id,
        ])
      )[0].h;
    const before = await hash();
    const wrong: string[] = [];
    for (const o of ops) {
      if (PUBLIC.has(key(o)) || ANY_SIGNED_IN.has(key(o)) || key(o) === 'POST /api/auth/logout' || o.url.startsWith('/api/district/')) continue;
      const f = fill(o);
      if ('missing' in f) continue;
      const r = await call(office, o, f.url);
      if (r.statusCode !== 403 && r.statusCode !== 404) wrong.push(`${key(o)} → ${r.statusCode} ${r.body.slice(0, 80)}`);
    }
    expect(wrong).toEqual([]);
    expect(await hash()).toBe(before);
    // Its own roll-up reads the linked school, read-only.
    const overview = await office.get('/api/district/overview');
    expect(overview.statusCode).toBe(200);
    expect(overview.json().schools.map((s: { schoolOrgId: string }) => s.schoolOrgId)).toEqual([school.id]);
  }, 300_000);
});

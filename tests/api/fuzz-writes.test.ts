import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#server';
import {
  type Client,
  type JsonSchema,
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
} from '../support';

// Issue 10 item 2: every write route's schema, with one field at a time replaced by what a
// client can send — control characters, lone surrogates, extreme numbers, ids that do not
// exist or belong to another organisation — never answers 5xx. Then random mixes (fast-check).

const ZERO = '00000000-0000-0000-0000-000000000000';
const UNKNOWN = '7d1c2f0e-4b5a-4c3d-9e8f-0a1b2c3d4e5f';
const HOSTILE_TEXT = ['\u0000', 'a\u0000b', '\ud800x', 'x\udfff', '\u001b[31m', '\u007f'];
const HOSTILE_NUMBERS = [0.0001, -0.0001, 1e308, -1e308, 2 ** 53, -1, 0, 1.005];

interface Leaf {
  path: (string | number)[];
  schema: JsonSchema;
}

const typeOf = (s: JsonSchema) =>
  (Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type) ??
  (s.anyOf ?? s.oneOf)?.map((u) => (Array.isArray(u.type) ? u.type[0] : u.type)).find((x) => x && x !== 'null');

/** The fields of a body schema, nested objects and the first array element included. */
function leavesOf(schema: JsonSchema | undefined, path: (string | number)[] = []): Leaf[] {
  if (!schema || path.length > 4) return [];
  const t = typeOf(schema);
  if (t === 'object') return Object.entries(schema.properties ?? {}).flatMap(([k, v]) => leavesOf(v, [...path, k]));
  if (t === 'array') return [{ path, schema }, ...leavesOf(schema.items, [...path, 0])];
  return [{ path, schema }];
}

// Byte by byte, so a lone surrogate goes out as the bytes a client would send (no URIError here).
const percentEncode = (v: string) => [...Buffer.from(v, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

function setAt(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(body) ? [...body] : { ...((body as object) ?? {}) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head] = setAt(copy[head] ?? (typeof rest[0] === 'number' ? [] : {}), rest, value);
  return copy;
}

function hostileFor(leaf: Leaf, foreignId: string): unknown[] {
  const t = typeOf(leaf.schema);
  const name = String(leaf.path[leaf.path.length - 1] ?? '');
  if (t === 'number' || t === 'integer') return HOSTILE_NUMBERS;
  if (t === 'array') return [[ZERO], [foreignId, foreignId], Array.from({ length: 3 }, () => '\u0000')];
  if (t === 'boolean') return ['true', null];
  if (leaf.schema.format === 'uuid' || /Id$/.test(name)) return [ZERO, UNKNOWN, foreignId];
  return HOSTILE_TEXT;
}

describe('fuzzing every write route (issue 10 item 2)', () => {
  let t: TestApp;
  let writes: Operation[];
  let admins: Client[];
  let ownIds: Map<string, string>;
  let foreignId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T02:00:00Z' });
    await seedDemo(t.ctx.db, t.ctx.registry, new Date('2026-03-10T02:00:00Z'));
    const orgs = await t.database.query<{ id: string; code: string }>(
      "select id, code from organisations where code in ('demo-plant', 'demo-school') order by code",
    );
    admins = [];
    for (const o of orgs) admins.push(await signIn(t.app, (await newPerson(t.ctx.db, o.id, 'all')).username, TEST_PASSWORD));
    // A real id of each kind, for path parameters; another organisation's for the hostile ones.
    ownIds = new Map();
    for (const table of [
      'documents',
      'meetings',
      'users',
      'training_sessions',
      'training_teachers',
      'training_plans',
      'prod_items',
      'prod_plans',
      'prod_orders',
      'league_members',
    ]) {
      const [row] = await t.database.query<{ id: string }>(`select id::text as id from "${table}" order by id limit 1`);
      if (row) ownIds.set(table, row.id);
    }
    const other = await newOrg(t.ctx.db, { kind: 'school' });
    foreignId = other.departments[0].id;
    writes = operationsOf(t.app.swagger()).filter(
      (o) => o.url.startsWith('/api/') && o.method !== 'GET' && o.url !== '/api/auth/logout' && o.url !== '/api/auth/login',
    );
  }, 180_000);
  afterAll(() => t.close());

  const pathId = (o: Operation) => {
    const seg = o.url.split('/')[3] ?? '';
    const table = [...ownIds.keys()].find((k) => k.endsWith(seg.replace(/-/g, '_')));
    return (table && ownIds.get(table)) ?? ownIds.get('documents') ?? UNKNOWN;
  };
  const urlOf = (o: Operation) =>
    o.url.replace(/:(\w+)/g, (_, p: string) =>
      p === 'name'
        ? 'people'
        : p === 'code'
          ? 'teacher'
          : /day|date/.test(p)
            ? '2026-03-02'
            : p === 'month'
              ? '2026-02'
              : p === 'version' || p === 'revision'
                ? '1'
                : pathId(o),
    );
  const clientFor = (o: Operation) => (o.url.includes('/production/') ? admins[0] : admins[1]);

  it('one hostile field at a time never gets a 5xx', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const o of writes) {
      const ctx = { uuid: () => ownIds.get('users') ?? UNKNOWN };
      const base = o.body ? sampleValue(o.body, 'body', ctx) : {};
      const url = `${urlOf(o)}${sampleQuery(o, ctx)}`;
      for (const leaf of leavesOf(o.body)) {
        for (const value of hostileFor(leaf, foreignId)) {
          const r = await clientFor(o).request(o.method, url, setAt(base, leaf.path, value));
          sent++;
          if (r.statusCode >= 500)
            failures.push(`${o.method} ${o.url} ${leaf.path.join('.')}=${JSON.stringify(value)} → ${r.statusCode} ${r.body.slice(0, 160)}`);
        }
      }
      for (const q of o.query) {
        for (const value of [...HOSTILE_TEXT, '1e308', ZERO]) {
          const r = await clientFor(o).request(o.method, `${urlOf(o)}?${encodeURIComponent(q.name)}=${percentEncode(value)}`, base);
          sent++;
          if (r.statusCode >= 500) failures.push(`${o.method} ${o.url} ?${q.name}=${JSON.stringify(value)} → ${r.statusCode} ${r.body.slice(0, 160)}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 600_000);

  it('random mixes of hostile values (fast-check) never get a 5xx', async () => {
    const hostile = fc.oneof(
      fc.constantFrom<unknown>(...HOSTILE_TEXT, ...HOSTILE_NUMBERS, ZERO, UNKNOWN, null, [], {}, ''),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.double(),
      fc.integer(),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: writes.length - 1 }), fc.array(fc.tuple(fc.nat(), hostile), { maxLength: 4 }), async (i, changes) => {
        const o = writes[i];
        const leaves = leavesOf(o.body);
        let body = o.body ? sampleValue(o.body, 'body', { uuid: () => foreignId }) : {};
        for (const [n, value] of changes) if (leaves.length) body = setAt(body, leaves[n % leaves.length].path, value);
        const r = await clientFor(o).request(o.method, urlOf(o), body);
        if (r.statusCode >= 500) failures.push(`${o.method} ${o.url} ${JSON.stringify(body).slice(0, 200)} → ${r.statusCode} ${r.body.slice(0, 160)}`);
        return r.statusCode < 500;
      }),
      { numRuns: 300, seed: 20261204 },
    );
    expect(failures).toEqual([]);
  }, 600_000);
});

import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodApp } from '#core/http';
import { buildApp, ensureWebBuilt, makeContext } from '#server';
import { createTestDatabase, type TestDatabase } from '../support';

// Issue 11, a light web app: the login page arrives compressed, cached right, under 350 KB,
// without the chart library; the public sign-in page does not pull charts either.
// The test serves the real build (web/dist), built here as `npm start` would if it is stale.

const root = process.cwd();
const webDir = join(root, 'web/dist');
const BUDGET = 350 * 1024;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The files a script imports statically (not `import()`): the browser fetches them before it runs. */
function staticImports(url: string, js: string): string[] {
  return [...js.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => new URL(m[1], `http://x${url}`).pathname);
}

function body(r: LightMyRequestResponse): string {
  const enc = r.headers['content-encoding'];
  const raw = r.rawPayload;
  return (enc === 'br' ? brotliDecompressSync(raw) : enc === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
}

describe('issue 11 a light web app: delivery of the login page', () => {
  let app: ZodApp;
  let database: TestDatabase;
  let filesDir: string;
  beforeAll(async () => {
    await ensureWebBuilt(root, () => {});
    if (!existsSync(join(webDir, 'index.html'))) throw new Error(`The web app was not built: ${webDir}/index.html is missing (run node scripts/build-web.mjs)`);
    if (!existsSync(join(webDir, 'index.html.br')))
      throw new Error(`The web build has no pre-compressed files (${webDir}/index.html.br missing): rebuild with node scripts/build-web.mjs`);
    database = await createTestDatabase();
    filesDir = mkdtempSync(join(tmpdir(), 'zhidu-web-delivery-'));
    app = await buildApp(makeContext(database, filesDir), { webDir });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding = 'gzip, deflate, br') => app.inject({ method: 'GET', url, headers: { 'accept-encoding': acceptEncoding } });

  /** index.html, then every script, stylesheet, modulepreload and icon it names, then their static imports. */
  async function loginPageFiles(): Promise<{ url: string; r: LightMyRequestResponse }[]> {
    const index = await get('/login');
    const fetched = [{ url: '/login', r: index }];
    const html = body(index);
    const queue = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
    const seen = new Set(queue);
    while (queue.length) {
      const url = queue.shift()!;
      const r = await get(url);
      expect(r.statusCode, url).toBe(200);
      fetched.push({ url, r });
      if (!url.endsWith('.js')) continue;
      for (const next of staticImports(url, body(r))) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return fetched;
  }

  it('issue 11: the login page is at most 350 KB over the wire, every script and stylesheet sent as brotli', async () => {
    const files = await loginPageFiles();
    const scripts = files.filter((f) => f.url.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of files.filter((x) => /\.(js|css)$/.test(x.url) || x.url === '/login')) {
      expect(f.r.headers['content-encoding'], f.url).toBe('br');
      expect(String(f.r.headers.vary), f.url).toMatch(/accept-encoding/i);
    }
    const total = files.reduce((n, f) => n + f.r.rawPayload.length, 0);
    console.log(`login page: ${files.length} files, ${(total / 1024).toFixed(1)} KB compressed`);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  it('issue 11: hashed assets are cached for a year as immutable; index.html is revalidated each time', async () => {
    const files = await loginPageFiles();
    const assets = files.filter((f) => f.url.startsWith('/assets/'));
    expect(assets.length).toBeGreaterThan(1);
    for (const f of assets) {
      expect(f.url).toMatch(/-[A-Za-z0-9_-]{8}\.(js|css)$/);
      expect(f.r.headers['cache-control'], f.url).toBe(IMMUTABLE);
    }
    for (const url of ['/', '/login', '/training/plans']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['cache-control'], url).toBe('no-cache');
      expect(body(r), url).toContain('<div id="root">');
    }
  });

  it('issue 11: gzip when the browser takes no brotli, the plain file when it takes neither, both marked Vary', async () => {
    const script = (await loginPageFiles()).find((f) => f.url.endsWith('.js'))!;
    const gz = await get(script.url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get(script.url, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(body(gz)).toBe(plain.body);
    expect(body(script.r)).toBe(plain.body);
    expect((await get('/assets/gone-00000000.js')).statusCode).toBe(404);
  });

  it('issue 11: the login page and the public sign-in page load no chart code; pages with charts do', async () => {
    const assets = readdirSync(join(webDir, 'assets'));
    const charts = assets.filter((f) => /^charts-.*\.js$/.test(f));
    expect(charts, 'the build puts ECharts in its own charts-*.js chunk').toHaveLength(1);
    const login = (await loginPageFiles()).map((f) => f.url);
    expect(login.filter((u) => u.includes('/charts-'))).toEqual([]);
    // Nor any page of a feature: they load when their route is opened.
    expect(login.filter((u) => /\.page-/.test(u))).toEqual([]);

    const reach = async (start: string) => {
      const seen = new Set([start]);
      const queue = [start];
      while (queue.length) {
        const url = queue.shift()!;
        for (const next of staticImports(url, body(await get(url))))
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
      }
      return [...seen];
    };
    const chunk = (prefix: string) => {
      const f = assets.find((a) => a.startsWith(prefix) && a.endsWith('.js'));
      expect(f, prefix).toBeDefined();
      return `/assets/${f}`;
    };
    const signIn = await reach(chunk('sign-in.page-'));
    expect(signIn.filter((u) => u.includes('/charts-'))).toEqual([]);
    for (const page of ['progress.page-', 'shipments.page-'])
      expect(
        (await reach(chunk(page))).some((u) => u.includes('/charts-')),
        page,
      ).toBe(true);
  });
});

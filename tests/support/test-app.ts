import type { LightMyRequestResponse } from 'fastify';
import type { AppContext, ZodApp } from '#core/http';
import { buildApp, makeContext } from '#server';
import { createTestDatabase, type TestDatabase } from './test-db';

export interface TestApp {
  app: ZodApp;
  ctx: AppContext;
  database: TestDatabase;
  /** Moves the injected clock. */
  setNow(iso: string): void;
  close(): Promise<void>;
}

export async function startTestApp(options: { now?: string; filesDir?: string } = {}): Promise<TestApp> {
  // Each test app has a database of its own, so sign-in limits (kept there) start empty.
  const database = await createTestDatabase();
  let now = options.now ? new Date(options.now) : new Date();
  const ctx = makeContext(database, options.filesDir ?? `/tmp/zhidu-test-files-${process.pid}`, () => now);
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    database,
    setNow: (iso) => {
      now = new Date(iso);
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** A signed-in HTTP client: keeps the session cookie and sends the CSRF header on writes. */
export interface Client {
  cookie: string;
  csrf: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

export async function signIn(app: ZodApp, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = res.json().csrfToken as string;
  const request: Client['request'] = (method, url, body, headers = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie,
    csrf,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    put: (url, body) => request('PUT', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    del: (url) => request('DELETE', url),
  };
}

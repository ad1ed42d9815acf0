import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../test-setup';
import { ApiError, api, del, get, post, setApiLocale, setCsrfToken, setUnauthorizedHandler } from './api';

// Issue 16: the one way the web app talks to the server, tested at the fetch boundary.
describe('api client (web/src/ui/api.ts)', () => {
  afterEach(() => {
    setCsrfToken('');
    setApiLocale('zh-CN');
    setUnauthorizedHandler(() => undefined);
  });

  it('issue 16: GET goes to /api with the language and no CSRF header; the JSON answer is returned', async () => {
    const server = fakeServer({ 'GET /org/modules': { body: [{ name: 'training', isOn: true }] } });
    setCsrfToken('tok');
    const rows = await get<{ name: string }[]>('/org/modules');
    expect(rows).toEqual([{ name: 'training', isOn: true }]);
    expect(server.fetch).toHaveBeenCalledWith('/api/org/modules', expect.objectContaining({ method: 'GET', credentials: 'same-origin' }));
    expect(server.calls[0].headers).toEqual({ 'x-locale': 'zh-CN' });
  });

  it('issue 16: writes carry the CSRF token and a JSON body; POST without a body sends {}', async () => {
    const server = fakeServer({ 'POST /auth/logout': { status: 204 }, 'POST /things': { body: { id: 't1' } }, 'DELETE /things/t1': { status: 204 } });
    setCsrfToken('csrf-123');
    expect(await post('/things', { name: '甲' })).toEqual({ id: 't1' });
    await post('/auth/logout');
    expect(await del('/things/t1')).toBeUndefined();
    expect(server.calls.map((c) => [c.method, c.headers['x-csrf-token'], c.headers['content-type'], c.body])).toEqual([
      ['POST', 'csrf-123', 'application/json', { name: '甲' }],
      ['POST', 'csrf-123', 'application/json', {}],
      ['DELETE', 'csrf-123', undefined, undefined],
    ]);
  });

  it('issue 16: an error answer becomes an ApiError with the server’s code, message and field details', async () => {
    fakeServer({
      'POST /things': {
        status: 400,
        body: { code: 'VALIDATION', message: '名称不能为空', details: [{ field: 'name', reason: '必填' }] },
      },
    });
    const error = await post('/things', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION', message: '名称不能为空', details: [{ field: 'name', reason: '必填' }] });
  });

  it('issue 16: an error without a JSON body still has a code (HTTP_<status>)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('bad gateway', { status: 502, statusText: 'Bad Gateway' })),
    );
    await expect(get('/x')).rejects.toMatchObject({ status: 502, code: 'HTTP_502', message: 'Bad Gateway' });
  });

  it('issue 16: a network failure is reported as NETWORK in the chosen language', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(get('/x')).rejects.toMatchObject({ status: 0, code: 'NETWORK', message: '无法连接服务器，请检查网络' });
    setApiLocale('en');
    await expect(get('/x')).rejects.toMatchObject({ status: 0, code: 'NETWORK', message: 'Cannot reach the server' });
  });

  it('issue 16: a 401 outside /auth/ signs the shell out; a failed sign-in (401 on /auth/) does not', async () => {
    fakeServer({ 'GET /people': { status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录' } }, 'POST /auth/login': { status: 401, body: {} } });
    const signedOut = vi.fn();
    setUnauthorizedHandler(signedOut);
    await expect(api('POST', '/auth/login', { username: 'a', password: 'b' })).rejects.toMatchObject({ status: 401 });
    expect(signedOut).not.toHaveBeenCalled();
    await expect(get('/people')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(signedOut).toHaveBeenCalledTimes(1);
  });
});

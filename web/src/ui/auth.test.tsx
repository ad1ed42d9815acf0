import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeServer, withProviders } from '../test-setup';
import { get, post, setCsrfToken } from './api';
import { AuthProvider, useAuth } from './auth';
import { orgUtcOffset, setOrgUtcOffset } from './time';

const me = (over = {}) => ({
  userId: 'u1',
  orgId: 'o1',
  username: 'zhang',
  displayName: '张三',
  roles: ['teacher'],
  permissions: ['training.session.read'],
  locale: 'zh-CN',
  csrfToken: 'csrf-me',
  ...over,
});

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => withProviders(<AuthProvider>{children}</AuthProvider>, client);
  return { client, ...renderHook(() => useAuth(), { wrapper }) };
}

// Issue 16: who is signed in, what they may do, and what happens when the session ends.
describe('AuthProvider (web/src/ui/auth.tsx)', () => {
  afterEach(() => {
    setOrgUtcOffset(480);
    setCsrfToken('');
  });

  it('issue 16: nobody is signed in when /auth/me answers 401', async () => {
    fakeServer({ 'GET /auth/me': { status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录' } } });
    const { result } = setup();
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.me).toBeNull();
    expect(result.current.isOffline).toBe(false);
    expect(result.current.can('training.session.read')).toBe(false);
  });

  it('issue 16: a signed-in person’s permissions, CSRF token and organisation time zone are taken from the server', async () => {
    const server = fakeServer({ 'GET /auth/me': { body: me() }, 'GET /policy/time-zone': { body: { utcOffsetMinutes: 420 } }, 'POST /x': { body: {} } });
    const { result } = setup();
    await waitFor(() => expect(result.current.me?.displayName).toBe('张三'));
    expect(result.current.can('training.session.read')).toBe(true);
    expect(result.current.can('admin.people.write')).toBe(false);
    expect(orgUtcOffset()).toBe(420);
    await post('/x', {});
    expect(server.calls.at(-1)?.headers['x-csrf-token']).toBe('csrf-me');
  });

  it('issue 16: says the server cannot be reached (not “signed out”) on a network failure', async () => {
    const server = fakeServer({});
    server.fetch.mockRejectedValue(new TypeError('Failed to fetch'));
    const { result } = setup();
    await waitFor(() => expect(result.current.isOffline).toBe(true));
    expect(result.current.me).toBeNull();
  });

  it('issue 16: signing in takes the new token and drops the previous person’s cached data', async () => {
    const server = fakeServer({
      'GET /auth/me': { status: 401, body: {} },
      'POST /auth/login': { body: me({ csrfToken: 'csrf-new', displayName: '李四' }) },
      'GET /policy/time-zone': { body: { utcOffsetMinutes: 480 } },
      'POST /x': { body: {} },
    });
    const { result, client } = setup();
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    client.setQueryData(['training', 'sessions'], ['someone else’s']);
    await act(async () => {
      await result.current.login('li', 'pw-12345678');
    });
    await waitFor(() => expect(result.current.me?.displayName).toBe('李四'));
    expect(client.getQueryData(['training', 'sessions'])).toBeUndefined();
    expect(server.calls.find((c) => c.path === '/auth/login')?.body).toEqual({ username: 'li', password: 'pw-12345678' });
    await post('/x', {});
    expect(server.calls.at(-1)?.headers['x-csrf-token']).toBe('csrf-new');
  });

  it('issue 16: a 401 from any page ends the session in the shell: signed out, cached data dropped', async () => {
    fakeServer({
      'GET /auth/me': { body: me() },
      'GET /policy/time-zone': { body: { utcOffsetMinutes: 480 } },
      'GET /training/sessions': { status: 401, body: { code: 'UNAUTHENTICATED', message: '登录已过期' } },
    });
    const { result, client } = setup();
    await waitFor(() => expect(result.current.me).not.toBeNull());
    client.setQueryData(['training', 'sessions'], ['rows']);
    await act(async () => {
      await get('/training/sessions').catch(() => undefined);
    });
    await waitFor(() => expect(result.current.me).toBeNull());
    expect(client.getQueryData(['training', 'sessions'])).toBeUndefined();
  });
});

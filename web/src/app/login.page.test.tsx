import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { fakeServer, withProviders } from '../test-setup';
import { AuthProvider } from '../ui/auth';
import { LoginPage } from './login.page';

const page = () =>
  render(
    withProviders(
      <MemoryRouter>
        <AuthProvider>
          <LoginPage />
        </AuthProvider>
      </MemoryRouter>,
    ),
  );
const health = (preparing?: { done: number; total: number }) => ({ body: { status: 'ok', database: 'pglite', time: '2026-12-07T08:00:00Z', preparing } });

// Issue 11, cold start: the server listens before the demo is written; the login page says so.
describe('LoginPage (web/src/app/login.page.tsx)', () => {
  it('issue 11: while a first start writes the demo data, shows how far it is and that signing in will wait', async () => {
    fakeServer({ 'GET /auth/me': { status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录' } }, 'GET /health': health({ done: 4650, total: 9300 }) });
    page();
    expect(await screen.findByText('首次启动，正在写入示例数据')).toBeTruthy();
    expect(screen.getByText('50%')).toBeTruthy();
    expect(screen.getByText('可以先输入账号，写入完成后即登录。')).toBeTruthy();
  });

  it('issue 11: says nothing of it on an ordinary start', async () => {
    const server = fakeServer({ 'GET /auth/me': { status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录' } }, 'GET /health': health() });
    page();
    await waitFor(() => expect(server.calls.some((c) => c.path === '/health')).toBe(true));
    expect(await screen.findByRole('button', { name: /登\s*录/ })).toBeTruthy();
    expect(screen.queryByText('首次启动，正在写入示例数据')).toBeNull();
  });
});

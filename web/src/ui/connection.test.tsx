import { QueryCache, QueryClient, useQuery } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, withProviders } from '../test-setup';
import { get } from './api';
import { noteQueryResult, OfflineBanner, useEmptyText } from './connection';

function Sessions() {
  const q = useQuery({ queryKey: ['sessions'], queryFn: () => get<string[]>('/training/sessions') });
  const empty = useEmptyText('还没有学习活动');
  return <div data-testid="list">{q.data?.length ? q.data.join('、') : empty}</div>;
}

/** The query cache as main.tsx builds it: every answer or network failure tells the shell. */
const client = () =>
  new QueryClient({
    defaultOptions: { queries: { retry: false } },
    queryCache: new QueryCache({ onError: noteQueryResult, onSuccess: () => noteQueryResult(null) }),
  });

// Issue 16 (component tests) for issue 15 item 9: never “no data” when the server could not be asked.
describe('offline banner and empty texts (web/src/ui/connection.tsx)', () => {
  it('issue 16: a network failure shows the banner and “cannot reach the server” instead of the empty sentence; 重试 fetches again and clears both', async () => {
    const server = fakeServer({ 'GET /training/sessions': { body: ['三月集体备课'] } });
    server.fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    render(
      withProviders(
        <>
          <OfflineBanner />
          <Sessions />
        </>,
        client(),
      ),
    );
    expect((await screen.findByTestId('offline-banner')).textContent).toContain('无法连接服务器');
    expect(screen.getByTestId('list').textContent).toBe('无法连接服务器');
    fireEvent.click(screen.getByRole('button', { name: /重\s?试/ }));
    await waitFor(() => expect(screen.getByTestId('list').textContent).toBe('三月集体备课'));
    expect(screen.queryByTestId('offline-banner')).toBeNull();
    expect(server.fetch).toHaveBeenCalledTimes(2);
  });

  it('issue 16: a server error (not a network failure) keeps the page’s own empty sentence and no banner', async () => {
    fakeServer({ 'GET /training/sessions': { status: 403, body: { code: 'FORBIDDEN', message: '无权限' } } });
    render(
      withProviders(
        <>
          <OfflineBanner />
          <Sessions />
        </>,
        client(),
      ),
    );
    await waitFor(() => expect(screen.getByTestId('list').textContent).toBe('还没有学习活动'));
    expect(screen.queryByTestId('offline-banner')).toBeNull();
  });
});

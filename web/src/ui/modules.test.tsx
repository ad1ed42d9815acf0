import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeServer, withProviders } from '../test-setup';
import { useModuleOn } from './modules';

const wrapper = ({ children }: { children: ReactNode }) => withProviders(children);

// Issue 16 (component tests) for issue 12: pages show only what belongs to modules that are on.
describe('useModuleOn (web/src/ui/modules.ts)', () => {
  it('issue 16: is false until GET /org/modules answers, then true for a module that is on', async () => {
    let answer: (v: unknown) => void = () => undefined;
    const server = fakeServer({});
    server.fetch.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          answer = () => resolve(new Response(JSON.stringify([{ name: 'production', isOn: true }]), { status: 200 }));
        }),
    );
    const { result } = renderHook(() => useModuleOn('production'), { wrapper });
    expect(result.current).toBe(false);
    answer(undefined);
    await waitFor(() => expect(result.current).toBe(true));
    expect(server.fetch).toHaveBeenCalledWith('/api/org/modules', expect.anything());
  });

  it('issue 16: is false for a module that is off and for one the organisation does not have', async () => {
    const server = fakeServer({
      'GET /org/modules': {
        body: [
          { name: 'production', isOn: false },
          { name: 'training', isOn: true },
        ],
      },
    });
    const { result } = renderHook(() => [useModuleOn('production'), useModuleOn('league'), useModuleOn('training')], { wrapper });
    await waitFor(() => expect(result.current[2]).toBe(true));
    expect(result.current).toEqual([false, false, true]);
    // Both hooks share one request.
    expect(server.calls).toHaveLength(1);
  });

  it('issue 16: stays false when the module list cannot be read (nothing of an off module flashes)', async () => {
    const server = fakeServer({ 'GET /org/modules': { status: 500, body: { code: 'INTERNAL', message: 'x' } } });
    const { result } = renderHook(() => useModuleOn('production'), { wrapper });
    await waitFor(() => expect(server.calls).toHaveLength(1));
    expect(result.current).toBe(false);
  });
});

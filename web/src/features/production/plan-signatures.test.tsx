import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeServer, withProviders } from '../../test-setup';
import { useI18n } from '../../ui/i18n';
import { usePlanSignatures } from './plan-signatures';

const planId = '0b7b5c1e-3f6a-4a59-9d55-4c0e5b7a1a11';
const signatures = {
  planId,
  number: 'PP-2026-03',
  revision: 1,
  lines: [
    {
      key: 'prepared',
      label: { zh: '编制', en: 'Prepared by' },
      role: { zh: '计划员', en: 'Planner' },
      decision: 'prepared',
      actorName: '张三',
      at: '2026-03-01T01:00:00.000Z',
      atLocal: '2026-03-01 09:00',
    },
    {
      key: 'approved',
      label: { zh: '批准', en: 'Approved by' },
      role: null,
      decision: 'approved',
      actorName: '王总',
      at: '2026-03-02T02:30:00.000Z',
      atLocal: '2026-03-02 10:30',
    },
    { key: 'reviewed', label: { zh: '审核', en: 'Reviewed by' }, role: null, decision: null, actorName: null, at: null, atLocal: null },
  ],
};
const wrapper = ({ children }: { children: ReactNode }) => withProviders(children);

// Issue 16 (component tests) for issue 14 item 11: a printed plan's signature lines come from the approval records.
describe('usePlanSignatures (plan-signatures.ts)', () => {
  it('issue 16: turns each recorded line into “name（role） decision” and the organisation-time date, blank when unsigned', async () => {
    const server = fakeServer({ [`GET /production/plans/${planId}/signatures`]: { body: signatures } });
    const { result } = renderHook(() => usePlanSignatures(planId), { wrapper });
    await waitFor(() => expect(result.current.lines).toBeDefined());
    expect(result.current.lines).toEqual([
      { label: '编制', signer: '张三（计划员） 编制', date: '2026-03-01 09:00' },
      { label: '批准', signer: '王总 同意', date: '2026-03-02 10:30' },
      { label: '审核', signer: undefined, date: undefined },
    ]);
    expect(server.calls[0].path).toBe(`/production/plans/${planId}/signatures`);
  });

  it('issue 16: speaks English when the person switched language', async () => {
    fakeServer({ [`GET /production/plans/${planId}/signatures`]: { body: signatures } });
    const { result } = renderHook(() => ({ sig: usePlanSignatures(planId), i18n: useI18n() }), { wrapper });
    act(() => result.current.i18n.setLocale('en'));
    await waitFor(() => expect(result.current.sig.lines).toBeDefined());
    expect(result.current.sig.lines?.map((l) => [l.label, l.signer])).toEqual([
      ['Prepared by', '张三 (Planner) prepared'],
      ['Approved by', '王总 approved'],
      ['Reviewed by', undefined],
    ]);
  });

  it('issue 16: asks nothing before the plan is known', () => {
    const server = fakeServer({});
    const { result } = renderHook(() => usePlanSignatures(''), { wrapper });
    expect(result.current.lines).toBeUndefined();
    expect(server.calls).toHaveLength(0);
  });
});

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, withProviders } from '../../test-setup';
import { AuthProvider } from '../../ui/auth';
import { PlanGrid } from './plan-grid';
import type { PlanView } from './production.types';

const PLAN_ID = '7d1c2b9e-0a4f-4c3e-8b6a-1f2e3d4c5b6a';
const item = (code: string, name: string) => ({ code, name, spec: '', unit: '件', category: 'finished' });

/** A monthly plan of two products over three days, as GET /production/plans/:id gives it (the fields the grid reads). */
function planView(over: Partial<PlanView> = {}): PlanView {
  return {
    id: PLAN_ID,
    kind: 'monthly',
    title: '2026年3月生产计划',
    bucket: 'day',
    version: 3,
    canEdit: true,
    buckets: ['2026-03-02', '2026-03-03', '2026-03-04'],
    capacityGroups: [{ start: '2026-03-02', label: { zh: '第1周 03-02~03-08', en: 'Week 1 03-02~03-08' } }],
    lines: [
      { itemId: 'i-a', forecastQty: null, quantities: [10, 20, 0], total: 30, note: '' },
      { itemId: 'i-b', forecastQty: 50, quantities: [5, 0, 5], total: 10, note: '' },
    ],
    items: { 'i-a': item('A-100', '齿轮'), 'i-b': item('B-200', '轴承') },
    ...over,
  } as PlanView;
}

const me = { userId: 'u1', orgId: 'o1', username: 'planner', displayName: '计划员', roles: [], permissions: ['excel.import'], locale: 'zh-CN', csrfToken: 'c' };
const baseRoutes = {
  'GET /auth/me': { body: me },
  'GET /policy/time-zone': { body: { utcOffsetMinutes: 480 } },
  'GET /production/items': { body: [] },
};

function showGrid(plan: PlanView, onPreview = vi.fn()) {
  render(
    withProviders(
      <AuthProvider>
        <PlanGrid plan={plan} onPreview={onPreview} />
      </AuthProvider>,
    ),
  );
  return onPreview;
}

const rowOf = (code: string) => screen.getByText(code).closest('.ant-table-row, .ant-table-cell')?.parentElement as HTMLElement;
const total = () => screen.getByTestId('grid-total').textContent;

async function typeInCell(code: string, k: number, value: string) {
  fireEvent.click(await screen.findByTestId(`cell-${code}-${k}`));
  const input = (await screen.findByTestId('grid-input')) as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
  await waitFor(() => expect(screen.queryByTestId('grid-input')).toBeNull());
}

// Issue 16 (component tests) for PP-8/PP-9: the plan grid edited in place.
describe('PlanGrid (plan-grid.tsx)', () => {
  it('issue 16: heads the grid with a total row: per-day sums, the grand total and the number of products', async () => {
    fakeServer(baseRoutes);
    showGrid(planView());
    expect(await screen.findByText('2 个品种')).toBeTruthy();
    expect(total()).toBe('40');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(expect.arrayContaining(['3/2', '3/3', '3/4', '合计']));
    expect(within(rowOf('A-100')).getByTestId('cell-A-100-1').textContent).toBe('20');
  });

  it('issue 16: an edited cell updates the row and grand totals, asks for a capacity preview, and Save sends only the changed line with the version', async () => {
    const server = fakeServer({
      ...baseRoutes,
      [`POST /production/plans/${PLAN_ID}/capacity-preview`]: { body: { rows: [] } },
      [`PUT /production/plans/${PLAN_ID}/lines`]: { body: { version: 4, lineCount: 2, total: 1035, capacity: {} } },
    });
    const onPreview = showGrid(planView());
    const save = await screen.findByTestId('grid-save');
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await typeInCell('A-100', 2, '1,005');
    expect(total()).toBe('1,045');
    expect((screen.getByTestId('grid-save') as HTMLButtonElement).disabled).toBe(false);
    await waitFor(() => expect(onPreview).toHaveBeenCalledWith({ rows: [] }));
    const preview = server.calls.find((c) => c.path.endsWith('/capacity-preview'));
    expect(preview?.body).toEqual({ upsert: [{ itemId: 'i-a', forecastQty: null, quantities: [10, 20, 1005], total: 1035, note: '' }], remove: [] });
    fireEvent.click(screen.getByTestId('grid-save'));
    await waitFor(() => expect(server.calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = server.calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({ version: 3, upsert: [{ itemId: 'i-a', forecastQty: null, quantities: [10, 20, 1005], note: '' }], remove: [] });
    expect(await screen.findByText('已保存，产能已重新分析')).toBeTruthy();
  });

  it('issue 16: a negative or unreadable number leaves the cell as it was', async () => {
    fakeServer(baseRoutes);
    showGrid(planView());
    await typeInCell('B-200', 0, '-3');
    await typeInCell('B-200', 1, 'abc');
    expect(total()).toBe('40');
    expect((screen.getByTestId('grid-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('issue 16: removing a row drops it from the totals and Save sends it in remove', async () => {
    const server = fakeServer({ ...baseRoutes, [`PUT /production/plans/${PLAN_ID}/lines`]: { body: {} } });
    showGrid(planView());
    await screen.findByText('B-200');
    fireEvent.click(within(rowOf('B-200')).getByRole('button', { name: '删除行' }));
    expect(screen.queryByText('B-200')).toBeNull();
    expect(screen.getByText('1 个品种')).toBeTruthy();
    expect(total()).toBe('30');
    fireEvent.click(screen.getByTestId('grid-save'));
    await waitFor(() => expect(server.calls.find((c) => c.method === 'PUT')?.body).toEqual({ version: 3, upsert: [], remove: ['i-b'] }));
  });

  it('issue 16: the filter shows matching products only while the total row still counts every product', async () => {
    fakeServer(baseRoutes);
    showGrid(planView());
    fireEvent.change(await screen.findByLabelText('按编码或品名筛选'), { target: { value: '轴承' } });
    expect(screen.queryByText('A-100')).toBeNull();
    expect(screen.getByText('B-200')).toBeTruthy();
    expect(total()).toBe('40');
  });

  it('issue 16: a plan someone else changed meanwhile says the edits were not saved (VERSION_CONFLICT)', async () => {
    fakeServer({ ...baseRoutes, [`PUT /production/plans/${PLAN_ID}/lines`]: { status: 409, body: { code: 'VERSION_CONFLICT', message: '版本冲突' } } });
    showGrid(planView());
    await typeInCell('A-100', 0, '11');
    fireEvent.click(screen.getByTestId('grid-save'));
    expect(await screen.findByText('计划已被他人修改，您的修改未保存。请刷新后重新修改。')).toBeTruthy();
    expect(screen.getByRole('button', { name: /刷\s?新/ })).toBeTruthy();
  });

  it('issue 16: a plan the person cannot edit shows numbers only: no inputs, no save, no delete', async () => {
    fakeServer(baseRoutes);
    showGrid(planView({ canEdit: false }));
    expect(await screen.findByText('A-100')).toBeTruthy();
    expect(screen.queryByTestId('grid-save')).toBeNull();
    expect(screen.queryByTestId('cell-A-100-0')).toBeNull();
    expect(screen.queryByRole('button', { name: '删除行' })).toBeNull();
    expect(screen.queryByRole('button', { name: /导入 Excel/ })).toBeNull();
  });

  it('issue 16: the week view sums the days of each capacity week and is read-only', async () => {
    fakeServer(baseRoutes);
    showGrid(planView());
    fireEvent.click(await screen.findByText('按周'));
    await waitFor(() => expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('第1周'));
    expect(screen.queryByTestId('cell-A-100-0')).toBeNull();
    expect(within(rowOf('A-100')).getAllByText('30').length).toBeGreaterThan(0);
  });

  it('issue 16: importing an Excel file posts it once through the api client, with the plan version, and no second upload', async () => {
    const server = fakeServer({ ...baseRoutes, [`POST /production/plans/${PLAN_ID}/excel`]: { body: { version: 4 } } });
    const xhr = vi.spyOn(XMLHttpRequest.prototype, 'send');
    showGrid(planView());
    await screen.findByRole('button', { name: /导入 Excel/ });
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['x'], '计划.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByText('已导入')).toBeTruthy();
    const imports = server.calls.filter((c) => c.path.startsWith(`/production/plans/${PLAN_ID}/excel`));
    expect(imports.map((c) => [c.method, c.path])).toEqual([['POST', `/production/plans/${PLAN_ID}/excel?version=3`]]);
    expect((imports[0].body as FormData).get('file')).toBeInstanceOf(File);
    expect(xhr).not.toHaveBeenCalled();
  });
});

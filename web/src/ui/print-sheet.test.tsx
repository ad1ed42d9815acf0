import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, withProviders } from '../test-setup';
import { PrintSheet } from './print-sheet';

interface Line {
  name: string;
  qty: number;
}
const lines: Line[] = [
  { name: '钢板', qty: 12 },
  { name: '螺栓', qty: 300 },
];
const columns = [
  { key: 'name', title: '品名' },
  { key: 'qty', title: '数量', align: 'right' as const, render: (r: Line) => `${r.qty} 件` },
];

const bodyRows = () => within(document.querySelector('tbody') as HTMLElement).getAllByRole('row');

// Issue 16: the A4 forms every print page uses.
describe('PrintSheet (web/src/ui/print-sheet.tsx)', () => {
  it('issue 16: heads the form with the signed-in organisation’s name from /print/header, then the title and meta lines', async () => {
    const server = fakeServer({ 'GET /print/header': { body: { organisation: '示例机械有限公司' } } });
    render(withProviders(<PrintSheet title="生产计划表" meta={[{ label: '编号', value: 'PP-2026-03' }]} columns={columns} rows={lines} />));
    expect(await screen.findByText('示例机械有限公司')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('生产计划表');
    expect(document.querySelector('.zd-print-meta')?.textContent).toBe('编号：PP-2026-03');
    expect(server.calls.map((c) => c.path)).toEqual(['/print/header']);
  });

  it('issue 16: numbers the rows, renders cells by key or render, and pads a sign-in sheet with numbered blank rows', () => {
    fakeServer({ 'GET /print/header': { body: { organisation: '示例' } } });
    render(withProviders(<PrintSheet title="签到表" organisation="第一中学" columns={columns} rows={lines} minRows={5} />));
    expect(screen.getByText('第一中学')).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['序号', '品名', '数量']);
    const rows = bodyRows();
    expect(rows).toHaveLength(5);
    expect(rows[0].textContent).toBe('1钢板12 件');
    expect(rows[1].textContent).toBe('2螺栓300 件');
    expect(rows[4].textContent?.startsWith('5')).toBe(true);
    expect(rows[4].textContent?.slice(1).trim()).toBe('');
  });

  it('issue 16: has 编制 / 审核 / 批准 signature lines by default, none when given [], and fills a signed line', () => {
    fakeServer({ 'GET /print/header': { body: { organisation: '示例' } } });
    const first = render(withProviders(<PrintSheet title="表" organisation="甲" columns={columns} rows={[]} />));
    expect(screen.getAllByTestId('print-signature').map((s) => s.textContent?.split('：')[0])).toEqual(['编制', '审核', '批准']);
    first.unmount();
    const second = render(withProviders(<PrintSheet title="表" organisation="甲" columns={columns} rows={[]} signatures={[]} />));
    expect(screen.queryAllByTestId('print-signature')).toHaveLength(0);
    second.unmount();
    render(
      withProviders(
        <PrintSheet
          title="表"
          organisation="甲"
          columns={columns}
          rows={[]}
          signatures={[{ label: '批准', signer: '王总（总经理） 同意', date: '2026-03-01 10:20' }]}
        />,
      ),
    );
    const line = screen.getByTestId('print-signature');
    expect(line.textContent).toBe('批准：王总（总经理） 同意 日期：2026-03-01 10:20');
  });
});

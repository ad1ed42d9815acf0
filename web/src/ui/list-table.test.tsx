import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Tag } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setViewportWidth, withProviders } from '../test-setup';
import { ApiError } from './api';
import { noteQueryResult } from './connection';
import { type ListColumn, ListTable } from './list-table';

interface Person {
  id: string;
  name: string;
  dept: string;
  state: 'active' | 'left';
  note: string;
}

const people: Person[] = [
  { id: 'p1', name: '张三', dept: '生产部', state: 'active', note: '夜班' },
  { id: 'p2', name: '李四', dept: '质量部', state: 'left', note: '' },
  { id: 'p3', name: '王五', dept: '生产部', state: 'active', note: '' },
];

const onEdit = vi.fn();
const columns: ListColumn<Person>[] = [
  { key: 'name', title: '姓名', dataIndex: 'name', card: 'title' },
  { key: 'dept', title: '部门', dataIndex: 'dept' },
  { key: 'state', title: '状态', dataIndex: 'state', card: 'status', render: (v) => <Tag>{v === 'active' ? '在职' : '离职'}</Tag> },
  { key: 'note', title: '备注', dataIndex: 'note', card: 'hidden' },
  {
    key: 'actions',
    title: '操作',
    card: 'actions',
    render: (_v, r) => (
      <button type="button" onClick={() => onEdit(r.id)}>
        编辑
      </button>
    ),
  },
];

const show = (props: Partial<Parameters<typeof ListTable<Person>>[0]> = {}) =>
  render(withProviders(<ListTable<Person> rows={people} rowKey="id" columns={columns} testId="people" rowTestId={(r) => `person-${r.id}`} {...props} />));

// Issue 16: the list of every list page: a table on a laptop, cards on a 390 px phone.
describe('ListTable (web/src/ui/list-table.tsx)', () => {
  afterEach(() => {
    noteQueryResult(null);
    onEdit.mockReset();
  });

  it('issue 16: on a laptop shows a table with every column header and one row per record', () => {
    show();
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['姓名', '部门', '状态', '备注', '操作']);
    const row = screen.getByTestId('person-p1');
    expect(row.tagName).toBe('TR');
    expect(within(row).getByText('夜班')).toBeTruthy();
    expect(within(row).getByText('在职')).toBeTruthy();
    expect(document.querySelector('.list-card')).toBeNull();
  });

  it('issue 16: on a 390 px phone shows cards: title, status beside it, fields as “label value”, hidden columns left out, actions at the foot', async () => {
    setViewportWidth(390);
    show();
    const card = await screen.findByTestId('person-p1');
    expect(card.classList.contains('list-card')).toBe(true);
    expect(screen.queryByRole('columnheader')).toBeNull();
    expect(card.querySelector('.ant-card-head-title')?.textContent).toBe('张三');
    expect(card.querySelector('.list-card-status')?.textContent).toBe('在职');
    expect(within(card).getByText('部门')).toBeTruthy();
    expect(within(card).getByText('生产部')).toBeTruthy();
    expect(within(card).queryByText('备注')).toBeNull();
    expect(within(card).queryByText('夜班')).toBeNull();
    const actions = card.querySelector('.ant-card-actions');
    expect(actions && within(actions as HTMLElement).getByRole('button', { name: '编辑' })).toBeTruthy();
  });

  it('issue 16: a tap on a card’s action does not also open the row', async () => {
    setViewportWidth(390);
    const onRowClick = vi.fn();
    show({ onRowClick });
    const card = await screen.findByTestId('person-p2');
    fireEvent.click(within(card).getByRole('button', { name: '编辑' }));
    expect(onEdit).toHaveBeenCalledWith('p2');
    expect(onRowClick).not.toHaveBeenCalled();
    fireEvent.click(card);
    expect(onRowClick).toHaveBeenCalledWith(people[1]);
  });

  it('issue 16: the search box filters rows by the fields the page gives, case-insensitively', () => {
    show({ search: { label: { zh: '搜索姓名或部门', en: 'Search' }, fields: (r) => [r.name, r.dept] } });
    fireEvent.change(screen.getByLabelText('搜索姓名或部门'), { target: { value: '生产' } });
    expect(screen.queryByTestId('person-p2')).toBeNull();
    expect(screen.getByTestId('person-p1')).toBeTruthy();
    expect(screen.getByTestId('person-p3')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('搜索姓名或部门'), { target: { value: '李' } });
    expect(screen.getAllByTestId(/^person-/).map((r) => r.dataset.testid)).toEqual(['person-p2']);
  });

  it('issue 16: server-side search hands the query to the page instead of filtering', () => {
    const onQuery = vi.fn();
    show({
      search: { label: { zh: '搜索', en: 'Search' }, fields: (r) => [r.name] },
      server: { total: 3, page: 1, pageSize: 20, onChange: () => undefined, query: '', onQuery },
    });
    fireEvent.change(screen.getByLabelText('搜索'), { target: { value: '李' } });
    expect(onQuery).toHaveBeenCalledWith('李');
    expect(screen.getAllByTestId(/^person-/)).toHaveLength(3);
  });

  it('issue 16: an empty list shows the page’s own sentence, not a bare “no data”', () => {
    show({ rows: [], empty: { zh: '还没有人员', en: 'No people yet' } });
    expect(screen.getByText('还没有人员')).toBeTruthy();
  });

  it('issue 16: when the server cannot be reached the empty list says so instead of “no data” (table and cards)', async () => {
    noteQueryResult(new ApiError(0, 'NETWORK', '无法连接服务器'));
    const table = show({ rows: [], empty: { zh: '还没有人员', en: 'No people yet' } });
    expect(screen.getByText('无法连接服务器')).toBeTruthy();
    expect(screen.queryByText('还没有人员')).toBeNull();
    table.unmount();
    setViewportWidth(390);
    show({ rows: [] });
    await waitFor(() => expect(document.querySelector('.list-cards')).not.toBeNull());
    expect(screen.getByText('无法连接服务器')).toBeTruthy();
  });

  it('issue 16: pages 20 cards at a time on a phone', async () => {
    setViewportWidth(390);
    const many = Array.from({ length: 45 }, (_, i) => ({ id: `m${i}`, name: `人员${i}`, dept: '生产部', state: 'active' as const, note: '' }));
    show({ rows: many });
    await waitFor(() => expect(document.querySelectorAll('.list-card')).toHaveLength(20));
    expect(screen.getByTestId('person-m0')).toBeTruthy();
    expect(screen.queryByTestId('person-m20')).toBeNull();
  });
});

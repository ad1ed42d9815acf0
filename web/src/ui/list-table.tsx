import { Card, Empty, Grid, Input, List, Pagination, Space, Table, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type HTMLAttributes, type Key, type ReactNode, useMemo, useState } from 'react';
import { EmptyOrOffline, useOffline } from './connection';
import { type Text, tx, useI18n } from './i18n';

/**
 * One column of a list page. On a phone each row becomes a card: the `title` column heads it,
 * the `status` column sits beside the title, `actions` sit at the foot, the other columns are
 * shown as “label: value” unless marked `hidden`.
 */
export interface ListColumn<T> extends Omit<ColumnType<T>, 'title' | 'key' | 'dataIndex'> {
  key: string;
  title: ReactNode;
  dataIndex?: keyof T & string;
  card?: 'title' | 'status' | 'actions' | 'field' | 'hidden';
}

export interface ListTableProps<T> {
  rows: T[] | undefined;
  rowKey: keyof T & string;
  columns: ListColumn<T>[];
  loading?: boolean;
  /** A search box filtering rows by the words `search.fields` gives for each row (client side). */
  search?: { label: Text; fields: (row: T) => (string | null | undefined)[] };
  /** Server-side search and paging: the page owns the query; `total` counts all matching rows. */
  server?: { total: number; page: number; pageSize: number; onChange: (page: number, pageSize: number) => void; query: string; onQuery: (q: string) => void };
  empty?: Text;
  onRowClick?: (row: T) => void;
  scrollX?: number;
  pageSize?: number;
  testId?: string;
  rowTestId?: (row: T) => string;
  toolbar?: ReactNode;
}

const PAGE_SIZES = [20, 50, 100];

const cell = <T,>(c: ListColumn<T>, row: T, i: number): ReactNode => {
  const value = c.dataIndex ? (row[c.dataIndex] as unknown) : undefined;
  if (c.render) return c.render(value, row, i) as ReactNode;
  return value == null ? '' : String(value);
};

export function ListTable<T extends object>(props: ListTableProps<T>) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [localQuery, setLocalQuery] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(props.pageSize ?? 20);
  const query = props.server ? props.server.query : localQuery;
  const rows = useMemo(() => {
    const all = props.rows ?? [];
    const q = localQuery.trim().toLowerCase();
    if (props.server || !props.search || !q) return all;
    return all.filter((r) => props.search!.fields(r).some((f) => (f ?? '').toLowerCase().includes(q)));
  }, [props.rows, props.search, props.server, localQuery]);
  // Never "no data" when the server could not be asked (issue 15 item 9).
  const offline = useOffline();
  const emptyText = offline ? t(tx('无法连接服务器', 'Cannot reach the server')) : props.empty ? t(props.empty) : undefined;
  const current = props.server ? props.server.page : page;
  const size = props.server ? props.server.pageSize : pageSize;
  const onPage = (p: number, s: number) => {
    if (props.server) props.server.onChange(p, s);
    else {
      setPage(s === size ? p : 1);
      setPageSize(s);
    }
  };
  const pagination = {
    current,
    pageSize: size,
    total: props.server ? props.server.total : rows.length,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    hideOnSinglePage: false,
    onChange: onPage,
    size: 'small' as const,
  };

  const searchBox = props.search && (
    <Input.Search
      allowClear
      aria-label={t(props.search.label)}
      placeholder={t(props.search.label)}
      value={query}
      style={{ maxWidth: phone ? undefined : 320 }}
      data-testid={props.testId ? `${props.testId}-search` : undefined}
      onChange={(e) => {
        if (props.server) props.server.onQuery(e.target.value);
        else {
          setLocalQuery(e.target.value);
          setPage(1);
        }
      }}
    />
  );
  const toolbar = (searchBox || props.toolbar) && (
    <Space wrap style={{ marginBottom: 12, width: phone ? '100%' : undefined }} direction={phone ? 'vertical' : 'horizontal'}>
      {searchBox}
      {props.toolbar}
    </Space>
  );

  if (phone) {
    const titleCol = props.columns.find((c) => c.card === 'title') ?? props.columns[0];
    const statusCols = props.columns.filter((c) => c.card === 'status');
    const actionCols = props.columns.filter((c) => c.card === 'actions');
    const fields = props.columns.filter((c) => c !== titleCol && !['status', 'actions', 'hidden'].includes(c.card ?? 'field'));
    const shown = props.server ? rows : rows.slice((current - 1) * size, current * size);
    return (
      <div data-testid={props.testId} className="list-cards">
        {toolbar}
        <List<T>
          loading={props.loading}
          dataSource={shown}
          rowKey={(r) => String(r[props.rowKey] as Key)}
          locale={{ emptyText: emptyText ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> : <EmptyOrOffline /> }}
          renderItem={(r, i) => (
            <List.Item style={{ padding: '6px 0', border: 'none' }}>
              <Card
                size="small"
                className="list-card"
                data-testid={props.rowTestId?.(r)}
                style={{ width: '100%', cursor: props.onRowClick ? 'pointer' : undefined }}
                onClick={props.onRowClick ? () => props.onRowClick!(r) : undefined}
                title={
                  <Typography.Text strong ellipsis={{ tooltip: true }}>
                    {cell(titleCol, r, i)}
                  </Typography.Text>
                }
                extra={
                  statusCols.length > 0 && (
                    <Space size={4} wrap className="list-card-status">
                      {statusCols.map((c) => (
                        <span key={c.key}>{cell(c, r, i)}</span>
                      ))}
                    </Space>
                  )
                }
                actions={
                  actionCols.length
                    ? actionCols.map((c) => (
                        <div key={c.key} onClick={(e) => e.stopPropagation()}>
                          {cell(c, r, i)}
                        </div>
                      ))
                    : undefined
                }
              >
                {fields.map((c) => (
                  <div key={c.key} style={{ display: 'flex', gap: 8, minWidth: 0 }}>
                    <Typography.Text type="secondary" style={{ flex: 'none' }}>
                      {c.title}
                    </Typography.Text>
                    <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{cell(c, r, i)}</div>
                  </div>
                ))}
              </Card>
            </List.Item>
          )}
        />
        {pagination.total > size && <Pagination {...pagination} simple style={{ marginTop: 8, textAlign: 'center' }} />}
      </div>
    );
  }

  return (
    <div data-testid={props.testId}>
      {toolbar}
      <Table<T>
        rowKey={props.rowKey}
        size="small"
        tableLayout="fixed"
        loading={props.loading}
        dataSource={rows}
        locale={emptyText ? { emptyText } : undefined}
        scroll={props.scrollX ? { x: props.scrollX } : undefined}
        pagination={pagination}
        onRow={(r) =>
          ({
            ...(props.onRowClick ? { onClick: () => props.onRowClick!(r), style: { cursor: 'pointer' } } : {}),
            ...(props.rowTestId ? { 'data-testid': props.rowTestId(r) } : {}),
          }) as HTMLAttributes<HTMLElement>
        }
        columns={props.columns.map(({ card: _card, ...c }) => c as ColumnType<T>)}
      />
    </div>
  );
}

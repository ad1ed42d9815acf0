import { useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Grid, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { download, get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { orgTime } from '../../ui/time';
import type { AuditChange, AuditEntryView, AuditFacets } from '#core/audit';
import type { Wire } from '#core/validation';

// The shapes the audit API returns: the server's own types (src/core/audit/audit.contract.ts).
type Entry = Wire<AuditEntryView>;
type Facets = AuditFacets;
type Change = AuditChange;

interface Filters {
  actorId?: string;
  action?: string;
  entity?: string;
  record?: string;
  range?: [Dayjs, Dayjs] | null;
}

const PAGE = 100;

function valueText(v: unknown, en: boolean): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return en ? (v ? 'Yes' : 'No') : v ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => valueText(x, en)).join(en ? ', ' : '、');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return orgTime(v).format('YYYY-MM-DD HH:mm');
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${valueText(x, en)}`)
      .join('; ');
  return String(v);
}

/** Old → new per field, in words (issue 15 item 5). */
function ChangeList({ changes }: { changes: Change[] }) {
  const { t, locale } = useI18n();
  if (changes.length === 0) return <Typography.Text type="secondary">{t(tx('无字段变化', 'No field changed'))}</Typography.Text>;
  return (
    <table data-testid="audit-diff" style={{ borderCollapse: 'collapse' }}>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th style={{ textAlign: 'left', paddingRight: 12, fontWeight: 500, verticalAlign: 'top' }}>{t(c.label)}</th>
            <td style={{ verticalAlign: 'top' }}>
              <Typography.Text delete type="secondary">
                {valueText(c.before, locale === 'en')}
              </Typography.Text>
              {' → '}
              <Typography.Text strong>{valueText(c.after, locale === 'en')}</Typography.Text>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function queryString(f: Filters, beforeId?: number): string {
  const p = new URLSearchParams();
  if (f.actorId) p.set('actorId', f.actorId);
  if (f.action) p.set('action', f.action);
  if (f.entity) p.set('entity', f.entity);
  if (f.record?.trim()) p.set('record', f.record.trim());
  if (f.range?.[0]) p.set('from', f.range[0].format('YYYY-MM-DD'));
  if (f.range?.[1]) p.set('to', f.range[1].format('YYYY-MM-DD'));
  if (beforeId) p.set('beforeId', String(beforeId));
  return p.toString();
}

export function AuditPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isPhone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  // Cursors of the pages already passed: paging goes back and forth past 100 rows.
  const [cursors, setCursors] = useState<number[]>([]);
  const beforeId = cursors[cursors.length - 1];
  const facets = useQuery({ queryKey: ['audit', 'facets'], queryFn: () => get<Facets>('/audit/facets') });
  const q = useQuery({ queryKey: ['audit', filters, beforeId], queryFn: () => get<Entry[]>(`/audit?limit=${PAGE}&${queryString(filters, beforeId)}`) });
  const rows = q.data ?? [];
  const [exporting, setExporting] = useState(false);
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download(`/audit/export?${queryString(filters)}`, '审计日志.xlsx');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };
  const apply = (v: Filters) => {
    setCursors([]);
    setFilters(v);
  };
  const pageNo = cursors.length + 1;
  return (
    <Page
      title={tx('审计日志', 'Audit log')}
      extra={
        <Button data-testid="audit-export" loading={exporting} onClick={exportXlsx}>
          {t(tx('导出 Excel', 'Export to Excel'))}
        </Button>
      }
    >
      <ErrorAlert error={q.error ?? facets.error} />
      <Form form={form} layout={isPhone ? 'vertical' : 'inline'} onFinish={apply} style={{ marginBottom: 12, rowGap: 8 }} data-testid="audit-filters">
        <Form.Item name="actorId" label={t(tx('操作人', 'Person'))}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: isPhone ? '100%' : 150 }}
            placeholder={t(tx('全部', 'Anyone'))}
            options={facets.data?.actors.map((a) => ({ value: a.id, label: a.name ?? '—' }))}
          />
        </Form.Item>
        <Form.Item name="range" label={t(tx('日期', 'Dates'))}>
          <DatePicker.RangePicker aria-label={t(tx('日期', 'Dates'))} style={{ width: isPhone ? '100%' : 240 }} />
        </Form.Item>
        <Form.Item name="action" label={t(tx('操作', 'Action'))}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: isPhone ? '100%' : 180 }}
            placeholder={t(tx('全部', 'Any'))}
            options={facets.data?.actions.map((a) => ({ value: a.code, label: t(a.label) }))}
            data-testid="audit-action"
          />
        </Form.Item>
        <Form.Item name="entity" label={t(tx('对象类型', 'Record kind'))}>
          <Select
            allowClear
            style={{ width: isPhone ? '100%' : 140 }}
            placeholder={t(tx('全部', 'Any'))}
            options={facets.data?.entities.map((e) => ({ value: e.code, label: t(e.label) }))}
          />
        </Form.Item>
        <Form.Item name="record" label={t(tx('对象', 'Record'))}>
          <Input allowClear style={{ width: isPhone ? '100%' : 160 }} placeholder={t(tx('名称或编号', 'Name or number'))} data-testid="audit-record" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="audit-filter">
            {t(tx('筛选', 'Filter'))}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              apply({});
            }}
          >
            {t(tx('清除', 'Clear'))}
          </Button>
        </Space>
      </Form>
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={rows}
        pagination={false}
        data-testid="audit-table"
        expandable={{ expandedRowRender: (r) => <ChangeList changes={r.changes} />, rowExpandable: (r) => r.changes.length > 0 }}
        columns={[
          {
            title: t(tx('时间', 'Time')),
            dataIndex: 'at',
            width: isPhone ? 92 : 160,
            render: (v: string) => orgTime(v).format(isPhone ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm:ss'),
          },
          {
            title: t(tx('操作人', 'Person')),
            dataIndex: 'actorName',
            width: isPhone ? 70 : 110,
            ellipsis: true,
            render: (v: string | null) => v ?? t(tx('系统', 'System')),
          },
          {
            title: t(tx('操作', 'Action')),
            width: isPhone ? undefined : 160,
            render: (_: unknown, r: Entry) => (isPhone ? `${t(r.actionLabel)} · ${r.recordName}` : t(r.actionLabel)),
          },
          ...(isPhone
            ? []
            : [
                { title: t(tx('对象', 'Record')), ellipsis: true, render: (_: unknown, r: Entry) => `${t(r.entityLabel)} · ${r.recordName}` },
                {
                  title: t(tx('变更', 'Changes')),
                  ellipsis: true,
                  render: (_: unknown, r: Entry) => r.changes.map((c) => t(c.label)).join(t(tx('、', ', '))),
                },
              ]),
        ]}
      />
      <Space style={{ marginTop: 12 }} wrap>
        {cursors.length > 0 && (
          <Button data-testid="audit-newer" onClick={() => setCursors(cursors.slice(0, -1))}>
            {t(tx('上一页', 'Previous page'))}
          </Button>
        )}
        <Typography.Text type="secondary">{t(tx(`第 ${pageNo} 页`, `Page ${pageNo}`))}</Typography.Text>
        {rows.length === PAGE && (
          <Button data-testid="audit-older" onClick={() => setCursors([...cursors, rows[rows.length - 1].id])}>
            {t(tx('下一页（更早）', 'Next page (older)'))}
          </Button>
        )}
      </Space>
    </Page>
  );
}

import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Input, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { download, get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { type ListColumn, ListTable } from '../../ui/list-table';
import { useModuleOn } from '../../ui/modules';
import { ErrorAlert, Page } from '../../ui/page';
import { FindingDrawer } from './finding-drawer';
import { type Finding, type FindingFilter, type FindingList, type FindingState, filterQuery, formatYuan, STATE_LABELS, verdictLabel } from './finding.types';

interface Facets {
  rules: { ruleCode: string; clause: string }[];
  periods: string[];
}

export function FindingsPage() {
  const { t, locale } = useI18n();
  // Money penalties come from the production regulation (T2 七); a school's findings have none.
  const money = useModuleOn('production');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<FindingFilter>(() => ({
    state: (params.get('state') as FindingState | null) ?? undefined,
    ruleCode: params.get('ruleCode') ?? undefined,
    period: params.get('period') ?? undefined,
  }));
  const [subject, setSubject] = useState('');
  const query = filterQuery(filter);
  const list = useQuery({ queryKey: ['findings', query], queryFn: () => get<FindingList>(`/assessment/findings?limit=1000&${query}`) });
  const facets = useQuery({ queryKey: ['findings', 'facets'], queryFn: () => get<Facets>('/assessment/facets') });
  const exporting = useMutation({ mutationFn: () => download(`/assessment/findings/export?${query}`, 'findings.xlsx') });
  const openId = params.get('finding');
  const rows = useMemo(() => (list.data?.items ?? []).filter((f) => !subject.trim() || f.subjectLabel.includes(subject.trim())), [list.data, subject]);
  const shownAmount = rows.filter((f) => f.state !== 'withdrawn').reduce((s, f) => s + (f.amount ?? 0), 0);
  const en = locale === 'en';
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('finding', id);
    else next.delete('finding');
    setParams(next, { replace: true });
  };

  return (
    <Page
      title={tx('考核结果', 'Findings')}
      extra={
        <Space wrap>
          <Button icon={<FileExcelOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()}>
            {t(tx('导出 Excel', 'Export to Excel'))}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/assessment/print?${query}`)}>
            {t(tx('打印汇总表', 'Print summary'))}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={list.error ?? exporting.error} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={5}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t(tx('状态', 'State'))}
              placeholder={t(tx('状态', 'State'))}
              value={filter.state}
              onChange={(v: FindingState | undefined) => setFilter({ ...filter, state: v })}
              options={(Object.keys(STATE_LABELS) as FindingState[]).map((s) => ({ value: s, label: t(STATE_LABELS[s].text) }))}
            />
          </Col>
          <Col xs={12} md={5}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t(tx('期间', 'Period'))}
              placeholder={t(tx('期间', 'Period'))}
              value={filter.period}
              onChange={(v: string | undefined) => setFilter({ ...filter, period: v })}
              options={facets.data?.periods.map((p) => ({ value: p, label: p }))}
            />
          </Col>
          <Col xs={24} md={8}>
            <Select
              allowClear
              showSearch
              style={{ width: '100%' }}
              aria-label={t(tx('规则 / 条款', 'Rule / clause'))}
              placeholder={t(tx('规则 / 条款', 'Rule / clause'))}
              value={filter.ruleCode}
              onChange={(v: string | undefined) => setFilter({ ...filter, ruleCode: v })}
              options={facets.data?.rules.map((r) => ({ value: r.ruleCode, label: r.clause }))}
            />
          </Col>
          <Col xs={24} md={6}>
            <Input
              allowClear
              aria-label={t(tx('考核对象', 'Subject'))}
              placeholder={t(tx('考核对象', 'Subject'))}
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            />
          </Col>
        </Row>
      </Card>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title={t(tx('条数', 'Findings'))} value={subject ? rows.length : (list.data?.total.count ?? 0)} />
        </Col>
        {money && (
          <Col xs={12} md={6}>
            <Statistic
              title={t(tx('金额合计（不含已撤销）', 'Total amount (excl. withdrawn)'))}
              value={subject ? shownAmount : (list.data?.total.amount ?? 0)}
              precision={2}
              prefix="¥"
            />
          </Col>
        )}
      </Row>
      <ListTable<Finding>
        rowKey="id"
        testId="findings-table"
        loading={list.isLoading}
        rows={rows}
        pageSize={50}
        scrollX={960}
        empty={tx('暂无考核结果', 'No findings')}
        onRowClick={(f) => open(f.id)}
        columns={(
          [
            {
              key: 'subject',
              card: 'title',
              title: t(tx('考核对象', 'Subject')),
              dataIndex: 'subjectLabel',
              width: 180,
              fixed: 'left',
              ellipsis: { showTitle: true },
              sorter: (a, b) => a.subjectLabel.localeCompare(b.subjectLabel, 'zh-CN'),
            },
            { key: 'verdict', title: t(tx('结论', 'Verdict')), dataIndex: 'verdict', width: 100, ellipsis: true, render: (v: string) => t(verdictLabel(v)) },
            {
              key: 'amount',
              title: t(tx('金额', 'Amount')),
              dataIndex: 'amount',
              width: 120,
              align: 'right',
              sorter: (a, b) => (a.amount ?? 0) - (b.amount ?? 0),
              render: (_: unknown, f) => (
                <Space size={4}>
                  {formatYuan(f.amount)}
                  {f.isFalsified && <Tag color="red">×</Tag>}
                </Space>
              ),
            },
            {
              key: 'state',
              card: 'status',
              title: t(tx('状态', 'State')),
              dataIndex: 'state',
              width: 100,
              render: (s: FindingState) => <Tag color={STATE_LABELS[s].color}>{t(STATE_LABELS[s].text)}</Tag>,
            },
            {
              key: 'date',
              title: t(tx('日期', 'Date')),
              dataIndex: 'createdAt',
              width: 110,
              sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
              render: (v: string) => dayjs(v).format('YYYY-MM-DD'),
            },
            {
              key: 'clause',
              title: t(tx('依据', 'Clause')),
              dataIndex: 'clause',
              width: 150,
              ellipsis: true,
              render: (v: string) => (
                <Tag color="geekblue" style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {v}
                </Tag>
              ),
            },
            {
              key: 'summary',
              title: t(tx('说明', 'Summary')),
              width: 200,
              render: (_: unknown, f) => <Typography.Text ellipsis={{ tooltip: true }}>{en ? f.summaryEn : f.summaryZh}</Typography.Text>,
            },
          ] as ListColumn<Finding>[]
        ).filter((c) => money || c.key !== 'amount')}
      />
      <FindingDrawer id={openId} onClose={() => open(null)} />
    </Page>
  );
}

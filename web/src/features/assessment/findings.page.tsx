import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { download, get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { FindingDrawer } from './finding-drawer';
import { type Finding, type FindingFilter, type FindingList, type FindingState, filterQuery, formatYuan, STATE_LABELS, verdictLabel } from './finding.types';

interface Facets {
  rules: { ruleCode: string; clause: string }[];
  periods: string[];
}

export function FindingsPage() {
  const { t, locale } = useI18n();
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
  const rows = useMemo(
    () => (list.data?.items ?? []).filter((f) => !subject.trim() || f.subjectLabel.includes(subject.trim())),
    [list.data, subject],
  );
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
              placeholder={t(tx('规则 / 条款', 'Rule / clause'))}
              value={filter.ruleCode}
              onChange={(v: string | undefined) => setFilter({ ...filter, ruleCode: v })}
              options={facets.data?.rules.map((r) => ({ value: r.ruleCode, label: r.clause }))}
            />
          </Col>
          <Col xs={24} md={6}>
            <Input allowClear placeholder={t(tx('考核对象', 'Subject'))} value={subject} onChange={(e) => setSubject(e.target.value)} />
          </Col>
        </Row>
      </Card>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title={t(tx('条数', 'Findings'))} value={subject ? rows.length : (list.data?.total.count ?? 0)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t(tx('金额合计（不含已撤销）', 'Total amount (excl. withdrawn)'))} value={subject ? shownAmount : (list.data?.total.amount ?? 0)} precision={2} prefix="¥" />
        </Col>
      </Row>
      <Table<Finding>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 900 }}
        onRow={(f) => ({ onClick: () => open(f.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t(tx('日期', 'Date')), dataIndex: 'createdAt', width: 100, render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
          { title: t(tx('考核对象', 'Subject')), dataIndex: 'subjectLabel', width: 120 },
          { title: t(tx('依据', 'Clause')), dataIndex: 'clause', width: 110, render: (v: string) => <Tag color="geekblue">{v}</Tag> },
          { title: t(tx('说明', 'Summary')), render: (_: unknown, f) => <Typography.Text ellipsis={{ tooltip: true }}>{en ? f.summaryEn : f.summaryZh}</Typography.Text> },
          { title: t(tx('结论', 'Verdict')), dataIndex: 'verdict', width: 90, render: (v: string) => t(verdictLabel(v)) },
          {
            title: t(tx('金额', 'Amount')),
            dataIndex: 'amount',
            width: 120,
            align: 'right',
            render: (_: unknown, f) => (
              <Space size={4}>
                {formatYuan(f.amount)}
                {f.isFalsified && <Tag color="red">×</Tag>}
              </Space>
            ),
          },
          { title: t(tx('状态', 'State')), dataIndex: 'state', width: 90, render: (s: FindingState) => <Tag color={STATE_LABELS[s].color}>{t(STATE_LABELS[s].text)}</Tag> },
        ]}
      />
      <FindingDrawer id={openId} onClose={() => open(null)} />
    </Page>
  );
}

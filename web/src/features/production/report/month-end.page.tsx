import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Grid, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { download, get } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { fmt, pct } from '../production.labels';
import { CauseModal, ManualFindingModal } from './month-end.panels';
import { CAUSE_LABELS, MEASURE_LABELS } from './report.labels';
import type { MonthEndView, MonthRow } from './report.types';

/**
 * PP-18, PP-29 (T4 第三十四条, T2 (2011) 4.(1)): last month's plan against 进仓 per workshop and
 * product, the variances with their causes and corrective actions, the completion assessment.
 */
export function MonthEndPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const isMobile = !Grid.useBreakpoint().md;
  const [month, setMonth] = useState<string | undefined>();
  const [editing, setEditing] = useState<MonthRow | null>(null);
  const [manual, setManual] = useState(false);
  const q = useQuery({
    queryKey: ['production', 'month-end', month ?? ''],
    queryFn: () => get<MonthEndView>(`/production/month-end${month ? `?month=${month}` : ''}`),
  });
  const v = q.data;
  const exporting = useMutation({ mutationFn: () => download(`/production/month-end/export?month=${v!.month}`, `月度计划完成情况-${v!.month}.xlsx`) });
  const causeCell = (r: MonthRow) =>
    r.cause ? (
      <span>
        <Tag>{t(CAUSE_LABELS[r.cause.causeKind])}</Tag>
        {r.cause.cause}
        <Typography.Text type="secondary"> → {r.cause.correctiveAction}</Typography.Text>
        {r.canEnterCause && (
          <Button type="link" size="small" onClick={() => setEditing(r)}>
            {t(tx('修改', 'Edit'))}
          </Button>
        )}
      </span>
    ) : r.needsCause ? (
      <Space wrap size={4}>
        <Tag color="red">{t(tx('待填原因', 'Cause missing'))}</Tag>
        {r.canEnterCause && (
          <Button size="small" onClick={() => setEditing(r)} data-testid="cause-enter">
            {t(tx('填写原因', 'Enter cause'))}
          </Button>
        )}
      </Space>
    ) : null;
  const rows = (data: MonthRow[], testId: string) =>
    isMobile ? (
      <List
        data-testid={testId}
        dataSource={data}
        renderItem={(r) => (
          <Card size="small" style={{ marginBottom: 8 }}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <strong>
                  {r.workshopName} {r.name}
                </strong>
                <Tag color={r.isLarge ? 'red' : 'green'}>{pct(r.rate)}</Tag>
              </Space>
              <span>
                {t(
                  tx(
                    `计划 ${fmt(r.plan)} · 进仓 ${fmt(r.received)} · 完成 ${fmt(r.completed)} · 差异 ${fmt(r.variance)}${r.unit}`,
                    `Plan ${fmt(r.plan)} · in ${fmt(r.received)} · done ${fmt(r.completed)} · ${fmt(r.variance)}`,
                  ),
                )}
              </span>
              {causeCell(r)}
            </Space>
          </Card>
        )}
      />
    ) : (
      <Table<MonthRow>
        rowKey={(r) => `${r.workshopId}|${r.itemId}`}
        size="small"
        pagination={false}
        dataSource={data}
        data-testid={testId}
        columns={[
          { title: t(tx('车间', 'Workshop')), dataIndex: 'workshopName', width: 90 },
          { title: t(tx('产品', 'Product')), render: (_: unknown, r) => `${r.code} ${r.name}`, width: 200 },
          { title: t(tx('计划', 'Plan')), dataIndex: 'plan', align: 'right', render: (x: number) => fmt(x) },
          {
            title: t(tx('进仓', 'In')),
            dataIndex: 'received',
            align: 'right',
            render: (x: number, r) =>
              r.isFinalOperation || x > 0 ? fmt(x) : <Typography.Text type="secondary">{t(tx('交下道', 'handed on'))}</Typography.Text>,
          },
          { title: t(tx('报产量', 'Output')), dataIndex: 'output', align: 'right', render: (x: number) => fmt(x) },
          { title: t(tx('完成', 'Done')), dataIndex: 'completed', align: 'right', render: (x: number) => fmt(x) },
          {
            title: t(tx('差异', 'Variance')),
            dataIndex: 'variance',
            align: 'right',
            render: (x: number, r) => <Typography.Text type={r.isLarge ? 'danger' : undefined}>{fmt(x)}</Typography.Text>,
          },
          { title: t(tx('完成率', 'Rate')), dataIndex: 'rate', align: 'right', width: 70, render: (x: number | null) => pct(x) },
          { title: t(tx('原因与纠正措施', 'Cause and corrective action')), render: (_: unknown, r) => causeCell(r) },
        ]}
      />
    );
  return (
    <Page
      title={tx('月度统计', 'Month-end statistics')}
      extra={
        <Space wrap>
          <DatePicker
            aria-label={t(tx('月份', 'Month'))}
            picker="month"
            allowClear={false}
            value={v ? dayjs(`${v.month}-01`) : undefined}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
          <Button icon={<DownloadOutlined />} disabled={!v} loading={exporting.isPending} onClick={() => exporting.mutate()}>
            {t(tx('导出 Excel', 'Export'))}
          </Button>
          {can('production.plan.write') && v && <Button onClick={() => setManual(true)}>{t(tx('人工认定考核', 'Record a finding'))}</Button>}
        </Space>
      }
    >
      <ErrorAlert error={q.error ?? exporting.error} />
      {v && (
        <>
          <Alert
            type={v.isClosed ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            message={t(
              tx(
                `${v.month}：完成量${MEASURE_LABELS[v.measure].zh}计；差异超过计划的 ${pct(v.varianceShare)} 须分析原因、实施纠正措施（T4 第三十四条）${v.isClosed ? '' : '。本月尚未结束，数字仍会变化'}`,
                `${v.month}: completion ${MEASURE_LABELS[v.measure].en}; a variance above ${pct(v.varianceShare)} of plan needs a cause and a corrective action (T4 art. 34)${v.isClosed ? '' : '. The month is not over yet'}`,
              ),
            )}
          />
          <Typography.Title level={5}>
            {t(tx('各车间上月计划完成情况考核（依据 T2 附 4.(1)，按进仓数量）', 'Completion assessment per workshop (T2 appendix 4.(1), by 进仓)'))}
          </Typography.Title>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="month-end-workshops">
            {v.workshops.map((w) => (
              <Col key={w.workshopId} xs={24} sm={12} lg={8}>
                <Card size="small" title={w.workshopName}>
                  <Space size="large" wrap>
                    <Statistic title={t(tx('完成计划项', 'Lines completed'))} value={`${w.completedLines}/${w.lines}`} />
                    <Statistic title={t(tx('平均完成率', 'Mean rate'))} value={pct(w.meanRate)} />
                    <Statistic
                      title={t(tx('待填原因', 'Causes missing'))}
                      value={w.missingCauses}
                      valueStyle={w.missingCauses ? { color: '#cf1322' } : undefined}
                    />
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
          {rows(v.rows, 'month-end-rows')}
          {v.immature.length > 0 && (
            <Card
              size="small"
              style={{ marginTop: 12 }}
              title={t(tx('不成熟产品（另行专项考核，依据 T2 七.6）', 'Immature products (assessed on their own, T2 7.6)'))}
            >
              {rows(v.immature, 'month-end-immature')}
            </Card>
          )}
          <Card size="small" style={{ marginTop: 12 }} title={t(tx('该月执行考核（T2 七.2、七.3）', 'Execution penalties of the month (T2 7.2, 7.3)'))}>
            <List
              size="small"
              dataSource={v.findings}
              data-testid="month-end-findings"
              locale={{ emptyText: t(tx('没有执行考核', 'No penalties')) }}
              renderItem={(f) => (
                <List.Item>
                  <Link to={`/assessment?finding=${f.id}`}>
                    <Space wrap size={4}>
                      <Tag color="volcano">{f.clause}</Tag>
                      <span>{f.subjectLabel}</span>
                      <strong>
                        {fmt(f.amount)} {t(tx('元', 'yuan'))}
                      </strong>
                    </Space>
                  </Link>
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {t({ zh: f.summaryZh, en: f.summaryEn })}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <CauseModal month={v.month} row={editing} onClose={() => setEditing(null)} />
          <ManualFindingModal open={manual} view={v} onClose={() => setManual(false)} />
        </>
      )}
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Grid, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ChartOption, EChart } from '../../../ui/chart';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { get } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { fmt } from '../production.labels';
import type { Workshop } from '../production.types';
import { CoordinationPanel } from './coordination.panel';
import { MEASURE_LABELS } from './report.labels';
import type { ProgressView } from './report.types';

type ProgressRow = ProgressView['rows'][number];
const keyOf = (r: ProgressRow) => `${r.workshopId}|${r.itemId}`;
const rate = (done: number, plan: number) => (plan > 0 ? done / plan : null);
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
const label = (r: ProgressRow) => `${r.workshopName} ${r.name}`;

/** PP-18, PP-22: each workshop's plan against completion today, this week and this month, with the lag. */
export function ProgressPage() {
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const [params] = useSearchParams();
  const [date, setDate] = useState<string | undefined>();
  const [workshopId, setWorkshopId] = useState<string | undefined>();
  const [picked, setPicked] = useState<string | null>(null);
  const search = new URLSearchParams({ ...(date ? { date } : {}), ...(workshopId ? { workshopId } : {}) }).toString();
  const q = useQuery({ queryKey: ['production', 'progress', search], queryFn: () => get<ProgressView>(`/production/progress?${search}`) });
  const workshops = useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops') });
  const v = q.data;
  const chosen = v?.rows.find((r) => keyOf(r) === picked) ?? v?.rows.find((r) => r.isLagging) ?? v?.rows[0];

  const bars = useMemo<ChartOption | null>(() => {
    if (!v || v.rows.length === 0) return null;
    const rows = v.rows.filter((r) => r.month.planToDate > 0);
    return {
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (x) => `${x}%` },
      xAxis: { type: 'value', max: (m: { max: number }) => Math.max(110, Math.ceil(m.max / 10) * 10), axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rows.map(label), axisLabel: { width: isMobile ? 110 : 200, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t(tx('本月累计完成率', 'Month to date')),
          data: rows.map((r) => ({
            value: Math.round((rate(r.month.doneToDate, r.month.planToDate) ?? 0) * 1000) / 10,
            itemStyle: { color: r.isLagging ? '#cf1322' : '#389e0d' },
          })),
          markLine: {
            symbol: 'none',
            label: { formatter: t(tx('协调线', 'Coordination line')) },
            lineStyle: { color: '#faad14', type: 'dashed' },
            data: [{ xAxis: Math.round((1 - v.lagThresholdShare) * 100) }],
          },
        },
      ],
    };
  }, [v, isMobile, t]);

  const line = useMemo<ChartOption | null>(() => {
    if (!v || !chosen) return null;
    return {
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: v.days.map((d) => d.slice(5)) },
      yAxis: { type: 'value' },
      series: [
        { type: 'line', name: t(tx('累计计划', 'Planned to date')), data: chosen.cumPlan, lineStyle: { type: 'dashed' }, symbol: 'none' },
        { type: 'line', name: t(tx('累计完成', 'Completed to date')), data: chosen.cumDone, areaStyle: { opacity: 0.15 }, symbol: 'none' },
      ],
    };
  }, [v, chosen, t]);

  const status = (r: ProgressRow) =>
    r.isLagging ? (
      <Tag color="red">{t(tx(`落后 ${fmt(r.month.lagQty)}（${r.month.lagDays} 天）`, `Behind ${fmt(r.month.lagQty)} (${r.month.lagDays} d)`))}</Tag>
    ) : (
      <Tag color="green">{t(tx('正常', 'On track'))}</Tag>
    );
  return (
    <Page
      title={tx('计划完成情况', 'Plan against completion')}
      extra={
        <Space wrap>
          <DatePicker
            aria-label={t(tx('日期', 'Date'))}
            allowClear={false}
            value={dayjs(v?.date ?? undefined)}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
          <Select
            allowClear
            aria-label={t(tx('车间', 'Workshop'))}
            placeholder={t(tx('全部车间', 'All workshops'))}
            style={{ width: 130 }}
            value={workshopId}
            onChange={setWorkshopId}
            options={(workshops.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
          />
        </Space>
      }
    >
      <ErrorAlert error={q.error} />
      {v && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t(
              tx(
                `完成量${MEASURE_LABELS[v.measure].zh}计（依据 T2 附 4.(1)）；本月累计落后计划 ${pct(v.lagThresholdShare)} 以上即报生产部协调（T4 第三十四条）`,
                `Completion is counted ${MEASURE_LABELS[v.measure].en} (T2 appendix 4.(1)); more than ${pct(v.lagThresholdShare)} behind month to date goes to production for coordination (T4 art. 34)`,
              ),
            )}
          />
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={10}>
              <CoordinationPanel items={v.coordination} highlight={params.get('item')} />
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title={t(tx(`本月累计完成率（截至 ${v.asOf ?? v.date}）`, `Month to date (to ${v.asOf ?? v.date})`))}>
                {bars ? (
                  <EChart
                    option={bars}
                    height={Math.max(180, v.rows.length * 34 + 50)}
                    testId="progress-bars"
                    onClick={(e) => v.rows[e.dataIndex] && setPicked(keyOf(v.rows.filter((r) => r.month.planToDate > 0)[e.dataIndex]))}
                  />
                ) : (
                  <Typography.Text type="secondary">{t(tx('本月尚无计划', 'No plan this month'))}</Typography.Text>
                )}
              </Card>
            </Col>
            <Col span={24}>
              {isMobile ? (
                <List
                  data-testid="progress-rows"
                  dataSource={v.rows}
                  renderItem={(r) => (
                    <Card size="small" style={{ marginBottom: 8 }} onClick={() => setPicked(keyOf(r))} data-testid="progress-row">
                      <Space direction="vertical" size={2} style={{ width: '100%' }}>
                        <Space wrap>
                          <strong>{label(r)}</strong>
                          {status(r)}
                        </Space>
                        <span>
                          {t(
                            tx(
                              `今日 计划 ${fmt(r.today.plan)} / 完成 ${fmt(r.today.done)}${r.unit}`,
                              `Today planned ${fmt(r.today.plan)} / done ${fmt(r.today.done)}`,
                            ),
                          )}
                        </span>
                        <span>
                          {t(tx(`本周 ${fmt(r.week.doneToDate)} / ${fmt(r.week.planToDate)}`, `Week ${fmt(r.week.doneToDate)} / ${fmt(r.week.planToDate)}`))}
                        </span>
                        <span>
                          {t(
                            tx(
                              `本月 ${fmt(r.month.doneToDate)} / ${fmt(r.month.planToDate)}（${pct(rate(r.month.doneToDate, r.month.planToDate))}）`,
                              `Month ${fmt(r.month.doneToDate)} / ${fmt(r.month.planToDate)} (${pct(rate(r.month.doneToDate, r.month.planToDate))})`,
                            ),
                          )}
                        </span>
                      </Space>
                    </Card>
                  )}
                />
              ) : (
                <Table<ProgressRow>
                  rowKey={keyOf}
                  size="small"
                  pagination={false}
                  dataSource={v.rows}
                  data-testid="progress-rows"
                  onRow={(r) => ({ onClick: () => setPicked(keyOf(r)), style: { cursor: 'pointer' }, 'data-testid': 'progress-row' }) as object}
                  columns={[
                    { title: t(tx('车间', 'Workshop')), dataIndex: 'workshopName', width: 90 },
                    { title: t(tx('产品', 'Product')), render: (_: unknown, r) => `${r.code} ${r.name}` },
                    {
                      title: t(tx('今日计划/完成', 'Today plan / done')),
                      align: 'right',
                      render: (_: unknown, r) => `${fmt(r.today.plan)} / ${fmt(r.today.done)}`,
                    },
                    {
                      title: t(
                        tx(`本周累计计划/完成${v.asOf ? `（至 ${v.asOf.slice(5)}）` : ''}`, `Week plan / done${v.asOf ? ` (to ${v.asOf.slice(5)})` : ''}`),
                      ),
                      align: 'right',
                      render: (_: unknown, r) => `${fmt(r.week.planToDate)} / ${fmt(r.week.doneToDate)}`,
                    },
                    {
                      title: t(
                        tx(`本月累计计划/完成${v.asOf ? `（至 ${v.asOf.slice(5)}）` : ''}`, `Month plan / done${v.asOf ? ` (to ${v.asOf.slice(5)})` : ''}`),
                      ),
                      align: 'right',
                      render: (_: unknown, r) => `${fmt(r.month.planToDate)} / ${fmt(r.month.doneToDate)}`,
                    },
                    { title: t(tx('完成率', 'Rate')), align: 'right', width: 70, render: (_: unknown, r) => pct(rate(r.month.doneToDate, r.month.planToDate)) },
                    { title: t(tx('单位', 'Unit')), dataIndex: 'unit', width: 50 },
                    { title: t(tx('状态', 'Status')), width: 170, render: (_: unknown, r) => status(r) },
                  ]}
                />
              )}
            </Col>
            {line && chosen && (
              <Col span={24}>
                <Card size="small" title={t(tx(`${label(chosen)}：本月累计计划与完成`, `${label(chosen)}: month to date`))}>
                  <EChart option={line} height={260} testId="progress-line" />
                </Card>
              </Col>
            )}
          </Row>
        </>
      )}
    </Page>
  );
}

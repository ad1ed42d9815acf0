import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Grid, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ChartOption, EChart } from '../../../ui/chart';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { get, post } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { STATE_LABELS } from '../production.labels';
import type { MaintenanceBalance, SlotView } from './equipment.types';

const COLORS = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#13c2c2'];

/** One chart: each period's production load, maintenance and capacity per workshop (T4 第四十九条). */
function BalanceChart({ data }: { data: MaintenanceBalance }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const x = data.groups.map((g) => t(g.label).split(' ')[0]);
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 12, top: 56, bottom: 28 },
      xAxis: { type: 'category', data: x },
      yAxis: { type: 'value', name: 'h' },
      series: data.rows.flatMap((r, k) => [
        {
          name: `${r.workshopName} ${t(tx('生产负荷', 'load'))}`,
          type: 'bar',
          stack: r.workshopId,
          color: COLORS[k % COLORS.length],
          data: r.cells.map((c) => c.load ?? 0),
        },
        {
          name: `${r.workshopName} ${t(tx('保养占用', 'maintenance'))}`,
          type: 'bar',
          stack: r.workshopId,
          color: '#ff4d4f',
          itemStyle: { opacity: 0.55 + 0.15 * k },
          data: r.cells.map((c) => c.maintenanceCapacity),
        },
        {
          name: `${r.workshopName} ${t(tx('产能', 'capacity'))}`,
          type: 'line',
          color: COLORS[k % COLORS.length],
          lineStyle: { type: 'dashed' },
          symbol: 'diamond',
          data: r.cells.map((c) => c.capacity),
        },
      ]),
    } as ChartOption;
  }, [data, t]);
  return <EChart option={option} height={340} testId="maintenance-chart" />;
}

/** 当月设备保养计划，经生产部门综合平衡后实施: the chart, the advice, and the slots to move. */
export function MaintenanceBalancePanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const isPhone = !Grid.useBreakpoint().md;
  const [period, setPeriod] = useState<'month' | 'year'>('month');
  const [month, setMonth] = useState(dayjs());
  const query = period === 'month' ? `month=${month.format('YYYY-MM')}` : `year=${month.year()}`;
  const q = useQuery({
    queryKey: ['equipment', 'balance', query],
    queryFn: () => get<MaintenanceBalance>(`/production/equipment/maintenance/balance?${query}`),
  });
  const move = useMutation({
    mutationFn: ({ slot, plannedOn }: { slot: SlotView; plannedOn: string }) =>
      post(`/production/equipment/maintenance/slots/${slot.id}/move`, { version: slot.version, plannedOn }),
    onSuccess: () => {
      message.success('✓');
      qc.invalidateQueries({ queryKey: ['equipment', 'balance'] });
    },
  });
  const done = useMutation({
    mutationFn: (slot: SlotView) => post(`/production/equipment/maintenance/slots/${slot.id}/done`, { version: slot.version, actualHours: slot.hours }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['equipment', 'balance'] }),
  });
  const d = q.data;
  const canMove = (can('production.plan.write') || can('production.equipment.write')) && !!d?.isSplit && period === 'month';
  const groupOf = (day: string) => (d ? [...d.groups].reverse().find((g) => g.start <= day) : undefined);
  const tight = (s: SlotView) => !!d?.rows.find((r) => r.workshopId === s.workshopId)?.tight.includes(groupOf(s.plannedOn)?.start ?? '');
  const planned = (s: SlotView) =>
    canMove && s.state === 'planned' && d ? (
      <Select
        value={groupOf(s.plannedOn)?.start}
        style={{ width: 180 }}
        status={tight(s) ? 'warning' : undefined}
        onChange={(plannedOn) => move.mutate({ slot: s, plannedOn })}
        options={d.groups.map((g) => ({ value: g.start, label: t(g.label) }))}
        data-testid="slot-move"
      />
    ) : (
      <span>
        {s.plannedOn} {tight(s) && <Tag color="orange">{t(tx('偏紧', 'Tight'))}</Tag>}
      </span>
    );
  const stateOf = (s: SlotView) =>
    s.state === 'done' ? (
      <Tag color="green">{t(tx('已完成', 'Done'))}</Tag>
    ) : can('production.equipment.write') && s.id && period === 'month' ? (
      <Button size="small" onClick={() => done.mutate(s)}>
        {t(tx('完成', 'Done'))}
      </Button>
    ) : (
      <Tag>{t(tx('计划', 'Planned'))}</Tag>
    );
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented
          value={period}
          onChange={(v) => setPeriod(v as 'month' | 'year')}
          options={[
            { value: 'month', label: t(tx('按周（当月）', 'Weeks of a month')) },
            { value: 'year', label: t(tx('按月（全年）', 'Months of the year')) },
          ]}
        />
        <DatePicker picker={period === 'month' ? 'month' : 'year'} value={month} allowClear={false} onChange={(v) => v && setMonth(v)} />
      </Space>
      <ErrorAlert error={q.error ?? move.error ?? done.error} />
      {d && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {d.productionPlan ? (
              <span>
                {t(tx('生产负荷取自', 'Load from'))} <Link to={`/production/plans/${d.productionPlan.id}`}>{d.productionPlan.title}</Link>（
                {t(STATE_LABELS[d.productionPlan.state] ?? tx(d.productionPlan.state, d.productionPlan.state))}）
                {t(
                  tx('的产能检查；保养占用 = 保养工时 × 设备占车间产能比例。', '’s capacity check; maintenance = hours × the machine’s share of its workshop.'),
                )}
              </span>
            ) : (
              t(tx('该期间尚无生产计划，只显示保养工时。', 'No production plan for this period yet: maintenance only.'))
            )}
          </Typography.Paragraph>
          {!d.isSplit && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              message={t(
                tx('年度保养计划发放后生成当月保养安排；以下为按年度计划的预览。', 'The month’s slots come when the annual plan is issued; this is a preview.'),
              )}
            />
          )}
          <BalanceChart data={d} />
          {period === 'month' &&
            d.rows
              .filter((r) => r.tight.length > 0 && r.lightest)
              .map((r) => (
                <Alert
                  key={r.workshopId}
                  type="warning"
                  showIcon
                  style={{ marginBottom: 8 }}
                  data-testid="balance-advice"
                  message={t(
                    tx(
                      `${r.workshopName}：${r.tight.map((s) => t(d.groups.find((g) => g.start === s)!.label).split(' ')[0]).join('、')}保养与生产叠加超出产能，建议移至${t(d.groups.find((g) => g.start === r.lightest)!.label).split(' ')[0]}（余量最大）。`,
                      `${r.workshopName}: maintenance on top of the load exceeds capacity in ${r.tight.map((s) => t(d.groups.find((g) => g.start === s)!.label).split(' ')[0]).join(', ')}; the lightest is ${t(d.groups.find((g) => g.start === r.lightest)!.label).split(' ')[0]}.`,
                    ),
                  )}
                />
              ))}
          {isPhone ? (
            d.slots.map((s, i) => (
              <Card key={s.id ?? i} size="small" style={{ marginBottom: 8 }} data-testid="maintenance-slot">
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text strong>
                    {s.machineCode} {s.machineName}
                  </Typography.Text>
                  {stateOf(s)}
                </Space>
                <div>
                  <Typography.Text type="secondary">
                    {s.content} · {s.hours} h · {s.ownerName ?? ''}
                  </Typography.Text>
                </div>
                <div style={{ marginTop: 6 }}>{planned(s)}</div>
              </Card>
            ))
          ) : (
            <Table<SlotView>
              size="small"
              rowKey={(s) => s.id ?? `${s.machineId}|${s.plannedOn}`}
              dataSource={d.slots}
              pagination={false}
              scroll={{ x: 820 }}
              data-testid="maintenance-slots"
              columns={[
                { title: t(tx('设备', 'Machine')), width: 170, render: (_: unknown, s) => `${s.machineCode} ${s.machineName}` },
                { title: t(tx('车间', 'Workshop')), width: 90, render: (_: unknown, s) => d.rows.find((r) => r.workshopId === s.workshopId)?.workshopName },
                { title: t(tx('保养内容', 'Content')), dataIndex: 'content' },
                { title: t(tx('责任人', 'Owner')), dataIndex: 'ownerName', width: 80 },
                { title: t(tx('工时', 'Hours')), dataIndex: 'hours', width: 60, align: 'right' },
                { title: t(tx('安排在', 'Planned')), width: 200, render: (_: unknown, s) => planned(s) },
                { title: t(tx('状态', 'State')), width: 100, render: (_: unknown, s) => stateOf(s) },
              ]}
            />
          )}
        </>
      )}
    </div>
  );
}

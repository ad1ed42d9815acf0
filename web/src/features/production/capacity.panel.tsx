import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { type ChartOption, EChart } from '../../ui/chart';
import { useEffect, useMemo, useRef, useState } from 'react';
import { heatmapAxisLayout } from './capacity-axis';
import { del, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { COUNTERMEASURE_LABELS, fmt, pct } from './production.labels';
import type { CapacityView, Countermeasure, CoveredOverload, ItemLabel, PlanView } from './production.types';

/** PP-9: load against capacity per workshop and period, as a heat map people read at a glance. */
export function CapacityHeatmap({ capacity, items, height }: { capacity: CapacityView; items: Record<string, ItemLabel>; height?: number }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    if (!box.current) return;
    const observer = new ResizeObserver(([e]) => setWidth(Math.round(e.contentRect.width)));
    observer.observe(box.current);
    return () => observer.disconnect();
  }, []);
  const labels = useMemo(() => capacity.groups.map((g) => t(g.label)), [capacity, t]);
  // The y axis (workshop names) keeps 90 px on a desk, less on a phone.
  const left = width < 500 ? 64 : 90;
  const axis = heatmapAxisLayout(labels, width - left - 16);
  const option = useMemo<ChartOption>(() => {
    const { maxUtilisation, minUtilisation } = capacity.thresholds;
    const data = capacity.rows.flatMap((r, y) =>
      r.cells.map((c, x) => [x, y, c.utilisation === null ? (c.load > 0 ? 9.99 : 0) : Math.round(c.utilisation * 1000) / 10]),
    );
    return {
      tooltip: {
        formatter: (p) => {
          const [x, y] = (p as { value: number[] }).value;
          const row = capacity.rows[y];
          const cell = row.cells[x];
          const top = cell.items
            .slice(0, 5)
            .map((i) => `${items[i.itemId]?.code ?? ''} ${items[i.itemId]?.name ?? ''}：${fmt(i.hours, 1)} h`)
            .join('<br/>');
          return `${row.name} · ${t(capacity.groups[x].label)}<br/>${t(tx('负荷', 'Load'))} ${fmt(cell.load, 1)} h / ${t(tx('产能', 'Capacity'))} ${fmt(cell.capacity, 1)} h（${pct(cell.utilisation)}）${top ? `<br/>${top}` : ''}`;
        },
      },
      grid: { left, right: 16, top: 10, bottom: 40 + axis.height },
      xAxis: {
        type: 'category',
        data: axis.isTwoLines ? labels.map((l) => l.replace(' ', '\n')) : labels,
        splitArea: { show: true },
        axisLabel: { interval: 0, rotate: axis.rotate, fontSize: 12, hideOverlap: true },
      },
      yAxis: { type: 'category', data: capacity.rows.map((r) => r.name), splitArea: { show: true }, axisLabel: { width: left - 10, overflow: 'truncate' } },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        pieces: [
          { lt: minUtilisation * 100, color: '#fadb14', label: `< ${Math.round(minUtilisation * 100)}%` },
          {
            gte: minUtilisation * 100,
            lte: maxUtilisation * 100,
            color: '#52c41a',
            label: `${Math.round(minUtilisation * 100)}–${Math.round(maxUtilisation * 100)}%`,
          },
          { gt: maxUtilisation * 100, color: '#f5222d', label: `> ${Math.round(maxUtilisation * 100)}%` },
        ],
      },
      series: [{ type: 'heatmap', data, label: { show: true, formatter: (p) => `${(p.value as number[])[2]}%` } }],
    };
  }, [capacity, items, t, labels, left, axis.height, axis.isTwoLines, axis.rotate]);
  if (capacity.rows.length === 0) return <Typography.Text type="secondary">{t(tx('尚未维护车间产能', 'No workshops with capacity yet'))}</Typography.Text>;
  return (
    <div ref={box} data-testid="capacity-heatmap-box" data-axis-rotate={axis.rotate} data-axis-lines={axis.isTwoLines ? 2 : 1}>
      <EChart option={option} height={height ?? 60 + axis.height + capacity.rows.length * 48} testId="capacity-heatmap" />
    </div>
  );
}

function CountermeasureForm({ plan, overload, onDone }: { plan: PlanView; overload: CoveredOverload; onDone: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Countermeasure['kind']>('overtime');
  const [description, setDescription] = useState('');
  // Issue 14 item 2: an answer states the hours it takes off, or the share of load it moves out.
  const [measure, setMeasure] = useState<'hours' | 'share'>('hours');
  const [amount, setAmount] = useState<number | null>(Math.ceil(overload.missingHours * 10) / 10);
  const [bucketEnd, setBucketEnd] = useState(overload.start);
  const later = plan.capacityGroups.filter((g) => g.start >= overload.start);
  const save = useMutation({
    mutationFn: () =>
      post(`/production/plans/${plan.id}/countermeasures`, {
        workshopId: overload.workshopId,
        bucketStart: overload.start,
        bucketEnd: bucketEnd === overload.start ? null : bucketEnd,
        kind,
        description,
        extraHours: measure === 'hours' ? amount : null,
        sharePct: measure === 'share' ? amount : null,
      }),
    onSuccess: () => {
      setDescription('');
      onDone();
    },
  });
  return (
    <div>
      <ErrorAlert error={save.error} />
      <Space wrap>
        <Select
          value={kind}
          onChange={setKind}
          style={{ width: 120 }}
          options={Object.entries(COUNTERMEASURE_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
          data-testid="cm-kind"
        />
        <Input
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder={t(tx('应对措施，如：周日加一个班次', 'e.g. one extra shift on Sunday'))}
          style={{ width: 240 }}
          data-testid="cm-description"
        />
        <Select
          value={measure}
          onChange={setMeasure}
          style={{ width: 150 }}
          data-testid="cm-measure"
          options={[
            { value: 'hours', label: t(tx('解决工时', 'Hours answered')) },
            { value: 'share', label: t(tx('转出/外协比例', 'Share moved out')) },
          ]}
        />
        <InputNumber
          value={amount}
          onChange={(v) => setAmount(v)}
          min={0}
          max={measure === 'share' ? 100 : undefined}
          addonAfter={measure === 'share' ? '%' : 'h'}
          style={{ width: 130 }}
          data-testid="cm-amount"
        />
        {later.length > 1 && (
          <Select
            value={bucketEnd}
            onChange={setBucketEnd}
            style={{ width: 190 }}
            data-testid="cm-until"
            options={later.map((g) => ({
              value: g.start,
              label: g.start === overload.start ? t(tx('仅本期间', 'This period only')) : `${t(tx('至', 'Through'))} ${t(g.label)}`,
            }))}
          />
        )}
        <Button type="primary" loading={save.isPending} disabled={description.trim().length < 2 || !amount} onClick={() => save.mutate()} data-testid="cm-save">
          {t(tx('记录措施', 'Record'))}
        </Button>
      </Space>
    </div>
  );
}

/** The capacity verdict of a plan: heat map, overloads with their countermeasures, far-below report. */
export function CapacityPanel({ plan, preview }: { plan: PlanView; preview?: CapacityView | null }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const capacity = preview ?? plan.capacity;
  const refresh = () => qc.invalidateQueries({ queryKey: ['production', 'plan', plan.id] });
  const remove = useMutation({
    mutationFn: (c: Countermeasure) => del(`/production/plans/${plan.id}/countermeasures/${c.id}?version=${c.version}`),
    onSuccess: () => {
      message.success('✓');
      refresh();
    },
  });
  const answers = (o: CoveredOverload) =>
    plan.countermeasures.filter((c) => c.workshopId === o.workshopId && o.start >= c.bucketStart && o.start <= (c.bucketEnd ?? c.bucketStart));
  const verdict = (c: Countermeasure) => plan.countermeasureCheck.find((v) => v.id === c.id);
  const groupLabel = (start: string) => plan.capacityGroups.find((g) => g.start === start)?.label;
  return (
    <Card size="small" title={t(tx('产能分析（T4 第十九条）', 'Capacity analysis (T4 art. 19)'))} data-testid="capacity-panel">
      {plan.capacityCalendarChangedOn && !preview && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="calendar-changed"
          message={t(
            tx(
              `车间产能日历已于 ${plan.capacityCalendarChangedOn} 变更，产能分析已按新日历重算`,
              `The workshop calendar changed on ${plan.capacityCalendarChangedOn}; capacity was recomputed on the new calendar`,
            ),
          )}
        />
      )}
      {preview && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={t(tx('显示的是尚未保存的修改的产能预览', 'Showing the capacity of your unsaved edits'))}
        />
      )}
      {capacity ? (
        <CapacityHeatmap capacity={capacity} items={plan.items} />
      ) : (
        <Typography.Text type="secondary">{t(tx('保存计划后自动分析产能', 'Capacity is analysed when the plan is saved'))}</Typography.Text>
      )}
      <ErrorAlert error={remove.error} />
      {plan.allOverloads.length > 0 && (
        <List
          size="small"
          header={
            <Typography.Text strong>
              {t(tx('超出产能的车间和期间：须记录应对措施后才能提交', 'Over capacity: record countermeasures before submitting'))}
            </Typography.Text>
          }
          dataSource={plan.allOverloads}
          // Each form keeps its own overload's draft when another overload is answered.
          rowKey={(o) => `${o.workshopId}:${o.start}`}
          data-testid="overloads"
          renderItem={(o) => (
            <List.Item>
              <div style={{ width: '100%' }} data-testid="overload">
                <Space wrap>
                  <Tag color={o.isCovered ? 'green' : o.coveredHours > 0 ? 'orange' : 'red'}>
                    {o.isCovered ? t(tx('措施已覆盖', 'Covered')) : o.coveredHours > 0 ? t(tx('措施不足', 'Not enough')) : t(tx('待处理', 'Open'))}
                  </Tag>
                  <Typography.Text strong>
                    {o.workshopName} {t(o.label)}
                  </Typography.Text>
                  <span>
                    {fmt(o.load, 1)} h / {fmt(o.capacity, 1)} h（{pct(o.utilisation)}）
                  </span>
                  <span data-testid="overload-hours">
                    {t(tx(`超出 ${fmt(o.excessHours, 1)} h`, `${fmt(o.excessHours, 1)} h over`))}
                    {o.isCovered ? '' : t(tx(`，尚差 ${fmt(o.missingHours, 1)} h`, `, ${fmt(o.missingHours, 1)} h short`))}
                  </span>
                </Space>
                {answers(o).map((c) => (
                  <div key={c.id} style={{ marginTop: 4 }}>
                    <Tag>{t(COUNTERMEASURE_LABELS[c.kind])}</Tag>
                    {c.description}
                    {c.extraHours ? ` ${fmt(c.extraHours, 1)} h` : ''}
                    {c.sharePct ? ` ${fmt(c.sharePct, 1)}%` : ''}
                    {c.bucketEnd && c.bucketEnd !== c.bucketStart
                      ? ` · ${t(groupLabel(c.bucketStart) ?? tx(c.bucketStart, c.bucketStart))} – ${t(groupLabel(c.bucketEnd) ?? tx(c.bucketEnd, c.bucketEnd))}`
                      : ''}
                    {verdict(c) && !verdict(c)?.isSufficient && (
                      <Tag color="orange" style={{ marginLeft: 6 }}>
                        {t(tx('不足以解决超出工时', 'Does not cover the hours over'))}
                      </Tag>
                    )}
                    {plan.canEdit && (
                      <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t(tx('删除', 'Remove'))} onClick={() => remove.mutate(c)} />
                    )}
                  </div>
                ))}
                {plan.canEdit && !o.isCovered && (
                  <div style={{ marginTop: 6 }}>
                    <CountermeasureForm plan={plan} overload={o} onDone={refresh} />
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
      {plan.underloads.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={t(tx('远低于生产能力，提交时自动向领导报告', 'Far below capacity: reported to the leaders on submission'))}
          description={plan.underloads.map((u) => `${u.workshopName} ${t(u.label)} ${pct(u.utilisation)}`).join('；')}
        />
      )}
      {capacity && capacity.outOfHorizon.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t(tx('计划期外的工序负荷（如上月末灌装）：', 'Load outside the plan (e.g. filling at the end of last month): '))}
          {fmt(
            capacity.outOfHorizon.reduce((s, o) => s + o.hours, 0),
            1,
          )}{' '}
          h
        </Typography.Paragraph>
      )}
    </Card>
  );
}

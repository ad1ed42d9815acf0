import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { del, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { EChart } from './echart';
import { COUNTERMEASURE_LABELS, fmt, pct } from './production.labels';
import type { CapacityView, Countermeasure, ItemLabel, Overload, PlanView } from './production.types';

/** PP-9: load against capacity per workshop and period, as a heat map people read at a glance. */
export function CapacityHeatmap({ capacity, items, height }: { capacity: CapacityView; items: Record<string, ItemLabel>; height?: number }) {
  const { t } = useI18n();
  const option = useMemo<EChartsOption>(() => {
    const { maxUtilisation, minUtilisation } = capacity.thresholds;
    const data = capacity.rows.flatMap((r, y) => r.cells.map((c, x) => [x, y, c.utilisation === null ? (c.load > 0 ? 9.99 : 0) : Math.round(c.utilisation * 1000) / 10]));
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
      grid: { left: 90, right: 16, top: 10, bottom: 70 },
      xAxis: { type: 'category', data: capacity.groups.map((g) => t(g.label)), splitArea: { show: true }, axisLabel: { interval: 0, rotate: capacity.groups.length > 8 ? 45 : 0 } },
      yAxis: { type: 'category', data: capacity.rows.map((r) => r.name), splitArea: { show: true } },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        pieces: [
          { lt: minUtilisation * 100, color: '#fadb14', label: `< ${Math.round(minUtilisation * 100)}%` },
          { gte: minUtilisation * 100, lte: maxUtilisation * 100, color: '#52c41a', label: `${Math.round(minUtilisation * 100)}–${Math.round(maxUtilisation * 100)}%` },
          { gt: maxUtilisation * 100, color: '#f5222d', label: `> ${Math.round(maxUtilisation * 100)}%` },
        ],
      },
      series: [{ type: 'heatmap', data, label: { show: true, formatter: (p) => `${(p.value as number[])[2]}%` } }],
    };
  }, [capacity, items, t]);
  if (capacity.rows.length === 0) return <Typography.Text type="secondary">{t(tx('尚未维护车间产能', 'No workshops with capacity yet'))}</Typography.Text>;
  return <EChart option={option} height={height ?? 90 + capacity.rows.length * 48} testId="capacity-heatmap" />;
}

function CountermeasureForm({ plan, overload, onDone }: { plan: PlanView; overload: Overload; onDone: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Countermeasure['kind']>('overtime');
  const [description, setDescription] = useState('');
  const [extraHours, setExtraHours] = useState<number | null>(Math.max(0, Math.round((overload.load - overload.capacity) * 10) / 10));
  const save = useMutation({
    mutationFn: () => post(`/production/plans/${plan.id}/countermeasures`, { workshopId: overload.workshopId, bucketStart: overload.start, kind, description, extraHours }),
    onSuccess: () => {
      setDescription('');
      onDone();
    },
  });
  return (
    <div>
      <ErrorAlert error={save.error} />
      <Space wrap>
        <Select value={kind} onChange={setKind} style={{ width: 120 }} options={Object.entries(COUNTERMEASURE_LABELS).map(([value, label]) => ({ value, label: t(label) }))} data-testid="cm-kind" />
        <Input value={description} onChange={(e) => setDescription(e.target.value)} placeholder={t(tx('应对措施，如：周日加一个班次', 'e.g. one extra shift on Sunday'))} style={{ width: 260 }} data-testid="cm-description" />
        <InputNumber value={extraHours} onChange={(v) => setExtraHours(v)} min={0} addonAfter="h" style={{ width: 130 }} />
        <Button type="primary" loading={save.isPending} disabled={description.trim().length < 2} onClick={() => save.mutate()} data-testid="cm-save">
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
  const covered = (o: Overload) => plan.countermeasures.filter((c) => c.workshopId === o.workshopId && c.bucketStart === o.start);
  return (
    <Card size="small" title={t(tx('产能分析（T4 第十九条）', 'Capacity analysis (T4 art. 19)'))} data-testid="capacity-panel">
      {preview && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t(tx('显示的是尚未保存的修改的产能预览', 'Showing the capacity of your unsaved edits'))} />
      )}
      {capacity ? <CapacityHeatmap capacity={capacity} items={plan.items} /> : <Typography.Text type="secondary">{t(tx('保存计划后自动分析产能', 'Capacity is analysed when the plan is saved'))}</Typography.Text>}
      <ErrorAlert error={remove.error} />
      {plan.allOverloads.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t(tx('超出产能的车间和期间：须记录应对措施后才能提交', 'Over capacity: record countermeasures before submitting'))}</Typography.Text>}
          dataSource={plan.allOverloads}
          data-testid="overloads"
          renderItem={(o) => (
            <List.Item>
              <div style={{ width: '100%' }} data-testid="overload">
                <Space wrap>
                  <Tag color={covered(o).length ? 'green' : 'red'}>{covered(o).length ? t(tx('已有措施', 'Answered')) : t(tx('待处理', 'Open'))}</Tag>
                  <Typography.Text strong>
                    {o.workshopName} {t(o.label)}
                  </Typography.Text>
                  <span>
                    {fmt(o.load, 1)} h / {fmt(o.capacity, 1)} h（{pct(o.utilisation)}）
                  </span>
                </Space>
                {covered(o).map((c) => (
                  <div key={c.id} style={{ marginTop: 4 }}>
                    <Tag>{t(COUNTERMEASURE_LABELS[c.kind])}</Tag>
                    {c.description}
                    {c.extraHours ? ` +${fmt(c.extraHours, 1)} h` : ''}
                    {plan.canEdit && <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t(tx('删除', 'Remove'))} onClick={() => remove.mutate(c)} />}
                  </div>
                ))}
                {plan.canEdit && covered(o).length === 0 && (
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
          {fmt(capacity.outOfHorizon.reduce((s, o) => s + o.hours, 0), 1)} h
        </Typography.Paragraph>
      )}
    </Card>
  );
}

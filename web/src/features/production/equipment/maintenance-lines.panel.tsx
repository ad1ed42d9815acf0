import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Grid, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { get } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { CYCLES } from './equipment.labels';
import type { MachineSummary, MaintenanceLineView } from './equipment.types';

export type EditLine = {
  id?: string;
  machineId: string;
  cycle: MaintenanceLineView['cycle'];
  content: string;
  ownerUserId: string | null;
  ownerName?: string | null;
  hours: number;
  months: number[];
  week: number;
};

const PER_YEAR = { monthly: 12, quarterly: 4, half_yearly: 2, yearly: 1 } as const;
/** The months a cycle suggests from January (the server checks the count against the cycle). */
const monthsOf = (cycle: EditLine['cycle']) => Array.from({ length: PER_YEAR[cycle] }, (_, k) => 1 + k * (12 / PER_YEAR[cycle]));

/** Per machine: cycle, content, owner, hours and planned months (T4 第四十八条 规定保养周期和责任人). */
export function MaintenanceLinesPanel({ lines, editable, onChange }: { lines: EditLine[]; editable: boolean; onChange: (l: EditLine[]) => void }) {
  const { t } = useI18n();
  const machines = useQuery({ queryKey: ['equipment', 'machines', ''], queryFn: () => get<MachineSummary[]>('/production/equipment/machines') });
  const people = useQuery({
    queryKey: ['equipment', 'people'],
    queryFn: () => get<{ id: string; displayName: string }[]>('/production/equipment/people'),
    enabled: editable,
  });
  const isPhone = !Grid.useBreakpoint().md;
  const byId = new Map((machines.data ?? []).map((m) => [m.id, m]));
  const set = (i: number, patch: Partial<EditLine>) => onChange(lines.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  const addMissing = () => {
    const have = new Set(lines.map((l) => l.machineId));
    const missing = (machines.data ?? []).filter((m) => m.state !== 'retired' && !have.has(m.id));
    onChange([
      ...lines,
      ...missing.map((m) => ({
        machineId: m.id,
        cycle: 'quarterly' as const,
        content: '定期保养',
        ownerUserId: m.ownerUserId,
        hours: 8,
        months: monthsOf('quarterly'),
        week: 2,
      })),
    ]);
  };
  const monthOptions = Array.from({ length: 12 }, (_, k) => ({ value: k + 1, label: t(tx(`${k + 1}月`, `M${k + 1}`)) }));
  const monthsText = (l: EditLine) => l.months.map((m) => t(tx(`${m}月`, `M${m}`))).join('、');
  // A phone reads the plan (the GM approving): one card per machine, nothing hidden sideways.
  if (isPhone && !editable) {
    return (
      <div data-testid="maintenance-lines">
        {lines.map((l, i) => (
          <Card key={i} size="small" style={{ marginBottom: 8 }}>
            <Typography.Text strong>
              {byId.get(l.machineId)?.code} {byId.get(l.machineId)?.name}
            </Typography.Text>
            <div>
              {t(CYCLES[l.cycle])} · {monthsText(l)} · {t(tx(`第${l.week}周`, `week ${l.week}`))} · {l.hours} h
            </div>
            <Typography.Text type="secondary">
              {l.content}
              {l.ownerName ? ` · ${l.ownerName}` : ''}
            </Typography.Text>
          </Card>
        ))}
      </div>
    );
  }
  return (
    <div>
      {editable && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              onChange([...lines, { machineId: '', cycle: 'quarterly', content: '', ownerUserId: null, hours: 8, months: monthsOf('quarterly'), week: 2 }])
            }
          >
            {t(tx('添加一行', 'Add a line'))}
          </Button>
          <Button onClick={addMissing} data-testid="maintenance-add-all">
            {t(tx('加入未列入计划的设备', 'Add the machines not in the plan'))}
          </Button>
        </Space>
      )}
      <Table<EditLine & { _k: number }>
        size="small"
        rowKey="_k"
        pagination={false}
        dataSource={lines.map((l, k) => ({ ...l, _k: k }))}
        scroll={{ x: 1100 }}
        data-testid="maintenance-lines"
        columns={[
          {
            title: t(tx('设备', 'Machine')),
            width: 200,
            fixed: 'left',
            render: (_: unknown, l, i) =>
              editable ? (
                <Select
                  showSearch
                  optionFilterProp="label"
                  value={l.machineId || undefined}
                  style={{ width: 185 }}
                  onChange={(v) => set(i, { machineId: v })}
                  options={(machines.data ?? []).map((m) => ({ value: m.id, label: `${m.code} ${m.name}` }))}
                />
              ) : (
                `${byId.get(l.machineId)?.code ?? ''} ${byId.get(l.machineId)?.name ?? ''}`
              ),
          },
          { title: t(tx('车间', 'Workshop')), width: 90, render: (_: unknown, l) => byId.get(l.machineId)?.workshopName ?? '' },
          {
            title: t(tx('保养周期', 'Cycle')),
            width: 110,
            render: (_: unknown, l, i) =>
              editable ? (
                <Select
                  value={l.cycle}
                  style={{ width: 100 }}
                  onChange={(v) => set(i, { cycle: v, months: monthsOf(v) })}
                  options={Object.entries(CYCLES).map(([value, c]) => ({ value, label: t(c) }))}
                />
              ) : (
                t(CYCLES[l.cycle])
              ),
          },
          {
            title: t(tx('保养内容', 'Content')),
            width: 220,
            render: (_: unknown, l, i) => (editable ? <Input value={l.content} onChange={(e) => set(i, { content: e.target.value })} /> : l.content),
          },
          {
            title: t(tx('责任人', 'Owner')),
            width: 120,
            render: (_: unknown, l, i) =>
              editable ? (
                <Select
                  allowClear
                  value={l.ownerUserId ?? undefined}
                  style={{ width: 110 }}
                  onChange={(v) => set(i, { ownerUserId: v ?? null })}
                  options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
                />
              ) : (
                (l.ownerName ?? '')
              ),
          },
          {
            title: t(tx('每次工时', 'Hours each')),
            width: 100,
            render: (_: unknown, l, i) =>
              editable ? <InputNumber min={0.5} max={744} value={l.hours} onChange={(v) => set(i, { hours: v ?? 1 })} style={{ width: 80 }} /> : l.hours,
          },
          {
            title: t(tx('计划月份', 'Months')),
            width: 230,
            render: (_: unknown, l, i) =>
              editable ? (
                <Select
                  mode="multiple"
                  optionFilterProp="label"
                  value={l.months}
                  style={{ width: 215 }}
                  onChange={(v) => set(i, { months: [...v].sort((a, b) => a - b) })}
                  options={monthOptions}
                />
              ) : (
                monthsText(l)
              ),
          },
          {
            title: t(tx('第几周', 'Week')),
            width: 80,
            render: (_: unknown, l, i) =>
              editable ? <InputNumber min={1} max={5} value={l.week} onChange={(v) => set(i, { week: v ?? 1 })} style={{ width: 60 }} /> : l.week,
          },
          ...(editable
            ? [
                {
                  title: '',
                  width: 48,
                  render: (_: unknown, __: EditLine, i: number) => (
                    <Button
                      type="text"
                      aria-label={t(tx('删除', 'Remove'))}
                      icon={<DeleteOutlined />}
                      onClick={() => onChange(lines.filter((_x, k) => k !== i))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

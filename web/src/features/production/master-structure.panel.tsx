import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { type ChartOption, EChart } from '../../ui/chart';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { del, get, patch, post, put } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { ExcelButtons } from './excel-buttons';
import { fmt, WEEKDAY_ZH } from './production.labels';
import type { Item, Workshop } from './production.types';
import type { BomLineView, CapacityCalendarRow } from '#production';

type BomLine = BomLineView;

function useItems() {
  return useQuery({ queryKey: ['production', 'items'], queryFn: () => get<Item[]>('/production/items') });
}

/** Multi-level BOM with scrap and yield (T4 第二十八条 材料定额标准及合格率). */
export function BomPanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const items = useItems();
  const [parent, setParent] = useState<string>();
  const [child, setChild] = useState<string>();
  const [qtyPer, setQtyPer] = useState<number | null>(1);
  const [scrap, setScrap] = useState<number | null>(0);
  const [yieldRate, setYield] = useState<number | null>(1);
  const lines = useQuery({
    queryKey: ['production', 'bom', parent],
    queryFn: () => get<BomLine[]>(`/production/bom?parentItemId=${parent}`),
    enabled: !!parent,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['production', 'bom'] });
  const add = useMutation({
    mutationFn: () => post('/production/bom', { parentItemId: parent, childItemId: child, qtyPer, scrapRate: scrap ?? 0, yieldRate: yieldRate ?? 1 }),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (l: BomLine) => del(`/production/bom/${l.id}?version=${l.version}`), onSuccess: refresh });
  const options = (items.data ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }));
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t(tx('选择父件', 'Choose a parent'))}
          style={{ width: 260 }}
          value={parent}
          onChange={setParent}
          options={options}
        />
        <ExcelButtons table="production-bom" label={t(tx('物料清单', 'BOM'))} />
      </Space>
      <ErrorAlert error={lines.error ?? add.error ?? remove.error} />
      {parent && (
        <>
          <Table<BomLine>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={lines.data}
            scroll={{ x: 600 }}
            columns={[
              { title: t(tx('子件', 'Component')), render: (_: unknown, l) => `${l.childCode} ${l.childName}` },
              { title: t(tx('单位用量', 'Qty per')), dataIndex: 'qtyPer', width: 100, render: (v: number, l) => `${fmt(v, 4)} ${l.childUnit}` },
              { title: t(tx('损耗率', 'Scrap')), dataIndex: 'scrapRate', width: 80, render: (v: number) => `${fmt(v * 100)}%` },
              { title: t(tx('合格率', 'Yield')), dataIndex: 'yieldRate', width: 80, render: (v: number) => `${fmt(v * 100)}%` },
              {
                title: '',
                width: 50,
                render: (_: unknown, l) => can('production.master.write') && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove.mutate(l)} />,
              },
            ]}
          />
          {can('production.master.write') && (
            <Space wrap style={{ marginTop: 8 }}>
              <Select
                showSearch
                optionFilterProp="label"
                placeholder={t(tx('子件', 'Component'))}
                style={{ width: 220 }}
                value={child}
                onChange={setChild}
                options={options.filter((o) => o.value !== parent)}
              />
              <InputNumber value={qtyPer} onChange={setQtyPer} min={0.000001} addonBefore={t(tx('用量', 'Qty'))} />
              <InputNumber value={scrap} onChange={setScrap} min={0} max={0.99} step={0.01} addonBefore={t(tx('损耗', 'Scrap'))} />
              <InputNumber value={yieldRate} onChange={setYield} min={0.01} max={1} step={0.01} addonBefore={t(tx('合格率', 'Yield'))} />
              <Button icon={<PlusOutlined />} disabled={!child || !qtyPer} onClick={() => add.mutate()} loading={add.isPending}>
                {t(tx('添加', 'Add'))}
              </Button>
            </Space>
          )}
        </>
      )}
    </div>
  );
}

interface Op {
  id?: string;
  seq: number;
  workshopId: string;
  hoursPerUnit: number;
  offsetDays: number;
  version?: number;
}

/** Routings through the workshops: hours per unit, and the working days before the product's day. */
export function RoutingPanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const items = useItems();
  const workshops = useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops') });
  const [itemId, setItemId] = useState<string>();
  const ops = useQuery({ queryKey: ['production', 'routing', itemId], queryFn: () => get<Op[]>(`/production/routings?itemId=${itemId}`), enabled: !!itemId });
  const [draft, setDraft] = useState<Op[] | null>(null);
  useEffect(() => {
    if (itemId || ops.data) setDraft(null);
  }, [itemId, ops.data]);
  const shown = draft ?? ops.data ?? [];
  const save = useMutation({
    mutationFn: () =>
      put(`/production/items/${itemId}/routing`, {
        ops: shown.map(({ seq, workshopId, hoursPerUnit, offsetDays }) => ({ seq, workshopId, hoursPerUnit, offsetDays })),
        versions: Object.fromEntries((ops.data ?? []).map((o) => [o.id, o.version])),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['production', 'routing', itemId] }),
  });
  const set = (i: number, p: Partial<Op>) => setDraft(shown.map((o, k) => (k === i ? { ...o, ...p } : o)));
  const editable = can('production.master.write');
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t(tx('选择物料', 'Choose an item'))}
          style={{ width: 260 }}
          value={itemId}
          onChange={setItemId}
          options={(items.data ?? []).filter((i) => i.source !== 'buy').map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
        />
        <ExcelButtons table="production-routings" label={t(tx('工艺路线', 'Routings'))} />
      </Space>
      <ErrorAlert error={ops.error ?? save.error} />
      {itemId && (
        <>
          <Table<Op>
            rowKey={(_, i) => String(i)}
            size="small"
            pagination={false}
            dataSource={shown}
            scroll={{ x: 600 }}
            columns={[
              {
                title: t(tx('工序号', 'Op')),
                width: 90,
                render: (_: unknown, o, i) => (editable ? <InputNumber min={1} value={o.seq} onChange={(v) => set(i, { seq: v ?? 1 })} /> : o.seq),
              },
              {
                title: t(tx('车间', 'Workshop')),
                render: (_: unknown, o, i) => (
                  <Select
                    disabled={!editable}
                    value={o.workshopId}
                    style={{ width: 140 }}
                    onChange={(v) => set(i, { workshopId: v })}
                    options={(workshops.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
                  />
                ),
              },
              {
                title: t(tx('单位工时（小时）', 'Hours per unit')),
                width: 150,
                render: (_: unknown, o, i) =>
                  editable ? <InputNumber min={0} step={0.001} value={o.hoursPerUnit} onChange={(v) => set(i, { hoursPerUnit: v ?? 0 })} /> : o.hoursPerUnit,
              },
              {
                title: t(tx('提前工作日（负数=提前）', 'Offset working days')),
                width: 170,
                render: (_: unknown, o, i) =>
                  editable ? <InputNumber min={-30} max={30} value={o.offsetDays} onChange={(v) => set(i, { offsetDays: v ?? 0 })} /> : o.offsetDays,
              },
              ...(editable
                ? [
                    {
                      title: '',
                      width: 50,
                      render: (_: unknown, __: Op, i: number) => (
                        <Button type="text" icon={<DeleteOutlined />} onClick={() => setDraft(shown.filter((_x, k) => k !== i))} />
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {editable && (
            <Space style={{ marginTop: 8 }}>
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  setDraft([...shown, { seq: (shown.at(-1)?.seq ?? 0) + 10, workshopId: workshops.data?.[0]?.id ?? '', hoursPerUnit: 0, offsetDays: 0 }])
                }
              >
                {t(tx('添加工序', 'Add an operation'))}
              </Button>
              <Button type="primary" disabled={!draft} onClick={() => save.mutate()} loading={save.isPending}>
                {t(tx('保存工艺路线', 'Save the routing'))}
              </Button>
            </Space>
          )}
        </>
      )}
    </div>
  );
}

/** Workshops with their shifts and lines, and the capacity calendar a month ahead (PP-9). */
export function WorkshopsPanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Workshop | 'new' | null>(null);
  const [exception, setException] = useState<Workshop | null>(null);
  const [form] = Form.useForm();
  const [exForm] = Form.useForm();
  const list = useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops') });
  const from = dayjs().format('YYYY-MM-DD');
  const to = dayjs().add(34, 'day').format('YYYY-MM-DD');
  const calendar = useQuery({
    queryKey: ['production', 'capacity-calendar', from],
    queryFn: () => get<CapacityCalendarRow[]>(`/production/capacity-calendar?from=${from}&to=${to}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['production'] });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      editing === 'new'
        ? post('/production/workshops', v)
        : patch(`/production/workshops/${(editing as Workshop).id}`, { ...v, version: (editing as Workshop).version }),
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
  });
  const setDay = useMutation({
    mutationFn: (v: { day: dayjs.Dayjs; hours: number; note?: string }) =>
      put(`/production/workshops/${exception!.id}/days/${v.day.format('YYYY-MM-DD')}`, { hours: v.hours, note: v.note }),
    onSuccess: () => {
      setException(null);
      refresh();
    },
  });
  const chart = useMemo<ChartOption>(() => {
    const days = Array.from({ length: 35 }, (_, k) => dayjs(from).add(k, 'day').format('MM-DD'));
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: (calendar.data ?? []).map((w) => w.name) },
      grid: { left: 50, right: 16, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', name: 'h' },
      series: (calendar.data ?? []).map((w) => ({ name: w.name, type: 'bar', data: w.hours })),
    };
  }, [calendar.data, from]);
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        {can('production.master.write') && (
          <Button
            type="primary"
            onClick={() => {
              form.resetFields();
              setEditing('new');
            }}
          >
            {t(tx('新增车间', 'New workshop'))}
          </Button>
        )}
        <ExcelButtons table="production-workshops" label={t(tx('车间与产能', 'Workshops'))} />
      </Space>
      <ErrorAlert error={list.error ?? calendar.error} />
      <Table<Workshop>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data}
        scroll={{ x: 760 }}
        columns={[
          { title: t(tx('编码', 'Code')), dataIndex: 'code', width: 80 },
          {
            title: t(tx('车间', 'Workshop')),
            dataIndex: 'name',
            render: (v: string, w) =>
              can('production.master.write') ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => {
                    form.setFieldsValue(w);
                    setEditing(w);
                  }}
                >
                  {v}
                </Button>
              ) : (
                v
              ),
          },
          {
            title: t(tx('班次×小时×线', 'Shifts × hours × lines')),
            width: 170,
            render: (_: unknown, w) => `${w.shiftsPerDay} × ${w.hoursPerShift} × ${w.lines}${w.efficiency !== 1 ? ` × ${w.efficiency}` : ''}`,
          },
          {
            title: t(tx('工作日', 'Working days')),
            dataIndex: 'workingWeekdays',
            width: 160,
            render: (d: number[]) => d.map((x) => WEEKDAY_ZH[x - 1]).join(''),
          },
          {
            title: '',
            width: 110,
            render: (_: unknown, w) =>
              can('production.master.write') && (
                <Button
                  size="small"
                  onClick={() => {
                    exForm.resetFields();
                    setException(w);
                  }}
                >
                  {t(tx('加班/停产日', 'Exception day'))}
                </Button>
              ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t(tx('未来 5 周产能日历（小时/天；节假日、调休与例外日已计入）', 'Capacity calendar, next 5 weeks (hours a day)'))}
      </Typography.Title>
      <EChart option={chart} height={260} />
      <Modal open={!!editing} title={t(tx('车间', 'Workshop'))} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={save.isPending}>
        <ErrorAlert error={save.error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ shiftsPerDay: 1, hoursPerShift: 8, lines: 1, efficiency: 1, workingWeekdays: [1, 2, 3, 4, 5] }}
          onFinish={(v) => save.mutate(v)}
        >
          <Space wrap>
            <Form.Item name="code" label={t(tx('编码', 'Code'))} rules={[{ required: true }]}>
              <Input style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="name" label={t(tx('名称', 'Name'))} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="shiftsPerDay" label={t(tx('班次/天', 'Shifts'))}>
              <InputNumber min={0} max={4} />
            </Form.Item>
            <Form.Item name="hoursPerShift" label={t(tx('每班小时', 'Hours/shift'))}>
              <InputNumber min={0} max={24} />
            </Form.Item>
            <Form.Item name="lines" label={t(tx('生产线数', 'Lines'))}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="efficiency" label={t(tx('效率', 'Efficiency'))}>
              <InputNumber min={0.1} max={2} step={0.05} />
            </Form.Item>
          </Space>
          <Form.Item name="workingWeekdays" label={t(tx('工作日', 'Working days'))}>
            <Checkbox.Group options={WEEKDAY_ZH.map((d, i) => ({ value: i + 1, label: `周${d}` }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!exception}
        title={`${exception?.name ?? ''} ${t(tx('例外日（加班或停产）', 'Exception day'))}`}
        onCancel={() => setException(null)}
        onOk={() => exForm.submit()}
        confirmLoading={setDay.isPending}
      >
        <ErrorAlert error={setDay.error} />
        <Form form={exForm} layout="vertical" initialValues={{ day: dayjs(), hours: 0 }} onFinish={(v) => setDay.mutate(v)}>
          <Form.Item name="day" label={t(tx('日期', 'Date'))}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="hours" label={t(tx('当日产能（小时，0 = 停产）', 'Hours that day (0 = stop)'))}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="note" label={t(tx('说明', 'Note'))}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

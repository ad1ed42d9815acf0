import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, InputNumber, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { del, get, post, put } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { ExcelButtons } from './excel-buttons';
import { fmt } from './production.labels';
import type { Item, Workshop } from './production.types';
import type { BomLineView } from '#production';

type BomLine = BomLineView;

function useItems() {
  return useQuery({ queryKey: ['production', 'items'], queryFn: () => get<Item[]>('/production/items') });
}

/** The searchable item picker above the BOM and routing tables. */
function ItemSelect(props: { placeholder: string; value?: string; onChange: (id: string) => void; options: { value: string; label: string }[] }) {
  return (
    <Select
      showSearch
      optionFilterProp="label"
      placeholder={props.placeholder}
      style={{ width: 260 }}
      value={props.value}
      onChange={props.onChange}
      options={props.options}
    />
  );
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
        <ItemSelect placeholder={t(tx('选择父件', 'Choose a parent'))} value={parent} onChange={setParent} options={options} />
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
        <ItemSelect
          placeholder={t(tx('选择物料', 'Choose an item'))}
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

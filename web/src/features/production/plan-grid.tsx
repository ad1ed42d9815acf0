import { DeleteOutlined, DownloadOutlined, PlusOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, InputNumber, Segmented, Select, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api, download, get, post, put } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { bucketTitle, fmt } from './production.labels';
import type { CapacityView, Item, PlanLine, PlanView } from './production.types';

interface Row {
  key: string;
  itemId: string;
  code: string;
  name: string;
  spec: string;
  unit: string;
  forecastQty: number | null;
  quantities: number[];
  total: number;
  note: string;
  isTotal?: boolean;
  isDirty?: boolean;
}

const sum = (q: number[]) => Math.round(q.reduce((s, x) => s + x, 0) * 1000) / 1000;

/**
 * The plan grid (PP-8): products × days (or months), edited in place. Only changed rows are
 * sent; each edit redraws the capacity check from the server within half a second (PP-9).
 * Virtual rows keep a 2,000-product plan smooth.
 */
export function PlanGrid({ plan, onPreview }: { plan: PlanView; onPreview: (c: CapacityView | null) => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [edits, setEdits] = useState<Map<string, PlanLine>>(new Map());
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<{ itemId: string; k: number } | null>(null);
  const [filter, setFilter] = useState('');
  const [mode, setMode] = useState<'bucket' | 'week'>('bucket');
  const [adding, setAdding] = useState<string | undefined>();
  const isDirty = edits.size > 0 || removed.size > 0;
  const editable = plan.canEdit;
  const items = useQuery({ queryKey: ['production', 'items'], queryFn: () => get<Item[]>('/production/items'), enabled: editable });
  const rows = useMemo<Row[]>(() => {
    const labelOf = (itemId: string) => plan.items[itemId] ?? items.data?.find((i) => i.id === itemId) ?? { code: '?', name: '', spec: '', unit: '' };
    const base = plan.lines.filter((l) => !removed.has(l.itemId)).map((l) => edits.get(l.itemId) ?? l);
    const added = [...edits.values()].filter((e) => !plan.lines.some((l) => l.itemId === e.itemId));
    const all = [...base, ...added].map((l): Row => {
      const label = labelOf(l.itemId);
      return {
        key: l.itemId,
        itemId: l.itemId,
        code: label.code,
        name: label.name,
        spec: label.spec,
        unit: label.unit,
        forecastQty: l.forecastQty,
        quantities: l.quantities,
        total: sum(l.quantities),
        note: l.note,
        isDirty: edits.has(l.itemId),
      };
    });
    const needle = filter.trim().toLowerCase();
    const shown = needle ? all.filter((r) => r.code.toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle)) : all;
    const totals = plan.buckets.map((_, k) => sum(all.map((r) => r.quantities[k] ?? 0)));
    const total: Row = {
      key: '__total',
      itemId: '',
      code: t(tx('合计', 'Total')),
      name: t(tx(`${all.length} 个品种`, `${all.length} products`)),
      spec: '',
      unit: '',
      forecastQty: sum(all.map((r) => r.forecastQty ?? 0)),
      quantities: totals,
      total: sum(totals),
      note: '',
      isTotal: true,
    };
    return [total, ...shown];
  }, [plan, edits, removed, filter, items.data, t]);

  // Redraw the capacity check for unsaved edits, at most twice a second.
  useEffect(() => {
    if (!isDirty) return;
    const timer = setTimeout(() => {
      post<CapacityView>(`/production/plans/${plan.id}/capacity-preview`, { upsert: [...edits.values()], remove: [...removed] })
        .then(onPreview)
        .catch(() => undefined);
    }, 500);
    return () => clearTimeout(timer);
  }, [edits, removed, isDirty, plan.id, onPreview]);

  const change = (itemId: string, patch: Partial<PlanLine>) => {
    const current = edits.get(itemId) ??
      plan.lines.find((l) => l.itemId === itemId) ?? { itemId, forecastQty: null, quantities: plan.buckets.map(() => 0), total: 0, note: '' };
    const next = { ...current, ...patch };
    setEdits(new Map(edits).set(itemId, { ...next, total: sum(next.quantities) }));
  };
  const setCell = (itemId: string, k: number, value: number) => {
    const current = edits.get(itemId) ?? plan.lines.find((l) => l.itemId === itemId);
    const quantities = [...(current?.quantities ?? plan.buckets.map(() => 0))];
    quantities[k] = value;
    change(itemId, { quantities });
  };
  const reset = () => {
    setEdits(new Map());
    setRemoved(new Set());
    onPreview(null);
  };
  const refresh = () => qc.invalidateQueries({ queryKey: ['production', 'plan', plan.id] });

  const save = useMutation({
    mutationFn: () =>
      put(`/production/plans/${plan.id}/lines`, { version: plan.version, upsert: [...edits.values()].map(({ total: _t, ...l }) => l), remove: [...removed] }),
    onSuccess: () => {
      reset();
      message.success(t(tx('已保存，产能已重新分析', 'Saved; capacity re-analysed')));
      refresh();
    },
  });
  const action = useMutation({
    mutationFn: (what: 'copy-previous' | 'fill-demand') => post(`/production/plans/${plan.id}/${what}`, { version: plan.version }),
    onSuccess: () => {
      reset();
      refresh();
    },
  });
  const importFile = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api('POST', `/production/plans/${plan.id}/excel?version=${plan.version}`, form);
    },
    onSuccess: () => {
      reset();
      message.success(t(tx('已导入', 'Imported')));
      refresh();
    },
  });
  const confirmReplace = (what: 'copy-previous' | 'fill-demand') =>
    modal.confirm({
      title: what === 'copy-previous' ? t(tx('复制上月计划', 'Copy last month')) : t(tx('按销售计划和订单生成', 'Fill from demand')),
      content: t(tx('将替换当前全部明细。确定？', 'This replaces every line. Continue?')),
      onOk: () => action.mutate(what),
    });

  const weekly = mode === 'week' && plan.bucket === 'day';
  const columnsFor = weekly
    ? plan.capacityGroups.map((g) => ({ title: t(g.label).split(' ')[0], buckets: plan.buckets.flatMap((_d, k) => (isInGroup(plan, g.start, k) ? [k] : [])) }))
    : plan.buckets.map((d, k) => ({ title: bucketTitle(d, plan.bucket), buckets: [k] }));
  const cellWidth = weekly ? 90 : plan.bucket === 'day' ? 64 : 84;
  const columns = [
    {
      title: t(tx('编码', 'Code')),
      dataIndex: 'code',
      width: 96,
      fixed: 'left' as const,
      render: (v: string, r: Row) => (r.isTotal ? <strong>{v}</strong> : <span style={{ color: r.isDirty ? '#d46b08' : undefined }}>{v}</span>),
    },
    {
      title: t(tx('品名', 'Name')),
      dataIndex: 'name',
      width: 150,
      fixed: 'left' as const,
      ellipsis: true,
      render: (v: string, r: Row) => (r.isTotal ? <strong>{v}</strong> : `${v}${r.spec ? ` ${r.spec}` : ''}`),
    },
    {
      title: t(tx('预估量', 'Forecast')),
      dataIndex: 'forecastQty',
      width: 90,
      render: (v: number | null, r: Row) =>
        r.isTotal || !editable ? (
          fmt(v)
        ) : (
          <InputNumber
            size="small"
            min={0}
            value={v ?? undefined}
            placeholder={fmt(r.total)}
            style={{ width: 80 }}
            onChange={(x) => change(r.itemId, { forecastQty: x ?? null })}
            variant="borderless"
            data-testid={`forecast-${r.code}`}
          />
        ),
    },
    ...columnsFor.map((c) => ({
      title: c.title,
      key: c.buckets.join('-'),
      width: cellWidth,
      align: 'right' as const,
      render: (_: unknown, r: Row) => {
        const value = sum(c.buckets.map((k) => r.quantities[k] ?? 0));
        const k = c.buckets[0];
        if (r.isTotal) return <strong>{fmt(value)}</strong>;
        if (!editable || weekly) return value ? fmt(value) : '';
        if (editing?.itemId === r.itemId && editing.k === k) {
          return (
            <InputNumber
              size="small"
              autoFocus
              min={0}
              defaultValue={value}
              style={{ width: cellWidth - 8 }}
              data-testid="grid-input"
              onBlur={(e) => {
                const x = Number((e.target as HTMLInputElement).value.replace(/,/g, ''));
                if (Number.isFinite(x) && x >= 0 && x !== value) setCell(r.itemId, k, x);
                setEditing(null);
              }}
              onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
            />
          );
        }
        return (
          <div style={{ minHeight: 22, cursor: 'text' }} onClick={() => setEditing({ itemId: r.itemId, k })} data-testid={`cell-${r.code}-${k}`}>
            {value ? fmt(value) : ''}
          </div>
        );
      },
    })),
    {
      title: t(tx('合计', 'Total')),
      dataIndex: 'total',
      width: 100,
      fixed: 'right' as const,
      align: 'right' as const,
      render: (v: number, r: Row) => <strong data-testid={r.isTotal ? 'grid-total' : undefined}>{fmt(v)}</strong>,
    },
    ...(editable
      ? [
          {
            title: '',
            key: 'remove',
            width: 44,
            fixed: 'right' as const,
            render: (_: unknown, r: Row) =>
              r.isTotal ? null : (
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t(tx('删除行', 'Remove row'))}
                  onClick={() => setRemoved(new Set(removed).add(r.itemId))}
                />
              ),
          },
        ]
      : []),
  ];
  const width = 96 + 150 + 90 + columnsFor.length * cellWidth + 100 + (editable ? 44 : 0);
  const error = save.error ?? action.error ?? importFile.error;
  const isConflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';

  return (
    <div data-testid="plan-grid">
      {isConflict ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(
            tx('计划已被他人修改，您的修改未保存。请刷新后重新修改。', 'Someone else changed the plan; your edits were not saved. Reload and edit again.'),
          )}
          action={
            <Button
              size="small"
              onClick={() => {
                reset();
                refresh();
              }}
            >
              {t(tx('刷新', 'Reload'))}
            </Button>
          }
        />
      ) : (
        <ErrorAlert error={error} />
      )}
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search
          aria-label={t(tx('按编码或品名筛选', 'Filter by code or name'))}
          placeholder={t(tx('按编码或品名筛选', 'Filter by code or name'))}
          allowClear
          onChange={(e) => setFilter(e.target.value)}
          style={{ width: 200 }}
        />
        {plan.bucket === 'day' && (
          <Segmented
            value={mode}
            onChange={(v) => setMode(v as 'bucket' | 'week')}
            options={[
              { label: t(tx('按日', 'Days')), value: 'bucket' },
              { label: t(tx('按周', 'Weeks')), value: 'week' },
            ]}
          />
        )}
        {editable && (
          <>
            <Select
              showSearch
              placeholder={t(tx('添加产品', 'Add a product'))}
              style={{ width: 200 }}
              value={adding}
              onChange={(id: string) => {
                setAdding(undefined);
                if (!rows.some((r) => r.itemId === id)) change(id, { quantities: plan.buckets.map(() => 0), forecastQty: null, note: '' });
              }}
              optionFilterProp="label"
              options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
              suffixIcon={<PlusOutlined />}
              data-testid="grid-add"
            />
            <Button type="primary" icon={<SaveOutlined />} disabled={!isDirty} loading={save.isPending} onClick={() => save.mutate()} data-testid="grid-save">
              {t(tx('保存', 'Save'))}
            </Button>
            {isDirty && <Button onClick={reset}>{t(tx('放弃修改', 'Discard'))}</Button>}
            {plan.kind !== 'special' && plan.kind !== 'temporary' && plan.kind !== 'weekly' && (
              <>
                <Button onClick={() => confirmReplace('fill-demand')} loading={action.isPending} data-testid="grid-fill">
                  {t(tx('按需求生成', 'Fill from demand'))}
                </Button>
                <Button onClick={() => confirmReplace('copy-previous')} loading={action.isPending}>
                  {t(tx('复制上期', 'Copy last period'))}
                </Button>
              </>
            )}
          </>
        )}
        <Button icon={<DownloadOutlined />} onClick={() => download(`/production/plans/${plan.id}/excel`, `${plan.title}.xlsx`)}>
          {t(tx('导出 Excel', 'Export Excel'))}
        </Button>
        {editable && can('excel.import') && (
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(f) => {
              importFile.mutate(f);
              // The api client sends the file; false stops Upload posting it a second time itself.
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={importFile.isPending}>
              {t(tx('导入 Excel', 'Import Excel'))}
            </Button>
          </Upload>
        )}
      </Space>
      {editable && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t(
            tx(
              '点击单元格直接修改数量；修改后右侧产能热力图即时重算，保存后生效。',
              'Click a cell to change it; the capacity heat map redraws at once; save to keep it.',
            ),
          )}
        </Typography.Paragraph>
      )}
      <Table<Row>
        virtual
        size="small"
        bordered
        rowKey="key"
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: width, y: 520 }}
        onRow={(r) => (r.isTotal ? { style: { background: '#fafafa' } } : {})}
      />
    </div>
  );
}

function isInGroup(plan: PlanView, start: string, k: number): boolean {
  const i = plan.capacityGroups.findIndex((g) => g.start === start);
  const next = plan.capacityGroups[i + 1]?.start;
  const day = plan.buckets[k];
  return day >= start && (!next || day < next);
}

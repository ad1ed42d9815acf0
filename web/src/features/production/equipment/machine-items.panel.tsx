import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { put } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { FREQUENCIES } from './equipment.labels';
import type { MachineDetail } from './equipment.types';

type CheckRow = { content: string; standard: string };
type UpkeepRow = { id?: string; content: string; method: string; frequency: string };

function useSaved(machineId: string, reset: () => void) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  return async () => {
    message.success('✓');
    await qc.invalidateQueries({ queryKey: ['equipment', 'machine', machineId] });
    reset();
  };
}

/** 日常点检项目 from the operating procedure (T4 第五十条): what the operator checks before each operation. */
export function CheckItemsPanel({ machine, canEdit }: { machine: MachineDetail; canEdit: boolean }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<CheckRow[] | null>(null);
  const shown = rows ?? machine.checkItems.map((c) => ({ content: c.content, standard: c.standard }));
  const saved = useSaved(machine.id, () => setRows(null));
  const save = useMutation({
    mutationFn: () => put(`/production/equipment/machines/${machine.id}/check-items`, { items: shown.filter((r) => r.content.trim()) }),
    onSuccess: saved,
  });
  const set = (i: number, patch: Partial<CheckRow>) => setRows(shown.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <div>
      <ErrorAlert error={save.error} />
      <Table<CheckRow & { _k: number }>
        size="small"
        rowKey="_k"
        pagination={false}
        dataSource={shown.map((r, k) => ({ ...r, _k: k }))}
        columns={[
          {
            title: t(tx('点检项目', 'Check item')),
            render: (_: unknown, r, i) => (canEdit ? <Input value={r.content} onChange={(e) => set(i, { content: e.target.value })} /> : r.content),
          },
          {
            title: t(tx('判定标准', 'Standard')),
            render: (_: unknown, r, i) => (canEdit ? <Input value={r.standard} onChange={(e) => set(i, { standard: e.target.value })} /> : r.standard),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 48,
                  render: (_: unknown, __: CheckRow, i: number) => (
                    <Button
                      type="text"
                      aria-label={t(tx('删除', 'Remove'))}
                      icon={<DeleteOutlined />}
                      onClick={() => setRows(shown.filter((_x, k) => k !== i))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && (
        <Space style={{ marginTop: 8 }}>
          <Button icon={<PlusOutlined />} onClick={() => setRows([...shown, { content: '', standard: '' }])}>
            {t(tx('添加项目', 'Add an item'))}
          </Button>
          <Button type="primary" disabled={!rows} loading={save.isPending} onClick={() => save.mutate()}>
            {t(tx('保存', 'Save'))}
          </Button>
        </Space>
      )}
    </div>
  );
}

/** 日常保养项目、内容及频率 (T4 第四十七条). */
export function UpkeepItemsPanel({ machine, canEdit }: { machine: MachineDetail; canEdit: boolean }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<UpkeepRow[] | null>(null);
  const shown = rows ?? machine.upkeepItems.map((u) => ({ id: u.id, content: u.content, method: u.method, frequency: u.frequency }));
  const saved = useSaved(machine.id, () => setRows(null));
  const save = useMutation({
    mutationFn: () => put(`/production/equipment/machines/${machine.id}/upkeep-items`, { items: shown.filter((r) => r.content.trim()) }),
    onSuccess: saved,
  });
  const set = (i: number, patch: Partial<UpkeepRow>) => setRows(shown.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <div>
      <ErrorAlert error={save.error} />
      <Table<UpkeepRow & { _k: number }>
        size="small"
        rowKey="_k"
        pagination={false}
        dataSource={shown.map((r, k) => ({ ...r, _k: k }))}
        columns={[
          {
            title: t(tx('保养项目', 'Item')),
            render: (_: unknown, r, i) => (canEdit ? <Input value={r.content} onChange={(e) => set(i, { content: e.target.value })} /> : r.content),
          },
          {
            title: t(tx('内容与方法', 'Content and method')),
            render: (_: unknown, r, i) => (canEdit ? <Input value={r.method} onChange={(e) => set(i, { method: e.target.value })} /> : r.method),
          },
          {
            title: t(tx('频率', 'Frequency')),
            width: 120,
            render: (_: unknown, r, i) =>
              canEdit ? (
                <Select
                  value={r.frequency}
                  style={{ width: 100 }}
                  onChange={(v) => set(i, { frequency: v })}
                  options={Object.entries(FREQUENCIES).map(([value, l]) => ({ value, label: t(l) }))}
                />
              ) : (
                t(FREQUENCIES[r.frequency])
              ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 48,
                  render: (_: unknown, __: UpkeepRow, i: number) => (
                    <Button
                      type="text"
                      aria-label={t(tx('删除', 'Remove'))}
                      icon={<DeleteOutlined />}
                      onClick={() => setRows(shown.filter((_x, k) => k !== i))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && (
        <Space style={{ marginTop: 8 }}>
          <Button icon={<PlusOutlined />} onClick={() => setRows([...shown, { content: '', method: '', frequency: 'daily' }])}>
            {t(tx('添加项目', 'Add an item'))}
          </Button>
          <Button type="primary" disabled={!rows} loading={save.isPending} onClick={() => save.mutate()}>
            {t(tx('保存', 'Save'))}
          </Button>
        </Space>
      )}
    </div>
  );
}

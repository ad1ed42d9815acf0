import { useQuery } from '@tanstack/react-query';
import { Button, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { type FieldMeta, metaOf, type PolicyChange, type PolicyVersionRow, showValue } from './policy.types';
import { orgTime } from '../../ui/time';

/** A table of what changed between two versions, each path with its label and clause. */
export function ChangesTable({ changes, fields }: { changes: PolicyChange[]; fields: Record<string, FieldMeta> }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="path"
      pagination={false}
      scroll={{ x: 560 }}
      dataSource={changes}
      locale={{ emptyText: t(tx('没有差异', 'No differences')) }}
      columns={[
        {
          title: t(tx('参数', 'Parameter')),
          render: (_: unknown, c: PolicyChange) => {
            const meta = metaOf(fields, c.path);
            return (
              <>
                {meta ? t(meta.label) : c.path} <Tag>{c.path}</Tag>
              </>
            );
          },
        },
        { title: t(tx('原值', 'Before')), width: 120, render: (_: unknown, c: PolicyChange) => showValue(c.before) },
        { title: t(tx('新值', 'After')), width: 120, render: (_: unknown, c: PolicyChange) => <strong>{showValue(c.after)}</strong> },
      ]}
    />
  );
}

export function PolicyHistory({ fields }: { fields: Record<string, FieldMeta> }) {
  const { t } = useI18n();
  const versions = useQuery({ queryKey: ['policy', 'versions'], queryFn: () => get<PolicyVersionRow[]>('/policy/versions') });
  const [compare, setCompare] = useState<number | null>(null);
  const diff = useQuery({
    queryKey: ['policy', 'diff', compare],
    enabled: compare !== null,
    queryFn: () => get<PolicyChange[]>(`/policy/diff?from=${(compare ?? 1) - 1}&to=${compare}`),
  });
  return (
    <>
      <ErrorAlert error={versions.error} />
      <Table
        size="small"
        rowKey="version"
        loading={versions.isLoading}
        dataSource={versions.data}
        pagination={{ pageSize: 10 }}
        scroll={{ x: 640 }}
        locale={{ emptyText: t(tx('尚未保存过版本，正在使用模板预设值', 'No saved version yet; the template preset is in force')) }}
        columns={[
          { title: t(tx('版本', 'Version')), dataIndex: 'version', width: 70 },
          { title: t(tx('模板', 'Preset')), dataIndex: 'preset', width: 70 },
          { title: t(tx('原因', 'Reason')), dataIndex: 'reason' },
          { title: t(tx('修改人', 'By')), dataIndex: 'changedByName', width: 110, render: (v: string | null) => v ?? t(tx('系统', 'System')) },
          { title: t(tx('时间', 'When')), dataIndex: 'createdAt', width: 150, render: (v: string) => orgTime(v).format('YYYY-MM-DD HH:mm') },
          {
            title: '',
            width: 110,
            render: (_: unknown, v: PolicyVersionRow) => (
              <Button size="small" data-testid="policy-diff" onClick={() => setCompare(v.version)}>
                {t(tx('与上一版对比', 'Diff with previous'))}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={compare !== null}
        onCancel={() => setCompare(null)}
        footer={null}
        width={760}
        title={t(tx(`第 ${(compare ?? 1) - 1} 版 → 第 ${compare} 版`, `Version ${(compare ?? 1) - 1} → ${compare}`))}
      >
        <ErrorAlert error={diff.error} />
        <div data-testid="policy-diff-table">
          <ChangesTable changes={diff.data ?? []} fields={fields} />
        </div>
      </Modal>
    </>
  );
}

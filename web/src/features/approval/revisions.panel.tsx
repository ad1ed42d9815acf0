import { useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { DocumentContent } from './document-content.panel';
import { type DiffEntry, type DocumentState, type RevisionView, STATE_LABELS } from './approval.types';
import { orgTime } from '../../ui/time';

const KIND = {
  added: { color: 'green', label: tx('新增', 'Added') },
  removed: { color: 'red', label: tx('删除', 'Removed') },
  changed: { color: 'orange', label: tx('修改', 'Changed') },
} as const;

const show = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** Every revision stays readable; two of them compare as a readable diff (CORE-4). */
export function RevisionsPanel({ documentId, revision }: { documentId: string; revision: number }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(Math.max(1, revision - 1));
  const [to, setTo] = useState(revision);
  const [viewing, setViewing] = useState<number | null>(null);
  const revisions = useQuery({ queryKey: ['revisions', documentId], queryFn: () => get<RevisionView[]>(`/documents/${documentId}/revisions`) });
  const diff = useQuery({
    queryKey: ['revisions', documentId, 'diff', from, to],
    queryFn: () => get<{ changes: DiffEntry[] }>(`/documents/${documentId}/diff?from=${from}&to=${to}`),
    enabled: from !== to,
  });
  const list = revisions.data ?? [];
  const options = list.map((r) => ({ value: r.revision, label: t(tx(`第 ${r.revision} 版`, `Revision ${r.revision}`)) }));
  const shown = list.find((r) => r.revision === viewing);
  return (
    <div data-testid="revisions">
      <ErrorAlert error={revisions.error ?? diff.error} />
      <Table
        rowKey="revision"
        size="small"
        pagination={false}
        loading={revisions.isLoading}
        dataSource={list}
        scroll={{ x: 560 }}
        onRow={(r) => ({ onClick: () => setViewing(r.revision === viewing ? null : r.revision), style: { cursor: 'pointer' } })}
        columns={[
          { title: t(tx('版本', 'Revision')), dataIndex: 'revision', width: 70 },
          { title: t(tx('标题', 'Title')), dataIndex: 'title' },
          {
            title: t(tx('状态', 'State')),
            width: 160,
            render: (_: unknown, r: RevisionView) => (
              <span>
                {t(STATE_LABELS[r.state as DocumentState] ?? { zh: r.state, en: r.state })}
                {r.isInForce && (
                  <Tag color="success" style={{ marginLeft: 6 }}>
                    {t(tx('现行', 'In force'))}
                  </Tag>
                )}
                {r.supersededAt && <Tag style={{ marginLeft: 6 }}>{t(tx('已被替代', 'Superseded'))}</Tag>}
              </span>
            ),
          },
          { title: t(tx('创建', 'Created')), width: 150, render: (_: unknown, r: RevisionView) => orgTime(r.createdAt).format('YYYY-MM-DD HH:mm') },
        ]}
      />
      {shown && (
        <div style={{ margin: '12px 0', padding: 12, background: '#fafafa' }}>
          <Typography.Title level={5}>{shown.title}</Typography.Title>
          <DocumentContent body={shown.body} />
        </div>
      )}
      {list.length > 1 && (
        <>
          <Space wrap style={{ margin: '16px 0 8px' }}>
            <Typography.Text strong>{t(tx('比较', 'Compare'))}</Typography.Text>
            <Select value={from} onChange={setFrom} options={options} style={{ width: 110 }} data-testid="diff-from" />
            →
            <Select value={to} onChange={setTo} options={options} style={{ width: 110 }} data-testid="diff-to" />
          </Space>
          <Table
            rowKey="path"
            size="small"
            pagination={false}
            loading={diff.isLoading && from !== to}
            dataSource={from === to ? [] : (diff.data?.changes ?? [])}
            scroll={{ x: 560 }}
            locale={{ emptyText: t(tx('两个版本内容相同', 'The two revisions are the same')) }}
            data-testid="revision-diff"
            columns={[
              { title: t(tx('内容', 'Field')), width: 180, render: (_: unknown, e: DiffEntry) => (e.labelZh ? `${e.labelZh}（${e.path}）` : e.path) },
              {
                title: t(tx('变化', 'Change')),
                width: 80,
                render: (_: unknown, e: DiffEntry) => <Tag color={KIND[e.kind].color}>{t(KIND[e.kind].label)}</Tag>,
              },
              {
                title: t(tx('原内容', 'Before')),
                render: (_: unknown, e: DiffEntry) => <Typography.Text delete={e.kind !== 'added'}>{show(e.before)}</Typography.Text>,
              },
              { title: t(tx('新内容', 'After')), render: (_: unknown, e: DiffEntry) => <Typography.Text strong>{show(e.after)}</Typography.Text> },
            ]}
          />
        </>
      )}
    </div>
  );
}

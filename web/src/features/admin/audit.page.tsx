import { useQuery } from '@tanstack/react-query';
import { Button, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { orgTime } from '../../ui/time';

interface Entry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  oldValue: unknown;
  newValue: unknown;
}

const short = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

export function AuditPage() {
  const { t } = useI18n();
  const [entity, setEntity] = useState('');
  const [filter, setFilter] = useState('');
  const [beforeId, setBeforeId] = useState<number | undefined>();
  const q = useQuery({
    queryKey: ['audit', filter, beforeId],
    queryFn: () => get<Entry[]>(`/audit?limit=100${filter ? `&entity=${encodeURIComponent(filter)}` : ''}${beforeId ? `&beforeId=${beforeId}` : ''}`),
  });
  const rows = q.data ?? [];
  return (
    <Page
      title={tx('审计日志', 'Audit log')}
      extra={
        <Space>
          <Input placeholder={t(tx('对象类型，如 document', 'Entity, e.g. document'))} value={entity} onChange={(e) => setEntity(e.target.value)} allowClear />
          <Button onClick={() => { setBeforeId(undefined); setFilter(entity.trim()); }}>{t(tx('筛选', 'Filter'))}</Button>
        </Space>
      }
    >
      <ErrorAlert error={q.error} />
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        expandable={{
          expandedRowRender: (r) => (
            <div>
              <Typography.Text type="secondary">{t(tx('原值', 'Old value'))}</Typography.Text>
              <pre style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.oldValue, null, 2)}</pre>
              <Typography.Text type="secondary">{t(tx('新值', 'New value'))}</Typography.Text>
              <pre style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.newValue, null, 2)}</pre>
            </div>
          ),
        }}
        columns={[
          { title: t(tx('时间', 'Time')), dataIndex: 'at', width: 170, render: (v: string) => orgTime(v).format('YYYY-MM-DD HH:mm:ss') },
          { title: t(tx('操作人', 'Actor')), dataIndex: 'actorName', width: 120 },
          { title: t(tx('操作', 'Action')), dataIndex: 'action', width: 160 },
          { title: t(tx('对象', 'Entity')), dataIndex: 'entity', width: 120 },
          { title: t(tx('新值', 'New value')), dataIndex: 'newValue', ellipsis: true, render: short },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        {beforeId && <Button onClick={() => setBeforeId(undefined)}>{t(tx('回到最新', 'Newest'))}</Button>}
        {rows.length === 100 && <Button onClick={() => setBeforeId(rows[rows.length - 1].id)}>{t(tx('更早', 'Older'))}</Button>}
      </Space>
    </Page>
  );
}

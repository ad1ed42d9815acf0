import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Tag } from 'antd';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import type { DistributionView, ReceiptView } from './approval.types';
import { orgTime } from '../../ui/time';

/** Who received the document and who has not acknowledged it yet (CORE-5). */
export function DistributionPanel({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['distribution', documentId], queryFn: () => get<DistributionView>(`/documents/${documentId}/distribution`) });
  const d = q.data;
  const fmt = (v: string | Date | null) => (v ? orgTime(v).format('YYYY-MM-DD HH:mm') : '');
  return (
    <div data-testid="distribution">
      <ErrorAlert error={q.error} />
      {d && d.total > 0 && (
        <Alert
          style={{ marginBottom: 12 }}
          type={d.pending.length ? 'warning' : 'success'}
          message={
            d.pending.length
              ? t(
                  tx(
                    `已签收 ${d.acknowledged}/${d.total}；未签收：${d.pending.join('、')}`,
                    `Acknowledged ${d.acknowledged}/${d.total}; not yet: ${d.pending.join(', ')}`,
                  ),
                )
              : t(tx(`全部 ${d.total} 个接收方已签收`, `All ${d.total} recipients acknowledged`))
          }
        />
      )}
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={d?.receipts ?? []}
        locale={{ emptyText: t(tx('尚未发放', 'Not issued yet')) }}
        columns={[
          { title: t(tx('接收方', 'Recipient')), dataIndex: 'recipientName' },
          { title: t(tx('版本', 'Revision')), dataIndex: 'revision', width: 70 },
          { title: t(tx('发放', 'Issued')), width: 170, render: (_: unknown, r: ReceiptView) => `${r.issuedByName} ${fmt(r.issuedAt)}` },
          {
            title: t(tx('签收', 'Acknowledged')),
            width: 220,
            render: (_: unknown, r: ReceiptView) =>
              r.acknowledgedAt ? (
                <span>
                  <Tag color="success">{t(tx('已签收', 'Acknowledged'))}</Tag>
                  {r.acknowledgedByName} {fmt(r.acknowledgedAt)}
                </span>
              ) : (
                <Tag color="warning">{t(tx('未签收', 'Not yet'))}</Tag>
              ),
          },
        ]}
      />
    </div>
  );
}

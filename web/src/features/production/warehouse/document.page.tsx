import { PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Grid, Input, List, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { DocumentContext, StockDocView } from '#production';
import { get, post } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { fmt } from '../production.labels';
import { DOC_KIND_COLORS, PURPOSE_LABELS, SHEET_TITLES } from './warehouse.labels';
import { WAREHOUSE, WarehouseNav } from './warehouse-nav';
import { orgTime } from '../../../ui/time';

type Line = StockDocView['lines'][number];

export function useStockDocument(id: string) {
  const doc = useQuery({ queryKey: ['production', 'stock-document', id], queryFn: () => get<StockDocView>(`/production/stock-documents/${id}`) });
  const context = useQuery({
    queryKey: ['production', 'stock-document', id, 'context'],
    queryFn: () => get<DocumentContext>(`/production/stock-documents/${id}/context`),
  });
  return { doc, context };
}

/** A line's quantity as the form reads: counted for a count, moved otherwise; a shortage said plainly. */
export function lineQty(doc: StockDocView, l: Line, short: string): string {
  if (doc.kind === 'count') return `${fmt(l.balanceAfter)}（${l.qty === 0 ? '±0' : l.qty > 0 ? `+${fmt(l.qty)}` : fmt(l.qty)}）`;
  return `${fmt(Math.abs(l.qty))}${l.shortage > 0 ? `（${short} ${fmt(l.shortage)}）` : ''}`;
}

/** One warehouse document: its lines, who and when, what it comes from, its reversal (PP-16). */
export function StockDocumentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const isMobile = !Grid.useBreakpoint().md;
  const { doc, context } = useStockDocument(id);
  const [reversing, setReversing] = useState(false);
  const [reason, setReason] = useState('');
  const reverse = useMutation({
    mutationFn: () => post<StockDocView>(`/production/stock-documents/${id}/reverse`, { reason }),
    onSuccess: (r) => {
      setReversing(false);
      qc.invalidateQueries({ queryKey: ['production'] });
      message.success(t(tx(`已冲销：${r.number}`, `Reversed by ${r.number}`)));
      navigate(`${WAREHOUSE}/documents/${r.id}`);
    },
  });
  const d = doc.data;
  const c = context.data;
  const canReverse = d && c && can('production.stock.write') && d.kind !== 'reversal' && d.kind !== 'opening' && !d.reversedById;
  return (
    <Page
      title={d ? { zh: `${t(SHEET_TITLES[d.kind])} ${d.number}`, en: `${t(SHEET_TITLES[d.kind])} ${d.number}` } : tx('仓库单据', 'Warehouse document')}
      extra={
        d && (
          <Space wrap>
            <Link to={`${WAREHOUSE}/documents/${id}/print`}>
              <Button icon={<PrinterOutlined />}>{t(tx('打印', 'Print'))}</Button>
            </Link>
            {canReverse && (
              <Button
                danger
                icon={<RollbackOutlined />}
                onClick={() => {
                  setReason('');
                  setReversing(true);
                }}
                data-testid="doc-reverse"
              >
                {t(tx('冲销', 'Reverse'))}
              </Button>
            )}
          </Space>
        )
      }
    >
      <WarehouseNav />
      <ErrorAlert error={doc.error ?? context.error} />
      {doc.isLoading && <Spin />}
      {d && c && (
        <>
          {d.reversedById && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="doc-reversed"
              message={
                <span>
                  {t(tx('本单已被冲销：', 'Reversed by '))}
                  <Link to={`${WAREHOUSE}/documents/${d.reversedById}`}>{c.reversedByNumber}</Link>
                  {c.reversedByNote ? `（${c.reversedByNote}）` : ''}
                </span>
              }
            />
          )}
          {d.reversesId && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={
                <span>
                  {t(tx('本单冲销：', 'Reverses '))}
                  <Link to={`${WAREHOUSE}/documents/${d.reversesId}`}>{c.reversesNumber}</Link>
                  {d.note ? `（${t(tx('原因', 'reason'))}：${d.note}）` : ''}
                </span>
              }
            />
          )}
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={isMobile ? 1 : 3} data-testid="doc-head">
              <Descriptions.Item label={t(tx('业务', 'Purpose'))}>
                <Tag color={DOC_KIND_COLORS[d.kind]}>{t(PURPOSE_LABELS[d.purpose])}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t(tx('日期', 'Date'))}>{d.docDate}</Descriptions.Item>
              <Descriptions.Item
                label={t(tx('经办', 'Posted'))}
              >{`${c.postedByName ?? t(tx('系统', 'System'))} ${orgTime(d.postedAt).format('YYYY-MM-DD HH:mm')}`}</Descriptions.Item>
              {c.workshopName && <Descriptions.Item label={t(tx('车间', 'Workshop'))}>{c.workshopName}</Descriptions.Item>}
              {c.supplier && <Descriptions.Item label={t(tx('供应商', 'Supplier'))}>{c.supplier}</Descriptions.Item>}
              {d.referenceNumber && (
                <Descriptions.Item label={t(tx('来源单据', 'Reference'))}>
                  {c.purchasePlanId ? <Link to={`/production/purchase-plans/${c.purchasePlanId}`}>{d.referenceNumber}</Link> : d.referenceNumber}
                </Descriptions.Item>
              )}
              {d.note && !d.reversesId && <Descriptions.Item label={t(tx('备注', 'Note'))}>{d.note}</Descriptions.Item>}
            </Descriptions>
          </Card>
          {isMobile ? (
            <List<Line>
              dataSource={d.lines}
              renderItem={(l) => (
                <List.Item data-testid="doc-line">
                  <div style={{ width: '100%' }}>
                    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                      <strong>
                        {l.code} {l.name}
                      </strong>
                      <strong style={{ whiteSpace: 'nowrap' }}>{`${lineQty(d, l, t(tx('欠', 'short')))} ${l.unit}`}</strong>
                    </div>
                    <Typography.Text type="secondary">
                      {l.locationName}
                      {l.lot ? ` · ${t(tx('批次', 'lot'))} ${l.lot}` : ''}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table<Line>
              size="small"
              rowKey="lineNo"
              pagination={false}
              dataSource={d.lines}
              columns={[
                { title: t(tx('行', 'Line')), dataIndex: 'lineNo', width: 60 },
                { title: t(tx('物料', 'Item')), render: (_: unknown, l) => <Link to={`${WAREHOUSE}/items/${l.itemId}`}>{`${l.code} ${l.name}`}</Link> },
                { title: t(tx('库位', 'Location')), dataIndex: 'locationName', width: 120 },
                { title: t(tx('批次', 'Lot')), dataIndex: 'lot', width: 110 },
                ...(d.kind === 'count'
                  ? [
                      {
                        title: t(tx('账面', 'Book')),
                        key: 'book',
                        width: 110,
                        align: 'right' as const,
                        render: (_: unknown, l: Line) => fmt(c.bookQty?.[l.lineNo - 1]),
                      },
                    ]
                  : []),
                {
                  title: d.kind === 'count' ? t(tx('实盘（差异）', 'Counted (difference)')) : t(tx('数量', 'Quantity')),
                  key: 'qty',
                  width: 170,
                  align: 'right',
                  render: (_: unknown, l) => <span data-testid="doc-line-qty">{`${lineQty(d, l, t(tx('欠', 'short')))} ${l.unit}`}</span>,
                },
                { title: t(tx('库位结存', 'Left there')), dataIndex: 'balanceAfter', width: 110, align: 'right', render: (v: number) => fmt(v) },
              ]}
            />
          )}
        </>
      )}
      <Modal
        open={reversing}
        title={t(tx('冲销本单', 'Reverse this document'))}
        okText={t(tx('确认冲销', 'Reverse'))}
        okButtonProps={{
          danger: true,
          disabled: reason.trim().length < 2,
          loading: reverse.isPending,
          ...({ 'data-testid': 'reverse-confirm' } as Record<string, string>),
        }}
        onOk={() => reverse.mutate()}
        onCancel={() => setReversing(false)}
      >
        <ErrorAlert error={reverse.error} />
        <Typography.Paragraph>
          {t(
            tx(
              '单据不能修改或删除。冲销将生成一张冲销单，把本单每一行的数量全部反向记账，且不能撤销。',
              'Documents are never edited or deleted. A reversal posts every line of this one back, and cannot be undone.',
            ),
          )}
        </Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={2000}
          autoSize={{ minRows: 2 }}
          placeholder={t(tx('冲销原因（必填）', 'Reason (required)'))}
          data-testid="reverse-reason"
        />
      </Modal>
    </Page>
  );
}

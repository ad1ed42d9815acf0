import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Space, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { StockDocView } from '#production';
import { type Text, tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { PrintButton, type PrintColumn, PrintSheet } from '../../../ui/print-sheet';
import { fmt } from '../production.labels';
import { useStockDocument } from './document.page';
import { PURPOSE_LABELS, SHEET_TITLES } from './warehouse.labels';
import { WAREHOUSE } from './warehouse-nav';

type Line = StockDocView['lines'][number];

// Who signs each form on paper.
const SIGNATURES: Record<string, Text[]> = {
  receipt: [tx('交货人', 'Delivered by'), tx('验收人', 'Inspected by'), tx('仓管员', 'Warehouse keeper')],
  issue: [tx('领料人', 'Received by'), tx('发料人', 'Issued by'), tx('审核', 'Checked by')],
  transfer: [tx('调出经办', 'Sent by'), tx('调入经办', 'Received by'), tx('审核', 'Checked by')],
  count: [tx('盘点人', 'Counted by'), tx('监盘人', 'Witnessed by'), tx('仓管员', 'Warehouse keeper')],
  opening: [tx('仓管员', 'Warehouse keeper'), tx('审核', 'Checked by')],
  reversal: [tx('经办', 'Prepared by'), tx('审核', 'Checked by')],
};

/** 入库单 / 出库单 / 调拨单 / 盘点单 on A4, with the signatures each needs (PP-16, T4 第二十五条 存档). */
export function StockDocumentPrintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { doc, context } = useStockDocument(id);
  const d = doc.data;
  const c = context.data;
  const isCount = d?.kind === 'count';
  const columns: PrintColumn<Line>[] = [
    { key: 'code', title: t(tx('物料编码', 'Item code')), width: '14%', render: (l) => l.code },
    { key: 'name', title: t(tx('品名', 'Name')), render: (l) => l.name },
    { key: 'unit', title: t(tx('单位', 'Unit')), width: '7%', render: (l) => l.unit },
    { key: 'location', title: t(tx('库位', 'Location')), width: '12%', render: (l) => l.locationName },
    { key: 'lot', title: t(tx('批次', 'Lot')), width: '11%', render: (l) => l.lot },
    ...(isCount
      ? [
          { key: 'book', title: t(tx('账面数量', 'Book')), width: '11%', align: 'right' as const, render: (l: Line) => fmt(c?.bookQty?.[l.lineNo - 1]) },
          { key: 'counted', title: t(tx('实盘数量', 'Counted')), width: '11%', align: 'right' as const, render: (l: Line) => fmt(l.balanceAfter) },
          { key: 'diff', title: t(tx('盈亏', 'Difference')), width: '9%', align: 'right' as const, render: (l: Line) => fmt(l.qty) },
        ]
      : [
          { key: 'qty', title: t(tx('数量', 'Quantity')), width: '12%', align: 'right' as const, render: (l: Line) => fmt(Math.abs(l.qty)) },
          ...(d?.lines.some((l) => l.shortage > 0)
            ? [{ key: 'short', title: t(tx('欠料', 'Short')), width: '9%', align: 'right' as const, render: (l: Line) => fmt(l.shortage) || '' }]
            : []),
        ]),
  ];
  return (
    <div>
      <Space className="zd-no-print" style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`${WAREHOUSE}/documents/${id}`)}>
          {t(tx('返回单据', 'Back to the document'))}
        </Button>
        <PrintButton disabled={!d || !c} />
      </Space>
      <ErrorAlert error={doc.error ?? context.error} />
      {(doc.isLoading || context.isLoading) && <Spin />}
      {d && c && (
        <PrintSheet<Line>
          title={t(SHEET_TITLES[d.kind])}
          meta={[
            { label: t(tx('单号', 'No.')), value: d.number },
            { label: t(tx('日期', 'Date')), value: d.docDate },
            { label: t(tx('业务', 'Purpose')), value: t(PURPOSE_LABELS[d.purpose]) },
            ...(c.workshopName ? [{ label: t(tx('车间', 'Workshop')), value: c.workshopName }] : []),
            ...(c.supplier ? [{ label: t(tx('供应商', 'Supplier')), value: c.supplier }] : []),
            ...(d.referenceNumber ? [{ label: t(tx('来源单据', 'Reference')), value: d.referenceNumber }] : []),
          ]}
          rows={d.lines}
          rowKey={(l) => String(l.lineNo)}
          columns={columns}
          signatures={(SIGNATURES[d.kind] ?? SIGNATURES.reversal).map((s) => t(s))}
          minRows={8}
        >
          {d.note && `${t(tx('备注：', 'Note: '))}${d.note}`}
          {d.reversedById && ` ${t(tx('（本单已冲销：', '(reversed by '))}${c.reversedByNumber}${t(tx('）', ')'))}`}
        </PrintSheet>
      )}
    </div>
  );
}

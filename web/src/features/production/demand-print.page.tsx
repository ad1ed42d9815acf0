import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { get } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { PrintButton, type PrintSignature, PrintSheet } from '../../ui/print-sheet';
import { orgTime } from '../../ui/time';
import { fmt, KIND_LABELS, ORDER_KIND_LABELS, ORDER_STATE_LABELS, PARTY_LABELS, STATE_LABELS } from './production.labels';
import type { DocAction, DocView, OrderLine, OrderView } from './production.types';
import type { MonthSummary, SalesPlanView } from '#production';

// Issue 14 item 13 (CORE-11, PP-3, PP-5): the demand forms on A4 paper — 订单汇审报告,
// 销售计划单, 产品销售统计表 and 货款回收汇总表 — with Chinese headers and signature lines.

type Party = 'production' | 'quality' | 'business';
const PARTIES: Party[] = ['production', 'quality', 'business'];
const stamp = (at: string | Date) => orgTime(at).format('YYYY-MM-DD HH:mm');
const day = (at: string | Date) => orgTime(at).format('YYYY-MM-DD');
const num = (n: number | null | undefined) => <span style={{ whiteSpace: 'nowrap' }}>{n === null || n === undefined ? '' : fmt(n)}</span>;
const pct = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—');

/** The last time the approval engine recorded this action: who and when, for a signature line. */
function signedBy(doc: DocView | null | undefined, actions: DocAction[]): { signer: string; date: string } | undefined {
  const entry = [...(doc?.timeline ?? [])].reverse().find((e) => (actions as string[]).includes(e.action) && e.revision === doc?.revision);
  return entry ? { signer: entry.actorName, date: day(entry.at) } : undefined;
}

function PrintFrame({
  back,
  backLabel,
  ready,
  loading,
  error,
  children,
}: {
  back: string;
  backLabel: ReactNode;
  ready: boolean;
  loading: boolean;
  error: unknown;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <div>
      <Space className="zd-no-print" style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(back)}>
          {backLabel}
        </Button>
        <PrintButton disabled={!ready} />
      </Space>
      <ErrorAlert error={error} />
      {loading && <Spin />}
      {children}
    </div>
  );
}

const subTable = { marginTop: '3mm' } as const;

/** The order line as the server sends it: the price is part of the row. */
type OrderPrintLine = OrderLine & { unitPrice?: number | null };

/** 订单汇审报告: the order, each party's opinion, the conclusion and the signatures (PP-3, T4 第十四条). */
export function OrderPrintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const q = useQuery({ queryKey: ['production', 'order', id], queryFn: () => get<OrderView>(`/production/orders/${id}`) });
  const o = q.data;
  const docId = o?.reviewDocumentId;
  const doc = useQuery({ queryKey: ['document', docId], queryFn: () => get<DocView>(`/documents/${docId}`), enabled: !!docId && can('document.read') });
  const review = (p: Party) => o?.reviews.find((r) => r.party === p);
  const missing = PARTIES.filter((p) => !review(p));
  const against = PARTIES.filter((p) => review(p)?.isAgreed === false);
  const conclusion = !o
    ? ''
    : [
        missing.length > 0
          ? t(
              tx(
                `汇审未完成，尚未评审：${missing.map((p) => PARTY_LABELS[p].zh).join('、')}`,
                `The review is not complete; still to give an opinion: ${missing.map((p) => PARTY_LABELS[p].en).join(', ')}`,
              ),
            )
          : against.length > 0
            ? t(tx(`不同意接单：${against.map((p) => PARTY_LABELS[p].zh).join('、')}`, `Not agreed by: ${against.map((p) => PARTY_LABELS[p].en).join(', ')}`))
            : t(
                tx(
                  '生产部、质量技术研发部、事业部均同意接单，按确定数量和发货日期组织生产',
                  'Production, quality and the business unit all agree; produce to the agreed quantities and ship dates',
                ),
              ),
        // An approved order has become a sales order sheet: say so in words, not as a state name.
        o.state === 'approved'
          ? t(tx('总经理已批准', 'Approved by the general manager'))
          : `${t(tx('订单状态：', 'Order state: '))}${t(ORDER_STATE_LABELS[o.state].text)}`,
        o.salesSheetNumber ? `${t(tx('销售计划单号：', 'Sales order sheet: '))}${o.salesSheetNumber}` : '',
      ]
        .filter(Boolean)
        .join('；');
  const gm = signedBy(doc.data, ['approve', 'reject']);
  const signatures: PrintSignature[] = [
    ...PARTIES.map((p) => {
      const r = review(p);
      return { label: t(PARTY_LABELS[p]), signer: r?.reviewerName, date: r ? day(r.at) : undefined };
    }),
    { label: t(tx('总经理', 'General manager')), signer: gm?.signer, date: gm?.date },
  ];
  return (
    <PrintFrame back={`/production/orders/${id}`} backLabel={t(tx('返回订单', 'Back to the order'))} ready={!!o} loading={q.isLoading} error={q.error}>
      {o && (
        <PrintSheet<OrderPrintLine>
          title={t(tx('订单汇审报告', 'Joint order review report'))}
          meta={[
            { label: t(tx('订单编号', 'Order No.')), value: o.number },
            { label: t(tx('客户', 'Customer')), value: o.customer },
            { label: t(tx('订单类型', 'Kind')), value: t(ORDER_KIND_LABELS[o.kind]) },
            { label: t(tx('接单日期', 'Received on')), value: o.receivedOn },
            ...(o.contact ? [{ label: t(tx('联系人', 'Contact')), value: o.contact }] : []),
          ]}
          rows={o.lines}
          rowKey={(l) => l.id}
          columns={[
            { key: 'code', title: t(tx('产品编码', 'Code')), width: '11%' },
            { key: 'name', title: t(tx('品名规格', 'Product')), render: (l) => `${l.name} ${l.spec ?? ''}`.trim() },
            { key: 'unit', title: t(tx('单位', 'Unit')), width: '6%' },
            { key: 'qty', title: t(tx('订货数量', 'Ordered')), width: '10%', align: 'right', render: (l) => num(l.qty) },
            { key: 'requestedShipOn', title: t(tx('要求发货日期', 'Requested ship date')), width: '13%' },
            { key: 'agreedQty', title: t(tx('确定数量', 'Agreed qty')), width: '10%', align: 'right', render: (l) => num(l.agreedQty) },
            { key: 'agreedShipOn', title: t(tx('确定发货日期', 'Agreed ship date')), width: '13%', render: (l) => l.agreedShipOn ?? '' },
            { key: 'unitPrice', title: t(tx('单价（元）', 'Price')), width: '9%', align: 'right', render: (l) => num(l.unitPrice) },
          ]}
          signatures={signatures}
        >
          {o.note && (
            <div>
              {t(tx('备注：', 'Note: '))}
              {o.note}
            </div>
          )}
          <div className="zd-print-scroll">
            <table className="zd-print-table" style={subTable} data-testid="print-opinions">
              <thead>
                <tr>
                  <th style={{ width: '22%' }}>{t(tx('评审部门', 'Party'))}</th>
                  <th>{t(tx('评审意见', 'Opinion'))}</th>
                  <th style={{ width: '11%', textAlign: 'center' }}>{t(tx('是否同意', 'Agreed'))}</th>
                  <th style={{ width: '12%' }}>{t(tx('评审人', 'Reviewer'))}</th>
                  <th style={{ width: '19%' }}>{t(tx('评审时间', 'Time'))}</th>
                </tr>
              </thead>
              <tbody>
                {PARTIES.map((p) => {
                  const r = review(p);
                  return (
                    <tr key={p}>
                      <td>{t(PARTY_LABELS[p])}</td>
                      <td>{r ? r.opinion : t(tx('（未评审）', '(no opinion yet)'))}</td>
                      <td style={{ textAlign: 'center' }}>{r ? (r.isAgreed ? t(tx('同意', 'Yes')) : t(tx('不同意', 'No'))) : ''}</td>
                      <td>{r?.reviewerName ?? ''}</td>
                      <td>{r ? stamp(r.at) : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div style={{ marginTop: '3mm' }} data-testid="print-conclusion">
            <strong>{t(tx('汇审结论：', 'Conclusion: '))}</strong>
            {conclusion}
          </div>
        </PrintSheet>
      )}
    </PrintFrame>
  );
}

type SalesPlanPrintView = SalesPlanView;

/** 销售计划单: one sales plan's lines and each product's totals (PP-1, PP-2). */
export function SalesPlanPrintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['production', 'sales-plan', id], queryFn: () => get<SalesPlanPrintView>(`/production/sales-plans/${id}`) });
  const p = q.data;
  const monthly = p?.kind === 'monthly';
  const prepared = signedBy(p?.document, ['submit']);
  const approved = signedBy(p?.document, ['approve']);
  const totalQty = p?.productTotals.reduce((s, r) => s + r.qty, 0) ?? 0;
  const amounts = p?.productTotals.filter((r) => r.amount !== null) ?? [];
  return (
    <PrintFrame
      back={`/production/sales-plans/${id}`}
      backLabel={t(tx('返回销售计划', 'Back to the sales plan'))}
      ready={!!p}
      loading={q.isLoading}
      error={q.error}
    >
      {p && (
        <PrintSheet<SalesPlanPrintView['lines'][number]>
          title={t(tx('销售计划单', 'Sales plan'))}
          meta={[
            { label: t(tx('名称', 'Title')), value: p.title },
            { label: t(tx('编号', 'No.')), value: p.number || '—' },
            { label: t(tx('类型', 'Kind')), value: t(KIND_LABELS[p.kind]) },
            { label: t(tx('期间', 'Period')), value: `${p.periodStart} ~ ${p.periodEnd}` },
            { label: t(tx('状态', 'State')), value: t(STATE_LABELS[p.state] ?? tx(p.state, p.state)) },
          ]}
          rows={p.lines}
          rowKey={(l) => l.id}
          columns={[
            { key: 'code', title: t(tx('产品编码', 'Code')), width: '12%' },
            { key: 'name', title: t(tx('品名规格', 'Product')), render: (l) => `${l.name} ${l.spec ?? ''}`.trim() },
            { key: 'unit', title: t(tx('单位', 'Unit')), width: '6%' },
            {
              key: 'onDate',
              title: monthly ? t(tx('发货日期', 'Ship on')) : t(tx('月份', 'Month')),
              width: '13%',
              render: (l) => l.onDate.slice(0, monthly ? 10 : 7),
            },
            { key: 'qty', title: t(tx('数量', 'Quantity')), width: '11%', align: 'right', render: (l) => num(l.qty) },
            { key: 'unitPrice', title: t(tx('单价（元）', 'Price')), width: '10%', align: 'right', render: (l) => num(l.unitPrice) },
            {
              key: 'amount',
              title: t(tx('金额（元）', 'Amount')),
              width: '12%',
              align: 'right',
              render: (l) => num(l.unitPrice === null ? null : l.qty * l.unitPrice),
            },
          ]}
          signatures={[
            { label: t(tx('编制（事业部）', 'Prepared (business unit)')), signer: prepared?.signer, date: prepared?.date },
            t(tx('审核', 'Reviewed')),
            { label: t(tx('批准（总经理）', 'Approved (GM)')), signer: approved?.signer, date: approved?.date },
          ]}
        >
          <div>
            <strong>{t(tx('按产品合计', 'Totals by product'))}</strong>
          </div>
          <div className="zd-print-scroll">
            <table className="zd-print-table" style={subTable} data-testid="print-product-totals">
              <thead>
                <tr>
                  <th style={{ width: '14%' }}>{t(tx('产品编码', 'Code'))}</th>
                  <th>{t(tx('品名', 'Product'))}</th>
                  <th style={{ width: '8%' }}>{t(tx('单位', 'Unit'))}</th>
                  <th style={{ width: '16%', textAlign: 'right' }}>{t(tx('合计数量', 'Total quantity'))}</th>
                  <th style={{ width: '18%', textAlign: 'right' }}>{t(tx('金额（元）', 'Amount'))}</th>
                </tr>
              </thead>
              <tbody>
                {p.productTotals.map((r) => (
                  <tr key={r.itemId}>
                    <td>{r.code}</td>
                    <td>{r.name}</td>
                    <td>{r.unit}</td>
                    <td style={{ textAlign: 'right' }}>{num(r.qty)}</td>
                    <td style={{ textAlign: 'right' }}>{num(r.amount)}</td>
                  </tr>
                ))}
                <tr>
                  <td colSpan={3} style={{ textAlign: 'center' }}>
                    {t(tx('合计', 'Total'))}
                  </td>
                  <td style={{ textAlign: 'right' }}>{num(totalQty)}</td>
                  <td style={{ textAlign: 'right' }}>{amounts.length > 0 ? num(amounts.reduce((s, r) => s + (r.amount ?? 0), 0)) : ''}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </PrintSheet>
      )}
    </PrintFrame>
  );
}

export type MonthSummaryView = MonthSummary;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function useMonthSummary() {
  const [params] = useSearchParams();
  const asked = params.get('month') ?? '';
  const month = MONTH.test(asked) ? asked : orgTime().format('YYYY-MM');
  const q = useQuery({ queryKey: ['production', 'month-summary', month], queryFn: () => get<MonthSummaryView>(`/production/month-summary?month=${month}`) });
  return { month, q };
}

function monthMeta(t: ReturnType<typeof useI18n>['t'], month: string, s: MonthSummaryView | undefined) {
  return [
    { label: t(tx('统计月份', 'Month')), value: t(tx(`${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`, month)) },
    { label: t(tx('报送总经理', 'Sent to the GM')), value: s?.submittedAt ? stamp(s.submittedAt) : t(tx('未报送', 'Not yet')) },
  ];
}

const monthSigns = (t: ReturnType<typeof useI18n>['t']) => [
  t(tx('制表（事业部）', 'Prepared (business unit)')),
  t(tx('审核（财务）', 'Checked (finance)')),
  t(tx('总经理', 'General manager')),
];

/** 产品销售统计表: the month's sales by product against the sales plan (PP-5, T4 第十八条). */
export function SalesStatsPrintPage() {
  const { t } = useI18n();
  const { month, q } = useMonthSummary();
  const s = q.data;
  const rows = s?.sales ?? [];
  const sum = (k: 'planned' | 'ordered' | 'shipped' | 'invoiced') => rows.reduce((a, r) => a + r[k], 0);
  return (
    <PrintFrame
      back={`/production/shipments?month=${month}`}
      backLabel={t(tx('返回月末统计', 'Back to the month summary'))}
      ready={!!s}
      loading={q.isLoading}
      error={q.error}
    >
      {s && (
        <PrintSheet<MonthSummaryView['sales'][number]>
          title={t(tx('产品销售统计表', 'Sales statistics by product'))}
          meta={monthMeta(t, month, s)}
          rows={rows}
          rowKey={(r) => r.itemId}
          columns={[
            { key: 'code', title: t(tx('产品编码', 'Code')), width: '12%' },
            { key: 'name', title: t(tx('品名', 'Product')) },
            { key: 'unit', title: t(tx('单位', 'Unit')), width: '6%' },
            { key: 'planned', title: t(tx('计划数量', 'Plan')), width: '11%', align: 'right', render: (r) => num(r.planned) },
            { key: 'ordered', title: t(tx('订货数量', 'Ordered')), width: '11%', align: 'right', render: (r) => num(r.ordered) },
            { key: 'shipped', title: t(tx('出货数量', 'Shipped')), width: '11%', align: 'right', render: (r) => num(r.shipped) },
            { key: 'rate', title: t(tx('计划完成率', 'Of plan')), width: '11%', align: 'right', render: (r) => pct(r.shipped, r.planned) },
            { key: 'invoiced', title: t(tx('开票金额（元）', 'Invoiced')), width: '14%', align: 'right', render: (r) => num(r.invoiced) },
          ]}
          signatures={monthSigns(t)}
        >
          <div data-testid="print-total">
            {t(tx('合计：', 'Total: '))}
            {t(tx('计划', 'plan'))} {fmt(sum('planned'))}；{t(tx('订货', 'ordered'))} {fmt(sum('ordered'))}；{t(tx('出货', 'shipped'))} {fmt(sum('shipped'))}（
            {pct(sum('shipped'), sum('planned'))}）；{t(tx('开票金额', 'invoiced'))} {fmt(sum('invoiced'))} {t(tx('元', 'yuan'))}
          </div>
        </PrintSheet>
      )}
    </PrintFrame>
  );
}

/** 货款回收汇总表: the month's invoices and collections by customer (PP-5, T4 第十八条). */
export function CollectionPrintPage() {
  const { t } = useI18n();
  const { month, q } = useMonthSummary();
  const s = q.data;
  const rows = s?.collection ?? [];
  const sum = (k: 'invoiced' | 'collected' | 'outstanding') => rows.reduce((a, r) => a + r[k], 0);
  return (
    <PrintFrame
      back={`/production/shipments?month=${month}`}
      backLabel={t(tx('返回月末统计', 'Back to the month summary'))}
      ready={!!s}
      loading={q.isLoading}
      error={q.error}
    >
      {s && (
        <PrintSheet<MonthSummaryView['collection'][number]>
          title={t(tx('货款回收汇总表', 'Collection summary'))}
          meta={monthMeta(t, month, s)}
          rows={rows}
          rowKey={(r) => r.customer}
          columns={[
            { key: 'customer', title: t(tx('客户', 'Customer')), width: '30%' },
            { key: 'invoiced', title: t(tx('开票金额（元）', 'Invoiced')), width: '17%', align: 'right', render: (r) => num(r.invoiced) },
            { key: 'collected', title: t(tx('回款金额（元）', 'Collected')), width: '17%', align: 'right', render: (r) => num(r.collected) },
            { key: 'outstanding', title: t(tx('未回款（元）', 'Outstanding')), width: '17%', align: 'right', render: (r) => num(r.outstanding) },
            { key: 'rate', title: t(tx('回款率', 'Collected share')), width: '11%', align: 'right', render: (r) => pct(r.collected, r.invoiced) },
          ]}
          signatures={monthSigns(t)}
        >
          <div data-testid="print-total">
            {t(tx('合计：', 'Total: '))}
            {t(tx('开票', 'invoiced'))} {fmt(sum('invoiced'))}；{t(tx('回款', 'collected'))} {fmt(sum('collected'))}；{t(tx('未回款', 'outstanding'))}{' '}
            {fmt(sum('outstanding'))}；{t(tx('回款率', 'collected share'))} {pct(sum('collected'), sum('invoiced'))}
          </div>
        </PrintSheet>
      )}
    </PrintFrame>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Space, Spin } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { MaterialPlanView } from '#production';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { PrintButton, PrintSheet } from '../../../ui/print-sheet';
import { usePlanSignatures } from '../plan-signatures';
import { fmt, SOURCE_LABELS } from '../production.labels';
import { PERIOD_LABELS } from '../warehouse/warehouse.labels';
import { useMaterialPlan } from './material-plan.panel';

type Material = MaterialPlanView['materials'][number];

/** 物料需求计划 on A4: the netting per material, and the orders per period beneath (T4 第二十二条). */
export function MaterialPlanPrintPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const period = params.get('period') as 'day' | 'week' | 'month' | null;
  const q = useMaterialPlan(id, period ?? undefined);
  const m = q.data;
  const signed = usePlanSignatures(id);
  return (
    <div>
      <Space className="zd-no-print" style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/production/plans/${id}`)}>
          {t(tx('返回计划', 'Back to the plan'))}
        </Button>
        <PrintButton disabled={!m} />
      </Space>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
      {m && (
        <PrintSheet<Material>
          title={`${m.title} ${t(tx('物料需求计划', 'material plan'))}`}
          meta={[{ label: t(tx('合并周期', 'Per')), value: t(PERIOD_LABELS[m.period]) }]}
          rows={m.materials}
          rowKey={(x) => x.itemId}
          columns={[
            { key: 'kind', title: t(tx('类别', 'Kind')), width: '7%', render: (x) => t(SOURCE_LABELS[x.kind]) },
            { key: 'item', title: t(tx('物料', 'Item')), render: (x) => `${x.code} ${x.name}` },
            { key: 'unit', title: t(tx('单位', 'Unit')), width: '6%', render: (x) => x.unit },
            { key: 'gross', title: t(tx('毛需求', 'Gross')), width: '11%', align: 'right', render: (x) => fmt(x.gross) },
            { key: 'onHand', title: t(tx('现有', 'On hand')), width: '11%', align: 'right', render: (x) => fmt(x.onHand) },
            { key: 'safety', title: t(tx('安全', 'Safety')), width: '9%', align: 'right', render: (x) => fmt(x.safety) },
            { key: 'net', title: t(tx('净需求', 'Net')), width: '11%', align: 'right', render: (x) => fmt(x.net) },
            { key: 'planned', title: t(tx('计划量', 'Planned')), width: '11%', align: 'right', render: (x) => fmt(x.planned) },
          ]}
          signatures={signed.lines ?? [t(tx('编制（生产部）', 'Prepared (production)')), t(tx('审核', 'Reviewed')), t(tx('批准', 'Approved'))]}
        >
          {m.totals
            .map((u) => `${t(tx(`合计（${u.unit}）`, `Total (${u.unit})`))} ${fmt(u.values.gross)} / ${fmt(u.values.net)} / ${fmt(u.values.planned)}`)
            .join('；')}
          <table className="zd-print-table" style={{ marginTop: '4mm' }}>
            <thead>
              <tr>
                <th>{t(tx('物料', 'Item'))}</th>
                <th>{t(tx('周期起', 'Period'))}</th>
                <th>{t(tx('需用日', 'Needed on'))}</th>
                <th>{t(tx('下单/投产日', 'Release on'))}</th>
                <th style={{ textAlign: 'right' }}>{t(tx('计划量', 'Planned'))}</th>
              </tr>
            </thead>
            <tbody>
              {m.orders.map((o) => (
                <tr key={`${o.itemId}-${o.periodStart}`}>
                  <td>{`${o.code} ${o.name}`}</td>
                  <td>{o.periodStart}</td>
                  <td>{o.needOn}</td>
                  <td>{o.releaseOn}</td>
                  <td style={{ textAlign: 'right' }}>{`${fmt(o.qty)} ${o.unit}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </PrintSheet>
      )}
    </div>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { PurchaseLine, PurchasePlanView } from '#production';
import { get } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { PrintButton, PrintSheet } from '../../../ui/print-sheet';
import { fmt, STATE_LABELS } from '../production.labels';
import { PERIOD_LABELS } from '../warehouse/warehouse.labels';

/** 物资采购计划 on A4 for the buyer: the order lines by supplier, the suppliers' totals, the signatures of the chain. */
export function PurchasePlanPrintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['production', 'purchase-plan', id], queryFn: () => get<PurchasePlanView>(`/production/purchase-plans/${id}`) });
  const p = q.data;
  return (
    <div>
      <Space className="zd-no-print" style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/production/purchase-plans/${id}`)}>
          {t(tx('返回采购计划', 'Back to the plan'))}
        </Button>
        <PrintButton disabled={!p} />
      </Space>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
      {p && (
        <PrintSheet<PurchaseLine>
          title={t(tx('物资采购计划', 'Purchase plan'))}
          meta={[
            { label: t(tx('编号', 'No.')), value: p.number },
            { label: t(tx('依据', 'From')), value: `${p.sourcePlanNumber ?? ''} ${p.sourcePlanTitle}` },
            { label: t(tx('合并周期', 'Per')), value: t(PERIOD_LABELS[p.orderPeriod]) },
            { label: t(tx('状态', 'State')), value: t(STATE_LABELS[p.state]) },
          ]}
          rows={p.orders}
          rowKey={(o) => o.id}
          columns={[
            { key: 'supplier', title: t(tx('供应商', 'Supplier')), width: '16%', render: (o) => o.supplier },
            { key: 'code', title: t(tx('物料编码', 'Code')), width: '12%', render: (o) => o.code },
            { key: 'name', title: t(tx('品名规格', 'Item')), render: (o) => `${o.name} ${o.spec}` },
            { key: 'unit', title: t(tx('单位', 'Unit')), width: '6%', render: (o) => o.unit },
            { key: 'need', title: t(tx('到货日', 'Due')), width: '11%', render: (o) => o.needOn },
            { key: 'release', title: t(tx('下单日', 'Order by')), width: '11%', render: (o) => o.releaseOn },
            { key: 'qty', title: t(tx('采购数量', 'Quantity')), width: '12%', align: 'right', render: (o) => fmt(o.qty) },
          ]}
          signatures={[
            t(tx('编制（采购部）', 'Prepared (purchasing)')),
            t(tx('审核（副总经理）', 'Reviewed (vice GM)')),
            t(tx('批准（总经理）', 'Approved (GM)')),
          ]}
        >
          {t(tx('供应商汇总：', 'Per supplier: '))}
          {p.suppliers
            .map(
              (s) =>
                `${s.supplier || t(tx('未指定', 'none'))} ${s.lines} ${t(tx('行', 'lines'))}（${s.byUnit.map((u) => `${fmt(u.qty)} ${u.unit}`).join('，')}）`,
            )
            .join('；')}
          {t(tx('。依据 T4 第二十三条，经有关领导逐级审批后组织实施。', '. T4 art. 23: carried out once approved level by level.'))}
        </PrintSheet>
      )}
    </div>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { PrintButton, PrintSheet } from '../../ui/print-sheet';
import { fmt, KIND_LABELS, STATE_LABELS } from './production.labels';
import { usePlanSignatures } from './plan-signatures';
import type { PlanLine, PlanView } from './production.types';

/** The plan as an A4 form with Chinese headers and signature lines; weeks as columns for a month. */
export function PlanPrintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['production', 'plan', id], queryFn: () => get<PlanView>(`/production/plans/${id}`) });
  const plan = q.data;
  // Issue 14 item 11: the lines carry the electronic approvals; blank lines until they load.
  const signed = usePlanSignatures(id);
  const groups = plan
    ? plan.bucket === 'day'
      ? plan.capacityGroups
      : plan.buckets.map((b) => ({ start: b, label: { zh: `${Number(b.slice(5, 7))}月`, en: b.slice(0, 7) } }))
    : [];
  const sumOf = (l: PlanLine, k: number) => {
    if (!plan) return 0;
    const start = groups[k].start;
    const next = groups[k + 1]?.start;
    return l.quantities.reduce((s, q, i) => (plan.buckets[i] >= start && (!next || plan.buckets[i] < next) ? s + q : s), 0);
  };
  return (
    <div>
      <Space className="zd-no-print" style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/production/plans/${id}`)}>
          {t(tx('返回计划', 'Back to the plan'))}
        </Button>
        <PrintButton disabled={!plan} />
      </Space>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
      {plan && (
        <PrintSheet<PlanLine>
          title={plan.title}
          meta={[
            { label: t(tx('编号', 'No.')), value: plan.number ?? '—' },
            { label: t(tx('类型', 'Kind')), value: t(KIND_LABELS[plan.kind]) },
            { label: t(tx('期间', 'Period')), value: `${plan.periodStart} ~ ${plan.periodEnd}` },
            { label: t(tx('版本', 'Revision')), value: plan.revision ?? 1 },
            { label: t(tx('状态', 'State')), value: t(STATE_LABELS[plan.state]) },
          ]}
          rows={plan.lines}
          rowKey={(l) => l.itemId}
          columns={[
            { key: 'code', title: t(tx('编码', 'Code')), width: '12%', render: (l) => plan.items[l.itemId]?.code },
            { key: 'name', title: t(tx('品名规格', 'Product')), render: (l) => `${plan.items[l.itemId]?.name ?? ''} ${plan.items[l.itemId]?.spec ?? ''}` },
            { key: 'unit', title: t(tx('单位', 'Unit')), width: '6%', render: (l) => plan.items[l.itemId]?.unit },
            ...groups.map((g, k) => ({ key: g.start, title: t(g.label).split(' ')[0], align: 'right' as const, render: (l: PlanLine) => fmt(sumOf(l, k)) })),
            { key: 'total', title: t(tx('合计', 'Total')), align: 'right', render: (l) => fmt(l.total) },
          ]}
          signatures={signed.lines ?? [t(tx('编制（生产部）', 'Prepared (production)')), t(tx('审核', 'Reviewed')), t(tx('批准', 'Approved'))]}
        >
          {t(tx('合计：', 'Total: '))}
          {fmt(plan.lines.reduce((s, l) => s + l.total, 0))}
          {plan.allOverloads.length > 0 &&
            `；${t(tx('超产能及应对措施：', 'Over capacity and countermeasures: '))}${plan.allOverloads
              .map(
                (o) =>
                  `${o.workshopName} ${t(o.label)} ${plan.countermeasures
                    .filter((c) => c.workshopId === o.workshopId && o.start >= c.bucketStart && o.start <= (c.bucketEnd ?? c.bucketStart))
                    .map((c) => c.description)
                    .join('、')}`,
              )
              .join('；')}`}
        </PrintSheet>
      )}
    </div>
  );
}

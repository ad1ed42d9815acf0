import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Tag, Typography } from 'antd';
import type { ReserveCeilings } from '#production';
import { get } from '../../ui/api';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { type ListColumn, ListTable } from '../../ui/list-table';
import { ErrorAlert } from '../../ui/page';
import { fmt } from './production.labels';
import type { PlanView } from './production.types';

type Row = ReserveCeilings['rows'][number];

const STATUS: Record<Row['status'], { text: Text; color: string }> = {
  unset: { text: tx('未设最高库存', 'No maximum set'), color: 'default' },
  below: { text: tx('低于最大产量所需', 'Below the need at maximum output'), color: 'red' },
  ok: { text: tx('满足最大产量', 'Meets maximum output'), color: 'green' },
  hold: { text: tx('年度计划变化不大，不应调整', 'Annual plan changed little; keep it'), color: 'orange' },
  adjust: { text: tx('可按最大产量调整', 'May be set to the ceiling'), color: 'blue' },
};

/** PP-7 (T1 7): material and WIP ceilings at the plant's maximum output, against the item master's maximum stock. */
export function ReserveCeilingPanel({ plan }: { plan: PlanView }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['production', 'plan', plan.id, 'ceilings', plan.version],
    queryFn: () => get<ReserveCeilings>(`/production/plans/${plan.id}/ceilings`),
  });
  const d = q.data;
  const columns: ListColumn<Row>[] = [
    { key: 'item', title: t(tx('物料', 'Item')), card: 'title', render: (_, r) => `${r.code} ${r.name}` },
    {
      key: 'status',
      title: t(tx('状态', 'Status')),
      card: 'status',
      render: (_, r) => (
        <Tag color={STATUS[r.status].color} data-testid={`ceiling-status-${r.code}`}>
          {t(STATUS[r.status].text)}
        </Tag>
      ),
    },
    {
      key: 'kind',
      title: t(tx('类别', 'Kind')),
      render: (_, r) =>
        r.kind === 'wip' ? `${t(tx('在制品', 'Work in progress'))}${r.workshopName ? ` · ${r.workshopName}` : ''}` : t(tx('物资准备', 'Material')),
    },
    {
      key: 'needPerDay',
      title: t(tx('最大产量日需用量', 'Need per day at maximum output')),
      align: 'right',
      render: (_, r) => `${fmt(r.needPerDay)} ${r.unit}`,
    },
    { key: 'reserveDays', title: t(tx('储备天数', 'Reserve days')), align: 'right', render: (_, r) => fmt(r.reserveDays) },
    { key: 'ceiling', title: t(tx('最高储备量', 'Ceiling')), align: 'right', render: (_, r) => <strong>{`${fmt(r.ceiling)} ${r.unit}`}</strong> },
    {
      key: 'currentMax',
      title: t(tx('现最高库存', 'Current maximum stock')),
      align: 'right',
      render: (_, r) => (r.currentMax === null ? t(tx('未设', 'Not set')) : `${fmt(r.currentMax)} ${r.unit}`),
    },
  ];
  if (!d) return <ErrorAlert error={q.error} />;
  const change = d.stability.annualChangePct;
  return (
    <div data-testid="reserve-ceilings">
      <Alert type="info" style={{ marginBottom: 12 }} message={t(tx('制度规定', 'The regulation'))} description={t(d.regulation)} />
      {d.mixFrom === 'annual' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(tx('本计划尚无明细，按年度计划的产品结构计算最大产量', 'The plan has no lines yet: the annual plan’s product mix is used'))}
        />
      )}
      {d.stability.finding && <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="ceiling-stability" message={t(d.stability.finding)} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t(tx('最大产量', 'Maximum output'))}>
          {d.products.length === 0
            ? t(tx('计划尚无产品', 'No products in the plan'))
            : d.products.map((p) => `${p.name} ${fmt(p.maxPerDay)}/${t(tx('日', 'day'))}`).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('产能瓶颈', 'Bottleneck'))}>
          {d.bottleneck?.name ?? t(tx('无工艺路线，按计划产量', 'No routing; the planned output'))}
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('储备天数', 'Reserve days'))}>
          {t(
            tx(
              `物资 ${d.policy.materialReserveDays} 天，在制品 ${d.policy.wipReserveDays} 天`,
              `materials ${d.policy.materialReserveDays}, WIP ${d.policy.wipReserveDays} days`,
            ),
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('年度计划变化', 'Annual plan change'))}>
          {change === null
            ? t(tx('无上一版可比（首次确定）', 'No earlier revision (first setting)'))
            : t(tx(`${fmt(change, 1)}%（达到 ${d.stability.thresholdPct}% 才调整）`, `${fmt(change, 1)}% (moves at ${d.stability.thresholdPct}%)`))}
        </Descriptions.Item>
      </Descriptions>
      <ListTable
        rows={d.rows}
        rowKey="itemId"
        columns={columns}
        testId="ceiling-table"
        rowTestId={(r) => `ceiling-row-${r.code}`}
        empty={tx('计划尚无产品，无需储备', 'No products in the plan, nothing to reserve')}
        scrollX={820}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t(
          tx(
            '最大产量按本计划的产品结构放大到瓶颈车间满负荷计算；最高储备量 = 最大产量日需用量 × 储备天数，储备天数与调整幅度在制度参数中设置。',
            'Maximum output scales the plan’s product mix until the bottleneck workshop is full; ceiling = need per day at maximum output × reserve days, set in the policy with the change threshold.',
          ),
        )}
      </Typography.Paragraph>
    </div>
  );
}

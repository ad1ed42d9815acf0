import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Input, Popconfirm, Row, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { get, post, put } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { fmt } from './production.labels';
import type { PlanView } from './production.types';
import type { AbsorptionRow, AnnualInputView, OrderHeadroom } from '#production';

type Absorption = AbsorptionRow;

const DECISIONS: Record<string, { text: Text; color: string }> = {
  absorbed: { text: tx('在预估量内，毋需调整', 'Within the forecast'), color: 'green' },
  adjusted: { text: tx('超出预估量，计划调整', 'Above the forecast: adjusted'), color: 'orange' },
  pending: { text: tx('待计划员核对', 'For the planner to check'), color: 'gold' },
  drafting: { text: tx('已计入编制中的计划，批准时核对', 'In the draft; checked on approval'), color: 'blue' },
};

type Headroom = OrderHeadroom;

/** PP-12 (T4 第二十一条): per product, the plan's 预估量, the month's orders and what is left. */
function HeadroomTable({ plan }: { plan: PlanView }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['production', 'plan', plan.id, 'order-headroom', plan.version],
    queryFn: () => get<Headroom>(`/production/plans/${plan.id}/order-headroom`),
  });
  const h = q.data;
  return (
    <div data-testid="order-headroom" style={{ marginBottom: 16 }}>
      <ErrorAlert error={q.error} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t(
          tx(
            `本月已批准订单累计不超过月度计划的预估量${h && h.threshold !== 1 ? `（× ${h.threshold}）` : ''}时毋需调整计划，超出则按原审批流程调整（T4 第二十一条）。${h?.basis === 'draft' ? '计划尚在编制，按草稿中的预估量计算；预估量可在计划表中直接填写。' : h?.revision ? `按已批准的第 ${h.revision} 版计算。` : ''}`,
            `Orders of the month within the plan's forecast${h && h.threshold !== 1 ? ` (× ${h.threshold})` : ''} need no change; above it the plan is adjusted through its approval (T4 art. 21). ${h?.basis === 'draft' ? 'The plan is being compiled: the draft forecast counts; type it in the grid.' : h?.revision ? `Against approved revision ${h.revision}.` : ''}`,
          ),
        )}
      </Typography.Paragraph>
      <Table<Headroom['rows'][number]>
        size="small"
        rowKey="itemId"
        pagination={false}
        loading={q.isLoading}
        dataSource={h?.rows}
        // No sideways scroll: on a phone the headroom column must stay in view.
        tableLayout="fixed"
        columns={[
          { title: t(tx('产品', 'Product')), dataIndex: 'code', ellipsis: true, render: (v: string, r) => `${v} ${r.name}` },
          { title: t(tx('预估量', 'Forecast')), dataIndex: 'forecastQty', width: 84, align: 'right', render: (v: number) => fmt(v) },
          ...(h && h.threshold !== 1
            ? [{ title: t(tx('允许上限', 'Limit')), dataIndex: 'limitQty', width: 100, align: 'right' as const, render: (v: number) => fmt(v) }]
            : []),
          { title: t(tx('已订货', 'Ordered')), dataIndex: 'orderedQty', width: 84, align: 'right', render: (v: number) => fmt(v) },
          {
            title: t(tx('余量', 'Headroom')),
            dataIndex: 'headroom',
            width: 100,
            align: 'right',
            render: (v: number, r) =>
              r.isOver ? (
                <Tag color="red">{t(tx(`超出 ${fmt(-v)}`, `${fmt(-v)} over`))}</Tag>
              ) : (
                <span data-testid={`headroom-${r.code}`}>
                  {fmt(v)} {r.unit}
                </span>
              ),
          },
        ]}
      />
    </div>
  );
}

/** PP-12 (T4 第二十一条): the orders received after the plan and what they did to it. */
export function AbsorptionsPanel({ plan }: { plan: PlanView }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({
    queryKey: ['production', 'plan', plan.id, 'absorptions', plan.version],
    queryFn: () => get<Absorption[]>(`/production/plans/${plan.id}/absorptions`),
  });
  const isInForce = plan.state === 'approved' || plan.state === 'issued';
  const recheck = useMutation({
    mutationFn: () => post(`/production/plans/${plan.id}/absorptions/recheck`, {}),
    onSuccess: () => {
      message.success(t(tx('已核对', 'Checked')));
      qc.invalidateQueries({ queryKey: ['production', 'plan', plan.id] });
      qc.invalidateQueries({ queryKey: ['production', 'plans'] });
    },
  });
  const hasPending = (q.data ?? []).some((a) => a.decision === 'pending');
  return (
    <div data-testid="absorptions">
      <HeadroomTable plan={plan} />
      <ErrorAlert error={q.error ?? recheck.error} />
      {hasPending && isInForce && can('production.plan.write') && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={t(
            tx(
              '有订单待核对：核对后在预估量内的计为吸收；超出的将把计划转为调整稿，按原审批流程报批。',
              'Orders wait to be checked: within the forecast they are absorbed; above it the plan becomes an adjustment draft for its approval chain.',
            ),
          )}
          action={
            <Popconfirm
              title={t(
                tx('核对待处理的订单？超出预估量时计划将转为调整稿。', 'Check the waiting orders? Above the forecast the plan becomes an adjustment draft.'),
              )}
              onConfirm={() => recheck.mutate()}
            >
              <Button size="small" type="primary" loading={recheck.isPending} data-testid="absorptions-recheck">
                {t(tx('核对并处理', 'Check and settle'))}
              </Button>
            </Popconfirm>
          }
        />
      )}
      <Table<Absorption>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={q.data}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t(tx('销售计划单', 'Sales order sheet')),
            dataIndex: 'salesSheetNumber',
            width: 140,
            render: (v: string, r) => <Link to={`/production/orders/${r.orderId}`}>{v}</Link>,
          },
          { title: t(tx('客户', 'Customer')), dataIndex: 'customer' },
          { title: t(tx('订货', 'Ordered')), dataIndex: 'orderQty', width: 90, align: 'right', render: (v: number) => fmt(v) },
          {
            title: t(tx('本月累计', 'Month so far')),
            dataIndex: 'cumulativeQty',
            width: 100,
            align: 'right',
            render: (v: number, r) => (r.decision === 'pending' && !isInForce ? '—' : fmt(v)),
          },
          {
            title: t(tx('计划预估量', 'Forecast')),
            dataIndex: 'forecastQty',
            width: 100,
            align: 'right',
            render: (v: number, r) => (r.decision === 'pending' && !isInForce ? '—' : fmt(v)),
          },
          {
            title: t(tx('处理', 'Decision')),
            dataIndex: 'decision',
            width: 220,
            render: (d: string, r) => {
              const key = d === 'pending' && !isInForce ? 'drafting' : d;
              return (
                <Tag color={DECISIONS[key].color} data-testid={`absorption-${r.customer}`}>
                  {t(DECISIONS[key].text)}
                  {r.planRevision ? ` ${t(tx(`第 ${r.planRevision} 版`, `rev. ${r.planRevision}`))}` : ''}
                </Tag>
              );
            },
          },
        ]}
      />
    </div>
  );
}

type AnnualInput = AnnualInputView;

const PARTIES: { party: string; label: Text }[] = [
  { party: 'market', label: tx('市场部：市场预测、年度销售计划、价格预测', 'Market: forecast, sales plan, prices') },
  { party: 'finance', label: tx('财务部：资金、费用、成本预测', 'Finance: funds, expenses, cost') },
  { party: 'procurement', label: tx('采购部：原辅材料价格及市场预测', 'Procurement: material prices') },
  { party: 'rnd', label: tx('技术研发部：技改、科研、新产品计划', 'R&D: technical changes, new products') },
  { party: 'production', label: tx('生产部：设备能力、定额消耗、安全环保、产量计划', 'Production: capacity, norms, output') },
];

/** PP-6 (T3 第四条): what each department contributes to the annual plan draft. */
export function AnnualInputsPanel({ plan }: { plan: PlanView }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['production', 'plan', plan.id, 'inputs'], queryFn: () => get<AnnualInput[]>(`/production/plans/${plan.id}/annual-inputs`) });
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (party: string) => put(`/production/plans/${plan.id}/annual-inputs/${party}`, { content: drafts[party] ?? '' }),
    onSuccess: () => {
      message.success('✓');
      qc.invalidateQueries({ queryKey: ['production', 'plan', plan.id, 'inputs'] });
    },
  });
  return (
    <Row gutter={[12, 12]}>
      <Col span={24}>
        <ErrorAlert error={q.error ?? save.error} />
      </Col>
      {PARTIES.map(({ party, label }) => {
        const given = q.data?.find((i) => i.party === party);
        return (
          <Col key={party} xs={24} md={12}>
            <Card size="small" title={t(label)}>
              {given && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  {given.content}
                  <br />
                  <Typography.Text type="secondary">
                    {given.submittedByName} {dayjs(given.submittedAt).format('YYYY-MM-DD')}
                  </Typography.Text>
                </Typography.Paragraph>
              )}
              {can('document.write') && plan.isEditable && (
                <>
                  <Input.TextArea rows={3} value={drafts[party] ?? ''} onChange={(e) => setDrafts({ ...drafts, [party]: e.target.value })} />
                  <Button size="small" style={{ marginTop: 6 }} onClick={() => save.mutate(party)} loading={save.isPending}>
                    {t(tx('提交资料', 'Give input'))}
                  </Button>
                </>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Descriptions, List, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { MaterialPlanPanel } from './purchase/material-plan.panel';
import { ACTION_LABELS, fmt } from './production.labels';
import type { PlanSummary, PlanView } from './production.types';
import { orgTime } from '../../ui/time';
import type { PlanDiff } from '#production';

/** What the approver reads (on a phone too): the plan's summary and the approval history. */
export function PlanSummaryPanel({ plan }: { plan: PlanView }) {
  const { t, locale } = useI18n();
  const doc = plan.document;
  const body = doc?.body ?? {};
  // Issue 14 item 12: the generated text follows the language switch.
  const content = locale === 'en' && body.contentEn ? body.contentEn : body.content;
  const total = plan.lines.reduce((s, l) => s + l.total, 0);
  return (
    <div data-testid="plan-summary">
      {content ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }} data-testid="plan-text">
          {content}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph>
          {t(tx(`品种 ${plan.lines.length} 个，计划总量 ${fmt(total)}`, `${plan.lines.length} products, ${fmt(total)} in total`))}
        </Typography.Paragraph>
      )}
      <Descriptions size="small" bordered column={1}>
        {(body.lines?.length
          ? body.lines
          : plan.lines.map((l) => ({
              key: `${plan.items[l.itemId]?.code} ${plan.items[l.itemId]?.name}`,
              value: `${fmt(l.total)} ${plan.items[l.itemId]?.unit ?? ''}`,
            }))
        )
          .slice(0, 60)
          .map((l, i) => (
            <Descriptions.Item key={i} label={l.key}>
              {(locale === 'en' && (l as { valueEn?: string }).valueEn) || l.value}
            </Descriptions.Item>
          ))}
      </Descriptions>
      {doc && doc.timeline.length > 0 && (
        <Timeline
          style={{ marginTop: 16 }}
          items={doc.timeline.map((e) => ({
            children: (
              <span>
                {orgTime(e.at).format('YYYY-MM-DD HH:mm')} {e.actorName} {t(ACTION_LABELS[e.action] ?? { zh: e.action, en: e.action })}
                {e.stepNameZh ? `（${t({ zh: e.stepNameZh, en: e.stepNameEn ?? e.stepNameZh })}）` : ''}
                {e.revision > 1 ? t(tx(` 第 ${e.revision} 版`, ` rev. ${e.revision}`)) : ''}
                {e.opinion ? `：${e.opinion}` : ''}
              </span>
            ),
          }))}
        />
      )}
    </div>
  );
}

/** PP-8 / PP-14: the part, purchase and outsourcing plans the plan decomposes into, netted and per week. */
export function MaterialsPanel({ plan }: { plan: PlanView }) {
  return <MaterialPlanPanel plan={plan} />;
}

type Diff = PlanDiff;

/** CORE-4: what changed between two revisions, per product and day. */
export function DiffPanel({ plan }: { plan: PlanView }) {
  const { t } = useI18n();
  const options = [
    ...plan.revisions.map((r) => ({ value: String(r), label: t(tx(`第 ${r} 版`, `Revision ${r}`)) })),
    { value: 'working', label: t(tx('当前明细', 'Working lines')) },
  ];
  const [from, setFrom] = useState(String(plan.effectiveRevision ?? plan.revisions[0] ?? 'working'));
  const [to, setTo] = useState('working');
  const q = useQuery({
    queryKey: ['production', 'plan', plan.id, 'diff', from, to, plan.version],
    queryFn: () => get<Diff>(`/production/plans/${plan.id}/diff?from=${from}&to=${to}`),
  });
  return (
    <div data-testid="plan-diff">
      <Space wrap style={{ marginBottom: 8 }}>
        <Select aria-label={t(tx('对比版本（旧）', 'Compare from'))} value={from} onChange={setFrom} options={options} style={{ width: 140 }} />→
        <Select aria-label={t(tx('对比版本（新）', 'Compare to'))} value={to} onChange={setTo} options={options} style={{ width: 140 }} />
      </Space>
      <ErrorAlert error={q.error} />
      <List
        size="small"
        dataSource={q.data?.changes ?? []}
        locale={{ emptyText: t(tx('两个版本没有差异', 'No differences')) }}
        renderItem={(c) => {
          const i = q.data?.items[c.itemId];
          return (
            <List.Item>
              <div>
                <Tag color={c.kind === 'added' ? 'green' : c.kind === 'removed' ? 'red' : 'blue'}>
                  {t({ added: tx('新增', 'Added'), removed: tx('删除', 'Removed'), changed: tx('修改', 'Changed') }[c.kind])}
                </Tag>
                <strong>
                  {i?.code} {i?.name}
                </strong>{' '}
                {t(tx('合计', 'Total'))} {fmt(c.totalBefore)} → {fmt(c.totalAfter)}
                {c.forecastBefore !== c.forecastAfter && ` · ${t(tx('预估', 'Forecast'))} ${fmt(c.forecastBefore)} → ${fmt(c.forecastAfter)}`}
                <div style={{ color: '#888' }}>
                  {c.buckets
                    .slice(0, 12)
                    .map((b) => `${q.data?.buckets[b.index]?.slice(5) ?? b.index}: ${fmt(b.before)}→${fmt(b.after)}`)
                    .join('，')}
                  {c.buckets.length > 12 ? ' …' : ''}
                </div>
              </div>
            </List.Item>
          );
        }}
      />
    </div>
  );
}

interface Distribution {
  total: number;
  acknowledged: number;
  pending: string[];
  receipts: { id: string; revision: number; recipientName: string; issuedAt: string; acknowledgedAt: string | null; acknowledgedByName: string | null }[];
}

/** CORE-5: who received the plan and who has not acknowledged it. */
export function DistributionPanel({ plan }: { plan: PlanView }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['production', 'plan', plan.id, 'distribution', plan.document?.version],
    queryFn: () => get<Distribution>(`/documents/${plan.documentId}/distribution`),
    enabled: !!plan.documentId,
  });
  if (!q.data) return <ErrorAlert error={q.error} />;
  return (
    <div data-testid="distribution">
      <Typography.Paragraph>
        {t(tx(`已签收 ${q.data.acknowledged} / ${q.data.total}`, `${q.data.acknowledged} of ${q.data.total} acknowledged`))}
        {q.data.pending.length > 0 && `；${t(tx('未签收：', 'Not yet: '))}${q.data.pending.join('、')}`}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={q.data.receipts}
        scroll={{ x: 560 }}
        columns={[
          { title: t(tx('版本', 'Revision')), dataIndex: 'revision', width: 70 },
          { title: t(tx('接收部门/人员', 'Recipient')), dataIndex: 'recipientName' },
          { title: t(tx('下达时间', 'Issued')), dataIndex: 'issuedAt', width: 150, render: (v: string) => orgTime(v).format('MM-DD HH:mm') },
          {
            title: t(tx('签收', 'Acknowledged')),
            dataIndex: 'acknowledgedAt',
            width: 190,
            render: (v: string | null, r) =>
              v ? `${orgTime(v).format('MM-DD HH:mm')} ${r.acknowledgedByName ?? ''}` : <Tag color="orange">{t(tx('未签收', 'Pending'))}</Tag>,
          },
        ]}
      />
    </div>
  );
}

/** PP-10: the workshops' weekly plans derived from this monthly plan. */
export function WeeklyPanel({ plan }: { plan: PlanView }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [week, setWeek] = useState(dayjs(plan.periodStart));
  const list = useQuery({
    queryKey: ['production', 'plans', 'weekly', plan.id],
    queryFn: () => get<PlanSummary[]>(`/production/plans?kind=weekly&from=${plan.periodStart}&to=${plan.periodEnd}`),
  });
  const derive = useMutation({
    mutationFn: () => post(`/production/plans/${plan.id}/weekly`, { weekOf: week.format('YYYY-MM-DD') }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['production', 'plans', 'weekly', plan.id] }),
  });
  const isInForce = plan.effectiveRevision !== null;
  return (
    <div>
      <ErrorAlert error={list.error ?? derive.error} />
      <Space wrap style={{ marginBottom: 8 }}>
        <DatePicker aria-label={t(tx('周', 'Week'))} picker="week" value={week} onChange={(d) => d && setWeek(d)} allowClear={false} />
        <Button type="primary" disabled={!isInForce} loading={derive.isPending} onClick={() => derive.mutate()} data-testid="weekly-derive">
          {t(tx('分解本周车间计划', 'Derive the weekly plans'))}
        </Button>
        {!isInForce && <Typography.Text type="secondary">{t(tx('月度计划批准后才能分解周计划', 'Approve the monthly plan first'))}</Typography.Text>}
      </Space>
      <Table<PlanSummary>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={list.data}
        scroll={{ x: 560 }}
        columns={[
          { title: t(tx('周计划', 'Weekly plan')), dataIndex: 'title', render: (v: string, r) => <Link to={r.link}>{v}</Link> },
          { title: t(tx('车间', 'Workshop')), dataIndex: 'workshopName', width: 110 },
          {
            title: t(tx('状态', 'State')),
            dataIndex: 'state',
            width: 90,
            render: (s: string) => (s === 'confirmed' ? <Tag color="green">{t(tx('已确认', 'Confirmed'))}</Tag> : <Tag>{t(tx('待确认', 'To confirm'))}</Tag>),
          },
          { title: t(tx('合计', 'Total')), dataIndex: 'total', width: 100, align: 'right', render: (v: number) => fmt(v) },
        ]}
      />
    </div>
  );
}

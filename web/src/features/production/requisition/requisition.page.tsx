import type { RequisitionView } from '#production';
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Grid, Input, List, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get, post } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { fmt } from '../production.labels';
import { daysText, EVENTS, SOURCES, STAGES } from './requisition.labels';
import { orgTime } from '../../../ui/time';

type Line = RequisitionView['lines'][number];
const at = (iso: string | null) => (iso ? orgTime(iso).format('YYYY-MM-DD HH:mm') : '');

export function useRequisition(id: string) {
  return useQuery({ queryKey: ['production', 'requisition', id], queryFn: () => get<RequisitionView>(`/production/requisitions/${id}`) });
}

/** Approve or reject (big buttons on a phone, opinion required to reject), or withdraw one's own. */
function RequisitionActions({ r }: { r: RequisitionView }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const isMobile = !Grid.useBreakpoint().md;
  const [opinion, setOpinion] = useState('');
  const act = useMutation({
    mutationFn: (action: 'approve' | 'reject' | 'withdraw') =>
      post<RequisitionView>(`/production/requisitions/${r.id}/${action}`, { version: r.version, opinion: opinion.trim() || undefined }),
    onSuccess: (v) => {
      setOpinion('');
      message.success(`${t(STAGES[v.stage].text)} ✓`);
      qc.invalidateQueries({ queryKey: ['production'] });
      qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
  const can = (a: RequisitionView['allowedActions'][number]) => r.allowedActions.includes(a);
  if (!can('approve') && !can('withdraw')) return null;
  const big = { size: 'large' as const, block: isMobile };
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="requisition-actions">
      <ErrorAlert error={act.error} />
      {r.state === 'escalated' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={t(
            tx('车间主任已批准；以下超定额物料须由您再批准（T4 第三十条）', 'The director approved; the lines above the norm need your approval (T4 art. 30)'),
          )}
        />
      )}
      {can('approve') && (
        <Input.TextArea
          value={opinion}
          onChange={(e) => setOpinion(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={2000}
          placeholder={t(tx('审批意见（退回时必填）', 'Opinion (required to reject)'))}
          style={{ marginBottom: 8 }}
          data-testid="requisition-opinion"
        />
      )}
      <Space wrap direction={isMobile ? 'vertical' : 'horizontal'} style={{ width: isMobile ? '100%' : undefined }}>
        {can('approve') && (
          <Button type="primary" {...big} loading={act.isPending} onClick={() => act.mutate('approve')} data-testid="requisition-approve">
            {t(tx('批准', 'Approve'))}
          </Button>
        )}
        {can('reject') && (
          <Button danger {...big} loading={act.isPending} onClick={() => act.mutate('reject')} data-testid="requisition-reject">
            {t(tx('退回', 'Reject'))}
          </Button>
        )}
        {can('withdraw') && (
          <Button
            {...big}
            onClick={() => modal.confirm({ title: t(tx('撤回这张领料单？', 'Withdraw this requisition?')), onOk: () => act.mutateAsync('withdraw') })}
            data-testid="requisition-withdraw"
          >
            {t(tx('撤回', 'Withdraw'))}
          </Button>
        )}
      </Space>
    </Card>
  );
}

function LinesTable({ r }: { r: RequisitionView }) {
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const aboveTag = <Tag color="red">{t(tx('超定额', 'Above norm'))}</Tag>;
  if (isMobile) {
    return (
      <List
        dataSource={r.lines}
        renderItem={(l) => (
          <List.Item data-testid="requisition-line" style={{ display: 'block', background: l.isAboveNorm ? '#fff1f0' : undefined, padding: 8 }}>
            <Space wrap size={4}>
              <Typography.Text strong>{l.name}</Typography.Text>
              <Typography.Text type="secondary">{l.code}</Typography.Text>
              {l.isAboveNorm && aboveTag}
            </Space>
            <div>
              {t(
                tx(
                  `申领 ${fmt(l.requestedQty)} · 已发 ${fmt(l.issuedQty)} · 未发 ${fmt(l.outstandingQty)} ${l.unit}`,
                  `Asked ${fmt(l.requestedQty)} · issued ${fmt(l.issuedQty)} · outstanding ${fmt(l.outstandingQty)} ${l.unit}`,
                ),
              )}
            </div>
            <div style={{ fontSize: 12, color: '#666' }}>
              {t(
                tx(
                  `定额 ${fmt(l.normQty)}${l.returnedQty ? ` · 退料 ${fmt(l.returnedQty)}` : ''}`,
                  `Norm ${fmt(l.normQty)}${l.returnedQty ? ` · returned ${fmt(l.returnedQty)}` : ''}`,
                ),
              )}
            </div>
            {l.reason && (
              <div style={{ fontSize: 12 }}>
                {t(tx('原因：', 'Reason: '))}
                {l.reason}
              </div>
            )}
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<Line>
      rowKey="lineNo"
      size="small"
      pagination={false}
      dataSource={r.lines}
      onRow={(l) => ({ style: l.isAboveNorm ? { background: '#fff1f0' } : undefined, 'data-testid': 'requisition-line' }) as object}
      columns={[
        { title: t(tx('物料', 'Item')), render: (_: unknown, l) => `${l.code} ${l.name}` },
        { title: t(tx('单位', 'Unit')), dataIndex: 'unit', width: 60 },
        { title: t(tx('定额用量', 'Norm')), dataIndex: 'normQty', width: 100, align: 'right', render: (v: number) => fmt(v) },
        {
          title: t(tx('申领', 'Requested')),
          dataIndex: 'requestedQty',
          width: 100,
          align: 'right',
          render: (v: number, l) => (
            <Space size={4}>
              {l.isAboveNorm && aboveTag}
              {fmt(v)}
            </Space>
          ),
        },
        { title: t(tx('已发', 'Issued')), dataIndex: 'issuedQty', width: 90, align: 'right', render: (v: number) => fmt(v) },
        { title: t(tx('退料', 'Returned')), dataIndex: 'returnedQty', width: 80, align: 'right', render: (v: number) => (v ? fmt(v) : '') },
        {
          title: t(tx('未发', 'Outstanding')),
          dataIndex: 'outstandingQty',
          width: 90,
          align: 'right',
          render: (v: number) => (
            <Typography.Text type={v > 0 ? 'warning' : undefined} data-testid="requisition-outstanding">
              {fmt(v)}
            </Typography.Text>
          ),
        },
        { title: t(tx('超定额原因', 'Reason')), dataIndex: 'reason' },
      ]}
    />
  );
}

/** PP-17: one requisition — lines requested / issued / outstanding, its approval, the issue and print links. */
export function RequisitionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useRequisition(id);
  const r = q.data;
  if (!r) return <Page title={tx('领料单', 'Requisition')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  return (
    <Page
      title={{ zh: `领料单 ${r.number}`, en: `Requisition ${r.number}` }}
      extra={
        <Space wrap>
          <Tag color={STAGES[r.stage].color} data-testid="requisition-stage">
            {t(STAGES[r.stage].text)}
          </Tag>
          {r.allowedActions.includes('issue') || r.allowedActions.includes('return') ? (
            <Link to={`/production/requisitions/${r.id}/issue`}>
              <Button type="primary" data-testid="requisition-go-issue">
                {t(r.allowedActions.includes('issue') ? tx('发料', 'Issue') : tx('退料', 'Return'))}
              </Button>
            </Link>
          ) : null}
          <Link to={`/production/requisitions/${r.id}/print`}>
            <Button icon={<PrinterOutlined />}>{t(tx('打印领料单', 'Print'))}</Button>
          </Link>
        </Space>
      }
    >
      <RequisitionActions r={r} />
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t(tx('车间', 'Workshop'))}>{r.workshopName}</Descriptions.Item>
        <Descriptions.Item label={t(tx('生产日期', 'Plan days'))}>{daysText(r.days)}</Descriptions.Item>
        <Descriptions.Item label={t(tx('依据', 'From'))}>{t(SOURCES[r.source])}</Descriptions.Item>
        <Descriptions.Item label={t(tx('领料人', 'Requested by'))}>
          {r.requestedByName} {at(r.requestedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('车间主任', 'Director'))}>{r.approvedByName ? `${r.approvedByName} ${at(r.approvedAt)}` : '—'}</Descriptions.Item>
        {r.isAboveNorm ? (
          <Descriptions.Item label={t(tx('超定额批准', 'Above-norm approval'))}>
            {r.aboveNormApprovedByName
              ? `${r.aboveNormApprovedByName} ${at(r.aboveNormApprovedAt)}`
              : t(tx(`待${r.aboveNormRoleName ?? ''}批准`, `Awaiting ${r.aboveNormRoleName ?? ''}`))}
          </Descriptions.Item>
        ) : null}
        {r.note ? <Descriptions.Item label={t(tx('备注', 'Note'))}>{r.note}</Descriptions.Item> : null}
      </Descriptions>
      <LinesTable r={r} />
      <Card size="small" title={t(tx('审批与发料记录', 'Approval and issues'))} style={{ marginTop: 12 }}>
        <Timeline
          items={[
            ...r.events.map((e) => ({
              key: `e${e.seq}`,
              color: e.action === 'reject' ? 'red' : 'blue',
              children: `${at(e.at)} ${e.actorName} ${t(EVENTS[e.action])}${e.opinion ? `：${e.opinion}` : ''}`,
            })),
            ...r.documents.map((d) => ({
              key: d.id,
              color: d.isReversed ? 'gray' : 'green',
              children: `${at(d.postedAt)} ${d.number} ${t(d.purpose === 'return' ? tx('退料入库', 'Return') : tx('领料出库', 'Issue'))}${d.isReversed ? t(tx('（已冲销）', ' (reversed)')) : ''}`,
            })),
          ]}
        />
      </Card>
    </Page>
  );
}

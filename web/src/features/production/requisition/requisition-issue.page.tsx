import type { IssueResult, RequisitionView } from '#production';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Result, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { post } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { fmt } from '../production.labels';
import { daysText, STAGES } from './requisition.labels';
import { useRequisition } from './requisition.page';

type Mode = 'issue' | 'return';
type Line = RequisitionView['lines'][number];

const REFUSALS: Partial<Record<RequisitionView['stage'], { zh: string; en: string }>> = {
  submitted: tx('尚未经车间主任批准，不能发料（T4 第二十八条）', 'Not approved by the workshop director yet: nothing may be issued (T4 art. 28)'),
  escalated: tx('超定额物料尚待批准，不能发料', 'Lines above the norm await approval: nothing may be issued'),
  rejected: tx('已被退回，不能发料', 'Rejected: nothing may be issued'),
  withdrawn: tx('已撤回，不能发料', 'Withdrawn: nothing may be issued'),
  issued: tx('已全部发料', 'Fully issued'),
};

/**
 * PP-17: the warehouse keeper's phone screen, opened by scanning the requisition's QR code:
 * the quantities to issue are filled in (what is outstanding, at most what is on hand), one
 * confirmation, posted. Unused material comes back on the same screen (退料).
 */
export function RequisitionIssuePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const q = useRequisition(id);
  const r = q.data;
  const [mode, setMode] = useState<Mode>('issue');
  const [qty, setQty] = useState<Record<string, number | null>>({});
  // What was posted, and how: the page refetches the requisition afterwards, which changes what it offers.
  const [done, setDone] = useState<(IssueResult & { mode: Mode }) | null>(null);
  const canIssue = !!r?.allowedActions.includes('issue');
  const canReturn = !!r?.allowedActions.includes('return');
  const effective: Mode = mode === 'return' && canReturn ? 'return' : canIssue ? 'issue' : canReturn ? 'return' : 'issue';
  useEffect(() => {
    if (!r) return;
    setQty(Object.fromEntries(r.lines.map((l) => [l.itemId, effective === 'issue' ? Math.max(0, Math.min(l.outstandingQty, l.onHand)) : 0])));
  }, [r, effective]);
  const send = useMutation({
    mutationFn: (lines: { itemId: string; qty: number }[]) => post<IssueResult>(`/production/requisitions/${id}/${effective}`, { lines }),
    onSuccess: (res) => {
      setDone({ ...res, mode: effective });
      qc.invalidateQueries({ queryKey: ['production'] });
      qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
  if (!r) return <Page title={tx('发料', 'Issue')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  const maxOf = (l: Line) => (effective === 'issue' ? l.outstandingQty : Math.max(0, l.issuedQty - l.returnedQty));
  const chosen = r.lines.filter((l) => (qty[l.itemId] ?? 0) > 0).map((l) => ({ itemId: l.itemId, qty: qty[l.itemId] as number, line: l }));
  const confirm = () =>
    modal.confirm({
      title: t(
        effective === 'issue' ? tx(`确认发料：${r.number}`, `Issue against ${r.number}?`) : tx(`确认退料：${r.number}`, `Take back material on ${r.number}?`),
      ),
      content: (
        <ul style={{ paddingLeft: 18, margin: 0 }}>
          {chosen.map((c) => (
            <li key={c.itemId}>
              {c.line.name} {fmt(c.qty)} {c.line.unit}
            </li>
          ))}
        </ul>
      ),
      okText: t(effective === 'issue' ? tx('过账发料', 'Post the issue') : tx('过账退料', 'Post the return')),
      onOk: () => send.mutateAsync(chosen.map(({ itemId, qty }) => ({ itemId, qty }))),
    });
  if (done) {
    const outstanding = done.requisition.lines.filter((l) => l.outstandingQty > 0);
    return (
      <Page title={{ zh: `发料 ${r.number}`, en: `Issue ${r.number}` }}>
        <div data-testid="issue-done">
          <Result
            status="success"
            title={t(
              done.mode === 'issue'
                ? tx(`已发料，出库单 ${done.documentNumber}`, `Issued: ${done.documentNumber}`)
                : tx(`已退料，入库单 ${done.documentNumber}`, `Returned: ${done.documentNumber}`),
            )}
            subTitle={
              outstanding.length
                ? t(
                    tx(
                      `尚有 ${outstanding.length} 种物料未发足：${outstanding.map((l) => `${l.name} ${fmt(l.outstandingQty)}${l.unit}`).join('，')}`,
                      `${outstanding.length} item(s) still outstanding`,
                    ),
                  )
                : t(tx('领料单已全部发料', 'The requisition is fully issued'))
            }
            extra={
              <Space direction="vertical">
                {done.shortages.length > 0 && (
                  <Alert
                    type="warning"
                    showIcon
                    message={t(tx('库存不足的部分已记为欠料，仍可补发', 'What was short is recorded as a shortage and stays outstanding'))}
                  />
                )}
                <Link to={`/production/requisitions/${id}`}>
                  <Button data-testid="issue-back">{t(tx('查看领料单', 'Open the requisition'))}</Button>
                </Link>
              </Space>
            }
          />
        </div>
      </Page>
    );
  }
  const refusal = !canIssue && !canReturn ? REFUSALS[r.stage] : undefined;
  return (
    <Page title={{ zh: `发料 ${r.number}`, en: `Issue ${r.number}` }}>
      <Card size="small" style={{ marginBottom: 8 }}>
        <Space wrap size={4}>
          <Typography.Text strong>{r.workshopName}</Typography.Text>
          <span>{daysText(r.days)}</span>
          <Tag color={STAGES[r.stage].color} data-testid="issue-stage">
            {t(STAGES[r.stage].text)}
          </Tag>
        </Space>
        <div style={{ fontSize: 12, color: '#666' }}>
          {t(tx(`领料人 ${r.requestedByName} · 批准 ${r.approvedByName ?? '—'}`, `By ${r.requestedByName} · approved by ${r.approvedByName ?? '—'}`))}
        </div>
      </Card>
      {refusal && <Alert type="error" showIcon message={t(refusal)} data-testid="issue-refused" />}
      {canIssue && canReturn && (
        <Segmented
          block
          value={effective}
          onChange={(v) => setMode(v as Mode)}
          options={[
            { value: 'issue', label: t(tx('发料', 'Issue')) },
            { value: 'return', label: t(tx('退料', 'Return')) },
          ]}
          style={{ marginBottom: 8 }}
        />
      )}
      {!refusal && (
        <>
          <ErrorAlert error={send.error} />
          <Space direction="vertical" style={{ width: '100%' }} size={6}>
            {r.lines.map((l) => (
              <div key={l.itemId} style={{ padding: 8, background: '#fafafa', borderRadius: 6 }} data-testid="issue-line">
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'center' }}>
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong>{l.name}</Typography.Text>
                    <div style={{ fontSize: 12, color: '#666' }}>
                      {effective === 'issue'
                        ? t(
                            tx(
                              `未发 ${fmt(l.outstandingQty)} · 库存 ${fmt(l.onHand, 0)}`,
                              `Outstanding ${fmt(l.outstandingQty)} · on hand ${fmt(l.onHand, 0)}`,
                            ),
                          )
                        : t(tx(`已发 ${fmt(l.issuedQty)} · 已退 ${fmt(l.returnedQty)}`, `Issued ${fmt(l.issuedQty)} · returned ${fmt(l.returnedQty)}`))}
                    </div>
                  </div>
                  <Space size={4}>
                    <InputNumber
                      min={0}
                      max={maxOf(l)}
                      value={qty[l.itemId]}
                      onChange={(v) => setQty({ ...qty, [l.itemId]: v })}
                      style={{ width: 110 }}
                      inputMode="decimal"
                      data-testid={`issue-qty-${l.code}`}
                    />
                    <span style={{ width: 24 }}>{l.unit}</span>
                  </Space>
                </div>
                {effective === 'issue' && l.onHand < l.outstandingQty && (
                  <Typography.Text type="warning" style={{ fontSize: 12 }}>
                    {t(tx('库存不足', 'Not enough on hand'))}
                  </Typography.Text>
                )}
              </div>
            ))}
          </Space>
          <Button
            type="primary"
            size="large"
            block
            style={{ marginTop: 12 }}
            disabled={chosen.length === 0}
            loading={send.isPending}
            onClick={confirm}
            data-testid="issue-confirm"
          >
            {t(
              effective === 'issue'
                ? tx(`确认发料（${chosen.length} 种）`, `Issue (${chosen.length})`)
                : tx(`确认退料（${chosen.length} 种）`, `Return (${chosen.length})`),
            )}
          </Button>
        </>
      )}
    </Page>
  );
}

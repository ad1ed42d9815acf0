import type { PlanDaysView, ProposalView, RequisitionView } from '#production';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Grid, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { get, post } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { fmt } from '../production.labels';
import type { Workshop } from '../production.types';
import { isAboveNorm } from './requisition.labels';

type Line = ProposalView['lines'][number];
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The days of the week the plan has work for, each with what is planned and the requisitions already made. */
function DayPicker({ week, value, onChange }: { week: PlanDaysView; value: string[]; onChange: (days: string[]) => void }) {
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  // A phone shows how much is planned; a desk shows what.
  const planned = (d: PlanDaysView['days'][number]) =>
    isMobile
      ? t(
          tx(
            `${d.products.length} 种产品，${fmt(
              d.products.reduce((s, p) => s + p.qty, 0),
              0,
            )}`,
            `${d.products.length} products, ${fmt(
              d.products.reduce((s, p) => s + p.qty, 0),
              0,
            )}`,
          ),
        )
      : d.products.map((p) => `${p.name} ${fmt(p.qty, 0)}${p.unit}`).join('，');
  return (
    <Checkbox.Group
      value={value}
      onChange={(v) => onChange((v as string[]).sort())}
      style={{ display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(${isMobile ? 110 : 150}px, 1fr))`, gap: 8, width: '100%' }}
    >
      {week.days.map((d, k) => (
        <Card
          key={d.day}
          size="small"
          styles={{ body: { padding: 8 } }}
          style={{ opacity: d.products.length ? 1 : 0.55 }}
          data-testid={`requisition-day-${d.day}`}
        >
          <Checkbox value={d.day} disabled={d.products.length === 0}>
            <Typography.Text strong>
              {Number(d.day.slice(5, 7))}/{Number(d.day.slice(8, 10))} {t(tx(`周${WEEKDAYS[k]}`, WEEKDAYS_EN[k]))}
            </Typography.Text>
          </Checkbox>
          <div style={{ fontSize: 12, color: '#666', marginTop: 4 }}>{d.products.length === 0 ? t(tx('无生产安排', 'Nothing planned')) : planned(d)}</div>
          {d.requisitions.length > 0 && (
            <Tag style={{ marginTop: 4, whiteSpace: 'normal' }}>
              {t(tx(`已领 ${d.requisitions.map((r) => r.number.slice(-4)).join('、')}`, `Done: ${d.requisitions.map((r) => r.number.slice(-4)).join(', ')}`))}
            </Tag>
          )}
        </Card>
      ))}
    </Checkbox.Group>
  );
}

/** PP-17 (T4 第二十八、三十八条): a requisition from the weekly plan, the quantities proposed from the norms. */
export function RequisitionNewPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const isMobile = !Grid.useBreakpoint().md;
  const [workshopId, setWorkshopId] = useState<string>();
  const [weekOf, setWeekOf] = useState<Dayjs>(dayjs());
  const [days, setDays] = useState<string[]>([]);
  const [qty, setQty] = useState<Record<string, number | null>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const workshops = useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops') });
  const week = useQuery({
    queryKey: ['production', 'requisition-week', workshopId ?? 'mine', weekOf.format('YYYY-MM-DD')],
    queryFn: () =>
      get<PlanDaysView>(`/production/requisitions/plan-days?weekOf=${weekOf.format('YYYY-MM-DD')}${workshopId ? `&workshopId=${workshopId}` : ''}`),
  });
  const shownWorkshop = week.data?.workshopId;
  // The first planned day from today on that nothing was requisitioned for yet (the day's task, 第三十八条).
  useEffect(() => {
    if (!week.data) return;
    const today = dayjs().format('YYYY-MM-DD');
    const next =
      week.data.days.find((d) => d.day >= today && d.products.length > 0 && d.requisitions.length === 0) ??
      week.data.days.find((d) => d.day >= today && d.products.length > 0);
    setDays(next ? [next.day] : []);
  }, [week.data]);
  const proposal = useQuery({
    queryKey: ['production', 'requisition-proposal', shownWorkshop, days.join(',')],
    queryFn: () => post<ProposalView>('/production/requisitions/proposal', { workshopId: shownWorkshop, days }),
    enabled: !!shownWorkshop && days.length > 0,
  });
  useEffect(() => {
    setQty(Object.fromEntries((proposal.data?.lines ?? []).map((l) => [l.itemId, l.proposedQty])));
    setReasons({});
  }, [proposal.data]);
  const tolerance = proposal.data?.tolerance ?? 0;
  const lines = proposal.data?.lines ?? [];
  const above = useMemo(
    () => new Set(lines.filter((l) => (qty[l.itemId] ?? 0) > 0 && isAboveNorm(l, qty[l.itemId] ?? 0, tolerance)).map((l) => l.itemId)),
    [lines, qty, tolerance],
  );
  const chosen = lines.filter((l) => (qty[l.itemId] ?? 0) > 0);
  const missingReason = [...above].some((id) => (reasons[id] ?? '').trim().length < 2);
  const create = useMutation({
    mutationFn: () =>
      post<RequisitionView>('/production/requisitions', {
        workshopId: shownWorkshop,
        days,
        note: note.trim() || undefined,
        lines: chosen.map((l) => ({ itemId: l.itemId, requestedQty: qty[l.itemId], reason: above.has(l.itemId) ? reasons[l.itemId] : undefined })),
      }),
    onSuccess: (r) => navigate(`/production/requisitions/${r.id}`),
  });
  const submit = () =>
    modal.confirm({
      title: t(tx('提交领料单？', 'Submit the requisition?')),
      content: t(
        above.size
          ? tx(
              `共 ${chosen.length} 种物料，其中 ${above.size} 种超定额：车间主任批准后还须经超定额批准人批准。`,
              `${chosen.length} items, ${above.size} above the norm: after the director, the above-norm approver decides.`,
            )
          : tx(
              `共 ${chosen.length} 种物料，提交后由车间主任批准（T4 第二十八条）。`,
              `${chosen.length} items; the workshop director approves next (T4 art. 28).`,
            ),
      ),
      okText: t(tx('提交', 'Submit')),
      onOk: () => create.mutateAsync(),
    });
  const qtyInput = (l: Line) => (
    <InputNumber
      min={0}
      value={qty[l.itemId]}
      onChange={(v) => setQty({ ...qty, [l.itemId]: v })}
      style={{ width: isMobile ? 105 : 130 }}
      inputMode="decimal"
      data-testid={`requisition-qty-${l.code}`}
    />
  );
  const reasonInput = (l: Line) =>
    above.has(l.itemId) ? (
      <Input
        status={(reasons[l.itemId] ?? '').trim().length < 2 ? 'error' : undefined}
        placeholder={t(tx('超定额原因（必填）', 'Reason above the norm (required)'))}
        value={reasons[l.itemId] ?? ''}
        onChange={(e) => setReasons({ ...reasons, [l.itemId]: e.target.value })}
        maxLength={500}
        data-testid={`requisition-reason-${l.code}`}
      />
    ) : null;
  return (
    <Page title={tx('填写领料单', 'New material requisition')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 140 }}
          value={shownWorkshop}
          onChange={setWorkshopId}
          options={(workshops.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
          placeholder={t(tx('车间', 'Workshop'))}
        />
        <DatePicker picker="week" value={weekOf} onChange={(v) => v && setWeekOf(v)} allowClear={false} />
      </Space>
      <ErrorAlert error={week.error} />
      {week.data?.hasUnconfirmedWeekly && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={t(
            tx('本周的车间周计划尚未确认，暂按月度计划的日安排领料', 'This week’s workshop plan is not confirmed yet: the monthly plan’s days are used'),
          )}
        />
      )}
      {week.data && <DayPicker week={week.data} value={days} onChange={setDays} />}
      <ErrorAlert error={proposal.error ?? create.error} />
      <Card
        size="small"
        style={{ marginTop: 12 }}
        title={t(
          isMobile
            ? tx('按定额建议的领料量', 'Proposed from the norms')
            : tx(
                '按定额建议的领料量（计划量 × 材料定额 ÷ 合格率，扣除已领）',
                'Proposed from the norms (plan × norm ÷ yield, less what was already requisitioned)',
              ),
        )}
      >
        {days.length === 0 ? (
          <Empty description={t(tx('请选择生产日期', 'Choose the plan days'))} />
        ) : isMobile ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            {lines.map((l) => (
              <div
                key={l.itemId}
                style={{ padding: 8, borderRadius: 6, background: above.has(l.itemId) ? '#fff1f0' : '#fafafa' }}
                data-testid="requisition-line"
              >
                <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong>{l.name}</Typography.Text>
                    {above.has(l.itemId) && (
                      <Tag color="red" style={{ marginLeft: 4 }}>
                        {t(tx('超定额', 'Above norm'))}
                      </Tag>
                    )}
                    <div style={{ fontSize: 12, color: '#666' }}>
                      {t(
                        tx(
                          `定额 ${fmt(l.normQty)} · 已领 ${fmt(l.priorQty)} · 库存 ${fmt(l.onHand, 0)}`,
                          `Norm ${fmt(l.normQty)} · already ${fmt(l.priorQty)} · on hand ${fmt(l.onHand, 0)}`,
                        ),
                      )}
                    </div>
                  </div>
                  <Space size={4}>
                    {qtyInput(l)}
                    <span style={{ width: 16 }}>{l.unit}</span>
                  </Space>
                </div>
                {reasonInput(l)}
              </div>
            ))}
          </Space>
        ) : (
          <Table<Line>
            rowKey="itemId"
            size="small"
            pagination={false}
            loading={proposal.isFetching}
            dataSource={lines}
            onRow={(l) => ({ style: above.has(l.itemId) ? { background: '#fff1f0' } : undefined, 'data-testid': 'requisition-line' }) as object}
            columns={[
              { title: t(tx('物料', 'Item')), render: (_: unknown, l) => `${l.code} ${l.name}` },
              { title: t(tx('规格', 'Spec')), dataIndex: 'spec', width: 110 },
              { title: t(tx('定额用量', 'Norm')), dataIndex: 'normQty', width: 100, align: 'right', render: (v: number) => fmt(v) },
              { title: t(tx('已领', 'Already')), dataIndex: 'priorQty', width: 90, align: 'right', render: (v: number) => fmt(v) },
              { title: t(tx('库存', 'On hand')), dataIndex: 'onHand', width: 100, align: 'right', render: (v: number) => fmt(v, 0) },
              {
                title: t(tx('申领数量', 'Requested')),
                width: 190,
                render: (_: unknown, l) => (
                  <Space>
                    {qtyInput(l)}
                    {l.unit}
                  </Space>
                ),
              },
              { title: t(tx('超定额原因', 'Reason above the norm')), width: 240, render: (_: unknown, l) => reasonInput(l) },
            ]}
          />
        )}
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t(tx('备注（可选）', 'Note (optional)'))}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={2000}
          style={{ marginTop: 12 }}
        />
        {missingReason && (
          <Alert type="error" showIcon style={{ marginTop: 8 }} message={t(tx('超定额的物料须说明原因', 'Give the reason for each line above the norm'))} />
        )}
        <Button
          type="primary"
          size="large"
          block={isMobile}
          style={{ marginTop: 12 }}
          disabled={chosen.length === 0 || missingReason}
          loading={create.isPending}
          onClick={submit}
          data-testid="requisition-submit"
        >
          {t(tx('提交车间主任批准', 'Submit to the workshop director'))}
        </Button>
      </Card>
    </Page>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Grid, InputNumber, List, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { get, post, put } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { DistributionPanel } from '../../approval/distribution.panel';
import { DocumentActions } from '../../approval/document-actions.panel';
import type { DocumentView } from '../../approval/approval.types';
import { fmt, STATE_COLORS, STATE_LABELS } from '../production.labels';
import type { ScheduleList, ScheduleView } from './report.types';

const stateTag = (state: string | null, t: ReturnType<typeof useI18n>['t']) =>
  state ? <Tag color={STATE_COLORS[state]}>{t(STATE_LABELS[state])}</Tag> : <Tag color="red">{t(tx('未编制', 'Not drawn up'))}</Tag>;

/** PP-29 (T2 (2011) 3.(1)): each workshop's daily schedule for next month, drawn up, approved and sent out. */
export function DailySchedulesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [month, setMonth] = useState<string | undefined>(params.get('month') ?? undefined);
  const q = useQuery({
    queryKey: ['production', 'daily-schedules', month ?? ''],
    queryFn: () => get<ScheduleList>(`/production/daily-schedules${month ? `?month=${month}` : ''}`),
  });
  const create = useMutation({
    mutationFn: (workshopId: string) => post<ScheduleView>('/production/daily-schedules', { month: q.data!.month, workshopId }),
    onSuccess: (s) => navigate(`/production/daily-schedules/${s.id}`),
  });
  const v = q.data;
  return (
    <Page
      title={tx('日生产进度表', 'Daily schedules')}
      extra={
        <DatePicker
          aria-label={t(tx('月份', 'Month'))}
          picker="month"
          allowClear={false}
          value={v ? dayjs(`${v.month}-01`) : undefined}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        />
      }
    >
      <ErrorAlert error={q.error ?? create.error} />
      {v && (
        <>
          <Alert
            type={v.planIssued ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            message={
              v.planIssued
                ? t(
                    tx(
                      `各车间按已下达的 ${v.planNumber} 编制 ${v.month} 日生产进度表，报生产副总、生产管理部、销售部、物控部、质量部、工程部（T2 附 3.(1)）`,
                      `Each workshop draws its ${v.month} schedule from the issued ${v.planNumber} and sends it to the VP and the departments (T2 appendix 3.(1))`,
                    ),
                  )
                : t(tx(`${v.month} 月度生产计划尚未下达，下达后即可编制`, `The ${v.month} plan is not issued yet`))
            }
          />
          <List
            data-testid="schedule-list"
            grid={{ gutter: 12, xs: 1, md: 2, xl: 3 }}
            dataSource={v.workshops}
            renderItem={(w) => (
              <List.Item>
                <Card size="small" title={w.workshopName} extra={stateTag(w.state, t)} data-testid="schedule-card">
                  <Space direction="vertical" size={4}>
                    {w.dueOn && <span>{t(tx(`报送期限 ${w.dueOn}`, `Due ${w.dueOn}`))}</span>}
                    {w.recipients > 0 && <span>{t(tx(`已签收 ${w.acknowledged}/${w.recipients}`, `Acknowledged ${w.acknowledged}/${w.recipients}`))}</span>}
                    {w.id && <Link to={`/production/daily-schedules/${w.id}`}>{w.number}</Link>}
                    {w.canCreate && (
                      <Button type="primary" loading={create.isPending} onClick={() => create.mutate(w.workshopId)} data-testid="schedule-create">
                        {t(tx('按月度计划编制', 'Draw from the plan'))}
                      </Button>
                    )}
                  </Space>
                </Card>
              </List.Item>
            )}
          />
        </>
      )}
    </Page>
  );
}

/** One workshop's schedule: the grid by day (edited by the director while a draft), its approval and distribution. */
export function DailySchedulePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const isMobile = !Grid.useBreakpoint().md;
  const q = useQuery({ queryKey: ['production', 'daily-schedule', id], queryFn: () => get<ScheduleView>(`/production/daily-schedules/${id}`) });
  const s = q.data;
  const doc = useQuery({ queryKey: ['document', s?.document.id], queryFn: () => get<DocumentView>(`/documents/${s!.document.id}`), enabled: !!s });
  const [grid, setGrid] = useState<Record<string, number[]>>({});
  const [product, setProduct] = useState<string | undefined>();
  useEffect(() => {
    if (s) setGrid(Object.fromEntries(s.lines.map((l) => [l.itemId, [...l.quantities]])));
  }, [s]);
  const save = useMutation({
    mutationFn: () =>
      put<ScheduleView>(`/production/daily-schedules/${id}/lines`, {
        version: s!.version,
        lines: s!.lines.map((l) => ({ itemId: l.itemId, quantities: grid[l.itemId] ?? l.quantities })),
      }),
    onSuccess: (v) => {
      qc.setQueryData(['production', 'daily-schedule', id], v);
      qc.invalidateQueries({ queryKey: ['document', v.document.id] });
      message.success(t(tx('已保存', 'Saved')));
    },
  });
  if (!s) return <Page title={tx('日生产进度表', 'Daily schedule')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  const state = doc.data?.state ?? s.document.state;
  const editable = s.canEdit && state === 'draft';
  const setQty = (itemId: string, k: number, v: number | null) =>
    setGrid((g) => ({ ...g, [itemId]: (g[itemId] ?? []).map((x, i) => (i === k ? (v ?? 0) : x)) }));
  const total = (itemId: string) => (grid[itemId] ?? []).reduce((a, b) => a + b, 0);
  const shown = s.lines.find((l) => l.itemId === product) ?? s.lines[0];
  return (
    <Page
      title={{ zh: `${s.workshopName} ${s.month} 日生产进度表`, en: `${s.workshopName} daily schedule ${s.month}` }}
      extra={
        <Space>
          {stateTag(state, t)}
          <span>{s.document.number}</span>
        </Space>
      }
    >
      <ErrorAlert error={save.error} />
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            `依据已下达的 ${s.planNumber}，按本车间工作日分解${s.dueOn ? `；报送期限 ${s.dueOn}` : ''}（T2 附 3.(1)）`,
            `From the issued ${s.planNumber}, over the workshop's working days${s.dueOn ? `; due ${s.dueOn}` : ''} (T2 appendix 3.(1))`,
          ),
        )}
      </Typography.Paragraph>
      {doc.data && <DocumentActions doc={doc.data} />}
      <Card
        size="small"
        title={t(tx('逐日数量', 'Quantities by day'))}
        extra={
          editable && (
            <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="schedule-save">
              {t(tx('保存', 'Save'))}
            </Button>
          )
        }
      >
        {isMobile ? (
          <>
            <Select
              aria-label={t(tx('产品', 'Product'))}
              style={{ width: '100%', marginBottom: 8 }}
              value={shown?.itemId}
              onChange={setProduct}
              options={s.lines.map((l) => ({ value: l.itemId, label: `${l.code} ${l.name}（${fmt(total(l.itemId))}/${fmt(l.planTotal)}${l.unit}）` }))}
            />
            {shown && (
              <List
                size="small"
                dataSource={s.days.map((d, k) => ({ d, k }))}
                renderItem={({ d, k }) => (
                  <List.Item style={{ opacity: s.working[k] ? 1 : 0.5 }}>
                    <span>
                      {d.slice(5)} {dayjs(d).format('dd')}
                    </span>
                    {editable ? (
                      <InputNumber<number> inputMode="decimal" min={0} value={grid[shown.itemId]?.[k] ?? 0} onChange={(v) => setQty(shown.itemId, k, v)} />
                    ) : (
                      <span>{fmt(grid[shown.itemId]?.[k] ?? 0)}</span>
                    )}
                  </List.Item>
                )}
              />
            )}
          </>
        ) : (
          <Table
            rowKey="itemId"
            size="small"
            pagination={false}
            scroll={{ x: 300 + s.days.length * 64 }}
            dataSource={s.lines}
            data-testid="schedule-grid"
            columns={[
              { title: t(tx('产品', 'Product')), fixed: 'left', width: 180, render: (_: unknown, l: ScheduleView['lines'][number]) => `${l.code} ${l.name}` },
              {
                title: t(tx('合计/计划', 'Total / plan')),
                fixed: 'left',
                width: 120,
                render: (_: unknown, l: ScheduleView['lines'][number]) => (
                  <Typography.Text
                    type={Math.abs(total(l.itemId) - l.planTotal) > 1e-6 ? 'warning' : undefined}
                  >{`${fmt(total(l.itemId))}/${fmt(l.planTotal)}`}</Typography.Text>
                ),
              },
              ...s.days.map((d, k) => ({
                title: <span style={{ color: s.working[k] ? undefined : '#bbb' }}>{d.slice(8)}</span>,
                width: 64,
                render: (_: unknown, l: ScheduleView['lines'][number]) =>
                  editable ? (
                    <InputNumber<number>
                      size="small"
                      min={0}
                      controls={false}
                      value={grid[l.itemId]?.[k] ?? 0}
                      onChange={(v) => setQty(l.itemId, k, v)}
                      style={{ width: 58 }}
                    />
                  ) : (
                    fmt(grid[l.itemId]?.[k] ?? 0)
                  ),
              })),
            ]}
          />
        )}
      </Card>
      {(state === 'issued' || state === 'closed') && (
        <Card size="small" title={t(tx('发放与签收', 'Distribution'))} style={{ marginTop: 12 }}>
          <DistributionPanel documentId={s.document.id} />
        </Card>
      )}
    </Page>
  );
}

import type { RequisitionStage, RequisitionSummary } from '#production';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Grid, List, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import type { Workshop } from '../production.types';
import { daysText, STAGES } from './requisition.labels';
import { orgTime } from '../../../ui/time';

/** PP-17: 领料单 by workshop, stage and plan days; a phone gets cards. */
export function RequisitionsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const isMobile = !Grid.useBreakpoint().md;
  const [workshopId, setWorkshopId] = useState<string>();
  const [stage, setStage] = useState<RequisitionStage>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query = new URLSearchParams();
  if (workshopId) query.set('workshopId', workshopId);
  if (stage) query.set('stage', stage);
  if (range?.[0]) query.set('from', range[0].format('YYYY-MM-DD'));
  if (range?.[1]) query.set('to', range[1].format('YYYY-MM-DD'));
  const q = useQuery({
    queryKey: ['production', 'requisitions', query.toString()],
    queryFn: () => get<RequisitionSummary[]>(`/production/requisitions?${query}`),
  });
  const workshops = useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops') });
  const stageTag = (s: RequisitionStage) => <Tag color={STAGES[s].color}>{t(STAGES[s].text)}</Tag>;
  return (
    <Page
      title={tx('领料单', 'Material requisitions')}
      extra={
        can('production.requisition.write') && (
          <Button type="primary" onClick={() => navigate('/production/requisitions/new')} data-testid="requisition-new">
            {t(tx('按周计划领料', 'Requisition from the plan'))}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label={t(tx('车间', 'Workshop'))}
          placeholder={t(tx('车间', 'Workshop'))}
          style={{ width: 140 }}
          value={workshopId}
          onChange={setWorkshopId}
          options={(workshops.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
          data-testid="requisition-filter-workshop"
        />
        <Select
          allowClear
          aria-label={t(tx('状态', 'State'))}
          placeholder={t(tx('状态', 'State'))}
          style={{ width: 150 }}
          value={stage}
          onChange={setStage}
          options={Object.entries(STAGES).map(([value, s]) => ({ value, label: t(s.text) }))}
          data-testid="requisition-filter-stage"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setRange(v)}
          style={{ width: isMobile ? '100%' : 260 }}
          aria-label={t(tx('生产日期', 'Production date'))}
          placeholder={[t(tx('生产日期起', 'From')), t(tx('止', 'To'))]}
        />
      </Space>
      <ErrorAlert error={q.error} />
      {isMobile ? (
        <List
          loading={q.isLoading}
          dataSource={q.data ?? []}
          locale={{ emptyText: t(tx('没有领料单', 'No requisitions')) }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/production/requisitions/${r.id}`)} style={{ cursor: 'pointer' }} data-testid="requisition-row">
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Typography.Text strong>{r.number}</Typography.Text>
                    {stageTag(r.stage)}
                    {r.isAboveNorm && <Tag color="red">{t(tx('超定额', 'Above norm'))}</Tag>}
                  </Space>
                }
                description={`${r.workshopName} · ${daysText(r.days)} · ${r.requestedByName}`}
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<RequisitionSummary>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={q.data}
          pagination={{ pageSize: 50 }}
          columns={[
            {
              title: t(tx('编号', 'Number')),
              dataIndex: 'number',
              width: 130,
              render: (v: string, r) => (
                <Link to={`/production/requisitions/${r.id}`} data-testid="requisition-link">
                  {v}
                </Link>
              ),
            },
            { title: t(tx('车间', 'Workshop')), dataIndex: 'workshopName', width: 110 },
            { title: t(tx('生产日期', 'Plan days')), dataIndex: 'days', render: (d: string[]) => daysText(d) },
            { title: t(tx('物料行', 'Lines')), dataIndex: 'lineCount', width: 80, align: 'right' },
            { title: t(tx('领料人', 'Requested by')), dataIndex: 'requestedByName', width: 100 },
            { title: t(tx('填写时间', 'Written')), dataIndex: 'requestedAt', width: 150, render: (v: string) => orgTime(v).format('YYYY-MM-DD HH:mm') },
            {
              title: t(tx('状态', 'State')),
              dataIndex: 'stage',
              width: 170,
              render: (s: RequisitionStage, r) => (
                <Space size={4}>
                  {stageTag(s)}
                  {r.isAboveNorm && <Tag color="red">{t(tx('超定额', 'Above norm'))}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Page>
  );
}

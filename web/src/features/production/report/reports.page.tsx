import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Drawer, Grid, List, Row, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { get } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { fmt } from '../production.labels';
import type { Workshop } from '../production.types';
import { ReportFormPanel } from './report-form.panel';
import { shiftLabel, STOPPAGE_LABELS } from './report.labels';
import type { ReportSummary, ReportView } from './report.types';
import { orgTime } from '../../../ui/time';

/** PP-18: the shift report on a phone, and the workshops' reports of the last month. */
export function DailyReportsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const isMobile = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const [workshopId, setWorkshopId] = useState<string | undefined>();
  const [amend, setAmend] = useState<ReportView | null>(null);
  const list = useQuery({
    queryKey: ['production', 'reports', workshopId],
    queryFn: () => get<ReportSummary[]>(`/production/reports${workshopId ? `?workshopId=${workshopId}` : ''}`),
  });
  const workshops = useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops') });
  const open = (id: string) => setParams({ id });
  const products = (r: ReportSummary) => (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', columnGap: 12 }}>
      {r.lines.map((l) => (
        <span key={l.itemId} title={l.name}>
          {l.code} {fmt(l.outputQty)}
          {l.unit}
          {l.warehouseQty > 0 && <Typography.Text type="secondary">{t(tx(` 进仓 ${fmt(l.warehouseQty)}`, ` in ${fmt(l.warehouseQty)}`))}</Typography.Text>}
        </span>
      ))}
    </div>
  );
  return (
    <Page title={tx('生产日报', 'Daily reports')}>
      <Row gutter={[12, 12]}>
        {can('production.report.write') && (
          <Col xs={24} lg={10}>
            <ReportFormPanel amend={amend} onDone={() => setAmend(null)} />
            {amend && (
              <Button type="link" onClick={() => setAmend(null)}>
                {t(tx('放弃更正', 'Cancel the amendment'))}
              </Button>
            )}
          </Col>
        )}
        <Col xs={24} lg={can('production.report.write') ? 14 : 24}>
          <Card
            size="small"
            title={t(tx('近一个月的日报', 'Reports of the last month'))}
            extra={
              <Select
                allowClear
                aria-label={t(tx('车间', 'Workshop'))}
                placeholder={t(tx('全部车间', 'All workshops'))}
                style={{ width: 130 }}
                value={workshopId}
                onChange={setWorkshopId}
                options={(workshops.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
              />
            }
          >
            <ErrorAlert error={list.error} />
            {isMobile ? (
              <List
                size="small"
                loading={list.isLoading}
                dataSource={list.data ?? []}
                pagination={{ pageSize: 8, size: 'small' }}
                data-testid="report-list"
                renderItem={(r) => (
                  <List.Item onClick={() => open(r.id)} style={{ cursor: 'pointer' }}>
                    <List.Item.Meta
                      title={
                        <Space wrap size={4}>
                          <span>{r.reportDate}</span>
                          <span>{r.workshopName}</span>
                          <Tag>{t(shiftLabel(r.shift))}</Tag>
                          {r.amendment > 0 && <Tag color="orange">{t(tx('已更正', 'Amended'))}</Tag>}
                        </Space>
                      }
                      description={
                        <>
                          <div>{products(r)}</div>
                          {r.stoppageMinutes > 0 && (
                            <Typography.Text type="warning">{t(tx(`停机 ${r.stoppageMinutes} 分钟`, `Stopped ${r.stoppageMinutes} min`))}</Typography.Text>
                          )}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Table<ReportSummary>
                rowKey="id"
                size="small"
                loading={list.isLoading}
                dataSource={list.data}
                data-testid="report-list"
                onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
                pagination={{ pageSize: 15 }}
                columns={[
                  { title: t(tx('日期', 'Date')), dataIndex: 'reportDate', width: 100 },
                  { title: t(tx('车间', 'Workshop')), dataIndex: 'workshopName', width: 90 },
                  { title: t(tx('班次', 'Shift')), dataIndex: 'shift', width: 70, render: (s: number) => t(shiftLabel(s)) },
                  { title: t(tx('产量与进仓', 'Output and 进仓')), render: (_: unknown, r) => products(r) },
                  {
                    title: t(tx('停机', 'Stopped')),
                    dataIndex: 'stoppageMinutes',
                    width: 70,
                    align: 'right',
                    render: (m: number) => (m ? t(tx(`${m} 分`, `${m} min`)) : ''),
                  },
                  {
                    title: t(tx('编号', 'Number')),
                    dataIndex: 'number',
                    width: 120,
                    render: (n: string, r) =>
                      r.amendment ? (
                        <Space size={2}>
                          {n}
                          <Tag color="orange">{t(tx('已更正', 'Amended'))}</Tag>
                        </Space>
                      ) : (
                        n
                      ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
      <ReportDrawer
        id={params.get('id')}
        onClose={() => setParams({})}
        onAmend={(r) => {
          setAmend(r);
          setParams({});
          window.scrollTo({ top: 0 });
        }}
      />
    </Page>
  );
}

function ReportDrawer({ id, onClose, onAmend }: { id: string | null; onClose: () => void; onAmend: (r: ReportView) => void }) {
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const q = useQuery({ queryKey: ['production', 'report', id], queryFn: () => get<ReportView>(`/production/reports/${id}`), enabled: !!id });
  const r = q.data;
  const name = (itemId: string) => r?.lines.find((l) => l.itemId === itemId)?.name ?? '';
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={isMobile ? '100%' : 620}
      title={r ? `${r.number} ${r.workshopName}` : t(tx('生产日报', 'Daily report'))}
      destroyOnHidden
    >
      <ErrorAlert error={q.error} />
      {r && (
        <>
          <Descriptions size="small" bordered column={isMobile ? 1 : 2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t(tx('日期', 'Date'))}>
              {r.reportDate} {t(shiftLabel(r.shift))}
            </Descriptions.Item>
            <Descriptions.Item label={t(tx('工时', 'Hours'))}>{fmt(r.hoursWorked)}</Descriptions.Item>
            <Descriptions.Item label={t(tx('填报人', 'Reported by'))}>
              {r.reportedByName} {orgTime(r.reportedAt).format('MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label={t(tx('生产入库单', 'Production receipt'))}>{r.receipt?.number ?? t(tx('无进仓', 'None'))}</Descriptions.Item>
            {r.note && <Descriptions.Item label={t(tx('备注', 'Note'))}>{r.note}</Descriptions.Item>}
          </Descriptions>
          <Table<ReportView['lines'][number]>
            size="small"
            rowKey="itemId"
            pagination={false}
            dataSource={r.lines}
            columns={[
              { title: t(tx('产品', 'Product')), render: (_: unknown, l) => `${l.code} ${l.name}` },
              { title: t(tx('计划', 'Plan')), dataIndex: 'plannedQty', align: 'right', render: (v: number) => fmt(v) },
              { title: t(tx('产量', 'Output')), dataIndex: 'outputQty', align: 'right', render: (v: number) => fmt(v) },
              { title: t(tx('进仓', 'In')), dataIndex: 'warehouseQty', align: 'right', render: (v: number) => fmt(v) },
              { title: t(tx('废品', 'Scrap')), dataIndex: 'scrapQty', align: 'right', render: (v: number) => fmt(v) },
            ]}
          />
          {r.stoppages.length > 0 && (
            <List
              size="small"
              header={<strong>{t(tx('停机', 'Stoppages'))}</strong>}
              dataSource={r.stoppages}
              renderItem={(s) => (
                <List.Item>
                  {t(STOPPAGE_LABELS[s.reason])} {s.minutes} {t(tx('分钟', 'min'))} {s.itemName ?? ''} {s.note}
                </List.Item>
              )}
            />
          )}
          {r.revisions.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                {t(tx('更正记录（原值）', 'Amendments (old values)'))}
              </Typography.Title>
              <Timeline
                data-testid="report-revisions"
                items={r.revisions.map((v) => ({
                  children: (
                    <div>
                      <strong>{v.amendedByName}</strong> {orgTime(v.amendedAt).format('MM-DD HH:mm')} · {v.reason}
                      <div>
                        {v.lines
                          .map((l) => `${name(l.itemId)} ${t(tx('产量', 'output'))} ${fmt(l.outputQty)} / ${t(tx('进仓', 'in'))} ${fmt(l.warehouseQty)}`)
                          .join('；')}
                      </div>
                    </div>
                  ),
                }))}
              />
            </>
          )}
          {r.canAmend && (
            <Button style={{ marginTop: 12 }} onClick={() => onAmend(r)} data-testid="report-amend">
              {t(tx('更正此日报', 'Amend this report'))}
            </Button>
          )}
        </>
      )}
    </Drawer>
  );
}

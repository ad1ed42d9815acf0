import { CheckSquareOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Grid, List, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { get } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { PatrolList, PatrolModal, RecordList, RecordModal } from './floor-records.panel';
import { RectificationsPanel } from './rectifications.panel';
import { SafetyItemsDrawer } from './safety-items.panel';
import type { FloorOverview } from './shopfloor.labels';
import { orgTime } from '../../../ui/time';

type WorkshopRow = FloorOverview['workshops'][number];

function TodayTag({ w }: { w: WorkshopRow }) {
  const { t } = useI18n();
  if (!w.isWorkingDay) return <Tag>{t(tx('休息日', 'Rest day'))}</Tag>;
  return w.checkedToday ? <Tag color="green">{t(tx('已检查', 'Checked'))}</Tag> : <Tag color="orange">{t(tx('未检查', 'Not checked'))}</Tag>;
}

/** 现场管理 (PP-20): one workshop's day on the floor; the production department sees every workshop. */
export function FloorPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const workshopId = params.get('workshopId') ?? undefined;
  const [modal, setModal] = useState<'patrol' | 'record' | 'items' | null>(null);
  const q = useQuery({
    queryKey: ['production', 'floor', workshopId ?? ''],
    queryFn: () => get<FloorOverview>(`/production/floor${workshopId ? `?workshopId=${workshopId}` : ''}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['production', 'floor'] });
  const o = q.data;
  if (!o) return <Page title={tx('现场管理', 'Shop floor')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  const w = o.workshop;
  const canWrite = can('production.shopfloor.write');
  return (
    <Page
      title={tx('现场管理', 'Shop floor')}
      extra={
        <Space wrap>
          {o.canSeeAll && (
            <Select
              aria-label={t(tx('车间', 'Workshop'))}
              style={{ width: 130 }}
              value={w?.id}
              onChange={(id) => setParams({ workshopId: id })}
              options={o.workshops.map((x) => ({ value: x.id, label: x.name }))}
              data-testid="floor-workshop"
            />
          )}
          {can('production.process.write') && <Button onClick={() => setModal('items')}>{t(tx('检查项设置', 'Checklist items'))}</Button>}
        </Space>
      }
    >
      <ErrorAlert error={q.error} />
      {o.canSeeAll && (
        <Card size="small" title={t(tx(`各车间今日（${o.today}）`, `Every workshop today (${o.today})`))} style={{ marginBottom: 12 }}>
          {isPhone ? (
            <List
              size="small"
              dataSource={o.workshops}
              renderItem={(x) => (
                <List.Item onClick={() => setParams({ workshopId: x.id })}>
                  <Space wrap>
                    <Typography.Text strong>{x.name}</Typography.Text>
                    <TodayTag w={x} />
                    {x.active > 0 && <Tag color="orange">{t(tx(`待整改 ${x.active}`, `${x.active} open`))}</Tag>}
                    {x.escalated > 0 && <Tag color="red">{t(tx(`已上报 ${x.escalated}`, `${x.escalated} escalated`))}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          ) : (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={o.workshops}
              onRow={(x) => ({ onClick: () => setParams({ workshopId: x.id }), style: { cursor: 'pointer' } })}
              columns={[
                { title: t(tx('车间', 'Workshop')), dataIndex: 'name' },
                { title: t(tx('安全检查表', 'Safety checklist')), render: (_: unknown, x: WorkshopRow) => <TodayTag w={x} /> },
                { title: t(tx('待整改', 'Open')), dataIndex: 'active', align: 'right' },
                {
                  title: t(tx('已上报生产部', 'Escalated')),
                  dataIndex: 'escalated',
                  align: 'right',
                  render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
                },
                { title: t(tx('逾期', 'Overdue')), dataIndex: 'overdue', align: 'right' },
                { title: t(tx('最近巡检', 'Last patrol')), dataIndex: 'lastPatrolOn' },
              ]}
            />
          )}
        </Card>
      )}
      {!w ? (
        <Typography.Text type="secondary">{t(tx('您不属于任何车间', 'You belong to no workshop'))}</Typography.Text>
      ) : (
        <>
          <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="floor-title">
            {w.name}
          </Typography.Title>
          {canWrite && (
            <Space wrap style={{ marginBottom: 12 }}>
              <Button
                type="primary"
                icon={<CheckSquareOutlined />}
                onClick={() => navigate(`/production/floor/checklist?workshopId=${w.id}`)}
                data-testid="floor-checklist"
              >
                {t(tx('填写今日安全检查表', 'Today’s safety checklist'))}
              </Button>
              <Button onClick={() => setModal('patrol')} data-testid="floor-patrol">
                {t(tx('记录巡检', 'Record a patrol'))}
              </Button>
              <Button onClick={() => setModal('record')} data-testid="floor-record">
                {t(tx('自检/互检/操作记录', 'Check or operation record'))}
              </Button>
            </Space>
          )}
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t(tx('今日安全检查（T4 第四十一条）', 'Today’s safety checks (T4 art. 41)'))}>
                <List
                  size="small"
                  dataSource={o.checks}
                  locale={{ emptyText: t(tx('今天还没有填写安全检查表', 'No checklist yet today')) }}
                  renderItem={(c) => (
                    <List.Item>
                      {c.checkedByName} {orgTime(c.checkedAt).format('HH:mm')} ·{' '}
                      {c.problemCount ? (
                        <Tag color="orange">{t(tx(`发现问题 ${c.problemCount} 项`, `${c.problemCount} problems`))}</Tag>
                      ) : (
                        <Tag color="green">{t(tx('全部正常', 'All fine'))}</Tag>
                      )}
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t(tx('待整改问题', 'To fix'))} data-testid="floor-rectifications">
                <RectificationsPanel items={o.rectifications} onChanged={refresh} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t(tx('近期巡检（T4 第三十七条）', 'Recent patrols (T4 art. 37)'))}>
                <PatrolList patrols={o.patrols} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title={t(tx('自检、互检、操作记录（T4 第三十九条）', 'Checks and records (T4 art. 39)'))}
                extra={<Link to={`/production/process-docs?workshopId=${w.id}`}>{t(tx('现行工艺文件', 'Documents in force'))}</Link>}
              >
                <RecordList records={o.records} />
              </Card>
            </Col>
          </Row>
          <PatrolModal
            open={modal === 'patrol'}
            workshopId={w.id}
            people={o.people}
            onClose={(saved) => {
              setModal(null);
              if (saved) refresh();
            }}
          />
          <RecordModal
            open={modal === 'record'}
            workshopId={w.id}
            people={o.people}
            steps={o.steps}
            onClose={(saved) => {
              setModal(null);
              if (saved) refresh();
            }}
          />
        </>
      )}
      <SafetyItemsDrawer open={modal === 'items'} workshops={o.workshops.map((x) => ({ id: x.id, name: x.name }))} onClose={() => setModal(null)} />
    </Page>
  );
}

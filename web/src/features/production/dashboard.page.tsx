import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Col, List, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { get } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { CapacityHeatmap } from './capacity.panel';
import { CAPACITY_LABELS, fmt, pct, STATE_COLORS, STATE_LABELS } from './production.labels';
import type { PlanSummary } from './production.types';
import { CoordinationPanel } from './report/coordination.panel';
import type { PlanningDashboard } from '#production';

type Dashboard = PlanningDashboard;

function PlanCard({ title, plan, month }: { title: Text; plan: PlanSummary | null; month: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t(title)} extra={<span>{month}</span>}>
      {plan ? (
        <Space direction="vertical" size={2}>
          <Link to={plan.link} data-testid="dashboard-plan-link">
            {plan.number} {plan.title}
          </Link>
          <Space wrap>
            <Tag color={STATE_COLORS[plan.state]}>{t(STATE_LABELS[plan.state])}</Tag>
            <Tag color={CAPACITY_LABELS[plan.capacityStatus]?.color}>{t(CAPACITY_LABELS[plan.capacityStatus]?.text ?? CAPACITY_LABELS.unchecked.text)}</Tag>
            {plan.revision && plan.revision > 1 && <Tag>{t(tx(`第 ${plan.revision} 版`, `rev. ${plan.revision}`))}</Tag>}
          </Space>
          <Typography.Text type="secondary">
            {t(tx(`${plan.lineCount} 个品种，合计 ${fmt(plan.total)}`, `${plan.lineCount} products, ${fmt(plan.total)} in total`))}
          </Typography.Text>
        </Space>
      ) : (
        <Space direction="vertical">
          <Typography.Text type="secondary">{t(tx('尚未编制', 'Not compiled yet'))}</Typography.Text>
          <Link to="/production/plans">{t(tx('去编制', 'Compile it'))}</Link>
        </Space>
      )}
    </Card>
  );
}

/** The planner's dashboard: this and next month's plan, the approval state, the heat map, late items. */
export function ProductionDashboardPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const q = useQuery({ queryKey: ['production', 'dashboard'], queryFn: () => get<Dashboard>('/production/dashboard'), refetchInterval: 60_000 });
  const d = q.data;
  return (
    <Page title={tx('生产计划工作台', 'Planning dashboard')}>
      <ErrorAlert error={q.error} />
      {!d && q.isLoading && <Spin />}
      {d && (
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <PlanCard title={tx('本月生产计划', 'This month’s plan')} plan={d.thisPlan} month={d.month} />
          </Col>
          <Col xs={24} md={12}>
            <PlanCard title={tx('下月生产计划', 'Next month’s plan')} plan={d.nextPlan} month={d.nextMonth} />
          </Col>
          {d.focus && (
            <Col span={24}>
              <Card
                size="small"
                title={
                  <span>
                    {t(tx('产能热力图', 'Capacity heat map'))}：<Link to={`/production/plans/${d.focus.id}`}>{d.focus.title}</Link>
                  </span>
                }
                extra={
                  d.focus.waitingFor ? (
                    <Tag color="processing">{t(tx(`等待 ${d.focus.waitingFor.nameZh}`, `Waiting for ${d.focus.waitingFor.nameEn}`))}</Tag>
                  ) : null
                }
              >
                {d.focus.capacity ? (
                  <CapacityHeatmap capacity={d.focus.capacity} items={d.focus.items} />
                ) : (
                  <Typography.Text type="secondary">{t(tx('计划尚无明细', 'No lines yet'))}</Typography.Text>
                )}
                {d.focus.overloads.length > 0 && (
                  <Alert
                    type="error"
                    showIcon
                    style={{ marginTop: 8 }}
                    data-testid="dashboard-overloads"
                    message={t(tx('超出产能、尚无应对措施', 'Over capacity without countermeasures'))}
                    description={d.focus.overloads.map((o) => `${o.workshopName} ${t(o.label)} ${pct(o.utilisation)}`).join('；')}
                  />
                )}
                {d.focus.materialsSummary && d.focus.materialsSummary.shortages.length > 0 && (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginTop: 8 }}
                    message={t(
                      tx(
                        `物料短缺 ${d.focus.materialsSummary.shortages.length} 项，见计划的物料需求`,
                        `${d.focus.materialsSummary.shortages.length} materials short; see the plan’s materials`,
                      ),
                    )}
                  />
                )}
              </Card>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Card size="small" title={t(tx('期限与逾期事项', 'Deadlines and late items'))}>
              <List
                size="small"
                dataSource={d.deadlines}
                locale={{ emptyText: t(tx('没有未完成的期限', 'Nothing open')) }}
                data-testid="dashboard-deadlines"
                renderItem={(x) => (
                  <List.Item>
                    <Space wrap>
                      <Badge status={x.status === 'overdue' ? 'error' : x.status === 'due-soon' ? 'warning' : 'processing'} />
                      {x.link ? <Link to={x.link}>{t(x.title)}</Link> : t(x.title)}
                      <Typography.Text type="secondary">
                        {x.dueOn} · {x.clause} · {x.ownerName}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t(tx('订单与需求', 'Orders and requirements'))}>
              <Row gutter={12}>
                <Col span={8}>
                  <Link to="/production/orders">
                    <Statistic title={t(tx('待汇审', 'To review'))} value={d.orders.toReview} />
                  </Link>
                </Col>
                <Col span={8}>
                  <Statistic title={t(tx('待总经理批准', 'At the GM'))} value={d.orders.submitted} />
                </Col>
                <Col span={8}>
                  <Statistic title={t(tx('客户变更', 'Changes'))} value={d.orders.pendingChanges} />
                </Col>
              </Row>
              <List
                size="small"
                style={{ marginTop: 8 }}
                dataSource={d.requests}
                locale={{ emptyText: t(tx('没有待安排的专项/临时需求', 'No special or temporary requirement waiting')) }}
                renderItem={(r) => (
                  <List.Item>
                    <Link to={r.link}>
                      {r.number} {r.title}
                    </Link>
                    <span>
                      {r.isFeasible === false && <Tag color="red">{t(tx('不可行，已书面反馈', 'Infeasible, fed back'))}</Tag>}
                      {t(tx('下达期限', 'Issue by'))} {r.issueDueOn}
                    </span>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <CoordinationPanel compact />
          </Col>
          {can('assessment.read') && (
            <Col xs={24} md={12}>
              <Card size="small" title={t(tx('计划考核（T2 七）', 'Planning penalties (T2 7)'))}>
                <Space>
                  <Statistic title={t(tx('未结考核', 'Open findings'))} value={d.findings.open} />
                  <Statistic title={t(tx('金额（元）', 'Amount (yuan)'))} value={fmt(d.findings.amount)} />
                  <Link to="/assessment">
                    <Button>{t(tx('查看', 'Open'))}</Button>
                  </Link>
                </Space>
              </Card>
            </Col>
          )}
        </Row>
      )}
    </Page>
  );
}

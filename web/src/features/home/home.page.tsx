import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link, Navigate } from 'react-router-dom';
import { get } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { Page } from '../../ui/page';
import { orgTime } from '../../ui/time';
import { useEmptyText } from '../../ui/connection';

interface InboxItem {
  kind: string;
  id: string;
  title: { zh: string; en: string };
  link: string;
  since: string;
  due?: string;
}
interface Deadline {
  id: string;
  titleZh: string;
  titleEn: string;
  dueOn: string;
  status: string;
  clause: string;
}

/** 工作台: what waits for me, what is due, what is new — the first screen after sign-in. */
export function HomePage() {
  const { me, can } = useAuth();
  const { t, locale } = useI18n();
  const nothingWaiting = useEmptyText(t(tx('没有待办事项', 'Nothing waiting')));
  const en = locale === 'en';
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: () => get<InboxItem[]>('/inbox') });
  const deadlines = useQuery({ queryKey: ['deadlines', 'mine'], queryFn: () => get<Deadline[]>('/deadlines?scope=mine&state=open') });
  const unread = useQuery({ queryKey: ['notifications', 'unread'], queryFn: () => get<{ count: number }>('/notifications/unread-count') });
  const overdue = (deadlines.data ?? []).filter((d) => d.status === 'overdue').length;
  // A teacher's first screen is their own training page (today's sessions, sign-in, credits).
  if (can('training.self') && !can('training.read')) return <Navigate to="/training/my" replace />;
  return (
    <Page title={tx('工作台', 'Home')}>
      <Typography.Paragraph>
        {t(tx('您好，', 'Hello, '))}
        {me?.displayName}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={8} md={6}>
          <Card size="small">
            <Link to="/inbox">
              <Statistic title={t(tx('我的待办', 'My inbox'))} value={inbox.data?.length ?? 0} />
            </Link>
          </Card>
        </Col>
        <Col xs={8} md={6}>
          <Card size="small">
            <Link to="/deadlines">
              <Statistic title={t(tx('逾期事项', 'Overdue'))} value={overdue} valueStyle={overdue ? { color: '#cf1322' } : undefined} />
            </Link>
          </Card>
        </Col>
        <Col xs={8} md={6}>
          <Card size="small">
            <Link to="/notifications">
              <Statistic title={t(tx('未读通知', 'Unread'))} value={unread.data?.count ?? 0} />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t(tx('等待我处理', 'Waiting for me'))} size="small" extra={<Link to="/inbox">{t(tx('全部', 'All'))}</Link>}>
            {inbox.data?.length ? (
              <List
                size="small"
                dataSource={inbox.data.slice(0, 8)}
                renderItem={(i) => (
                  <List.Item>
                    <Link to={i.link}>{en ? i.title.en : i.title.zh}</Link>
                    <Typography.Text type="secondary">{orgTime(i.since).format('MM-DD HH:mm')}</Typography.Text>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={nothingWaiting} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t(tx('我的截止事项', 'My deadlines'))} size="small" extra={<Link to="/deadlines">{t(tx('全部', 'All'))}</Link>}>
            {deadlines.data?.length ? (
              <List
                size="small"
                dataSource={deadlines.data.slice(0, 8)}
                renderItem={(d) => (
                  <List.Item>
                    <span>
                      {d.status === 'overdue' && <Badge status="error" />} {en ? d.titleEn : d.titleZh} <Tag>{d.clause}</Tag>
                    </span>
                    <Typography.Text type={d.status === 'overdue' ? 'danger' : 'secondary'}>{d.dueOn}</Typography.Text>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(tx('没有未完成的截止事项', 'No open deadlines'))} />
            )}
          </Card>
        </Col>
        {can('production.read') && (
          <Col xs={24} md={8}>
            <Card title={t(tx('生产计划', 'Production'))} size="small">
              <Link to="/production">{t(tx('进入生产计划管理', 'Open production planning'))}</Link>
            </Card>
          </Col>
        )}
        {(can('training.read') || can('training.self')) && (
          <Col xs={24} md={8}>
            <Card title={t(tx('校本培训', 'Training'))} size="small">
              <Link to={can('training.read') ? '/training/dashboard' : '/training/my'}>{t(tx('进入校本培训管理', 'Open school-based training'))}</Link>
            </Card>
          </Col>
        )}
      </Row>
    </Page>
  );
}

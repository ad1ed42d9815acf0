import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { HomeCard, HomeFigure, HomeView } from '../../contracts';
import { Link } from 'react-router-dom';
import { get } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { useEmptyText } from '../../ui/connection';
import { tx, useI18n } from '../../ui/i18n';
import { Page } from '../../ui/page';
import { orgTime } from '../../ui/time';

const TONE_COLOUR: Record<HomeFigure['tone'], string | undefined> = { normal: undefined, good: '#389e0d', warning: '#d46b08', danger: '#cf1322' };

/** A due date or time in the organisation's zone: a day reads 11-20, a moment 11-20 14:00; another year shows its year. */
function dueText(due: string): string {
  const isDay = /^\d{4}-\d{2}-\d{2}$/.test(due);
  const at = isDay ? orgTime(`${due}T12:00:00Z`) : orgTime(due);
  const year = at.year() === orgTime().year() ? '' : 'YYYY-';
  return at.format(isDay ? `${year}MM-DD` : `${year}MM-DD HH:mm`);
}

function FigureTile({ f }: { f: HomeFigure }) {
  const { t } = useI18n();
  const value = typeof f.value === 'number' ? f.value : t(f.value);
  const tile = (
    <Statistic
      title={t(f.label)}
      value={value}
      suffix={f.suffix ?? undefined}
      valueStyle={{ color: TONE_COLOUR[f.tone], fontSize: typeof f.value === 'number' ? 24 : 16, whiteSpace: 'normal' }}
    />
  );
  return f.link ? <Link to={f.link}>{tile}</Link> : tile;
}

function ModuleCard({ card }: { card: HomeCard }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t(card.title)} extra={card.link && <Link to={card.link}>{t(tx('进入', 'Open'))}</Link>} data-testid={`home-card-${card.module}`}>
      <Row gutter={[12, 12]}>
        {card.figures.map((f) => (
          <Col key={f.label.zh} span={12}>
            <FigureTile f={f} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/**
 * 工作台 (issue 15 item 3): what is late, what waits for me from every module I have, the next
 * deadline, and a card of figures per module — the first screen after sign-in, for every role.
 */
export function HomePage() {
  const { me } = useAuth();
  const { t } = useI18n();
  const nothingWaiting = useEmptyText(t(tx('没有待办事项，一切就绪', 'Nothing waiting — all clear')));
  const home = useQuery({ queryKey: ['home'], queryFn: () => get<HomeView>('/home') });
  const data = home.data;
  return (
    <Page title={tx('工作台', 'Home')}>
      <Typography.Paragraph>
        {t(tx('您好，', 'Hello, '))}
        {me?.displayName}
        {data && data.counts.late > 0 && (
          <Typography.Text type="danger">
            {t(tx(`　有 ${data.counts.late} 项已逾期，请先处理。`, `  ${data.counts.late} items are late: start with those.`))}
          </Typography.Text>
        )}
      </Typography.Paragraph>
      {data?.nextDeadline && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="home-next-deadline"
          message={
            <Space wrap size={4}>
              <span>{t(tx('下一个截止：', 'Next deadline: '))}</span>
              {data.nextDeadline.link ? <Link to={data.nextDeadline.link}>{t(data.nextDeadline.title)}</Link> : t(data.nextDeadline.title)}
              <Typography.Text strong>{dueText(data.nextDeadline.due)}</Typography.Text>
              <Typography.Text type="secondary">{`${t(tx('依据', 'Under'))} ${data.nextDeadline.clause}`}</Typography.Text>
            </Space>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={8} md={4}>
          <Card size="small">
            <Statistic title={t(tx('待办', 'To do'))} value={data?.counts.waiting ?? 0} />
          </Card>
        </Col>
        <Col xs={8} md={4}>
          <Card size="small">
            <Statistic
              title={t(tx('已逾期', 'Late'))}
              value={data?.counts.late ?? 0}
              valueStyle={data?.counts.late ? { color: TONE_COLOUR.danger } : undefined}
            />
          </Card>
        </Col>
        <Col xs={8} md={4}>
          <Card size="small">
            <Link to="/notifications">
              <Statistic title={t(tx('未读通知', 'Unread'))} value={data?.counts.unread ?? 0} />
            </Link>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t(tx('待办事项', 'Things to do'))} extra={<Link to="/inbox">{t(tx('待办箱', 'Inbox'))}</Link>}>
            {data?.tasks.length ? (
              <List
                size="small"
                data-testid="home-tasks"
                dataSource={data.tasks.slice(0, 15)}
                renderItem={(x) => (
                  <List.Item>
                    <Space wrap size={4} style={{ flex: 1, minWidth: 0 }}>
                      <Tag color={x.isLate ? 'red' : 'blue'}>{t(x.tag)}</Tag>
                      <Link to={x.link}>{t(x.title)}</Link>
                    </Space>
                    {x.due && (
                      <Typography.Text type={x.isLate ? 'danger' : 'secondary'} style={{ whiteSpace: 'nowrap' }}>
                        {x.isLate ? t(tx('逾期 ', 'Late ')) : t(tx('截止 ', 'Due '))}
                        {dueText(x.due)}
                      </Typography.Text>
                    )}
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={home.isLoading ? t(tx('正在读取…', 'Loading…')) : nothingWaiting} />
            )}
            {data && data.tasks.length > 15 && <Link to="/inbox">{t(tx(`还有 ${data.tasks.length - 15} 项…`, `${data.tasks.length - 15} more…`))}</Link>}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {data?.cards.map((c) => (
              <ModuleCard key={c.module} card={c} />
            ))}
          </Space>
        </Col>
      </Row>
    </Page>
  );
}

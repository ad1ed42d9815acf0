import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { Page } from '../../ui/page';

export function HomePage() {
  const { me } = useAuth();
  const { t } = useI18n();
  return (
    <Page title={tx('工作台', 'Home')}>
      <Typography.Paragraph>
        {t(tx('欢迎，', 'Welcome, '))}
        {me?.displayName}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card title={t(tx('我的待办', 'My inbox'))}>
            <Link to="/inbox">{t(tx('查看等待我处理的事项', 'What waits for me'))}</Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={t(tx('通知', 'Notifications'))}>
            <Link to="/notifications">{t(tx('查看通知中心', 'Open notifications'))}</Link>
          </Card>
        </Col>
      </Row>
    </Page>
  );
}

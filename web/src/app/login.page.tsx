import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Progress, Segmented, Typography } from 'antd';
import { useState } from 'react';
import type { HealthView } from '#server';
import { get } from '../ui/api';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../ui/auth';
import { tx, useI18n } from '../ui/i18n';
import { ErrorAlert } from '../ui/page';

/** Where to go after signing in: the page asked for (only a path of this app), else home. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { login } = useAuth();
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A first start writes the demo data after the server is up: say so, with its progress, until
  // it is done (a sign-in sent meanwhile waits for it on the server).
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => get<HealthView>('/health'),
    refetchInterval: (q) => (q.state.data?.preparing ? 1000 : false),
  });
  const preparing = health.data?.preparing;
  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username, v.password);
      navigate(nextPath(location.search), { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="zd-login">
      <Card style={{ width: 380, maxWidth: '94vw' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            制度 Zhidu
          </Typography.Title>
          <Segmented
            size="small"
            value={locale}
            onChange={(v) => setLocale(v as 'zh-CN' | 'en')}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en' },
            ]}
          />
        </div>
        <Typography.Paragraph type="secondary">{t(tx('管理制度，落到每天的工作里', 'Regulations you run your work on'))}</Typography.Paragraph>
        {preparing && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t(tx('首次启动，正在写入示例数据', 'First start: writing the demo data'))}
            description={
              <>
                <Progress percent={Math.floor((100 * preparing.done) / preparing.total)} size="small" />
                {t(tx('可以先输入账号，写入完成后即登录。', 'You can enter your account now; signing in finishes when the data is written.'))}
              </>
            }
          />
        )}
        <ErrorAlert error={error} />
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="username" label={t(tx('用户名', 'Username'))} rules={[{ required: true, message: t(tx('请输入用户名', 'Enter your username')) }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t(tx('密码', 'Password'))} rules={[{ required: true, message: t(tx('请输入密码', 'Enter your password')) }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t(tx('登录', 'Sign in'))}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

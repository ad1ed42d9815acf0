import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Button, Card, Form, Input, Result, Spin, Typography } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { STATUS_LABELS } from './training.labels';
import { orgTime } from '../../ui/time';
import type { SignInOutcome as Outcome } from './training.types';

/** A random id kept by this phone: one phone signing in several teachers is flagged for the recorder. */
function deviceId(): string {
  const key = 'zhidu.device';
  let id = localStorage.getItem(key);
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(key, id);
  }
  return id;
}

/**
 * ST-4: where the phone lands after scanning the screen. Signed out, it asks for the
 * teacher's own account first (the code alone never signs anybody in), then signs in once.
 */
export function SignInPage() {
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const { me, login } = useAuth();
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loginError, setLoginError] = useState<unknown>(null);
  const sent = useRef<string | null>(null);
  const held = useRef<string | null>(null);
  const [heldUntil, setHeldUntil] = useState<string | null>(null);
  // Signed out: the scan is judged now and held for a few minutes while the password is typed.
  useEffect(() => {
    if (me || !token || held.current === token) return;
    held.current = token;
    post<{ heldUntil: string }>('/training/sign-in/hold', { token }).then((r) => setHeldUntil(r.heldUntil), setError);
  }, [me, token]);
  useEffect(() => {
    if (!me || !token || sent.current === `${me.userId}|${token}`) return;
    sent.current = `${me.userId}|${token}`;
    post<Outcome>('/training/sign-in', { token, deviceId: deviceId() }).then(setOutcome, setError);
  }, [me, token]);
  const wrap = (body: ReactNode) => (
    <div style={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: 16, background: '#f5f5f5' }}>
      <Card style={{ width: 420, maxWidth: '100%' }} data-testid="sign-in-card">
        {body}
      </Card>
    </div>
  );
  if (!token) return wrap(<Result status="warning" title={t(tx('请扫描培训现场屏幕上的二维码', 'Scan the code on the screen in the room'))} />);
  if (!me) {
    return wrap(
      <>
        <Typography.Title level={4}>{t(tx('校本培训签到', 'Training sign-in'))}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {t(tx('请先用本人账号登录，登录后自动签到。', 'Sign in with your own account; you are then signed in to the session.'))}
        </Typography.Paragraph>
        {heldUntil && (
          <Typography.Paragraph type="success" data-testid="scan-held">
            {t(
              tx(
                `已记录扫码时间，请在 ${orgTime(heldUntil).format('HH:mm')} 前完成登录`,
                `Your scan is recorded; log in before ${orgTime(heldUntil).format('HH:mm')}`,
              ),
            )}
          </Typography.Paragraph>
        )}
        <ErrorAlert error={error} />
        <ErrorAlert error={loginError} />
        <Form
          layout="vertical"
          onFinish={(v: { username: string; password: string }) => {
            setLoginError(null);
            login(v.username, v.password).catch(setLoginError);
          }}
        >
          <Form.Item name="username" label={t(tx('用户名', 'Username'))} rules={[{ required: true }]}>
            <Input autoComplete="username" id="scan-username" />
          </Form.Item>
          <Form.Item name="password" label={t(tx('密码', 'Password'))} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" id="scan-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" data-testid="scan-login">
            {t(tx('登录并签到', 'Sign in'))}
          </Button>
        </Form>
      </>,
    );
  }
  if (error) {
    const message = error instanceof ApiError ? error.message : String(error);
    return wrap(
      <Result
        icon={<CloseCircleTwoTone twoToneColor="#cf1322" />}
        title={<span data-testid="sign-in-error">{message}</span>}
        extra={<Link to="/training/my">{t(tx('返回我的培训', 'Back to my training'))}</Link>}
      />,
    );
  }
  if (!outcome) return wrap(<Spin />);
  return wrap(
    <Result
      icon={<CheckCircleTwoTone twoToneColor="#389e0d" />}
      title={<span data-testid="sign-in-result">{t(outcome.message)}</span>}
      subTitle={`${outcome.session.title} · ${orgTime(outcome.session.startsAt).format('MM-DD HH:mm')} · ${t(STATUS_LABELS[outcome.record.status] ?? { zh: outcome.record.status, en: outcome.record.status })}`}
      extra={
        <Link to="/training/my">
          <Button type="primary" size="large">
            {t(tx('我的培训', 'My training'))}
          </Button>
        </Link>
      }
    />,
  );
}

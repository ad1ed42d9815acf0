import { FullscreenOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Segmented, Space, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import type { Roster, ScreenQr } from './training.types';

/**
 * ST-4: the room's screen. The code changes every few seconds (policy) and is bound to this
 * session, so a photo sent to someone at home stops working; the counts update as people scan.
 */
export function SessionScreenPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [mode, setMode] = useState<'in' | 'out'>('in');
  const [now, setNow] = useState(Date.now());
  const qr = useQuery({
    queryKey: ['training', 'qr', id, mode],
    queryFn: () => get<ScreenQr>(`/training/sessions/${id}/qr?mode=${mode}`),
    // Fetch a new code a little before the current one expires.
    refetchInterval: (query) => {
      const data = query.state.data as ScreenQr | undefined;
      return data ? Math.max(1000, new Date(data.expiresAt).getTime() - Date.now() - 500) : 3000;
    },
    refetchIntervalInBackground: true,
  });
  const roster = useQuery({ queryKey: ['training', 'roster', id], queryFn: () => get<Roster>(`/training/sessions/${id}/roster`), refetchInterval: 4000 });
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const left = qr.data ? Math.max(0, Math.ceil((new Date(qr.data.expiresAt).getTime() - now) / 1000)) : 0;
  const session = roster.data?.session;
  return (
    <div
      style={{ minHeight: '80vh', display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 16, padding: 16, background: '#fff' }}
      data-testid="qr-screen"
    >
      <Space wrap className="zd-no-print">
        <Link to={`/training/sessions/${id}`}>{t(tx('返回', 'Back'))}</Link>
        <Segmented
          value={mode}
          onChange={(v) => setMode(v as 'in' | 'out')}
          options={[
            { value: 'in', label: t(tx('签到', 'Sign in')) },
            { value: 'out', label: t(tx('签退', 'Sign out')) },
          ]}
        />
        <Button icon={<FullscreenOutlined />} onClick={() => document.documentElement.requestFullscreen?.().catch(() => undefined)}>
          {t(tx('全屏', 'Full screen'))}
        </Button>
      </Space>
      <Typography.Title level={2} style={{ margin: 0, textAlign: 'center' }}>
        {session?.title ?? ''} · {mode === 'in' ? t(tx('扫码签到', 'Scan to sign in')) : t(tx('扫码签退', 'Scan to sign out'))}
      </Typography.Title>
      <ErrorAlert error={qr.error} />
      {qr.data && (
        <img
          alt={t(tx('签到二维码', 'Sign-in code'))}
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.data.svg)}`}
          style={{ width: 'min(70vh, 90vw)', maxWidth: 560 }}
          data-testid="qr-code"
          data-token={qr.data.token}
          data-url={qr.data.url}
        />
      )}
      <Typography.Text type="secondary">
        {t(
          tx(
            `二维码每 ${qr.data?.periodSeconds ?? ''} 秒更新，${left} 秒后刷新；请用手机扫码，使用本人账号签到`,
            `The code changes every ${qr.data?.periodSeconds ?? ''} s (next in ${left} s); scan with your phone and your own account`,
          ),
        )}
      </Typography.Text>
      {roster.data && (
        <Space size="large" wrap>
          <Statistic title={t(tx('应到', 'Expected'))} value={roster.data.counts.expected} />
          <Statistic title={t(tx('已到', 'Present'))} value={roster.data.counts.present} valueStyle={{ color: '#389e0d' }} />
          <Statistic title={t(tx('请假', 'Excused'))} value={roster.data.counts.excused} />
          <Statistic title={t(tx('未到', 'Not yet'))} value={roster.data.counts.notSignedIn + roster.data.counts.absent} valueStyle={{ color: '#cf1322' }} />
        </Space>
      )}
    </div>
  );
}

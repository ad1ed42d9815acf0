import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { orgTime } from '../../ui/time';

interface Notification {
  id: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string | null;
  bodyEn: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export function NotificationsPage() {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const q = useQuery({ queryKey: ['notifications', unreadOnly], queryFn: () => get<Notification[]>(`/notifications?unreadOnly=${unreadOnly}`) });
  const read = useMutation({
    mutationFn: (ids: string[]) => post('/notifications/read', { ids }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const en = locale === 'en';
  return (
    <Page
      title={tx('通知中心', 'Notifications')}
      extra={
        <>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setUnreadOnly(v === 'unread')}
            options={[
              { value: 'all', label: t(tx('全部', 'All')) },
              { value: 'unread', label: t(tx('未读', 'Unread')) },
            ]}
          />{' '}
          <Button onClick={() => read.mutate([])}>{t(tx('全部标为已读', 'Mark all read'))}</Button>
        </>
      }
    >
      <ErrorAlert error={q.error ?? read.error} />
      <List
        loading={q.isLoading}
        dataSource={q.data ?? []}
        locale={{ emptyText: t(tx('暂无通知', 'No notifications')) }}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.link ? 'pointer' : undefined }}
            onClick={() => {
              if (!n.readAt) read.mutate([n.id]);
              if (n.link) navigate(n.link);
            }}
          >
            <List.Item.Meta
              title={
                <span>
                  {!n.readAt && <Badge status="processing" />}{' '}
                  {n.link ? (
                    // The row's link: reachable with Tab and opened with Enter; opening it marks it read.
                    <Link
                      to={n.link}
                      data-testid="notification-link"
                      onClick={(e) => {
                        e.stopPropagation();
                        if (!n.readAt) read.mutate([n.id]);
                      }}
                    >
                      {en ? n.titleEn : n.titleZh}
                    </Link>
                  ) : (
                    (en ? n.titleEn : n.titleZh)
                  )}
                </span>
              }
              description={<Typography.Text type="secondary">{(en ? n.bodyEn : n.bodyZh) ?? ''}</Typography.Text>}
            />
            <Typography.Text type="secondary">{orgTime(n.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
            {!n.link && !n.readAt && (
              <Button
                type="link"
                size="small"
                onClick={(e) => {
                  e.stopPropagation();
                  read.mutate([n.id]);
                }}
              >
                {t(tx('标为已读', 'Mark read'))}
              </Button>
            )}
          </List.Item>
        )}
      />
    </Page>
  );
}

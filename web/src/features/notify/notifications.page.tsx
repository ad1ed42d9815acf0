import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ListTable } from '../../ui/list-table';
import { ErrorAlert, Page } from '../../ui/page';
import { orgTime } from '../../ui/time';
import type { NotificationItem } from '#core/notify';

type Notification = NotificationItem;

export function NotificationsPage() {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [words, setWords] = useState('');
  const query = new URLSearchParams({
    unreadOnly: String(unreadOnly),
    offset: String((page - 1) * pageSize),
    limit: String(pageSize),
    q: words.trim(),
  }).toString();
  const q = useQuery({
    queryKey: ['notifications', 'page', query],
    queryFn: () => get<{ items: Notification[]; total: number }>(`/notifications/page?${query}`),
    placeholderData: keepPreviousData,
  });
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
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPage(1);
            }}
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
      <ListTable<Notification>
        rowKey="id"
        testId="notifications-list"
        loading={q.isLoading}
        rows={q.data?.items}
        empty={tx('暂无通知', 'No notifications')}
        search={{ label: tx('搜索通知', 'Search notifications'), fields: () => [] }}
        server={{
          total: q.data?.total ?? 0,
          page,
          pageSize,
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
          query: words,
          onQuery: (v) => {
            setWords(v);
            setPage(1);
          },
        }}
        onRowClick={(n) => {
          if (!n.readAt) read.mutate([n.id]);
          if (n.link) navigate(n.link);
        }}
        columns={[
          {
            key: 'title',
            card: 'title',
            title: t(tx('通知', 'Notification')),
            render: (_: unknown, n) => (
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
                ) : en ? (
                  n.titleEn
                ) : (
                  n.titleZh
                )}
              </span>
            ),
          },
          {
            key: 'body',
            title: t(tx('内容', 'Details')),
            ellipsis: true,
            render: (_: unknown, n) => <Typography.Text type="secondary">{(en ? n.bodyEn : n.bodyZh) ?? ''}</Typography.Text>,
          },
          {
            key: 'state',
            card: 'status',
            title: t(tx('状态', 'State')),
            width: 110,
            render: (_: unknown, n) =>
              n.readAt ? (
                <Tag>{t(tx('已读', 'Read'))}</Tag>
              ) : n.link ? (
                <Tag color="blue">{t(tx('未读', 'Unread'))}</Tag>
              ) : (
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
              ),
          },
          { key: 'time', title: t(tx('时间', 'Time')), width: 150, render: (_: unknown, n) => orgTime(n.createdAt).format('YYYY-MM-DD HH:mm') },
        ]}
      />
    </Page>
  );
}

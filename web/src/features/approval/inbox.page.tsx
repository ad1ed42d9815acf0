import { useQuery } from '@tanstack/react-query';
import { Button, Input, List, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import type { InboxItem } from './approval.types';
import { orgTime } from '../../ui/time';
import { useEmptyText } from '../../ui/connection';

const KIND_COLORS: Record<string, string> = {
  'approval.pending': 'processing',
  'approval.rejected': 'error',
  'document.to_issue': 'success',
  'distribution.unacknowledged': 'warning',
};

/** 我的待办: everything that waits for me, from every module that registered a source. */
export function InboxPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const emptyText = useEmptyText(t(tx('没有待办事项', 'Nothing waits for you')));
  const q = useQuery({ queryKey: ['inbox'], queryFn: () => get<InboxItem[]>('/inbox'), refetchInterval: 60_000 });
  const [words, setWords] = useState('');
  // Search by what the row reads: its title and tag, in the language shown.
  const rows = useMemo(() => {
    const w = words.trim().toLowerCase();
    const all = q.data ?? [];
    return w ? all.filter((i) => `${t(i.title)} ${t(i.tag)}`.toLowerCase().includes(w)) : all;
  }, [q.data, words, t]);
  return (
    <Page title={tx('我的待办', 'My inbox')} extra={<Button onClick={() => q.refetch()}>{t(tx('刷新', 'Refresh'))}</Button>}>
      <ErrorAlert error={q.error} />
      <Input.Search
        allowClear
        aria-label={t(tx('搜索待办', 'Search the inbox'))}
        placeholder={t(tx('搜索待办', 'Search the inbox'))}
        data-testid="inbox-search"
        value={words}
        onChange={(e) => setWords(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 12 }}
      />
      <List
        loading={q.isLoading}
        dataSource={rows}
        locale={{ emptyText: words.trim() ? t(tx('没有符合的待办', 'Nothing matches')) : emptyText }}
        pagination={rows.length > 20 ? { defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], size: 'small', align: 'center' } : false}
        renderItem={(item) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(item.link)} data-testid="inbox-item" data-kind={item.kind} data-id={item.id}>
            <List.Item.Meta
              title={
                // The row's link: reachable with Tab and opened with Enter, not only by a mouse click on the row.
                <Link to={item.link} onClick={(e) => e.stopPropagation()} data-testid="inbox-link">
                  <Typography.Text strong>{t(item.title)}</Typography.Text>
                </Link>
              }
              description={
                <span>
                  <Tag color={KIND_COLORS[item.kind] ?? 'default'}>{t(item.tag)}</Tag>
                  {t(tx('自', 'Since'))} {orgTime(item.since).format('YYYY-MM-DD HH:mm')}
                  {item.due && (
                    <Typography.Text type="danger" style={{ marginLeft: 8 }}>
                      {t(tx('截止', 'Due'))} {dayjs(item.due).format('YYYY-MM-DD')}
                    </Typography.Text>
                  )}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </Page>
  );
}

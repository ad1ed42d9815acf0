import { useQuery } from '@tanstack/react-query';
import { Button, List, Tag, Typography } from 'antd';
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
  return (
    <Page title={tx('我的待办', 'My inbox')} extra={<Button onClick={() => q.refetch()}>{t(tx('刷新', 'Refresh'))}</Button>}>
      <ErrorAlert error={q.error} />
      <List
        loading={q.isLoading}
        dataSource={q.data ?? []}
        locale={{ emptyText: emptyText }}
        renderItem={(item) => (
          <List.Item
            style={{ cursor: 'pointer' }}
            onClick={() => navigate(item.link)}
            data-testid="inbox-item"
            data-kind={item.kind}
            data-id={item.id}
          >
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

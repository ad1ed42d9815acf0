import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Segmented, Space, Table, Tag } from 'antd';
import { type Key, useState } from 'react';
import { Link } from 'react-router-dom';
import { download, get, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { LEAVE_KIND_LABELS, LEAVE_STATE_COLORS, LEAVE_STATE_LABELS } from './training.labels';
import type { Leave } from './training.types';
import { orgTime } from '../../ui/time';

/** ST-4: the leadership group's head approves written leave, one by one or in bulk; everything stays on file. */
export function LeavePage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [state, setState] = useState<string>('pending');
  const [selected, setSelected] = useState<Key[]>([]);
  const [opinion, setOpinion] = useState('');
  const q = useQuery({ queryKey: ['training', 'leave', state], queryFn: () => get<Leave[]>(`/training/leave${state === 'all' ? '' : `?state=${state}`}`) });
  const decide = useMutation({
    mutationFn: ({ ids, isApproved }: { ids: string[]; isApproved: boolean }) =>
      post('/training/leave/decide', {
        items: (q.data ?? []).filter((l) => ids.includes(l.id)).map((l) => ({ id: l.id, version: l.version })),
        isApproved,
        opinion: opinion.trim() || null,
      }),
    onSuccess: (_, v) => {
      setSelected([]);
      setOpinion('');
      message.success(t(v.isApproved ? tx('已批准', 'Approved') : tx('已不批准', 'Refused')));
      qc.invalidateQueries({ queryKey: ['training'] });
      qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
  const ids = selected.map(String);
  return (
    <Page
      title={tx('请假审批', 'Leave')}
      extra={
        <Space wrap>
          <Segmented
            value={state}
            onChange={(v) => setState(String(v))}
            options={[
              { value: 'pending', label: t(tx('待批', 'Pending')) },
              { value: 'approved', label: t(tx('已批准', 'Approved')) },
              { value: 'all', label: t(tx('全部（备案）', 'All (on file)')) },
            ]}
          />
          <Button onClick={() => download('/training/leave/export', 'leave.xlsx')}>{t(tx('导出备案表', 'Export'))}</Button>
        </Space>
      }
    >
      <ErrorAlert error={q.error ?? decide.error} />
      {state === 'pending' && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Input
            placeholder={t(tx('意见（不批准时必填）', 'Opinion (required to refuse)'))}
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
            style={{ width: 260 }}
            data-testid="leave-opinion"
          />
          <Button
            type="primary"
            disabled={!ids.length}
            loading={decide.isPending}
            onClick={() => decide.mutate({ ids, isApproved: true })}
            data-testid="leave-approve"
          >
            {t(tx(`批准所选（${ids.length}）`, `Approve selected (${ids.length})`))}
          </Button>
          <Button danger disabled={!ids.length} loading={decide.isPending} onClick={() => decide.mutate({ ids, isApproved: false })}>
            {t(tx('不批准', 'Refuse'))}
          </Button>
        </Space>
      )}
      <Table<Leave>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data}
        rowSelection={state === 'pending' ? { selectedRowKeys: selected, onChange: setSelected } : undefined}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 800 }}
        columns={[
          { title: t(tx('教师', 'Teacher')), dataIndex: 'teacherName', width: 90, render: (v: string) => <span data-testid="leave-row">{v}</span> },
          {
            title: t(tx('培训', 'Session')),
            render: (_: unknown, l: Leave) => <Link to={`/training/sessions/${l.sessionId}`}>{`${l.sessionDate} ${l.sessionTitle}`}</Link>,
          },
          { title: t(tx('类别', 'Kind')), dataIndex: 'kind', width: 80, render: (k: string) => t(LEAVE_KIND_LABELS[k]) },
          { title: t(tx('事由', 'Reason')), dataIndex: 'reason' },
          { title: t(tx('申请时间', 'Asked')), dataIndex: 'requestedAt', width: 130, render: (v: string) => orgTime(v).format('MM-DD HH:mm') },
          {
            title: t(tx('状态', 'State')),
            dataIndex: 'state',
            width: 150,
            render: (s: string, l: Leave) => (
              <Tag color={LEAVE_STATE_COLORS[s]}>
                {t(LEAVE_STATE_LABELS[s])}
                {l.decidedByName ? ` · ${l.decidedByName}` : ''}
              </Tag>
            ),
          },
        ]}
      />
    </Page>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, List, Progress, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { get, post } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { FREQUENCIES, UPKEEP_STATUS } from './equipment.labels';
import type { ComplianceView, DueList } from './equipment.types';

/** 保养到期清单 (PP-24): what is due today and what is overdue, per workshop; one tap records it. */
function DuePanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['equipment', 'due'], queryFn: () => get<DueList>('/production/equipment/upkeep/due') });
  const record = useMutation({
    mutationFn: (e: { machineId: string; itemId: string; result: 'done' | 'problem' }) =>
      post('/production/equipment/upkeep/records', { machineId: e.machineId, entries: [{ itemId: e.itemId, result: e.result }] }),
    onSuccess: () => {
      message.success('✓');
      qc.invalidateQueries({ queryKey: ['equipment'] });
    },
  });
  const canRecord = can('production.equipment.check');
  return (
    <div>
      <ErrorAlert error={q.error ?? record.error} />
      {q.data && (
        <Typography.Paragraph type="secondary">
          {t(
            tx(
              `${q.data.today}：逾期在前。保养由操作人员或维修人员在设备手机页或此处记录。`,
              `${q.data.today}: overdue first. Operators or maintenance record upkeep here or on the machine’s phone page.`,
            ),
          )}
        </Typography.Paragraph>
      )}
      {(q.data?.workshops ?? []).map((w) => (
        <Card
          key={w.workshopId}
          size="small"
          title={`${w.workshopName}${w.isWorkingDay ? '' : t(tx('（今日休息）', ' (rest day)'))}`}
          style={{ marginBottom: 12 }}
          extra={<Tag>{w.items.length}</Tag>}
          data-testid="due-workshop"
        >
          {w.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(tx('没有待做的保养', 'Nothing due'))} />
          ) : (
            <List
              size="small"
              dataSource={w.items}
              renderItem={(i) => (
                <List.Item
                  data-testid="due-item"
                  actions={
                    canRecord
                      ? [
                          <Button
                            key="done"
                            type="primary"
                            size="small"
                            loading={record.isPending}
                            onClick={() => record.mutate({ machineId: i.machineId, itemId: i.itemId, result: 'done' })}
                          >
                            {t(tx('完成', 'Done'))}
                          </Button>,
                          <Button key="problem" size="small" onClick={() => record.mutate({ machineId: i.machineId, itemId: i.itemId, result: 'problem' })}>
                            {t(tx('有问题', 'Problem'))}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <Link to={`/production/equipment/m/${i.machineId}`}>
                          {i.machineCode} {i.machineName}
                        </Link>
                        <span>{i.content}</span>
                      </Space>
                    }
                    description={`${t(FREQUENCIES[i.frequency])}${i.method ? ` · ${i.method}` : ''} · ${t(tx('上次', 'last'))} ${i.lastDoneOn ?? '—'}`}
                  />
                  <Tag color={UPKEEP_STATUS[i.status].color}>{t(UPKEEP_STATUS[i.status].text)}</Tag>
                </List.Item>
              )}
            />
          )}
        </Card>
      ))}
    </div>
  );
}

/** 定期检查设备日常保养状况 (T4 第四十七条): per machine and month, upkeep kept against owed. */
function CompliancePanel() {
  const { t } = useI18n();
  const [month, setMonth] = useState(dayjs());
  const key = month.format('YYYY-MM');
  const q = useQuery({
    queryKey: ['equipment', 'compliance', key],
    queryFn: () => get<ComplianceView>(`/production/equipment/upkeep/compliance?month=${key}`),
  });
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <DatePicker picker="month" value={month} allowClear={false} onChange={(d) => d && setMonth(d)} />
        {q.data && <Typography.Text type="secondary">{t(tx(`统计至 ${q.data.until}`, `Counted up to ${q.data.until}`))}</Typography.Text>}
      </Space>
      <ErrorAlert error={q.error} />
      <Table
        size="small"
        rowKey="machineId"
        loading={q.isLoading}
        dataSource={q.data?.rows}
        pagination={false}
        scroll={{ x: 760 }}
        data-testid="compliance-table"
        columns={[
          {
            title: t(tx('设备', 'Machine')),
            width: 170,
            fixed: 'left',
            render: (_: unknown, r) => <Link to={`/production/equipment/machines/${r.machineId}`}>{`${r.code} ${r.name}`}</Link>,
          },
          { title: t(tx('车间', 'Workshop')), dataIndex: 'workshopName', width: 90 },
          {
            title: t(tx('保养执行率', 'Upkeep kept')),
            width: 170,
            render: (_: unknown, r) => (r.rate === null ? '—' : <Progress percent={Math.round(r.rate * 100)} size="small" status="normal" />),
          },
          { title: t(tx('应做/已做', 'Owed / kept')), width: 100, render: (_: unknown, r) => `${r.required} / ${r.done}` },
          { title: t(tx('保养发现问题', 'Problems')), dataIndex: 'problems', width: 100, align: 'right' },
          { title: t(tx('点检次数', 'Spot checks')), dataIndex: 'spotChecks', width: 90, align: 'right' },
          { title: t(tx('点检异常', 'Anomalies')), dataIndex: 'anomalies', width: 90, align: 'right' },
          { title: t(tx('停机小时', 'Down (h)')), dataIndex: 'downtimeHours', width: 90, align: 'right' },
        ]}
      />
    </div>
  );
}

export function UpkeepPage() {
  const { t } = useI18n();
  return (
    <Page title={tx('设备日常保养', 'Daily upkeep')}>
      <Tabs
        items={[
          { key: 'due', label: t(tx('今日到期', 'Due today')), children: <DuePanel /> },
          { key: 'compliance', label: t(tx('保养状况检查', 'Upkeep compliance')), children: <CompliancePanel /> },
        ]}
      />
    </Page>
  );
}

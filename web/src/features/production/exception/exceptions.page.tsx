import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Grid, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { EXCEPTION_KIND_LABELS, EXCEPTION_STATE_LABELS, type ExceptionOptions, type ExceptionSummary } from './exception.labels';
import { orgTime } from '../../../ui/time';

export function ExceptionStateTag({ state }: { state: string }) {
  const { t } = useI18n();
  const s = EXCEPTION_STATE_LABELS[state];
  return <Tag color={s?.color}>{s ? t(s.text) : state}</Tag>;
}

/** PP-19: every exception by state, kind, workshop and month; newest first. */
export function ExceptionsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const [filter, setFilter] = useState<{ state?: string; kind?: string; workshopId?: string; month?: string }>({});
  const qs = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1])).toString();
  const list = useQuery({ queryKey: ['production', 'exceptions', qs], queryFn: () => get<ExceptionSummary[]>(`/production/exceptions${qs ? `?${qs}` : ''}`) });
  const options = useQuery({ queryKey: ['production', 'exception-options'], queryFn: () => get<ExceptionOptions>('/production/exceptions/options') });
  const set = (k: keyof typeof filter) => (v?: string) => setFilter((f) => ({ ...f, [k]: v || undefined }));
  const when = (e: ExceptionSummary) => orgTime(e.startedAt).format('MM-DD HH:mm');
  return (
    <Page
      title={tx('生产异常', 'Production exceptions')}
      extra={
        can('production.exception.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/production/exceptions/new')} data-testid="exc-new">
            {t(tx('上报异常', 'Report'))}
          </Button>
        )
      }
    >
      <ErrorAlert error={list.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label={t(tx('状态', 'State'))}
          placeholder={t(tx('状态', 'State'))}
          style={{ width: 110 }}
          value={filter.state}
          onChange={set('state')}
          options={Object.entries(EXCEPTION_STATE_LABELS).map(([value, s]) => ({ value, label: t(s.text) }))}
        />
        <Select
          allowClear
          aria-label={t(tx('类型', 'Kind'))}
          placeholder={t(tx('类型', 'Kind'))}
          style={{ width: 120 }}
          value={filter.kind}
          onChange={set('kind')}
          options={Object.entries(EXCEPTION_KIND_LABELS).map(([value, l]) => ({ value, label: t(l) }))}
        />
        <Select
          allowClear
          aria-label={t(tx('车间', 'Workshop'))}
          placeholder={t(tx('车间', 'Workshop'))}
          style={{ width: 120 }}
          value={filter.workshopId}
          onChange={set('workshopId')}
          options={(options.data?.workshops ?? []).map((w) => ({ value: w.id, label: w.name }))}
        />
        <DatePicker
          picker="month"
          aria-label={t(tx('月份', 'Month'))}
          placeholder={t(tx('月份', 'Month'))}
          onChange={(d) => set('month')(d ? d.format('YYYY-MM') : undefined)}
          inputReadOnly
        />
      </Space>
      {isPhone ? (
        <List
          loading={list.isLoading}
          dataSource={list.data}
          locale={{ emptyText: t(tx('没有异常', 'No exceptions')) }}
          renderItem={(e) => (
            <Card size="small" style={{ marginBottom: 8 }} onClick={() => navigate(`/production/exceptions/${e.id}`)} data-testid="exc-card">
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <Typography.Text strong>
                  {e.workshopName} · {t(EXCEPTION_KIND_LABELS[e.kind])}
                </Typography.Text>
                <ExceptionStateTag state={e.state} />
              </Space>
              <div style={{ margin: '4px 0' }}>{e.description}</div>
              <Typography.Text type="secondary">
                {e.number} · {when(e)} · {t(tx('损失', 'lost'))} {e.hoursLost} h{e.isEscalated ? ` · ${t(tx('已报副总', 'escalated'))}` : ''}
              </Typography.Text>
            </Card>
          )}
        />
      ) : (
        <Table<ExceptionSummary>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data}
          columns={[
            {
              title: t(tx('编号', 'Number')),
              dataIndex: 'number',
              width: 120,
              render: (v: string, e) => <Link to={`/production/exceptions/${e.id}`}>{v}</Link>,
            },
            { title: t(tx('车间', 'Workshop')), dataIndex: 'workshopName', width: 100 },
            { title: t(tx('类型', 'Kind')), dataIndex: 'kind', width: 110, render: (k: string) => t(EXCEPTION_KIND_LABELS[k]) },
            { title: t(tx('情况', 'What happened')), dataIndex: 'description', ellipsis: true },
            { title: t(tx('开始', 'Started')), width: 110, render: (_: unknown, e) => when(e) },
            { title: t(tx('损失/预计（小时）', 'Lost / estimated (h)')), width: 130, render: (_: unknown, e) => `${e.hoursLost} / ${e.hoursEstimated}` },
            {
              title: t(tx('影响', 'Impact')),
              width: 150,
              render: (_: unknown, e) => (
                <>
                  {e.affectsOtherWorkshops && <Tag color="volcano">{t(tx('其它车间', 'Other workshops'))}</Tag>}
                  {e.affectsSchedule && <Tag color="red">{t(tx('总进度', 'Schedule'))}</Tag>}
                </>
              ),
            },
            {
              title: t(tx('状态', 'State')),
              width: 150,
              render: (_: unknown, e) => (
                <>
                  <ExceptionStateTag state={e.state} />
                  {e.isEscalated && <Tag color="purple">{t(tx('已报副总', 'Escalated'))}</Tag>}
                </>
              ),
            },
          ]}
        />
      )}
    </Page>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, List, Result, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router-dom';
import { get, post } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { FREQUENCIES, MACHINE_STATES, REPAIR_STATES, UPKEEP_STATUS } from './equipment.labels';
import { useOrgTime } from './org-time';
import type { MachinePhoneView, SpotCheckAnswer } from './equipment.types';

const wrap = { maxWidth: 520, margin: '0 auto' } as const;

/**
 * Where the card's QR code lands (一机一卡). Signed out, it asks for the operator's own
 * account first (the code alone signs nobody in), then opens the machine's phone page.
 */
export function MachineScanPage() {
  const { id = '' } = useParams();
  const { me, login } = useAuth();
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  if (me) return <Navigate to={`/production/equipment/m/${id}`} replace />;
  return (
    <div style={{ minHeight: '100vh', padding: 16, background: '#f5f5f5' }}>
      <Card style={wrap}>
        <Typography.Title level={4}>{t(tx('设备点检', 'Machine spot check'))}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {t(tx('请先用本人账号登录，登录后打开该设备的点检页面。', 'Sign in with your own account to open this machine’s check page.'))}
        </Typography.Paragraph>
        <ErrorAlert error={error} />
        <Form
          layout="vertical"
          onFinish={(v: { username: string; password: string }) => {
            setError(null);
            login(v.username, v.password).catch(setError);
          }}
        >
          <Form.Item name="username" label={t(tx('用户名', 'Username'))} rules={[{ required: true }]}>
            <Input autoComplete="username" id="scan-username" />
          </Form.Item>
          <Form.Item name="password" label={t(tx('密码', 'Password'))} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" id="scan-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" data-testid="scan-login">
            {t(tx('登录', 'Sign in'))}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

/** 点检 before each operation (PP-26, T4 第五十条) and today's upkeep, on one phone screen. */
export function MachinePhonePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const shortTime = useOrgTime();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [bad, setBad] = useState<Record<string, string | undefined>>({});
  const [answer, setAnswer] = useState<SpotCheckAnswer | null>(null);
  const [fault, setFault] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['equipment', 'phone', id], queryFn: () => get<MachinePhoneView>(`/production/equipment/machines/${id}/phone`) });
  const m = q.data;
  const refresh = () => qc.invalidateQueries({ queryKey: ['equipment'] });
  const check = useMutation({
    mutationFn: () =>
      post<SpotCheckAnswer>('/production/equipment/spot-checks', {
        machineId: id,
        items: m!.checkItems.map((c) => ({ itemId: c.id, isOk: bad[c.id] === undefined, note: bad[c.id] || undefined })),
      }),
    onSuccess: (a) => {
      setAnswer(a);
      setBad({});
      refresh();
    },
  });
  const upkeep = useMutation({
    mutationFn: (e: { itemId: string; result: 'done' | 'problem' }) => post('/production/equipment/upkeep/records', { machineId: id, entries: [e] }),
    onSuccess: () => {
      message.success('✓');
      refresh();
    },
  });
  const report = useMutation({
    mutationFn: () => post('/production/equipment/repairs', { machineId: id, fault }),
    onSuccess: () => {
      setFault(null);
      refresh();
    },
  });
  if (!m) return <div style={wrap}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</div>;
  const standing = m.state === 'stopped' || m.state === 'under_repair';
  const anomalies = Object.keys(bad).length;
  const canCheck = can('production.equipment.check');
  const due = m.upkeep.filter((u) => u.status === 'due' || u.status === 'overdue');
  return (
    <div style={wrap} data-testid="machine-phone">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }} align="start">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {m.code} {m.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {m.workshopName}
            {m.model ? ` · ${m.model}` : ''}
          </Typography.Text>
        </div>
        <Tag color={MACHINE_STATES[m.state].color} style={{ fontSize: 16, padding: '4px 10px' }} data-testid="phone-state">
          {t(MACHINE_STATES[m.state].text)}
        </Tag>
      </Space>
      <ErrorAlert error={check.error ?? upkeep.error ?? report.error} />
      {answer?.result === 'ok' && !standing && (
        <Result
          status="success"
          title={<span data-testid="check-result">{t(tx('点检正常，可以开机操作', 'All checks OK: you may operate'))}</span>}
          style={{ padding: 16 }}
        />
      )}
      {standing && m.openRepair && (
        <Result
          status="error"
          title={<span data-testid="check-result">{t(tx('设备停机待修，请维持停机状态', 'Stopped for repair: keep it stopped'))}</span>}
          subTitle={
            <span>
              {t(tx('已通知维修人员和车间主任（T4 第五十条）。', 'Maintenance and the workshop director have been told (T4 art. 50). '))}
              <Link to={`/production/equipment/repairs/${m.openRepair.id}`} data-testid="phone-repair-link">
                {m.openRepair.number}
              </Link>{' '}
              {t(REPAIR_STATES[m.openRepair.state].text)} · {m.openRepair.fault}
            </span>
          }
          style={{ padding: 16 }}
        />
      )}
      {!standing && m.state !== 'retired' && canCheck && (
        <Card size="small" title={t(tx('操作前点检：逐项确认，异常点“异常”', 'Check before operating: mark what is wrong'))} style={{ marginBottom: 12 }}>
          {m.checkItems.length === 0 && <Typography.Text type="secondary">{t(tx('尚未制定点检项目', 'No check items yet'))}</Typography.Text>}
          <List
            dataSource={m.checkItems}
            renderItem={(c) => (
              <List.Item style={{ display: 'block' }} data-testid="check-item">
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <div>
                    <div>{c.content}</div>
                    {c.standard && <Typography.Text type="secondary">{c.standard}</Typography.Text>}
                  </div>
                  <Segmented
                    value={bad[c.id] === undefined ? 'ok' : 'bad'}
                    onChange={(v) => setBad((b) => (v === 'ok' ? Object.fromEntries(Object.entries(b).filter(([k]) => k !== c.id)) : { ...b, [c.id]: '' }))}
                    options={[
                      { value: 'ok', label: t(tx('正常', 'OK')) },
                      { value: 'bad', label: <span style={{ color: '#cf1322' }}>{t(tx('异常', 'Anomaly'))}</span> },
                    ]}
                  />
                </Space>
                {bad[c.id] !== undefined && (
                  <Input
                    style={{ marginTop: 6 }}
                    placeholder={t(tx('异常情况（可选）', 'What is wrong (optional)'))}
                    value={bad[c.id]}
                    onChange={(e) => setBad((b) => ({ ...b, [c.id]: e.target.value }))}
                    data-testid="check-note"
                  />
                )}
              </List.Item>
            )}
          />
          {m.checkItems.length > 0 && (
            <Button
              type="primary"
              danger={anomalies > 0}
              block
              size="large"
              loading={check.isPending}
              onClick={() => check.mutate()}
              data-testid="check-submit"
            >
              {anomalies > 0
                ? t(tx(`有 ${anomalies} 项异常：停机并通知维修`, `${anomalies} wrong: stop and call maintenance`))
                : t(tx('全部正常，提交点检', 'All OK: submit'))}
            </Button>
          )}
          {m.lastCheck && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t(tx('上次点检：', 'Last check: '))}
              {shortTime(m.lastCheck.checkedAt)} {m.lastCheck.checkedByName} {m.lastCheck.result === 'ok' ? t(tx('正常', 'OK')) : t(tx('异常', 'Anomaly'))}
            </Typography.Paragraph>
          )}
        </Card>
      )}
      {!standing && m.state !== 'retired' && canCheck && (
        <Card size="small" title={t(tx('今日保养（T4 第四十七条）', 'Upkeep today (T4 art. 47)'))} style={{ marginBottom: 12 }}>
          {due.length === 0 && <Typography.Text type="secondary">{t(tx('今日保养已完成', 'Today’s upkeep is done'))}</Typography.Text>}
          <List
            dataSource={due}
            renderItem={(u) => (
              <List.Item
                data-testid="upkeep-item"
                actions={[
                  <Button key="done" type="primary" size="small" onClick={() => upkeep.mutate({ itemId: u.itemId, result: 'done' })}>
                    {t(tx('完成', 'Done'))}
                  </Button>,
                  <Button key="problem" size="small" onClick={() => upkeep.mutate({ itemId: u.itemId, result: 'problem' })}>
                    {t(tx('有问题', 'Problem'))}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <span>
                      {u.content} <Tag color={UPKEEP_STATUS[u.status].color}>{t(UPKEEP_STATUS[u.status].text)}</Tag>
                    </span>
                  }
                  description={`${t(FREQUENCIES[u.frequency])}${u.method ? ` · ${u.method}` : ''}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {!standing && m.state !== 'retired' && canCheck && (
        <div style={{ marginBottom: 12 }}>
          {fault === null ? (
            <Button block onClick={() => setFault('')}>
              {t(tx('运行中发现故障：报修并停机', 'A failure while running: report and stop'))}
            </Button>
          ) : (
            <Alert
              type="warning"
              message={t(tx('报修后设备立即停机，请维持停机状态等待维修。', 'The machine stops at once; keep it stopped until repaired.'))}
              description={
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input.TextArea value={fault} onChange={(e) => setFault(e.target.value)} placeholder={t(tx('故障现象', 'What happened'))} />
                  <Space>
                    <Button danger type="primary" disabled={fault.trim().length < 2} loading={report.isPending} onClick={() => report.mutate()}>
                      {t(tx('报修并停机', 'Report and stop'))}
                    </Button>
                    <Button onClick={() => setFault(null)}>{t(tx('取消', 'Cancel'))}</Button>
                  </Space>
                </Space>
              }
            />
          )}
        </div>
      )}
    </div>
  );
}

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Grid, Input, InputNumber, List, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { get, post } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { MACHINE_STATES, REPAIR_SOURCES, REPAIR_STATES } from './equipment.labels';
import { useOrgTime } from './org-time';
import type { RepairSummary, RepairView } from './equipment.types';

type Part = { name: string; qty: number; unit: string };

/** 设备维修 (PP-26, T4 第五十一条): open orders first, for maintenance on a phone or a desk. */
export function RepairsPage() {
  const { t } = useI18n();
  const shortTime = useOrgTime();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const q = useQuery({
    queryKey: ['equipment', 'repairs', filter],
    queryFn: () => get<RepairSummary[]>(`/production/equipment/repairs${filter === 'open' ? '?state=open' : ''}`),
  });
  const tag = (s: string) => <Tag color={REPAIR_STATES[s].color}>{t(REPAIR_STATES[s].text)}</Tag>;
  return (
    <Page title={tx('设备维修', 'Machine repairs')}>
      <ErrorAlert error={q.error} />
      <Segmented
        style={{ marginBottom: 8 }}
        value={filter}
        onChange={(v) => setFilter(v as 'open' | 'all')}
        options={[
          { value: 'open', label: t(tx('未完成', 'Open')) },
          { value: 'all', label: t(tx('全部', 'All')) },
        ]}
      />
      {isPhone ? (
        <List
          loading={q.isLoading}
          dataSource={q.data}
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }} onClick={() => navigate(`/production/equipment/repairs/${r.id}`)} data-testid="repair-row">
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong>
                  {r.number} {r.machineCode} {r.machineName}
                </Typography.Text>
                {tag(r.state)}
              </Space>
              <div>
                <Typography.Text type="secondary">{r.fault}</Typography.Text>
              </div>
            </Card>
          )}
        />
      ) : (
        <Table<RepairSummary>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={q.data}
          columns={[
            {
              title: t(tx('维修单', 'Order')),
              dataIndex: 'number',
              width: 120,
              render: (v: string, r) => <Link to={`/production/equipment/repairs/${r.id}`}>{v}</Link>,
            },
            { title: t(tx('设备', 'Machine')), width: 170, render: (_: unknown, r) => `${r.machineCode} ${r.machineName}` },
            { title: t(tx('车间', 'Workshop')), dataIndex: 'workshopName', width: 90 },
            { title: t(tx('故障', 'Fault')), dataIndex: 'fault' },
            { title: t(tx('报修', 'Reported')), width: 150, render: (_: unknown, r) => `${shortTime(r.reportedAt)} ${r.reportedByName}` },
            { title: t(tx('状态', 'State')), dataIndex: 'state', width: 90, render: (s: string) => tag(s) },
            { title: t(tx('停机小时', 'Down (h)')), dataIndex: 'downtimeHours', width: 90, align: 'right' },
          ]}
        />
      )}
    </Page>
  );
}

function PartsEditor({ parts, onChange }: { parts: Part[]; onChange: (p: Part[]) => void }) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<Part>) => onChange(parts.map((p, k) => (k === i ? { ...p, ...patch } : p)));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {parts.map((p, i) => (
        <Space key={i} wrap size={6}>
          <Input value={p.name} onChange={(e) => set(i, { name: e.target.value })} placeholder={t(tx('备件名称', 'Part'))} style={{ width: 150 }} />
          <InputNumber value={p.qty} min={0.001} onChange={(v) => set(i, { qty: v ?? 1 })} style={{ width: 70 }} />
          <Input value={p.unit} onChange={(e) => set(i, { unit: e.target.value })} placeholder={t(tx('单位', 'Unit'))} style={{ width: 56 }} />
          <Button type="text" icon={<DeleteOutlined />} aria-label={t(tx('删除', 'Remove'))} onClick={() => onChange(parts.filter((_x, k) => k !== i))} />
        </Space>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...parts, { name: '', qty: 1, unit: '个' }])}>
        {t(tx('添加备件', 'Add a part'))}
      </Button>
    </Space>
  );
}

/** One repair order: accept, diagnose with parts, and complete (asked first) to run the machine again. */
export function RepairPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const shortTime = useOrgTime();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const isPhone = !Grid.useBreakpoint().md;
  const q = useQuery({ queryKey: ['equipment', 'repair', id], queryFn: () => get<RepairView>(`/production/equipment/repairs/${id}`) });
  const r = q.data;
  const [diagnosis, setDiagnosis] = useState('');
  const [action, setAction] = useState('');
  const [parts, setParts] = useState<Part[]>([]);
  useEffect(() => {
    if (!r) return;
    setDiagnosis(r.diagnosis);
    setParts(r.parts);
  }, [r]);
  const step = useMutation({
    mutationFn: ({ path, body }: { path: string; body: object }) =>
      post<RepairView>(`/production/equipment/repairs/${id}/${path}`, { version: r!.version, ...body }),
    onSuccess: () => {
      message.success('✓');
      qc.invalidateQueries({ queryKey: ['equipment'] });
    },
  });
  if (!r) return <Page title={tx('维修单', 'Repair order')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  const canRepair = can('production.equipment.repair') && r.state !== 'done';
  const cleanParts = parts.filter((p) => p.name.trim());
  const big = { size: 'large' as const, block: isPhone };
  const complete = () =>
    modal.confirm({
      title: t(tx(`确认 ${r.machineCode} ${r.machineName} 已修复？`, `Is ${r.machineCode} ${r.machineName} repaired?`)),
      content: t(
        tx(
          '完工后维修单关闭、设备恢复运行，停机时间据此结算，不能撤销。',
          'The order closes and the machine runs again; its downtime is settled. This cannot be undone.',
        ),
      ),
      okText: t(tx('修复完工', 'Repaired')),
      onOk: () => step.mutateAsync({ path: 'complete', body: { actionTaken: action, parts: cleanParts } }),
    });
  return (
    <Page
      title={{ zh: `维修单 ${r.number}`, en: `Repair order ${r.number}` }}
      extra={
        <Tag color={REPAIR_STATES[r.state].color} data-testid="repair-state">
          {t(REPAIR_STATES[r.state].text)}
        </Tag>
      }
    >
      <ErrorAlert error={step.error} />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t(tx('设备', 'Machine'))}>
          <Link to={`/production/equipment/machines/${r.machineId}`}>
            {r.machineCode} {r.machineName}
          </Link>{' '}
          <Tag color={MACHINE_STATES[r.machineState].color} data-testid="repair-machine-state">
            {t(MACHINE_STATES[r.machineState].text)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('车间', 'Workshop'))}>{r.workshopName}</Descriptions.Item>
        <Descriptions.Item label={t(tx('故障', 'Fault'))}>
          {r.fault} <Tag>{t(REPAIR_SOURCES[r.source])}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('报修', 'Reported'))}>
          {shortTime(r.reportedAt)} {r.reportedByName}
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('受理', 'Accepted'))}>{r.acceptedAt ? `${shortTime(r.acceptedAt)} ${r.acceptedByName}` : '—'}</Descriptions.Item>
        <Descriptions.Item label={t(tx('诊断', 'Diagnosis'))}>
          {r.diagnosis ? `${r.diagnosis}（${shortTime(r.diagnosedAt)} ${r.diagnosedByName}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('备件', 'Parts'))}>{r.parts.map((p) => `${p.name} ×${p.qty}${p.unit}`).join('；') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t(tx('停机时间', 'Downtime'))}>
          <span data-testid="repair-downtime">
            {r.state === 'done'
              ? t(tx(`${r.downtimeHours} 小时`, `${r.downtimeHours} h`))
              : t(tx(`已停机 ${r.downtimeSoFar} 小时`, `${r.downtimeSoFar} h so far`))}
          </span>
        </Descriptions.Item>
        {r.state === 'done' && (
          <Descriptions.Item label={t(tx('修复', 'Repaired'))}>
            {r.actionTaken}（{shortTime(r.returnedAt)} {r.returnedByName}）
          </Descriptions.Item>
        )}
      </Descriptions>
      {canRepair && r.state === 'reported' && (
        <Button type="primary" {...big} loading={step.isPending} onClick={() => step.mutate({ path: 'accept', body: {} })} data-testid="repair-accept">
          {t(tx('受理维修', 'Accept'))}
        </Button>
      )}
      {canRepair && r.state !== 'reported' && (
        <Card size="small" title={t(tx('诊断与备件', 'Diagnosis and parts'))} style={{ marginBottom: 12 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              value={diagnosis}
              onChange={(e) => setDiagnosis(e.target.value)}
              placeholder={t(tx('故障原因', 'Cause'))}
              maxLength={2000}
              data-testid="repair-diagnosis"
            />
            <PartsEditor parts={parts} onChange={setParts} />
            <Button
              {...big}
              disabled={diagnosis.trim().length < 2}
              loading={step.isPending}
              onClick={() => step.mutate({ path: 'diagnose', body: { diagnosis, parts: cleanParts } })}
              data-testid="repair-diagnose"
            >
              {t(tx('保存诊断', 'Save diagnosis'))}
            </Button>
          </Space>
        </Card>
      )}
      {canRepair && r.state !== 'reported' && (
        <Card size="small" title={t(tx('修复完工', 'Repaired'))}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              value={action}
              onChange={(e) => setAction(e.target.value)}
              placeholder={t(tx('维修措施与试机结果', 'What was done and the trial run'))}
              maxLength={2000}
              data-testid="repair-action"
            />
            <Button type="primary" {...big} disabled={action.trim().length < 2} onClick={complete} data-testid="repair-complete">
              {t(tx('修复完工，恢复运行', 'Repaired: run again'))}
            </Button>
          </Space>
        </Card>
      )}
    </Page>
  );
}

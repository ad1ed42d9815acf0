import { MobileOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Space, Spin, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get, post } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { MACHINE_STATES, REPAIR_STATES } from './equipment.labels';
import { useOrgTime } from './org-time';
import type { MachineDetail } from './equipment.types';
import { MachineForm } from './machine-form';
import { CheckItemsPanel, UpkeepItemsPanel } from './machine-items.panel';

type Move = 'stopped' | 'running' | 'retired';

const MOVES: Record<Move, { label: ReturnType<typeof tx>; confirm: ReturnType<typeof tx> }> = {
  stopped: {
    label: tx('停机', 'Stop'),
    confirm: tx('设备停机后，其所占车间产能从停机时起从产能日历中扣除。', 'While stopped, its share leaves the workshop’s capacity calendar.'),
  },
  running: { label: tx('恢复运行', 'Run again'), confirm: tx('恢复运行后，车间产能随即恢复。', 'The workshop’s capacity comes back at once.') },
  retired: {
    label: tx('报废', 'Retire'),
    confirm: tx(
      '报废不可撤销：设备不再点检、保养，也不再计入车间设备数。',
      'Retiring cannot be undone: no more checks or upkeep, and it leaves the workshop’s count.',
    ),
  },
};

/** One machine: its card data, state, what its stop costs the workshop, its items, checks and repairs. */
export function MachinePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const shortTime = useOrgTime();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [move, setMove] = useState<Move | null>(null);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: ['equipment', 'machine', id], queryFn: () => get<MachineDetail>(`/production/equipment/machines/${id}`) });
  const m = q.data;
  const change = useMutation({
    mutationFn: () => post(`/production/equipment/machines/${id}/state`, { version: m!.version, state: move, reason }),
    onSuccess: () => {
      setMove(null);
      setReason('');
      message.success('✓');
      qc.invalidateQueries({ queryKey: ['equipment'] });
    },
  });
  if (!m) return <Page title={tx('设备', 'Machine')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  const canWrite = can('production.equipment.write') && m.state !== 'retired';
  const moves: Move[] =
    m.state === 'running'
      ? ['stopped', 'retired']
      : m.state === 'stopped' && !m.openRepair
        ? ['running', 'retired']
        : m.state !== 'retired' && !m.openRepair
          ? ['retired']
          : [];
  const standing = m.state === 'stopped' || m.state === 'under_repair';
  return (
    <Page
      title={{ zh: `${m.code} ${m.name}`, en: `${m.code} ${m.name}` }}
      extra={
        <Space wrap>
          <Tag color={MACHINE_STATES[m.state].color} data-testid="machine-state">
            {t(MACHINE_STATES[m.state].text)}
          </Tag>
          <Link to={`/production/equipment/m/${m.id}`}>
            <Button icon={<MobileOutlined />} data-testid="machine-phone-link">
              {t(tx('点检与保养', 'Check and upkeep'))}
            </Button>
          </Link>
          <Link to={`/production/equipment/cards?ids=${m.id}`}>
            <Button icon={<PrinterOutlined />}>{t(tx('设备管理卡', 'Machine card'))}</Button>
          </Link>
          {canWrite && <Button onClick={() => setEditing(true)}>{t(tx('修改', 'Edit'))}</Button>}
          {can('production.equipment.write') &&
            moves.map((mv) => (
              <Button key={mv} danger={mv !== 'running'} onClick={() => setMove(mv)} data-testid={`machine-${mv}`}>
                {t(MOVES[mv].label)}
              </Button>
            ))}
        </Space>
      }
    >
      <ErrorAlert error={q.error} />
      {m.openRepair && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            <span>
              {t(
                tx(
                  '设备停机待修，操作人员须维持停机状态（T4 第五十条）。维修单：',
                  'Stopped for repair; operators keep it stopped (T4 art. 50). Repair order: ',
                ),
              )}
              <Link to={`/production/equipment/repairs/${m.openRepair.id}`}>{m.openRepair.number}</Link>{' '}
              <Tag color={REPAIR_STATES[m.openRepair.state]?.color}>{t(REPAIR_STATES[m.openRepair.state]?.text ?? tx('', ''))}</Tag>
            </span>
          }
        />
      )}
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t(tx('规格型号', 'Model'))}>{m.model || '—'}</Descriptions.Item>
        <Descriptions.Item label={t(tx('车间', 'Workshop'))}>{m.workshopName}</Descriptions.Item>
        <Descriptions.Item label={t(tx('安装位置', 'Location'))}>{m.location || '—'}</Descriptions.Item>
        <Descriptions.Item label={t(tx('制造厂家', 'Maker'))}>{m.maker || '—'}</Descriptions.Item>
        <Descriptions.Item label={t(tx('启用日期', 'Commissioned'))}>{m.commissionedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t(tx('责任人', 'Owner'))}>{m.ownerName ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Card
        size="small"
        title={t(tx('停机对车间产能的影响（T4 第五十条）', 'What a stop costs the workshop (T4 art. 50)'))}
        style={{ marginBottom: 12 }}
        data-testid="machine-capacity"
      >
        {t(
          tx(
            `占${m.workshopName}产能 ${Math.round(m.share * 1000) / 10}%：停机一个整工作日扣减 ${m.capacity.lostPerDay} 小时。`,
            `${Math.round(m.share * 1000) / 10}% of ${m.workshopName}: a full working day stopped takes ${m.capacity.lostPerDay} h.`,
          ),
        )}{' '}
        {standing
          ? t(
              tx(
                `今日已扣减 ${m.capacity.lostToday} 小时，车间今日产能 ${m.capacity.workshopDayHours} 小时。`,
                `Today ${m.capacity.lostToday} h taken; the workshop has ${m.capacity.workshopDayHours} h today.`,
              ),
            )
          : t(tx(`车间今日产能 ${m.capacity.workshopDayHours} 小时。`, `The workshop has ${m.capacity.workshopDayHours} h today.`))}
      </Card>
      <Tabs
        items={[
          { key: 'checks', label: t(tx('点检项目', 'Check items')), children: <CheckItemsPanel machine={m} canEdit={canWrite} /> },
          { key: 'upkeep', label: t(tx('日常保养项目', 'Upkeep items')), children: <UpkeepItemsPanel machine={m} canEdit={canWrite} /> },
          {
            key: 'history',
            label: t(tx('点检记录', 'Spot checks')),
            children: (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={m.recentChecks}
                columns={[
                  { title: t(tx('时间', 'Time')), dataIndex: 'checkedAt', width: 110, render: (v: string) => shortTime(v) },
                  { title: t(tx('点检人', 'By')), dataIndex: 'checkedByName', width: 90 },
                  {
                    title: t(tx('结果', 'Result')),
                    dataIndex: 'result',
                    width: 80,
                    render: (r: string) => (r === 'ok' ? <Tag color="green">{t(tx('正常', 'OK'))}</Tag> : <Tag color="red">{t(tx('异常', 'Anomaly'))}</Tag>),
                  },
                  { title: t(tx('说明', 'Note')), dataIndex: 'note' },
                ]}
              />
            ),
          },
          {
            key: 'repairs',
            label: t(tx('维修记录', 'Repairs')),
            children: (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={m.repairs}
                columns={[
                  {
                    title: t(tx('维修单', 'Order')),
                    dataIndex: 'number',
                    width: 120,
                    render: (v: string, r) => <Link to={`/production/equipment/repairs/${r.id}`}>{v}</Link>,
                  },
                  { title: t(tx('故障', 'Fault')), dataIndex: 'fault' },
                  {
                    title: t(tx('状态', 'State')),
                    dataIndex: 'state',
                    width: 90,
                    render: (s: string) => <Tag color={REPAIR_STATES[s].color}>{t(REPAIR_STATES[s].text)}</Tag>,
                  },
                  { title: t(tx('停机小时', 'Down (h)')), dataIndex: 'downtimeHours', width: 90, align: 'right' },
                ]}
              />
            ),
          },
        ]}
      />
      <MachineForm machine={m} open={editing} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      <Modal
        open={!!move}
        title={move ? `${t(MOVES[move].label)} ${m.code} ${m.name}` : ''}
        onCancel={() => setMove(null)}
        onOk={() => change.mutate()}
        okText={move ? t(MOVES[move].label) : ''}
        okButtonProps={{
          danger: move !== 'running',
          disabled: reason.trim().length < 2,
          loading: change.isPending,
          ...({ 'data-testid': 'machine-move-confirm' } as object),
        }}
      >
        <ErrorAlert error={change.error} />
        {move && <Alert type={move === 'running' ? 'info' : 'warning'} showIcon style={{ marginBottom: 8 }} message={t(MOVES[move].confirm)} />}
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t(tx('原因（必填）', 'Reason (required)'))}
          maxLength={500}
          data-testid="machine-move-reason"
        />
      </Modal>
    </Page>
  );
}

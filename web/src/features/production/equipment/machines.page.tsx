import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Grid, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import type { Workshop } from '../production.types';
import { MachineExcelButtons } from './equipment-excel';
import { MACHINE_STATES } from './equipment.labels';
import type { MachineSummary } from './equipment.types';
import { MachineForm } from './machine-form';

const pctOf = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** 设备台账 (PP-23, T4 第四十六条): every machine numbered, its state, owner and open repair; cards to print. */
export function MachinesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const [workshopId, setWorkshopId] = useState<string | undefined>();
  const [state, setState] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const query = new URLSearchParams({ ...(workshopId ? { workshopId } : {}), ...(state ? { state } : {}) }).toString();
  const list = useQuery({ queryKey: ['equipment', 'machines', query], queryFn: () => get<MachineSummary[]>(`/production/equipment/machines?${query}`) });
  const workshops = useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops') });
  const stateTag = (m: MachineSummary) => <Tag color={MACHINE_STATES[m.state].color}>{t(MACHINE_STATES[m.state].text)}</Tag>;
  return (
    <Page
      title={tx('设备台账', 'Machine register')}
      extra={
        <Space wrap>
          {can('production.equipment.write') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="machine-new">
              {t(tx('登记设备', 'New machine'))}
            </Button>
          )}
          <Link to={`/production/equipment/cards${workshopId ? `?workshopId=${workshopId}` : ''}`}>
            <Button icon={<PrinterOutlined />}>{t(tx('打印设备管理卡', 'Print machine cards'))}</Button>
          </Link>
        </Space>
      }
    >
      <ErrorAlert error={list.error} />
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          allowClear
          aria-label={t(tx('车间', 'Workshop'))}
          placeholder={t(tx('全部车间', 'All workshops'))}
          style={{ width: 140 }}
          value={workshopId}
          onChange={setWorkshopId}
          options={(workshops.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
        />
        <Select
          allowClear
          aria-label={t(tx('状态', 'State'))}
          placeholder={t(tx('全部状态', 'All states'))}
          style={{ width: 120 }}
          value={state}
          onChange={setState}
          options={Object.entries(MACHINE_STATES).map(([value, s]) => ({ value, label: t(s.text) }))}
        />
        <MachineExcelButtons />
      </Space>
      {isPhone ? (
        <List
          loading={list.isLoading}
          dataSource={list.data}
          renderItem={(m) => (
            <Card size="small" style={{ marginBottom: 8 }} onClick={() => navigate(`/production/equipment/machines/${m.id}`)} data-testid="machine-card-row">
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong>
                  {m.code} {m.name}
                </Typography.Text>
                {stateTag(m)}
              </Space>
              <div>
                <Typography.Text type="secondary">
                  {m.workshopName} · {m.ownerName ?? '—'}
                  {m.openRepair ? ` · ${m.openRepair.number}` : ''}
                </Typography.Text>
              </div>
            </Card>
          )}
        />
      ) : (
        <Table<MachineSummary>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data}
          pagination={{ pageSize: 50 }}
          data-testid="machines-table"
          columns={[
            {
              title: t(tx('设备编号', 'Number')),
              dataIndex: 'code',
              width: 100,
              render: (v: string, m) => <Link to={`/production/equipment/machines/${m.id}`}>{v}</Link>,
            },
            { title: t(tx('设备名称', 'Name')), dataIndex: 'name', width: 160 },
            { title: t(tx('规格型号', 'Model')), dataIndex: 'model', width: 110 },
            { title: t(tx('车间', 'Workshop')), dataIndex: 'workshopName', width: 100 },
            { title: t(tx('位置', 'Location')), dataIndex: 'location', width: 120 },
            { title: t(tx('责任人', 'Owner')), dataIndex: 'ownerName', width: 90 },
            { title: t(tx('占产能', 'Share')), dataIndex: 'share', width: 80, align: 'right', render: (v: number) => pctOf(v) },
            { title: t(tx('状态', 'State')), dataIndex: 'state', width: 90, render: (_: unknown, m) => stateTag(m) },
            {
              title: t(tx('维修单', 'Repair')),
              width: 120,
              render: (_: unknown, m) => (m.openRepair ? <Link to={`/production/equipment/repairs/${m.openRepair.id}`}>{m.openRepair.number}</Link> : ''),
            },
          ]}
        />
      )}
      <MachineForm machine={null} open={creating} onClose={() => setCreating(false)} onSaved={(m) => navigate(`/production/equipment/machines/${m.id}`)} />
    </Page>
  );
}

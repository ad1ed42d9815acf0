import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, InputNumber, Modal, Row, Space, Table, Typography } from 'antd';
import { type ChartOption, EChart } from '../../ui/chart';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { get, patch, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { fmt } from './production.labels';
import { orgTime } from '../../ui/time';
import { ExcelButtons } from './excel-buttons';
import type { MonthSummary, ShipmentLine } from '#production';

type Shipment = ShipmentLine;

type Summary = MonthSummary;

/** PP-5 (T4 第十七–十八条): the month's shipment plan, and the sales and collection summary for the GM. */
export function ShipmentsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? dayjs().format('YYYY-MM');
  const [editing, setEditing] = useState<Shipment | null>(null);
  const [values, setValues] = useState<{ shippedQty?: number; invoicedAmount?: number; collectedAmount?: number; shippedOn?: string }>({});
  const plan = useQuery({ queryKey: ['production', 'shipments', month], queryFn: () => get<Shipment[]>(`/production/shipments?month=${month}`) });
  const summary = useQuery({ queryKey: ['production', 'month-summary', month], queryFn: () => get<Summary>(`/production/month-summary?month=${month}`) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['production'] });
  const record = useMutation({
    mutationFn: () => patch(`/production/shipments/${editing!.id}`, { version: editing!.version, ...values }),
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
  });
  const submit = useMutation({
    mutationFn: () => post(`/production/month-summary/${month}/submit`),
    onSuccess: () => {
      message.success(t(tx('已报送总经理', 'Sent to the GM')));
      refresh();
    },
  });
  const chart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t(tx('计划', 'Plan')), t(tx('订货', 'Ordered')), t(tx('出货', 'Shipped'))] },
      grid: { left: 60, right: 16, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: (summary.data?.sales ?? []).map((s) => s.code) },
      yAxis: { type: 'value' },
      series: [
        { name: t(tx('计划', 'Plan')), type: 'bar', data: (summary.data?.sales ?? []).map((s) => s.planned) },
        { name: t(tx('订货', 'Ordered')), type: 'bar', data: (summary.data?.sales ?? []).map((s) => s.ordered) },
        { name: t(tx('出货', 'Shipped')), type: 'bar', data: (summary.data?.sales ?? []).map((s) => s.shipped) },
      ],
    }),
    [summary.data, t],
  );
  return (
    <Page
      title={tx('月出货计划与月末统计', 'Shipments and month-end summary')}
      extra={
        <Space wrap>
          <DatePicker picker="month" value={dayjs(`${month}-01`)} allowClear={false} onChange={(d) => d && setParams({ month: d.format('YYYY-MM') })} />
          <ExcelButtons table="production-shipments" label={t(tx('出货与回款', 'Shipments and collection'))} permission="production.demand.write" />
          {can('production.demand.write') && (
            <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending}>
              {t(tx('报送总经理（销售统计表、货款回收汇总表）', 'Send the summary to the GM'))}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={plan.error ?? summary.error ?? submit.error} />
      {summary.data?.submittedAt && (
        <Typography.Paragraph type="secondary">
          {t(tx('已报送', 'Sent'))} {orgTime(summary.data.submittedAt).format('YYYY-MM-DD HH:mm')}
        </Typography.Paragraph>
      )}
      <Card size="small" title={t(tx('月出货计划', 'Shipment plan'))} style={{ marginBottom: 12 }}>
        <Table<Shipment>
          size="small"
          rowKey="id"
          dataSource={plan.data}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: t(tx('计划发货', 'Planned')), dataIndex: 'plannedOn', width: 110 },
            {
              title: t(tx('销售计划单', 'Sales sheet')),
              dataIndex: 'salesSheetNumber',
              width: 140,
              render: (v: string, s) => <Link to={`/production/orders/${s.orderId}`}>{v}</Link>,
            },
            { title: t(tx('客户', 'Customer')), dataIndex: 'customer' },
            { title: t(tx('产品', 'Product')), render: (_: unknown, s) => `${s.code} ${s.name}` },
            { title: t(tx('数量', 'Quantity')), width: 100, align: 'right', render: (_: unknown, s) => `${fmt(s.qty)} ${s.unit}` },
            { title: t(tx('已发', 'Shipped')), width: 100, align: 'right', render: (_: unknown, s) => fmt(s.shippedQty) },
            {
              title: t(tx('开票/回款（元）', 'Invoiced / collected')),
              width: 170,
              align: 'right',
              render: (_: unknown, s) => `${fmt(s.invoicedAmount)} / ${fmt(s.collectedAmount)}`,
            },
            {
              title: '',
              width: 80,
              render: (_: unknown, s) =>
                can('production.demand.write') || can('production.stock.write') ? (
                  <Button
                    size="small"
                    onClick={() => {
                      setEditing(s);
                      setValues({});
                    }}
                  >
                    {t(tx('登记', 'Record'))}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card
            size="small"
            title={t(tx('产品销售统计表', 'Sales statistics by product'))}
            extra={
              <Link to={`/production/shipments/print/sales?month=${month}`}>
                <Button size="small" icon={<PrinterOutlined />} data-testid="print-sales">
                  {t(tx('打印', 'Print'))}
                </Button>
              </Link>
            }
          >
            <EChart option={chart} height={260} />
            <Table
              size="small"
              rowKey="itemId"
              pagination={false}
              dataSource={summary.data?.sales}
              scroll={{ x: 500 }}
              columns={[
                { title: t(tx('产品', 'Product')), render: (_: unknown, s) => `${s.code} ${s.name}` },
                { title: t(tx('计划', 'Plan')), dataIndex: 'planned', align: 'right', render: (v: number) => fmt(v) },
                { title: t(tx('订货', 'Ordered')), dataIndex: 'ordered', align: 'right', render: (v: number) => fmt(v) },
                { title: t(tx('出货', 'Shipped')), dataIndex: 'shipped', align: 'right', render: (v: number) => fmt(v) },
                { title: t(tx('开票（元）', 'Invoiced')), dataIndex: 'invoiced', align: 'right', render: (v: number) => fmt(v) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card
            size="small"
            title={t(tx('货款回收汇总表', 'Collection summary'))}
            extra={
              <Link to={`/production/shipments/print/collection?month=${month}`}>
                <Button size="small" icon={<PrinterOutlined />} data-testid="print-collection">
                  {t(tx('打印', 'Print'))}
                </Button>
              </Link>
            }
          >
            <Table
              size="small"
              rowKey="customer"
              pagination={false}
              dataSource={summary.data?.collection}
              scroll={{ x: 420 }}
              columns={[
                { title: t(tx('客户', 'Customer')), dataIndex: 'customer' },
                { title: t(tx('开票', 'Invoiced')), dataIndex: 'invoiced', align: 'right', render: (v: number) => fmt(v) },
                { title: t(tx('回款', 'Collected')), dataIndex: 'collected', align: 'right', render: (v: number) => fmt(v) },
                { title: t(tx('未回款', 'Outstanding')), dataIndex: 'outstanding', align: 'right', render: (v: number) => fmt(v) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={!!editing}
        title={t(tx('登记出货与回款', 'Record shipment and collection'))}
        onCancel={() => setEditing(null)}
        onOk={() => record.mutate()}
        confirmLoading={record.isPending}
      >
        <ErrorAlert error={record.error} />
        {editing && (
          <Space direction="vertical">
            <DatePicker
              defaultValue={editing.shippedOn ? dayjs(editing.shippedOn) : dayjs()}
              onChange={(d) => setValues({ ...values, shippedOn: d?.format('YYYY-MM-DD') })}
            />
            <InputNumber
              addonBefore={t(tx('已发数量', 'Shipped'))}
              min={0}
              defaultValue={editing.shippedQty}
              onChange={(v) => setValues({ ...values, shippedQty: v ?? 0 })}
            />
            <InputNumber
              addonBefore={t(tx('开票金额', 'Invoiced'))}
              min={0}
              defaultValue={editing.invoicedAmount}
              onChange={(v) => setValues({ ...values, invoicedAmount: v ?? 0 })}
            />
            <InputNumber
              addonBefore={t(tx('回款金额', 'Collected'))}
              min={0}
              defaultValue={editing.collectedAmount}
              onChange={(v) => setValues({ ...values, collectedAmount: v ?? 0 })}
            />
          </Space>
        )}
      </Modal>
    </Page>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { CapacityCalendarRow } from '#production';
import { get, patch, post, put } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { type ChartOption, EChart } from '../../ui/chart';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { ExcelButtons } from './excel-buttons';
import { WEEKDAY_ZH } from './production.labels';
import type { Workshop } from './production.types';

/** Workshops with their shifts and lines, and the capacity calendar a month ahead (PP-9). */
export function WorkshopsPanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Workshop | 'new' | null>(null);
  const [exception, setException] = useState<Workshop | null>(null);
  const [form] = Form.useForm();
  const [exForm] = Form.useForm();
  const list = useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops') });
  const from = dayjs().format('YYYY-MM-DD');
  const to = dayjs().add(34, 'day').format('YYYY-MM-DD');
  const calendar = useQuery({
    queryKey: ['production', 'capacity-calendar', from],
    queryFn: () => get<CapacityCalendarRow[]>(`/production/capacity-calendar?from=${from}&to=${to}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['production'] });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      editing === 'new'
        ? post('/production/workshops', v)
        : patch(`/production/workshops/${(editing as Workshop).id}`, { ...v, version: (editing as Workshop).version }),
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
  });
  const setDay = useMutation({
    mutationFn: (v: { day: dayjs.Dayjs; hours: number; note?: string }) =>
      put(`/production/workshops/${exception!.id}/days/${v.day.format('YYYY-MM-DD')}`, { hours: v.hours, note: v.note }),
    onSuccess: () => {
      setException(null);
      refresh();
    },
  });
  const chart = useMemo<ChartOption>(() => {
    const days = Array.from({ length: 35 }, (_, k) => dayjs(from).add(k, 'day').format('MM-DD'));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: (calendar.data ?? []).map((w) => w.name) },
      grid: { left: 50, right: 16, top: 52, bottom: 30 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', name: 'h' },
      series: (calendar.data ?? []).map((w) => ({ name: w.name, type: 'bar', data: w.hours })),
    };
  }, [calendar.data, from]);
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        {can('production.master.write') && (
          <Button
            type="primary"
            onClick={() => {
              form.resetFields();
              setEditing('new');
            }}
          >
            {t(tx('新增车间', 'New workshop'))}
          </Button>
        )}
        <ExcelButtons table="production-workshops" label={t(tx('车间与产能', 'Workshops'))} />
      </Space>
      <ErrorAlert error={list.error ?? calendar.error} />
      <Table<Workshop>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data}
        scroll={{ x: 760 }}
        columns={[
          { title: t(tx('编码', 'Code')), dataIndex: 'code', width: 80 },
          {
            title: t(tx('车间', 'Workshop')),
            dataIndex: 'name',
            render: (v: string, w) =>
              can('production.master.write') ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => {
                    form.setFieldsValue(w);
                    setEditing(w);
                  }}
                >
                  {v}
                </Button>
              ) : (
                v
              ),
          },
          {
            title: t(tx('班次×小时×线', 'Shifts × hours × lines')),
            width: 170,
            render: (_: unknown, w) => `${w.shiftsPerDay} × ${w.hoursPerShift} × ${w.lines}${w.efficiency !== 1 ? ` × ${w.efficiency}` : ''}`,
          },
          {
            title: t(tx('工作日', 'Working days')),
            dataIndex: 'workingWeekdays',
            width: 160,
            render: (d: number[]) => d.map((x) => WEEKDAY_ZH[x - 1]).join(''),
          },
          {
            title: '',
            width: 110,
            render: (_: unknown, w) =>
              can('production.master.write') && (
                <Button
                  size="small"
                  onClick={() => {
                    exForm.resetFields();
                    setException(w);
                  }}
                >
                  {t(tx('加班/停产日', 'Exception day'))}
                </Button>
              ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t(tx('未来 5 周产能日历（小时/天；节假日、调休与例外日已计入）', 'Capacity calendar, next 5 weeks (hours a day)'))}
      </Typography.Title>
      <EChart option={chart} height={260} />
      <Modal open={!!editing} title={t(tx('车间', 'Workshop'))} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={save.isPending}>
        <ErrorAlert error={save.error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ shiftsPerDay: 1, hoursPerShift: 8, lines: 1, efficiency: 1, workingWeekdays: [1, 2, 3, 4, 5] }}
          onFinish={(v) => save.mutate(v)}
        >
          <Space wrap>
            <Form.Item name="code" label={t(tx('编码', 'Code'))} rules={[{ required: true }]}>
              <Input style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="name" label={t(tx('名称', 'Name'))} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="shiftsPerDay" label={t(tx('班次/天', 'Shifts'))}>
              <InputNumber min={0} max={4} />
            </Form.Item>
            <Form.Item name="hoursPerShift" label={t(tx('每班小时', 'Hours/shift'))}>
              <InputNumber min={0} max={24} />
            </Form.Item>
            <Form.Item name="lines" label={t(tx('生产线数', 'Lines'))}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="efficiency" label={t(tx('效率', 'Efficiency'))}>
              <InputNumber min={0.1} max={2} step={0.05} />
            </Form.Item>
          </Space>
          <Form.Item name="workingWeekdays" label={t(tx('工作日', 'Working days'))}>
            <Checkbox.Group options={WEEKDAY_ZH.map((d, i) => ({ value: i + 1, label: `周${d}` }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!exception}
        title={`${exception?.name ?? ''} ${t(tx('例外日（加班或停产）', 'Exception day'))}`}
        onCancel={() => setException(null)}
        onOk={() => exForm.submit()}
        confirmLoading={setDay.isPending}
      >
        <ErrorAlert error={setDay.error} />
        <Form form={exForm} layout="vertical" initialValues={{ day: dayjs(), hours: 0 }} onFinish={(v) => setDay.mutate(v)}>
          <Form.Item name="day" label={t(tx('日期', 'Date'))}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="hours" label={t(tx('当日产能（小时，0 = 停产）', 'Hours that day (0 = stop)'))}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="note" label={t(tx('说明', 'Note'))}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

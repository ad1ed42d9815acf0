import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Input, InputNumber, Segmented, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { get, post, put } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { fmt } from '../production.labels';
import { shiftLabel, STOPPAGE_LABELS } from './report.labels';
import type { ReportForm, ReportView } from './report.types';

type Figures = { outputQty: number | null; warehouseQty: number | null; scrapQty: number | null };
type Stop = { reason: string; minutes: number | null; itemId?: string | null };
interface Line {
  itemId: string;
  code: string;
  name: string;
  unit: string;
  plannedQty: number;
  reportedQty: number;
  isFinalOperation: boolean;
}

const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * PP-18 (T4 第三十四条): one shift's report on one phone screen — the day's plan per product,
 * output, 进仓 and scrap, hours worked and stoppages. The 进仓 goes into the warehouse at once.
 */
export function ReportFormPanel({ amend, onDone }: { amend?: ReportView | null; onDone?: (r: ReportView) => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [query, setQuery] = useState<{ workshopId?: string; date?: string; shift?: number }>({});
  const [figures, setFigures] = useState<Record<string, Figures>>({});
  const [extra, setExtra] = useState<string[]>([]);
  const [hours, setHours] = useState<number | null>(null);
  const [stops, setStops] = useState<Stop[]>([]);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const params = amend ? { workshopId: amend.workshopId, date: amend.reportDate, shift: amend.shift } : query;
  const search = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
  const form = useQuery({ queryKey: ['production', 'report-form', search], queryFn: () => get<ReportForm>(`/production/reports/form?${search}`) });
  const f = form.data;
  const editing = amend ?? null;

  // A report being amended starts from its own figures.
  useEffect(() => {
    if (!editing) return;
    setFigures(Object.fromEntries(editing.lines.map((l) => [l.itemId, { outputQty: l.outputQty, warehouseQty: l.warehouseQty, scrapQty: l.scrapQty }])));
    setExtra(editing.lines.map((l) => l.itemId));
    setHours(editing.hoursWorked);
    setStops(editing.stoppages.map((s) => ({ reason: s.reason, minutes: s.minutes, itemId: s.itemId })));
    setNote(editing.note);
  }, [editing]);

  const lines = useMemo<Line[]>(() => {
    if (!f) return [];
    const planned: Line[] = f.lines.map((l) => ({ ...l }));
    for (const id of extra) {
      if (planned.some((l) => l.itemId === id)) continue;
      const i = f.items.find((x) => x.id === id) ?? editing?.lines.find((x) => x.itemId === id);
      if (i)
        planned.push({
          itemId: id,
          code: i.code,
          name: i.name,
          unit: i.unit,
          plannedQty: 0,
          reportedQty: 0,
          isFinalOperation: 'isFinalOperation' in i ? i.isFinalOperation : true,
        });
    }
    return planned;
  }, [f, extra, editing]);

  const set = (itemId: string, key: keyof Figures, v: number | null) =>
    setFigures((s) => ({ ...s, [itemId]: { ...{ outputQty: null, warehouseQty: null, scrapQty: null }, ...s[itemId], [key]: v } }));
  const shifts = f?.workshops.find((w) => w.id === f.workshopId)?.shiftsPerDay ?? 1;
  // One tap copies the rest of the day's plan, shared among the shifts still to report.
  const fillFromPlan = () => {
    const left = Math.max(1, shifts - (f?.shift ?? 1) + 1);
    for (const l of lines) {
      const q = Math.max(0, Math.round((l.plannedQty - l.reportedQty) / left));
      setFigures((s) => ({ ...s, [l.itemId]: { outputQty: q, warehouseQty: l.isFinalOperation ? q : 0, scrapQty: s[l.itemId]?.scrapQty ?? 0 } }));
    }
  };
  const body = () => ({
    hoursWorked: num(hours),
    note: note.trim() || undefined,
    lines: lines
      .map((l) => ({
        itemId: l.itemId,
        outputQty: num(figures[l.itemId]?.outputQty),
        warehouseQty: num(figures[l.itemId]?.warehouseQty),
        scrapQty: num(figures[l.itemId]?.scrapQty),
      }))
      .filter((l) => l.outputQty + l.warehouseQty + l.scrapQty > 0),
    stoppages: stops.filter((s) => num(s.minutes) > 0).map((s) => ({ reason: s.reason, minutes: num(s.minutes), itemId: s.itemId ?? null })),
  });
  const send = useMutation({
    mutationFn: () =>
      editing
        ? put<ReportView>(`/production/reports/${editing.id}`, { version: editing.version, reason, ...body() })
        : post<ReportView>('/production/reports', { workshopId: f!.workshopId, reportDate: f!.date, shift: f!.shift, ...body() }),
    onSuccess: (r) => {
      message.success(
        t(
          tx(
            `已提交 ${r.number}${r.receipt ? `，进仓已记入 ${r.receipt.number}` : ''}`,
            `${r.number} sent${r.receipt ? `; 进仓 posted as ${r.receipt.number}` : ''}`,
          ),
        ),
      );
      setFigures({});
      setExtra([]);
      setStops([]);
      setHours(null);
      setNote('');
      setReason('');
      qc.invalidateQueries({ queryKey: ['production'] });
      onDone?.(r);
    },
  });
  const confirm = () => {
    const b = body();
    const inWarehouse = b.lines
      .filter((l) => l.warehouseQty > 0)
      .map((l) => {
        const line = lines.find((x) => x.itemId === l.itemId)!;
        return `${line.name} ${fmt(l.warehouseQty)}${line.unit}`;
      });
    modal.confirm({
      title: t(editing ? tx('确认更正日报？', 'Amend the report?') : tx('确认提交本班日报？', 'Send this shift’s report?')),
      content: inWarehouse.length
        ? t(tx(`进仓将记入仓库：${inWarehouse.join('、')}`, `Put into the warehouse: ${inWarehouse.join(', ')}`))
        : t(tx('本班无进仓。', 'Nothing put into the warehouse.')),
      okButtonProps: { 'data-testid': 'report-confirm' },
      onOk: () => send.mutateAsync().catch(() => undefined),
    });
  };

  if (!f) return form.isLoading ? null : <ErrorAlert error={form.error} />;
  if (f.workshops.length === 0) return <Alert type="info" showIcon message={t(tx('您不负责任何车间的日报填报', 'You report for no workshop'))} />;
  const existing = !editing && f.existing;
  const addable = f.items.filter((i) => !lines.some((l) => l.itemId === i.id));
  return (
    <Card
      size="small"
      data-testid="report-form"
      title={editing ? t(tx(`更正日报 ${editing.number}`, `Amend ${editing.number}`)) : t(tx('填报本班日报', 'This shift’s report'))}
    >
      <ErrorAlert error={send.error} />
      <Space wrap style={{ marginBottom: 8 }}>
        {!editing && f.workshops.length > 1 && (
          <Select
            data-testid="report-workshop"
            value={f.workshopId ?? undefined}
            style={{ minWidth: 120 }}
            options={f.workshops.map((w) => ({ value: w.id, label: w.name }))}
            onChange={(v) => setQuery({ ...query, workshopId: v, shift: undefined })}
          />
        )}
        {(editing || f.workshops.length === 1) && <Tag color="blue">{f.workshops.find((w) => w.id === f.workshopId)?.name}</Tag>}
        <DatePicker
          value={dayjs(f.date)}
          allowClear={false}
          disabled={!!editing}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(d) => d && setQuery({ ...query, date: d.format('YYYY-MM-DD'), shift: undefined })}
          style={{ width: 130 }}
        />
        <Segmented
          data-testid="report-shift"
          value={f.shift}
          disabled={!!editing}
          options={Array.from({ length: shifts }, (_, k) => ({ value: k + 1, label: t(shiftLabel(k + 1)) }))}
          onChange={(v) => setQuery({ ...query, shift: Number(v) })}
        />
      </Space>
      {existing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={t(
            tx(
              `本班次日报已提交（${existing.number}），如需更正请在列表中打开修改`,
              `This shift is already reported (${existing.number}); open it below to amend`,
            ),
          )}
        />
      )}
      {!existing && (
        <>
          {lines.length === 0 && (
            <Typography.Paragraph type="secondary">
              {t(tx('今日本车间无计划，可添加产品填报', 'No plan for the workshop today; add a product to report'))}
            </Typography.Paragraph>
          )}
          {lines.length > 0 && !editing && (
            <Button size="small" onClick={fillFromPlan} style={{ marginBottom: 8 }} data-testid="report-fill-plan">
              {t(tx('按计划填入', 'Fill in the plan'))}
            </Button>
          )}
          {lines.map((l) => (
            <div key={l.itemId} data-testid={`report-line-${l.code}`} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
                <Typography.Text strong>
                  {l.code} {l.name}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t(tx('计划', 'Plan'))} {fmt(l.plannedQty)}
                  {l.unit}
                  {l.reportedQty > 0 && t(tx(` · 前班已报 ${fmt(l.reportedQty)}`, ` · earlier shifts ${fmt(l.reportedQty)}`))}
                  {!l.isFinalOperation && <Tag style={{ marginLeft: 6 }}>{t(tx('交下道工序', 'To next operation'))}</Tag>}
                </Typography.Text>
              </div>
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 6, marginTop: 4 }}>
                {(
                  [
                    ['outputQty', tx('产量', 'Output')],
                    ['warehouseQty', tx('进仓', 'Into warehouse')],
                    ['scrapQty', tx('废品', 'Scrap')],
                  ] as const
                ).map(([key, label]) => (
                  <div key={key} style={{ fontSize: 12 }}>
                    {t(label)}
                    <InputNumber<number>
                      aria-label={`${l.name} ${t(label)}`}
                      data-testid={`report-${key}-${l.code}`}
                      inputMode="decimal"
                      min={0}
                      value={figures[l.itemId]?.[key] ?? null}
                      onChange={(v) => set(l.itemId, key, v)}
                      style={{ width: '100%' }}
                    />
                  </div>
                ))}
              </div>
            </div>
          ))}
          {addable.length > 0 && (
            <Select
              placeholder={t(tx('+ 添加产品', '+ Add a product'))}
              value={null}
              style={{ width: '100%', margin: '6px 0' }}
              options={addable.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
              onChange={(v: string) => setExtra([...extra, v])}
            />
          )}
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 2fr', gap: 8, alignItems: 'end', marginTop: 8 }}>
            <div style={{ fontSize: 12 }}>
              {t(tx('工时（小时）', 'Hours worked'))}
              <InputNumber<number>
                aria-label={t(tx('工时', 'Hours worked'))}
                data-testid="report-hours"
                inputMode="decimal"
                min={0}
                max={1000}
                value={hours}
                onChange={setHours}
                style={{ width: '100%' }}
              />
            </div>
            <Button icon={<PlusOutlined />} onClick={() => setStops([...stops, { reason: 'material', minutes: null }])} data-testid="report-add-stop">
              {t(tx('停机', 'Stoppage'))}
            </Button>
          </div>
          {stops.map((s, i) => (
            <Space.Compact key={i} style={{ width: '100%', marginTop: 6 }}>
              <Select
                value={s.reason}
                style={{ width: '45%' }}
                options={Object.entries(STOPPAGE_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
                onChange={(v) => setStops(stops.map((x, k) => (k === i ? { ...x, reason: v } : x)))}
              />
              <InputNumber<number>
                inputMode="numeric"
                min={1}
                max={1440}
                placeholder={t(tx('分钟', 'min'))}
                value={s.minutes}
                onChange={(v) => setStops(stops.map((x, k) => (k === i ? { ...x, minutes: v } : x)))}
                style={{ width: '40%' }}
                addonAfter={t(tx('分', 'min'))}
              />
              <Button icon={<DeleteOutlined />} aria-label={t(tx('删除', 'Remove'))} onClick={() => setStops(stops.filter((_, k) => k !== i))} />
            </Space.Compact>
          ))}
          <Input
            placeholder={t(tx('备注（可不填）', 'Note (optional)'))}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={2000}
            style={{ marginTop: 8 }}
          />
          {editing && (
            <Input.TextArea
              data-testid="report-reason"
              placeholder={t(tx('更正原因（必填，原值将保留）', 'Why it changes (required; the old values are kept)'))}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={2}
              style={{ marginTop: 8 }}
            />
          )}
          <Button
            type="primary"
            size="large"
            block
            style={{ marginTop: 10 }}
            data-testid="report-submit"
            loading={send.isPending}
            disabled={!!editing && reason.trim().length < 2}
            onClick={confirm}
          >
            {editing ? t(tx('提交更正', 'Send the amendment')) : t(tx('提交日报', 'Send the report'))}
          </Button>
        </>
      )}
    </Card>
  );
}

import type { MaterialNormRow, UsageView, WorkshopUsageView } from '#production';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Grid, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { download, get, post, put } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { fmt } from '../production.labels';
import type { Workshop } from '../production.types';

type Row = WorkshopUsageView['rows'][number];
const rate = (r: number | null) => (r === null ? '—' : `${r > 0 ? '+' : ''}${Math.round(r * 1000) / 10}%`);

function WorkshopUsage({ w, month }: { w: WorkshopUsageView; month: string }) {
  const { t } = useI18n();
  const isMobile = !Grid.useBreakpoint().md;
  const varianceCell = (r: Row) => (
    <Typography.Text type={r.isOverThreshold ? 'danger' : undefined} strong={r.isOverThreshold}>
      {rate(r.varianceRate)}
    </Typography.Text>
  );
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="usage-workshop"
      title={w.workshopName}
      extra={
        w.findingId && (
          <Link to={`/assessment?ruleCode=production.material.variance&period=${month}`}>
            <Tag color="red">{t(tx('已生成考核记录', 'Finding recorded'))}</Tag>
          </Link>
        )
      }
    >
      <div style={{ fontSize: 12, color: '#666', marginBottom: 8 }}>
        {t(tx('进仓：', '进仓: '))}
        {w.produced.length ? w.produced.map((p) => `${p.name} ${fmt(p.qty, 0)}${p.unit}`).join('，') : t(tx('本月无进仓', 'nothing put into the warehouse'))}
        {' · '}
        {t(tx(`领料单 ${w.requisitions.length} 张，进仓单 ${w.receipts.length} 张`, `${w.requisitions.length} requisitions, ${w.receipts.length} receipts`))}
      </div>
      <Table<Row>
        rowKey="itemId"
        size="small"
        pagination={false}
        dataSource={w.rows}
        columns={
          isMobile
            ? [
                { title: t(tx('物料', 'Item')), dataIndex: 'name' },
                { title: t(tx('领用', 'Issued')), dataIndex: 'issuedQty', align: 'right', render: (v: number) => fmt(v, 0) },
                { title: t(tx('定额', 'Norm')), dataIndex: 'normActualQty', align: 'right', render: (v: number) => fmt(v, 0) },
                { title: t(tx('差异', 'Var.')), align: 'right', render: (_: unknown, r) => varianceCell(r) },
              ]
            : [
                { title: t(tx('物料', 'Item')), render: (_: unknown, r) => `${r.code} ${r.name}` },
                { title: t(tx('单位', 'Unit')), dataIndex: 'unit', width: 60 },
                {
                  title: t(tx('实际领用（扣退料）', 'Issued net of returns')),
                  dataIndex: 'issuedQty',
                  width: 150,
                  align: 'right',
                  render: (v: number) => fmt(v),
                },
                { title: t(tx('进仓定额用量', 'Norm for 进仓')), dataIndex: 'normActualQty', width: 130, align: 'right', render: (v: number) => fmt(v) },
                { title: t(tx('计划定额用量', 'Norm for the plan')), dataIndex: 'normPlannedQty', width: 130, align: 'right', render: (v: number) => fmt(v) },
                { title: t(tx('差异', 'Variance')), dataIndex: 'varianceQty', width: 110, align: 'right', render: (v: number) => fmt(v) },
                { title: t(tx('差异率', 'Rate')), width: 90, align: 'right', render: (_: unknown, r) => varianceCell(r) },
              ]
        }
      />
    </Card>
  );
}

/** 材料定额: each BOM line's norm per unit and the workshop that draws it (用料车间). */
function NormsPanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const isMobile = !Grid.useBreakpoint().md;
  const norms = useQuery({ queryKey: ['production', 'material-norms'], queryFn: () => get<MaterialNormRow[]>('/production/material-norms') });
  const workshops = useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops') });
  const assign = useMutation({
    mutationFn: ({ id, workshopId }: { id: string; workshopId: string | null }) => put(`/production/material-norms/${id}`, { workshopId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['production'] }),
  });
  return (
    <>
      <ErrorAlert error={norms.error ?? assign.error} />
      <Table<MaterialNormRow>
        rowKey="bomLineId"
        size="small"
        loading={norms.isLoading}
        dataSource={norms.data}
        pagination={{ pageSize: 100 }}
        scroll={isMobile ? { x: 560 } : undefined}
        columns={[
          { title: t(tx('产品', 'Product')), render: (_: unknown, n) => `${n.productCode} ${n.productName}` },
          { title: t(tx('物料', 'Material')), render: (_: unknown, n) => `${n.materialCode} ${n.materialName}` },
          { title: t(tx('定额 / 单位产品', 'Norm per unit')), width: 130, align: 'right', render: (_: unknown, n) => `${fmt(n.perUnit, 4)} ${n.materialUnit}` },
          {
            title: t(tx('用量 · 损耗 · 合格率', 'Qty · scrap · yield')),
            width: 170,
            render: (_: unknown, n) => `${fmt(n.qtyPer, 4)} · ${fmt(n.scrapRate * 100, 1)}% · ${fmt(n.yieldRate * 100, 1)}%`,
          },
          {
            title: t(tx('用料车间', 'Drawn by')),
            width: 170,
            render: (_: unknown, n) =>
              can('production.master.write') ? (
                <Select
                  size="small"
                  style={{ width: 150 }}
                  value={n.isAssigned ? n.workshopId : null}
                  placeholder={n.workshopName ? t(tx(`${n.workshopName}（按工艺路线）`, `${n.workshopName} (by routing)`)) : t(tx('未指定', 'None'))}
                  allowClear
                  onChange={(v: string | undefined) => assign.mutate({ id: n.bomLineId, workshopId: v ?? null })}
                  options={(workshops.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
                />
              ) : (
                (n.workshopName ?? '—')
              ),
          },
        ]}
      />
    </>
  );
}

/** PP-17 (T4 第二十九、三十条): 用料分析 per workshop and month, and the norms it rests on. */
export function MaterialUsagePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [workshopId, setWorkshopId] = useState<string>();
  const m = month.format('YYYY-MM');
  const query = `month=${m}${workshopId ? `&workshopId=${workshopId}` : ''}`;
  const usage = useQuery({ queryKey: ['production', 'material-usage', query], queryFn: () => get<UsageView>(`/production/material-usage?${query}`) });
  const workshops = useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops') });
  const assess = useMutation({
    mutationFn: () => post<{ created: string[]; unchanged: number }>('/production/material-usage/assess', { month: m }),
    onSuccess: (r) => {
      message.success(t(tx(`新生成考核记录 ${r.created.length} 条`, `${r.created.length} finding(s) recorded`)));
      qc.invalidateQueries({ queryKey: ['production'] });
    },
  });
  const analysis = (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />
        <Select
          allowClear
          aria-label={t(tx('车间', 'Workshop'))}
          placeholder={t(tx('全部车间', 'All workshops'))}
          style={{ width: 140 }}
          value={workshopId}
          onChange={setWorkshopId}
          options={(workshops.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
        />
        <Button icon={<DownloadOutlined />} onClick={() => download(`/production/material-usage/export?${query}`, `用料分析-${m}.xlsx`)}>
          {t(tx('导出 Excel', 'Export Excel'))}
        </Button>
        {can('assessment.manage') && (
          <Popconfirm title={t(tx(`按 ${m} 的超定额生成考核记录？`, `Record the over-use findings of ${m}?`))} onConfirm={() => assess.mutate()}>
            <Button loading={assess.isPending}>{t(tx('生成考核记录', 'Record findings'))}</Button>
          </Popconfirm>
        )}
      </Space>
      <ErrorAlert error={usage.error ?? assess.error} />
      {usage.data && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t(
            tx(
              `差异 = 实际领用（扣除退料）− 进仓量 × 材料定额；差异率超过 ${Math.round(usage.data.threshold * 100)}% 记入考核（T4 第三十条）。`,
              `Variance = issued net of returns − 进仓 × norm; beyond ${Math.round(usage.data.threshold * 100)}% it becomes a finding (T4 art. 30).`,
            ),
          )}
        </Typography.Paragraph>
      )}
      {usage.data?.workshops.length === 0 && <Empty description={t(tx('本月没有领料和进仓', 'No issues or receipts this month'))} />}
      {usage.data?.workshops.map((w) => (
        <WorkshopUsage key={w.workshopId} w={w} month={m} />
      ))}
    </>
  );
  return (
    <Page title={tx('用料分析', 'Material usage')}>
      <Tabs
        items={[
          { key: 'usage', label: t(tx('用料与定额对比', 'Usage against the norm')), children: analysis },
          { key: 'norms', label: t(tx('材料定额', 'Material norms')), children: <NormsPanel /> },
        ]}
      />
    </Page>
  );
}

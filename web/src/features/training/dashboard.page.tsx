import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Select, Statistic, Tag, Typography } from 'antd';
import { type ChartOption, EChart } from '../../ui/chart';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { currentSchoolYear, schoolYearOptions } from './training.labels';
import type { Dashboard } from './training.types';

/** 教导处看板: attendance by group and week, the credit distribution, and who is at risk of "unqualified" and why. */
export function DashboardPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(currentSchoolYear());
  const q = useQuery({ queryKey: ['training', 'dashboard', year], queryFn: () => get<Dashboard>(`/training/dashboard?schoolYear=${year}`) });
  const d = q.data;
  const heat = useMemo<ChartOption | null>(() => {
    if (!d) return null;
    const weeks = [...new Set(d.attendanceByGroupWeek.map((c) => c.weekStart))].sort();
    const groups = [...new Set(d.attendanceByGroupWeek.map((c) => c.group))].sort();
    return {
      tooltip: {
        formatter: (p: unknown) => {
          const v = (p as { value: [number, number, number] }).value;
          return `${groups[v[1]]} ${weeks[v[0]]}: ${v[2]}%`;
        },
      },
      grid: { left: 90, right: 20, top: 10, bottom: 100 },
      xAxis: { type: 'category', data: weeks.map((w) => w.slice(5)), axisLabel: { rotate: 45 } },
      yAxis: { type: 'category', data: groups },
      visualMap: {
        min: 60,
        max: 100,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f5222d', '#faad14', '#52c41a'] },
      },
      series: [
        {
          type: 'heatmap',
          data: d.attendanceByGroupWeek
            .filter((c) => c.rate !== null)
            .map((c) => [weeks.indexOf(c.weekStart), groups.indexOf(c.group), Math.round((c.rate ?? 0) * 100)]),
          label: { show: weeks.length <= 12 },
        },
      ],
    };
  }, [d]);
  const bars = useMemo<ChartOption | null>(() => {
    if (!d) return null;
    return {
      tooltip: {},
      grid: { left: 40, right: 10, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: d.creditDistribution.map((b) => (b.to === null ? `≥${b.from}` : `${b.from}–${b.to}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: d.creditDistribution.map((b, i) => ({
            value: b.teachers,
            itemStyle: { color: i === d.creditDistribution.length - 1 ? '#52c41a' : '#faad14' },
          })),
        },
      ],
    };
  }, [d]);
  return (
    <Page
      title={tx('教导处看板', 'Training dashboard')}
      extra={
        <Select
          aria-label={t(tx('学年', 'School year'))}
          value={year}
          onChange={setYear}
          options={schoolYearOptions().map((y) => ({ value: y, label: y }))}
          style={{ width: 130 }}
        />
      }
    >
      <ErrorAlert error={q.error} />
      {d && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title={t(tx('教师', 'Teachers'))} value={d.teachers} />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title={t(tx('已开展培训', 'Sessions held'))} value={d.sessionsHeld} />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Link to="/training/leave">
                  <Statistic title={t(tx('待批请假', 'Leave to approve'))} value={d.pendingLeave} />
                </Link>
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Link to="/training/credits">
                  <Statistic title={t(tx('待认定学分', 'Claims to review'))} value={d.pendingClaims} />
                </Link>
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title={t(tx('本周提纲待交/缺', 'Outlines due / missing'))} value={`${d.outlines.dueThisWeek} / ${d.outlines.missing}`} />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic
                  title={t(tx(`骨干占比（目标 ${Math.round(d.backbone.target * 100)}%）`, `Backbone share (target ${Math.round(d.backbone.target * 100)}%)`))}
                  value={`${Math.round(d.backbone.share * 100)}%`}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={14}>
              <Card size="small" title={t(tx('各教研组每周出勤率（%）', 'Attendance by group and week (%)'))}>
                {heat && <EChart option={heat} height={300} testId="chart-attendance" />}
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t(tx(`学分分布（要求 ${d.requiredCredits} 学分）`, `Credits (required ${d.requiredCredits})`))}>
                {bars && <EChart option={bars} height={300} testId="chart-credits" />}
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            style={{ marginTop: 12 }}
            title={t(tx(`可能“不合格”的教师（${d.atRisk.length}）`, `At risk of "unqualified" (${d.atRisk.length})`))}
          >
            <List
              dataSource={d.atRisk}
              pagination={{ pageSize: 10 }}
              renderItem={(r) => (
                <List.Item data-testid="at-risk">
                  <List.Item.Meta
                    title={
                      <span>
                        <Link to={`/training/archive?teacher=${r.teacherId}`}>{r.name}</Link> <Typography.Text type="secondary">{r.groupName}</Typography.Text>
                      </span>
                    }
                    description={
                      <>
                        {r.risks.map((x, i) => (
                          <Tag key={i} color="red">
                            {t(x)}
                          </Tag>
                        ))}
                        {r.absences.length > 0 && <div>{r.absences.map((a) => `${a.date} ${a.title}`).join('；')}</div>}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Select, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { download, get } from '../../ui/api';
import { EChart } from '../../ui/chart';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { BAND_LABELS, type Cycle, currentSchoolYear, HOUR_BANDS, type SchoolSummary, schoolYearOptions } from './district.types';

/** 学区总览 (issue 12): per linked school its teachers, average hours, share qualified and the national hour bands. */
export function DistrictOverviewPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(currentSchoolYear());
  const data = useQuery({
    queryKey: ['district', 'overview', year],
    queryFn: () => get<{ schoolYear: string; cycle: Cycle; schools: SchoolSummary[] }>(`/district/overview?schoolYear=${year}`),
  });
  const cycle = data.data?.cycle;
  return (
    <Page
      title={tx('学区总览', 'District overview')}
      extra={
        <Space wrap>
          <Select
            aria-label={t(tx('学年', 'School year'))}
            value={year}
            onChange={setYear}
            options={schoolYearOptions().map((y) => ({ value: y, label: y }))}
            style={{ width: 130 }}
          />
          <Button
            data-testid="district-overview-export"
            onClick={() => download(`/district/export?table=overview&schoolYear=${year}`, `district-overview-${year}.xlsx`)}
          >
            {t(tx('导出总览', 'Export overview'))}
          </Button>
          <Button onClick={() => download(`/district/export?table=subjects&schoolYear=${year}`, `hour-bands-${year}.xlsx`)}>
            {t(tx('导出学科分段', 'Export bands by subject'))}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={data.error} />
      {cycle && (
        <Typography.Paragraph type="secondary">
          {t(
            tx(
              `本周期 ${cycle.years[0]} 至 ${cycle.years[cycle.years.length - 1]}：${cycle.cycleYears} 年累计不少于 ${cycle.cycleHours} 学时，每学年不少于 ${cycle.yearlyMinHours} 学时。查看记录会在学区和学校两侧留痕。`,
              `This cycle ${cycle.years[0]} to ${cycle.years[cycle.years.length - 1]}: at least ${cycle.cycleHours} hours over ${cycle.cycleYears} years and ${cycle.yearlyMinHours} a school year. Every read is recorded in the district's and the school's audit logs.`,
            ),
          )}
        </Typography.Paragraph>
      )}
      {data.data && data.data.schools.length === 0 && (
        <Empty description={t(tx('还没有已关联的学校，请在“学校关联”中申请。', 'No linked school yet: ask one under “School links”.'))}>
          <Link to="/district/links">{t(tx('学校关联', 'School links'))}</Link>
        </Empty>
      )}
      <Row gutter={[12, 12]}>
        {data.data?.schools.map((s) => (
          <Col key={s.schoolOrgId} xs={24} xl={12}>
            <Card title={s.schoolName} size="small" data-testid="district-school-card">
              <Row gutter={[8, 8]}>
                <Col xs={12} sm={6}>
                  <Statistic title={t(tx('教师', 'Teachers'))} value={s.teachers} />
                </Col>
                <Col xs={12} sm={6}>
                  <Statistic title={t(tx('人均学时', 'Average hours'))} value={s.averageHours} />
                </Col>
                <Col xs={12} sm={6}>
                  <Statistic title={t(tx('考核合格率', 'Share qualified'))} value={Math.round(s.qualifiedShare * 1000) / 10} suffix="%" />
                </Col>
                <Col xs={12} sm={6}>
                  <Statistic title={t(tx('进度落后', 'Behind'))} value={s.behind} valueStyle={s.behind ? { color: '#cf1322' } : undefined} />
                </Col>
              </Row>
              <EChart
                height={220}
                testId="district-bands-chart"
                option={{
                  tooltip: { trigger: 'axis' },
                  grid: { left: 40, right: 12, top: 24, bottom: 44 },
                  // Short labels, every one shown (a phone has room for four numbers, not four phrases).
                  xAxis: {
                    type: 'category',
                    name: t(tx('学时', 'Hours')),
                    nameLocation: 'middle',
                    nameGap: 26,
                    axisLabel: { interval: 0 },
                    data: ['≤36', '37–72', '73–108', '≥109'],
                  },
                  yAxis: { type: 'value', minInterval: 1, name: t(tx('人数', 'Teachers')) },
                  series: [{ type: 'bar', name: t(tx('教师', 'Teachers')), data: HOUR_BANDS.map((b) => s.bands[b]), barMaxWidth: 40 }],
                }}
              />
              <EChart
                height={Math.max(200, 100 + s.bySubject.length * 28)}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { bottom: 0 },
                  grid: { left: 90, right: 16, top: 8, bottom: 80 },
                  xAxis: { type: 'value', minInterval: 1 },
                  yAxis: { type: 'category', data: s.bySubject.map((x) => x.subject) },
                  series: HOUR_BANDS.map((b) => ({ type: 'bar' as const, stack: 'bands', name: t(BAND_LABELS[b]), data: s.bySubject.map((x) => x.bands[b]) })),
                }}
              />
              <Link to={`/district/teachers?school=${s.schoolOrgId}`}>{t(tx('查看教师学时', 'Teacher hours'))}</Link>
            </Card>
          </Col>
        ))}
      </Row>
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Switch, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { download, get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { type ListColumn, ListTable } from '../../ui/list-table';
import { ErrorAlert, Page } from '../../ui/page';
import { BAND_LABELS, type Cycle, currentSchoolYear, schoolYearOptions, type TeacherLine } from './district.types';

/** 教师学时 (issue 12): every teacher of the linked schools, the year's hours and verdict, the cycle so far. */
export function DistrictTeachersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState(currentSchoolYear());
  const [behindOnly, setBehindOnly] = useState(false);
  const school = params.get('school') ?? '';
  const query = `schoolYear=${year}${school ? `&schoolOrgId=${school}` : ''}`;
  const data = useQuery({
    queryKey: ['district', 'teachers', year, school],
    queryFn: () => get<{ schoolYear: string; cycle: Cycle; schools: { id: string; name: string }[]; teachers: TeacherLine[] }>(`/district/teachers?${query}`),
  });
  // The school choices come from the unfiltered list (every accepted school).
  const all = useQuery({
    queryKey: ['district', 'teachers', year, ''],
    queryFn: () => get<{ schools: { id: string; name: string }[] }>(`/district/teachers?schoolYear=${year}`),
    enabled: !!school,
  });
  const schools = (school ? all.data?.schools : data.data?.schools) ?? [];
  const rows = (data.data?.teachers ?? []).filter((r) => !behindOnly || r.isBehind);
  const behindText = (r: TeacherLine) =>
    r.behindReasons
      .map((x) => t(x === 'year' ? tx('本学年低于最低学时', 'below the yearly minimum') : tx('周期累计低于进度', 'behind the cycle pace')))
      .join('；');
  const columns: ListColumn<TeacherLine>[] = [
    { key: 'name', title: t(tx('姓名', 'Name')), dataIndex: 'name', card: 'title', width: 90 },
    { key: 'school', title: t(tx('学校', 'School')), dataIndex: 'schoolName', width: 160 },
    { key: 'subject', title: t(tx('学科/教研组', 'Subject / group')), dataIndex: 'subject', width: 110 },
    { key: 'hours', title: t(tx('本学年学时', 'Hours this year')), dataIndex: 'hours', width: 100, sorter: (a, b) => a.hours - b.hours },
    { key: 'credits', title: t(tx('学分/应得', 'Credits / required')), width: 100, render: (_, r) => `${r.credits} / ${r.requiredCredits}`, card: 'hidden' },
    { key: 'band', title: t(tx('学时分段', 'Hour band')), dataIndex: 'band', width: 110, render: (_, r) => t(BAND_LABELS[r.band]), card: 'hidden' },
    {
      key: 'verdict',
      title: t(tx('年度考核', 'Yearly verdict')),
      dataIndex: 'verdict',
      width: 100,
      card: 'status',
      render: (_, r) =>
        r.verdict === 'qualified' ? (
          <Tag color="green">{t(tx('合格', 'Qualified'))}</Tag>
        ) : (
          <Tooltip title={r.reasons.map((x) => t(x)).join('\n')}>
            <Tag color="red">{t(tx('不合格', 'Unqualified'))}</Tag>
          </Tooltip>
        ),
    },
    {
      key: 'cycle',
      // What the cycle asks by today (the running year pro rata) beside the whole cycle's total.
      title: t(tx('周期累计/应达/要求', 'Cycle so far / due by now / required')),
      width: 150,
      render: (_, r) => `${r.cycleHours} / ${r.expectedByNow} / ${r.cycleRequired}`,
      sorter: (a, b) => a.cycleHours - b.cycleHours,
    },
    {
      key: 'behind',
      title: t(tx('进度', 'Pace')),
      width: 170,
      render: (_, r) =>
        r.isBehind ? <Tag color="orange">{`${t(tx('落后', 'Behind'))}：${behindText(r)}`}</Tag> : <Tag color="blue">{t(tx('正常', 'On pace'))}</Tag>,
    },
  ];
  return (
    <Page
      title={tx('教师学时', 'Teacher hours')}
      extra={
        <Space wrap>
          <Select
            aria-label={t(tx('学年', 'School year'))}
            value={year}
            onChange={setYear}
            options={schoolYearOptions().map((y) => ({ value: y, label: y }))}
            style={{ width: 130 }}
          />
          <Select
            aria-label={t(tx('学校', 'School'))}
            value={school}
            onChange={(v: string) => setParams(v ? { school: v } : {})}
            options={[{ value: '', label: t(tx('全部学校', 'All schools')) }, ...schools.map((s) => ({ value: s.id, label: s.name }))]}
            style={{ width: 200 }}
          />
          <Space>
            <Switch checked={behindOnly} onChange={setBehindOnly} aria-label={t(tx('只看进度落后', 'Behind only'))} />
            {t(tx('只看进度落后', 'Behind only'))}
          </Space>
          <Button
            data-testid="district-teachers-export"
            onClick={() => download(`/district/export?table=${behindOnly ? 'behind' : 'teachers'}&${query}`, `teacher-hours-${year}.xlsx`)}
          >
            {t(tx('导出 Excel', 'Export Excel'))}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={data.error} />
      <ListTable<TeacherLine>
        rows={rows}
        rowKey="teacherId"
        columns={columns}
        loading={data.isLoading}
        scrollX={1100}
        pageSize={50}
        testId="district-teachers"
        search={{ label: tx('搜索姓名、学科', 'Search name or subject'), fields: (r) => [r.name, r.subject, r.schoolName, r.staffNo] }}
        empty={tx('没有教师记录', 'No teachers')}
      />
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Collapse, Descriptions, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { download, get } from '../../ui/api';
import { Attachments } from '../../ui/attachments';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ListTable } from '../../ui/list-table';
import { ErrorAlert, Page } from '../../ui/page';
import { VERDICT_LABELS } from './assessment.page';
import { CreditReportPanel } from './credit-report.panel';
import {
  ASSIGNMENT_KIND_LABELS,
  BACKBONE_LABELS,
  CLAIM_STATE_LABELS,
  currentSchoolYear,
  FOUR_ONES_LABELS,
  HONOUR_LABELS,
  LEAVE_STATE_LABELS,
  NOTE_KIND_LABELS,
  schoolYearOptions,
  STAGE_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
  SUBMISSION_LABELS,
} from './training.labels';
import type { Teacher, TeacherArchive } from './training.types';

/** ST-8: the teacher development archive assembled from the records, and the school's training archive. */
export function ArchivePage({ mine = false }: { mine?: boolean }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState(currentSchoolYear());
  // `mine`: the teacher's own archive from the menu (issue 13 item 11), even for office staff who teach.
  const isOffice = !mine && can('training.read');
  const me = useQuery({
    queryKey: ['training', 'me-teacher'],
    queryFn: () => get<Teacher>('/training/teachers/me'),
    enabled: !isOffice && can('training.self'),
  });
  const teachers = useQuery({ queryKey: ['training', 'teachers'], queryFn: () => get<Teacher[]>('/training/teachers?active=true'), enabled: isOffice });
  const teacherId = (mine ? null : params.get('teacher')) ?? me.data?.id ?? null;
  const q = useQuery({
    queryKey: ['training', 'archive', teacherId, year],
    queryFn: () => get<TeacherArchive>(`/training/archive/teachers/${teacherId}?schoolYear=${year}`),
    enabled: !!teacherId,
  });
  const a = q.data;
  return (
    <Page
      title={mine ? tx('我的培训档案', 'My training archive') : tx('培训档案', 'Training archive')}
      extra={
        <Space wrap>
          {isOffice && (
            <Select
              showSearch
              optionFilterProp="label"
              aria-label={t(tx('教师', 'Teacher'))}
              placeholder={t(tx('选择教师', 'Choose a teacher'))}
              value={teacherId ?? undefined}
              onChange={(v) => setParams({ teacher: v })}
              options={teachers.data?.map((x) => ({ value: x.id, label: `${x.name} ${x.staffNo}` }))}
              style={{ width: 180 }}
              data-testid="archive-teacher"
            />
          )}
          <Select
            aria-label={t(tx('学年', 'School year'))}
            value={year}
            onChange={setYear}
            options={schoolYearOptions().map((y) => ({ value: y, label: y }))}
            style={{ width: 130 }}
          />
          {teacherId && (
            <Button onClick={() => download(`/training/archive/teachers/${teacherId}/export?schoolYear=${year}`, 'archive.xlsx')}>
              {t(tx('导出教师档案', 'Export teacher archive'))}
            </Button>
          )}
          {isOffice && (
            <Button onClick={() => download(`/training/archive/school/export?schoolYear=${year}`, 'school-archive.xlsx')}>
              {t(tx('导出学校培训档案', 'Export school archive'))}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={q.error} />
      {a && (
        <>
          <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 4 }}>
            <Descriptions.Item label={t(tx('姓名', 'Name'))}>{a.teacher.name}</Descriptions.Item>
            <Descriptions.Item label={t(tx('教研组', 'Group'))}>{a.teacher.groupName}</Descriptions.Item>
            <Descriptions.Item label={t(tx('学科/职称', 'Subject / title'))}>{`${a.teacher.subject ?? ''} ${a.teacher.title ?? ''}`}</Descriptions.Item>
            <Descriptions.Item label={t(tx('发展阶段', 'Stage'))}>
              {t(STAGE_LABELS[a.teacher.stage])} {a.teacher.backboneLevel && <Tag color="gold">{t(BACKBONE_LABELS[a.teacher.backboneLevel])}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t(tx('年度考核', 'Verdict'))}>
              {a.assessment ? (
                <Tag color={a.assessment.verdict === 'qualified' ? 'green' : 'red'}>{t(VERDICT_LABELS[a.assessment.verdict])}</Tag>
              ) : (
                t(tx('未考核', 'Not yet'))
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t(tx('学分', 'Credits'))}>{`${a.credits.totalCredits}/${a.credits.required}`}</Descriptions.Item>
            <Descriptions.Item label={t(tx('参训', 'Attended'))}>
              <span data-testid="archive-attended">{a.attendance.attended}</span>
              {a.attendance.absent + a.attendance.excused > 0 && (
                <Typography.Text type="secondary">
                  {t(tx(`（缺席 ${a.attendance.absent}，请假 ${a.attendance.excused}）`, ` (absent ${a.attendance.absent}, leave ${a.attendance.excused})`))}
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t(tx('多元评价', 'Evaluation'))}>{a.evaluations.map((e) => e.score ?? '—').join(' / ') || '—'}</Descriptions.Item>
          </Descriptions>
          <Collapse
            style={{ marginTop: 12 }}
            defaultActiveKey={['sessions']}
            items={[
              {
                key: 'sessions',
                label: t(tx(`集体培训与学科培训（${a.sessions.length}）`, `Training attended (${a.sessions.length})`)),
                children: (
                  <ListTable
                    rowKey="sessionId"
                    rows={a.sessions}
                    pageSize={20}
                    testId="archive-sessions"
                    columns={[
                      { key: 'date', title: t(tx('日期', 'Date')), dataIndex: 'date', width: 100 },
                      { key: 'title', title: t(tx('培训', 'Session')), dataIndex: 'title', card: 'title' },
                      {
                        key: 'status',
                        title: t(tx('考勤', 'Status')),
                        dataIndex: 'status',
                        width: 90,
                        card: 'status',
                        render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t(STATUS_LABELS[s])}</Tag>,
                      },
                    ]}
                  />
                ),
              },
              { key: 'credits', label: t(tx('学分明细', 'Credits')), children: <CreditReportPanel report={a.credits} /> },
              {
                key: 'notes',
                label: t(tx(`学习笔记、反思与自学摘录（${a.notes.length}）`, `Notes and reflections (${a.notes.length})`)),
                children: (
                  <List
                    size="small"
                    dataSource={a.notes}
                    pagination={{ pageSize: 10 }}
                    renderItem={(n) => <List.Item>{`${n.weekStart} ${t(NOTE_KIND_LABELS[n.kind])}：${n.title}`}</List.Item>}
                  />
                ),
              },
              {
                key: 'work',
                label: t(tx('作业、四个一、结对与骨干培训', 'Work, four ones, mentoring, backbone')),
                children: (
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <List
                        size="small"
                        header={t(tx('作业', 'Assignments'))}
                        dataSource={a.submissions}
                        renderItem={(s) => (
                          <List.Item>{`${s.title}（${t(ASSIGNMENT_KIND_LABELS[s.kind])}）${t(SUBMISSION_LABELS[s.isLate ? 'late' : s.reviewState])}`}</List.Item>
                        )}
                      />
                      <List
                        size="small"
                        header={t(tx('四个一', 'Four ones'))}
                        dataSource={a.fourOnes}
                        renderItem={(o) => <List.Item>{`${o.completedOn} ${t(FOUR_ONES_LABELS[o.item])}：${o.title}`}</List.Item>}
                      />
                    </Col>
                    <Col xs={24} md={12}>
                      <List
                        size="small"
                        header={t(tx('师徒结对', 'Mentoring'))}
                        dataSource={a.mentoring.flatMap((p) => p.records.map((r) => ({ ...r, role: p.role })))}
                        renderItem={(r) => <List.Item>{`${r.occurredOn} ${r.role === 'mentor' ? '带徒' : '拜师'}：${r.content}`}</List.Item>}
                      />
                      <List
                        size="small"
                        header={t(tx('骨干培训', 'Backbone track'))}
                        dataSource={a.backbone}
                        renderItem={(h) => <List.Item>{`${h.occurredOn} ${h.title} ${h.hours}h`}</List.Item>}
                      />
                    </Col>
                  </Row>
                ),
              },
              {
                key: 'leave',
                label: t(tx(`请假与校外培训（${a.leave.length + a.claims.length}）`, `Leave and external training (${a.leave.length + a.claims.length})`)),
                children: (
                  <List
                    size="small"
                    dataSource={[
                      ...a.leave.map((l) => `${l.sessionDate} ${l.sessionTitle}：${l.reason}（${t(LEAVE_STATE_LABELS[l.state])}）`),
                      ...a.claims.map(
                        (c) => `${c.title}：${c.recognisedHours ?? '—'} ${t(tx('学时', 'hours'))}（${t(CLAIM_STATE_LABELS[c.state] ?? tx(c.state, c.state))}）`,
                      ),
                    ]}
                    renderItem={(x) => <List.Item>{x}</List.Item>}
                  />
                ),
              },
              {
                key: 'honours',
                label: t(tx('表彰与考核', 'Honours and verdict')),
                children: (
                  <>
                    <Space wrap>
                      {a.honours.map((h) => (
                        <Tag key={h.id}>{`${t(HONOUR_LABELS[h.kind])} · ${t(tx(`第${h.term}学期`, `term ${h.term}`))}`}</Tag>
                      ))}
                    </Space>
                    {/* The verdict's reasons as wrapping lines, not tags: a tag does not wrap and runs off a phone (issue 13 item 11). */}
                    <List
                      size="small"
                      dataSource={a.assessment?.reasons ?? []}
                      locale={{ emptyText: t(tx('暂无考核结果', 'No verdict yet')) }}
                      renderItem={(r) => (
                        <List.Item data-testid="verdict-reason" style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}>
                          {`${r.clause}：${t(r.summary)}`}
                        </List.Item>
                      )}
                    />
                  </>
                ),
              },
            ]}
          />
          {a.teacher.userId && (
            <Card size="small" style={{ marginTop: 12 }} title={t(tx('档案材料（证书、优秀教案、论文获奖等）', 'Files (certificates, lesson plans, awards)'))}>
              <Attachments ownerUserId={a.teacher.userId} defaultCategory="certificate" />
            </Card>
          )}
        </>
      )}
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, List, Progress, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { LeaveRequestButton } from './leave-request.panel';
import { FOUR_ONES_LABELS, LEAVE_STATE_COLORS, LEAVE_STATE_LABELS, PHASE_LABELS, STATUS_COLORS, STATUS_LABELS, SUBMISSION_LABELS } from './training.labels';
import type { AttendanceRecord, Home, Session } from './training.types';

type MySession = Session & { myRecord: AttendanceRecord | null };

function SessionItem({ s, canAskLeave }: { s: MySession; canAskLeave: boolean }) {
  const { t } = useI18n();
  return (
    <List.Item data-testid="my-session" actions={canAskLeave && s.phase === 'upcoming' && !s.myRecord ? [<LeaveRequestButton key="leave" session={s} />] : []}>
      <List.Item.Meta
        title={<Link to={`/training/sessions/${s.id}`}>{s.title}</Link>}
        description={
          <Space wrap size={4}>
            <span>
              {s.sessionDate.slice(5)} {s.localStart}–{s.localEnd} {s.location ?? ''}
            </span>
            {s.myRecord ? <Tag color={STATUS_COLORS[s.myRecord.status]}>{t(STATUS_LABELS[s.myRecord.status])}</Tag> : <Tag>{t(PHASE_LABELS[s.phase])}</Tag>}
          </Space>
        }
      />
    </List.Item>
  );
}

/** The teacher's phone home: today's training and sign-in, credits toward the year, leave, and what waits. */
export function MyHomePage() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['training', 'me'], queryFn: () => get<Home>('/training/me'), refetchInterval: 30_000 });
  const h = q.data;
  if (!h) return <Page title={tx('我的培训', 'My training')}>{q.error ? <ErrorAlert error={q.error} /> : null}</Page>;
  const open = h.todaySessions.filter((s) => s.phase === 'open' && !s.myRecord);
  const week = h.tasks.selfStudyThisWeek;
  return (
    <Page title={tx('我的培训', 'My training')} extra={<Link to="/training/my/work">{t(tx('笔记、学分与作业', 'Notes, credits, work'))}</Link>}>
      {open.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(tx('培训正在签到：请用手机扫描会场屏幕上的二维码', 'Sign-in is open: scan the code on the screen in the room'))}
          description={open.map((s) => s.title).join('、')}
          data-testid="sign-in-open"
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t(tx(`今天 ${h.today}`, `Today ${h.today}`))}>
            {h.todaySessions.length ? (
              <List dataSource={h.todaySessions} renderItem={(s) => <SessionItem s={s} canAskLeave />} />
            ) : (
              <Empty description={t(tx('今天没有培训', 'No training today'))} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card
            size="small"
            title={t(tx(`${h.schoolYear} 学年学分`, `Credits ${h.schoolYear}`))}
            extra={<Link to="/training/my/work?tab=credits">{t(tx('明细', 'Details'))}</Link>}
          >
            {h.standing?.warnings.map((w) => (
              <Alert
                key={w.code}
                type={w.code === 'behind_pace' ? 'warning' : 'error'}
                showIcon
                message={t(w.text)}
                style={{ marginBottom: 8 }}
                data-testid="standing-warning"
              />
            ))}
            <Progress
              percent={Math.round(h.credits.progress * 100)}
              status={h.credits.isMet ? 'success' : h.standing?.warnings.length ? 'exception' : 'active'}
              data-testid="my-credits"
            />
            <Typography.Text>
              {t(
                tx(
                  `已获 ${h.credits.total} 学分（${h.credits.hours} 学时），每学年至少 ${h.credits.required} 学分`,
                  `${h.credits.total} credits (${h.credits.hours} hours); at least ${h.credits.required} a year`,
                ),
              )}
            </Typography.Text>
            {h.standing && (
              <Space direction="vertical" size={2} style={{ display: 'flex', marginTop: 8 }}>
                <Typography.Text data-testid="my-absences" type={h.standing.absencesLeft <= 1 ? 'danger' : undefined}>
                  {t(
                    tx(
                      `无故缺席 ${h.standing.absences}/${h.standing.absenceLimit} 次（达到 ${h.standing.absenceLimit} 次即不合格）`,
                      `Unexcused absences ${h.standing.absences}/${h.standing.absenceLimit} (${h.standing.absenceLimit} make the year unqualified)`,
                    ),
                  )}
                </Typography.Text>
                <Typography.Text type="secondary" data-testid="my-projected">
                  {t(
                    tx(
                      `余下培训全部参加，预计全年 ${h.standing.projectedCredits} 学分；按进度此时应有约 ${h.standing.paceCredits} 学分`,
                      `Attending the rest: about ${h.standing.projectedCredits} credits this year; the pace asks about ${h.standing.paceCredits} by now`,
                    ),
                  )}
                </Typography.Text>
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t(tx('本周待办', 'This week'))}>
            <List size="small">
              <List.Item>
                <Link to="/training/my/work?tab=notes">{t(tx('每周自学摘录', 'Weekly self-study'))}</Link>
                <Tag color={week.isMet ? 'green' : 'orange'}>
                  {t(tx('文章', 'Articles'))} {week.articleExcerpts}/{week.required.articleExcerpts} · {t(tx('信息', 'Info'))} {week.informationExcerpts}/
                  {week.required.informationExcerpts}
                </Tag>
              </List.Item>
              {h.tasks.assignments.map((a) => (
                <List.Item key={a.id}>
                  <Link to="/training/my/work?tab=work">{a.title}</Link>
                  <Tag color={a.myStatus === 'missing' || a.myStatus === 'returned' ? 'red' : 'blue'}>
                    {t(SUBMISSION_LABELS[a.myStatus ?? 'open'])} · {a.dueOn}
                  </Tag>
                </List.Item>
              ))}
              {h.tasks.outlinesToWrite.map((s) => (
                <List.Item key={s.id}>
                  <Link to={`/training/sessions/${s.id}`}>{t(tx(`写培训提纲：${s.title}`, `Write the outline: ${s.title}`))}</Link>
                  <Tag color="blue">{s.sessionDate}</Tag>
                </List.Item>
              ))}
              {h.tasks.sessionsToRecord.map((s) => (
                <List.Item key={s.id}>
                  <Link to={`/training/sessions/${s.id}`}>{t(tx(`做好记录：${s.title}`, `Keep the record: ${s.title}`))}</Link>
                </List.Item>
              ))}
              {h.tasks.evaluations.map((r) => (
                <List.Item key={r.roundId}>
                  <Link to="/training/evaluation">{t(tx(`自我评价：${r.title}`, `Self evaluation: ${r.title}`))}</Link>
                  <Tag>{r.closesOn}</Tag>
                </List.Item>
              ))}
            </List>
            {h.tasks.fourOnes && (
              <Space wrap style={{ marginTop: 8 }}>
                {h.tasks.fourOnes.items.map((i) => (
                  <Tag key={i.item} color={i.isMet ? 'green' : 'default'}>
                    {t(FOUR_ONES_LABELS[i.item])} {i.done}/{i.required}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t(tx('未来一周的培训', 'The week ahead'))}>
            {h.weekSessions.length ? <List dataSource={h.weekSessions} renderItem={(s) => <SessionItem s={s} canAskLeave />} /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t(tx('我的请假', 'My leave'))}>
            <List
              dataSource={h.leave}
              locale={{ emptyText: t(tx('没有请假记录', 'No leave')) }}
              renderItem={(l) => (
                <List.Item data-testid="my-leave">
                  <List.Item.Meta title={`${l.sessionDate} ${l.sessionTitle}`} description={`${l.reason}${l.opinion ? `（${l.opinion}）` : ''}`} />
                  <Tag color={LEAVE_STATE_COLORS[l.state]}>{t(LEAVE_STATE_LABELS[l.state])}</Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}

import type { DemoSeeder } from '../http';
import { getPolicy } from '../policy';
import { createSeries } from './meeting-series.service';

const ids = (map: Map<string, string>, names: string[]) => names.map((n) => map.get(n)).filter((id): id is string => !!id);

/** Plant: the monthly dispatch meeting (PP-21). School: the Monday political study (ST-2). */
export const seedMeetingDemo: DemoSeeder = async (db, demo) => {
  const policy = await getPolicy(db, demo.orgId);
  if (demo.kind === 'enterprise') {
    const chair = demo.userIds.get('plant.vp');
    if (!chair) return;
    await createSeries(
      db,
      demo.actor,
      {
        title: '生产调度例会',
        kind: 'dispatch',
        recurrence: { kind: 'monthly' },
        policyDayPath: 'production.dispatchMeetingDay',
        startTime: '09:00',
        durationMinutes: 120,
        location: '公司会议室',
        chairUserId: chair,
        leaveApproverUserId: demo.userIds.get('plant.head') ?? null,
        audience: 'listed',
        attendeeUserIds: ids(demo.userIds, ['plant.head', 'plant.market', 'plant.brew', 'plant.fill']),
        agendaTemplate: '1. 本月生产完成情况\n2. 下月生产计划\n3. 各部门工作汇报\n4. 需协调解决的重大事宜',
        onHoliday: policy.meetings.onHoliday,
        clause: 'T4 第五十六条',
        requirementId: 'PP-21',
      },
      demo.today,
    );
    return;
  }
  const principal = demo.userIds.get('school.principal');
  const political = policy.training.standingSchedule.find((s) => s.code === 'political');
  if (!principal || !political) return;
  await createSeries(
    db,
    demo.actor,
    {
      title: political.titleZh,
      kind: 'study',
      recurrence: { kind: 'weekly', weekdays: [political.weekday] },
      startTime: political.startTime,
      durationMinutes: political.durationMinutes,
      location: '学校会议室',
      chairUserId: principal,
      leaveApproverUserId: principal,
      audience: 'all',
      agendaTemplate: '学习党和国家方针政策、教育法律法规及上级文件精神',
      onHoliday: policy.meetings.onHoliday,
      clause: political.clause,
      requirementId: 'ST-2',
    },
    demo.today,
  );
};

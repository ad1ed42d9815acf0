import { type ChainStep, saveApprovalChain } from '#core/approval';
import type { Db } from '#core/db';
import type { DemoOrg } from '#core/http';
import { createSeries } from '#core/meeting';
import { getPolicy } from '#core/policy';

/** The school's weekly political study from the standing schedule (ST-2), as a meeting series. */
export async function seedPoliticalStudy(db: Db, org: DemoOrg): Promise<void> {
  const policy = await getPolicy(db, org.orgId);
  const principal = org.userIds.get('school.principal');
  const political = policy.training.standingSchedule.find((s) => s.code === 'political');
  if (!principal || !political) return;
  await createSeries(
    db,
    org.actor,
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
    org.today,
  );
}

const principalStep: ChainStep = { key: 'principal', nameZh: '校长审批', nameEn: 'Principal approval', roleCode: 'principal' };

/** The school's training plan goes to the principal (CORE-3 default for S1–S4). */
export async function seedPlanChain(db: Db, org: DemoOrg): Promise<void> {
  await saveApprovalChain(db, org.workflows, org.actor, 'training.plan', { steps: [principalStep], allowSelfApproval: false }, org.today);
}

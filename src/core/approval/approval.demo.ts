import type { Actor } from '../access';
import { loadActor } from '../auth';
import type { Db } from '../db';
import type { DemoOrg, DemoSeeder } from '../http';
import { saveApprovalChain } from './approval-chain.service';
import type { ChainStep } from './approval.schema';
import { issueDocument } from './distribution.service';
import { approveDocument, submitDocument } from './document-transition.service';
import { createDocument } from './document.service';

const step = (key: string, nameZh: string, nameEn: string, roleCode: string): ChainStep => ({ key, nameZh, nameEn, roleCode });

// Every organisation starts with a chain for the general document; the modules seed their own.
const GENERAL_CHAIN: Record<'enterprise' | 'school', ChainStep[]> = {
  enterprise: [step('vp', '副总经理审批', 'VP approval', 'vp_production')],
  school: [step('principal', '校长审批', 'Principal approval', 'principal')],
};

async function demoActor(db: Db, org: DemoOrg, username: string): Promise<Actor | undefined> {
  const id = org.userIds.get(username);
  return id ? loadActor(db, org.orgId, id) : undefined;
}

async function seedPlantDocuments(db: Db, org: DemoOrg): Promise<void> {
  const head = await demoActor(db, org, 'plant.head');
  const vp = await demoActor(db, org, 'plant.vp');
  if (!head || !vp) return;
  const now = org.today;
  const rules = await createDocument(
    db,
    org.workflows,
    head,
    {
      docType: 'general',
      title: '设备点检管理规定（试行）',
      body: {
        content: '各车间操作工在每班作业前按点检卡逐项点检；发现异常立即停机并通知设备维修人员，不得带病运行。',
        lines: [
          { key: '点检时间', value: '每班开机前' },
          { key: '记录', value: '设备点检记录表' },
        ],
      },
    },
    now,
  );
  await submitDocument(db, org.workflows, head, rules.id, { version: rules.version }, now);
  const approved = await approveDocument(db, org.workflows, vp, rules.id, { version: rules.version + 1, opinion: '同意，下发各车间执行。' }, now);
  const workshops = ['酿造车间', '灌装车间', '包装车间'].map((n) => org.departmentIds.get(n)).filter((x): x is string => !!x);
  await issueDocument(db, org.workflows, head, rules.id, { version: approved.version, departmentIds: workshops }, now);

  const notice = await createDocument(
    db,
    org.workflows,
    head,
    {
      docType: 'general',
      title: '关于开展车间安全生产大检查的通知',
      body: { content: '定于本月下旬开展一次安全生产大检查，请各车间做好自查。', lines: [{ key: '检查范围', value: '酿造、灌装、包装车间' }] },
    },
    now,
  );
  await submitDocument(db, org.workflows, head, notice.id, { version: notice.version }, now);
}

async function seedSchoolDocuments(db: Db, org: DemoOrg): Promise<void> {
  const office = await demoActor(db, org, 'school.office');
  if (!office) return;
  const doc = await createDocument(
    db,
    org.workflows,
    office,
    {
      docType: 'general',
      title: '本学期校本培训工作要点',
      body: { content: '以新课程理念为指导，以教研组为单位开展校本教研，每周五集中学习。', lines: [{ key: '学分要求', value: '每学年不少于12学分' }] },
    },
    org.today,
  );
  await submitDocument(db, org.workflows, office, doc.id, { version: doc.version }, org.today);
}

export const seedApprovalDemo: DemoSeeder = async (db, org) => {
  // A district office (issue 12) has no general documents of its own in the demo.
  if (org.kind !== 'enterprise' && org.kind !== 'school') return;
  const isPlant = org.kind === 'enterprise';
  await saveApprovalChain(db, org.workflows, org.actor, 'general', { steps: GENERAL_CHAIN[org.kind], allowSelfApproval: false }, org.today);
  if (isPlant) await seedPlantDocuments(db, org);
  else await seedSchoolDocuments(db, org);
};

import { defineModule } from '#core/http';
import { seedDistrictDemo } from './district.demo';
import { districtRoutes, schoolLinkRoutes } from './district.routes';
import { districtFloorCheck } from './floor.check';

const AUDIT = {
  actions: {
    'district.link.request': { zh: '申请关联学校', en: 'Asked a school to link' },
    'district.link.accept': { zh: '接受学区关联', en: 'Accepted a district link' },
    'district.link.decline': { zh: '拒绝学区关联', en: 'Declined a district link' },
    'district.link.end': { zh: '结束学区关联', en: 'Ended a district link' },
    'district.rollup.read': { zh: '学区查看学校培训汇总', en: 'District read the school’s training roll-up' },
  },
  entities: { district_link: { zh: '学区关联', en: 'District link' }, district_school: { zh: '学区所属学校', en: 'Linked school' } },
  fields: {
    district: { zh: '学区', en: 'District' },
    school: { zh: '学校', en: 'School' },
    view: { zh: '查看内容', en: 'View' },
    schoolYear: { zh: '学年', en: 'School year' },
    teachers: { zh: '教师数', en: 'Teachers' },
    state: { zh: '状态', en: 'State' },
    by: { zh: '操作方', en: 'By side' },
  },
};

/**
 * 学区 / 区县教师发展中心 (issue 12): links to schools and the read-only roll-up of the
 * accepted schools' training. Only a district gets it; its routes refuse any other kind.
 */
export const districtModule = defineModule({
  name: 'district',
  label: { zh: '学区管理', en: 'District' },
  defaultFor: ['district'],
  permissions: [
    { code: 'district.read', label: { zh: '查看学区培训汇总', en: 'Read the district roll-up' } },
    { code: 'district.manage', label: { zh: '学区关联学校', en: 'Link schools to the district' } },
  ],
  policySections: ['district'],
  routes: [districtRoutes],
  audit: AUDIT,
  demo: seedDistrictDemo,
});

/**
 * The school's side of the links (上级学区) and the district floor on a school's policy. It is a
 * core module so every school reaches it without switching a module on; its routes answer for
 * schools only (404 to any other kind) and need admin.org.
 */
export const districtLinksModule = defineModule({
  name: 'district-links',
  label: { zh: '上级学区', en: 'Districts over the school' },
  isCore: true,
  routes: [schoolLinkRoutes],
  policyChecks: [districtFloorCheck],
});

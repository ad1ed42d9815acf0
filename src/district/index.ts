// 学区 / 教育局 over schools (issue 12): links, the read-only roll-up and the policy floor.
export { districtLinksModule, districtModule } from './district.module';
export { districtLinks, LINK_STATES } from './district.schema';
export type { LinkRow, LinkState } from './district.schema';
export { findAcceptedDistricts, findDistrictLinks, findLinkedSchools, findSchoolLinks, requestLink, stepLink } from './link.service';
export { readDistrictRollup, summariseSchool, teacherLines, behindLines } from './rollup.service';
export type { DistrictRead } from './rollup.service';
export type { Cycle, DistrictOverview, LinkView, SchoolSummary, TeacherLine } from './district.contract';

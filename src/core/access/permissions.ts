// Permissions are named `area.verb`. Each module declares the ones it brings with their
// labels (defineModule); the server composes them, and a role may hold only declared ones.
// These are the platform's own.
export type Permission = `${string}.${string}`;

export interface PermissionDeclaration {
  code: Permission;
  label: { zh: string; en: string };
}

export const CORE_PERMISSIONS = [
  { code: 'admin.users', label: { zh: '用户管理', en: 'Manage users' } },
  { code: 'admin.roles', label: { zh: '角色与权限', en: 'Roles and permissions' } },
  { code: 'admin.org', label: { zh: '组织机构', en: 'Organisation structure' } },
  { code: 'admin.policy', label: { zh: '制度参数', en: 'Policy parameters' } },
  { code: 'audit.read', label: { zh: '查看审计日志', en: 'Read audit log' } },
  { code: 'document.read', label: { zh: '查看文件', en: 'Read documents' } },
  { code: 'document.write', label: { zh: '起草文件', en: 'Draft documents' } },
  { code: 'approval.act', label: { zh: '审批', en: 'Act on approvals' } },
  { code: 'meeting.read', label: { zh: '查看会议', en: 'Read meetings' } },
  { code: 'meeting.manage', label: { zh: '组织会议', en: 'Manage meetings' } },
  { code: 'assessment.read', label: { zh: '查看考核', en: 'Read assessment' } },
  { code: 'assessment.manage', label: { zh: '考核管理', en: 'Manage assessment' } },
  { code: 'archive.read', label: { zh: '查看档案', en: 'Read archives' } },
  { code: 'archive.write', label: { zh: '上传档案', en: 'Upload to archives' } },
  { code: 'excel.import', label: { zh: 'Excel 导入', en: 'Excel import' } },
] as const satisfies readonly PermissionDeclaration[];

/** A well-formed permission name; whether it is declared is the registry's to say. */
export const isPermissionCode = (value: string): value is Permission => /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(value);

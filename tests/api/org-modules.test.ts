import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#core/access';
import { findEnabledModules, setModuleEnabled } from '#core/org';
import { getPolicyView } from '#core/policy';
import { createOrganisationFromTemplate } from '#server';
import { signIn, startTestApp, type TestApp } from '#test-support';

const PASSWORD = 'Kq7!mesa-river-41';

describe('issue 12: organisations from templates and modules per organisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('issue 12 CORE-1: a plant from T2 and a school from S3 get their template policy, roles, departments, modules and an admin who can sign in', async () => {
    const plant = await createOrganisationFromTemplate(t.ctx.db, t.ctx.registry, {
      name: '新建酒厂',
      template: 'T2',
      admin: { username: 'plant.admin.t2', password: PASSWORD },
    });
    const school = await createOrganisationFromTemplate(t.ctx.db, t.ctx.registry, {
      name: '新建小学',
      template: 'S3',
      admin: { username: 'school.admin.s3', password: PASSWORD },
    });
    expect(plant.kind).toBe('enterprise');
    expect(plant.modules).toEqual(['production']);
    expect(school.kind).toBe('school');
    expect(school.modules).toEqual(['training', 'league']);
    expect(await findEnabledModules(t.ctx.db, school.id)).toEqual(['league', 'training']);
    expect(plant.departments).toContain('生产部');
    expect(school.departments).toContain('教导处');
    expect(plant.roles).toContain('vp_production');
    const policy = await getPolicyView(t.ctx.db, systemActor(plant.id));
    expect(policy.preset).toBe('T2');
    expect(policy.version).toBe(1);
    const admin = await signIn(t.app, 'school.admin.s3', PASSWORD);
    expect((await admin.request('GET', '/api/org/people')).statusCode).toBe(200);
  });

  it('issue 12: a taken admin username leaves no half-made organisation', async () => {
    await expect(
      createOrganisationFromTemplate(t.ctx.db, t.ctx.registry, {
        name: '重名',
        template: 'T1',
        code: 'dup-org',
        admin: { username: 'plant.admin.t2', password: PASSWORD },
      }),
    ).rejects.toThrow(/已被使用/);
    const again = await createOrganisationFromTemplate(t.ctx.db, t.ctx.registry, {
      name: '重名',
      template: 'T1',
      code: 'dup-org',
      admin: { username: 'plant.admin.t1', password: PASSWORD },
    });
    expect(again.code).toBe('dup-org');
  });

  it('issue 12: routes of a module the organisation does not have answer 404; switching it on opens them, off closes them', async () => {
    const school = await createOrganisationFromTemplate(t.ctx.db, t.ctx.registry, {
      name: '模块小学',
      template: 'S1',
      admin: { username: 'school.admin.mod', password: PASSWORD },
    });
    await createOrganisationFromTemplate(t.ctx.db, t.ctx.registry, {
      name: '模块酒厂',
      template: 'T4',
      admin: { username: 'plant.admin.mod', password: PASSWORD },
    });
    const s = await signIn(t.app, 'school.admin.mod', PASSWORD);
    const p = await signIn(t.app, 'plant.admin.mod', PASSWORD);
    expect((await s.request('GET', '/api/production/dashboard')).statusCode).toBe(404);
    expect((await s.request('GET', '/api/league/branches')).statusCode).toBe(200);
    expect((await p.request('GET', '/api/league/branches')).statusCode).toBe(404);
    expect((await p.request('GET', '/api/training/teachers')).statusCode).toBe(404);
    expect((await p.request('GET', '/api/production/dashboard')).statusCode).not.toBe(404);

    const admin = systemActor(school.id);
    expect(await setModuleEnabled(t.ctx.db, admin, 'league', false)).toEqual(['training']);
    const closed = await s.request('GET', '/api/league/branches');
    expect(closed.statusCode).toBe(404);
    expect(closed.json().messageZh).toBe('接口不存在');
    expect(await setModuleEnabled(t.ctx.db, admin, 'league', true)).toEqual(['league', 'training']);
    expect((await s.request('GET', '/api/league/branches')).statusCode).toBe(200);
    // Core routes stay on for everyone.
    expect((await p.request('GET', '/api/org/people')).statusCode).toBe(200);
  });

  it('issue 12: policy sections, document types, role permissions and the module list show only the organisation’s modules', async () => {
    await createOrganisationFromTemplate(t.ctx.db, t.ctx.registry, {
      name: '过滤小学',
      template: 'S4',
      admin: { username: 'school.admin.f', password: PASSWORD },
    });
    await createOrganisationFromTemplate(t.ctx.db, t.ctx.registry, {
      name: '过滤酒厂',
      template: 'T3',
      admin: { username: 'plant.admin.f', password: PASSWORD },
    });
    const s = await signIn(t.app, 'school.admin.f', PASSWORD);
    const p = await signIn(t.app, 'plant.admin.f', PASSWORD);

    const schoolSections = Object.keys((await s.request('GET', '/api/policy/meta')).json().sections);
    expect(schoolSections).toContain('training');
    expect(schoolSections).not.toContain('production');
    expect(schoolSections).not.toContain('assessment');
    const plantSections = Object.keys((await p.request('GET', '/api/policy/meta')).json().sections);
    expect(plantSections).toEqual(expect.arrayContaining(['production', 'assessment', 'calendar']));
    expect(plantSections).not.toContain('training');

    const schoolTypes = (await s.request('GET', '/api/document-types')).json().map((x: { docType: string }) => x.docType);
    expect(schoolTypes).toEqual(expect.arrayContaining(['general', 'training.plan']));
    expect(schoolTypes.filter((d: string) => d.startsWith('production.'))).toEqual([]);
    const schoolChains = (await s.request('GET', '/api/approval-chains')).json().map((x: { docType: string }) => x.docType);
    expect(schoolChains.filter((d: string) => d.startsWith('production.'))).toEqual([]);

    const plantPermissions = (await p.request('GET', '/api/org/roles')).json().permissions.map((x: { code: string }) => x.code);
    expect(plantPermissions).toContain('production.read');
    expect(plantPermissions.filter((c: string) => c.startsWith('training.') || c.startsWith('league.'))).toEqual([]);

    const modules = (await s.request('GET', '/api/org/modules')).json();
    expect(modules).toEqual([
      { name: 'production', label: { zh: '生产计划管理', en: 'Production planning' }, isOn: false },
      { name: 'training', label: { zh: '校本培训管理', en: 'School-based training' }, isOn: true },
      { name: 'district', label: { zh: '学区管理', en: 'District' }, isOn: false },
      { name: 'league', label: { zh: '团委工作', en: 'Youth League' }, isOn: true },
    ]);
  });

  it('issue 12: an admin switches a module off and on over HTTP; others may not; an unknown module is 404', async () => {
    const school = await createOrganisationFromTemplate(t.ctx.db, t.ctx.registry, {
      name: '开关小学',
      template: 'S1',
      admin: { username: 'school.admin.sw', password: PASSWORD },
    });
    const s = await signIn(t.app, 'school.admin.sw', PASSWORD);
    const off = await s.request('PUT', '/api/org/modules/league', { isOn: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().find((m: { name: string }) => m.name === 'league').isOn).toBe(false);
    expect((await s.request('GET', '/api/league/branches')).statusCode).toBe(404);
    expect((await s.request('PUT', '/api/org/modules/league', { isOn: true })).statusCode).toBe(200);
    expect((await s.request('GET', '/api/league/branches')).statusCode).toBe(200);
    expect((await s.request('PUT', '/api/org/modules/nonesuch', { isOn: true })).statusCode).toBe(404);
    const { addPerson } = await import('#core/org');
    await addPerson(t.ctx.db, systemActor(school.id), { username: 'school.teacher.sw', displayName: '教师', password: PASSWORD, roles: ['teacher'] });
    const teacher = await signIn(t.app, 'school.teacher.sw', PASSWORD);
    expect((await teacher.request('PUT', '/api/org/modules/league', { isOn: false })).statusCode).toBe(403);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePage, type E2E, login, logout, startE2E } from './harness';
import { apiAs, chooseOption, horizontalOverflow, switchLanguage, untranslatedChrome, waitForText, waitText } from './journey-helpers';

// The school's wall clock: the demo school runs on Beijing time (policy calendar.utcOffsetMinutes).
const beijing = (ms = Date.now()) => new Date(ms + 8 * 3_600_000).toISOString();

async function expectVisible(page: Page, testId: string) {
  try {
    await page.getByTestId(testId).first().waitFor();
  } catch (err) {
    throw new Error(`${(err as Error).message.split('\n')[0]}\n${await describePage(page)}`);
  }
}

describe('training and league journeys in the browser (ST-1 … ST-7, YL-1 … YL-3)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('ST-1 ST-2 ST-3 the office drafts a term plan, the principal approves it, the term is generated and an outline written', async () => {
    const page = await e2e.newPage();
    await login(page, 'school.office');
    await page.goto('/training/plans');
    await page.getByTestId('plan-new').click();
    // Next school year's first term: always ahead, whatever day the suite runs.
    const now = new Date();
    const first = now.getMonth() + 1 >= 9 ? now.getFullYear() + 1 : now.getFullYear();
    await chooseOption(page, 'schoolYear', `${first}-${first + 1}`);
    await page.getByTestId('plan-title').fill('下学年第一学期校本培训计划（旅程测试）');
    await page.getByTestId('plan-goals').fill('围绕大单元教学开展校本教研，提高作业设计质量。');
    await page.getByTestId('plan-item-topic').first().fill('大单元教学设计');
    await chooseOption(page, 'items_0_ownerTeacherId', '黄组长');
    await page.getByTestId('plan-save').click();
    await page.waitForURL(/\/training\/plans\/[0-9a-f-]{36}$/);
    const planUrl = page.url();
    await page.getByTestId('plan-submit').click();
    await waitText(page, 'plan-state', '审批中');
    await logout(page);

    await login(page, 'school.principal');
    await page.goto('/inbox');
    await waitText(page, 'inbox-item', '下学年第一学期校本培训计划（旅程测试）');
    await page.goto(planUrl);
    await page.getByTestId('plan-opinion').fill('同意，请按计划实施。');
    await page.getByTestId('plan-approve').click();
    await waitText(page, 'plan-state', '已批准');
    await logout(page);

    await login(page, 'school.office');
    await page.goto(planUrl);
    await page.getByTestId('plan-generate').click();
    await waitText(page, 'plan-generated', /新生成 \d+ 场/);
    const text = (await page.getByTestId('plan-generated').textContent()) ?? '';
    expect(Number(/新生成 (\d+) 场/.exec(text)?.[1])).toBeGreaterThan(50);
    await page.getByRole('link', { name: '查看本计划的场次' }).click();
    await page.getByTestId('session-link').first().click();
    await page.waitForURL(/\/training\/sessions\/[0-9a-f-]{36}$/);
    await waitText(page, 'outline-status', '提纲待交');
    await page.getByTestId('outline-edit').click();
    await page.getByTestId('outline-input').fill('一、新课标中的大单元；二、案例研讨；三、布置设计任务');
    await page.getByTestId('outline-save').click();
    await waitText(page, 'outline', '案例研讨');
    await waitText(page, 'outline-status', '提纲已交');
  });

  it('ST-4 a teacher signs in on a phone by scanning the rotating code; scanning again changes nothing', async () => {
    const office = await apiAs(e2e, 'school.office');
    const starts = beijing(Date.now() + 20 * 60_000);
    const session = await office.post<{ id: string }>('/training/sessions', {
      title: '信息技术应用能力提升培训',
      category: 'informationTechnology',
      date: starts.slice(0, 10),
      startTime: starts.slice(11, 16),
      durationMinutes: 90,
      audience: 'all',
    });
    await office.close();

    const screen = await e2e.newPage();
    await login(screen, 'school.recorder');
    await screen.goto(`/training/sessions/${session.id}/screen`);
    await expectVisible(screen, 'qr-code');
    const url = (await screen.getByTestId('qr-code').getAttribute('data-url')) ?? '';
    expect(url).toContain('/public/sign-in?t=');

    const phone = await e2e.newPage({ phone: true });
    await phone.goto(new URL(url).pathname + new URL(url).search);
    await phone.locator('#scan-username').fill('school.t1');
    await phone.locator('#scan-password').fill('zhidu2026');
    await phone.getByTestId('scan-login').click();
    await waitText(phone, 'sign-in-result', '签到成功');
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(1);
    await phone.reload();
    await waitText(phone, 'sign-in-result', '您已签到，无需重复扫码');

    await screen.goto(`/training/sessions/${session.id}`);
    await waitText(screen, 'roster-status', '按时');
    expect(await screen.getByTestId('roster-status').filter({ hasText: '按时' }).count()).toBe(1);

    const forged = await e2e.newPage({ phone: true });
    await forged.goto(`/public/sign-in?t=${encodeURIComponent(`${url.split('t=')[1].slice(0, -6)}AAAAAA`)}`);
    await forged.locator('#scan-username').fill('school.t2');
    await forged.locator('#scan-password').fill('zhidu2026');
    await forged.getByTestId('scan-login').click();
    await waitText(forged, 'sign-in-error', '二维码无效');
  });

  it('ST-4 a teacher asks leave on the phone; the leadership group head approves it', async () => {
    const phone = await e2e.newPage({ phone: true });
    await login(phone, 'school.t2');
    await phone.goto('/training/my');
    await expectVisible(phone, 'leave-ask');
    await phone.getByTestId('leave-ask').first().click();
    await phone.getByTestId('leave-reason').fill('外出参加区语文教研活动');
    await phone.getByTestId('leave-submit').click();
    await waitText(phone, 'my-leave', '待批');
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(1);

    const desk = await e2e.newPage();
    await login(desk, 'school.principal');
    await desk.goto('/training/leave');
    const row = desk.locator('tr').filter({ hasText: '外出参加区语文教研活动' });
    await row.locator('input[type="checkbox"]').check();
    await desk.getByTestId('leave-approve').click();
    await waitForText(desk, '已批准');

    await phone.goto('/training/my');
    await waitText(phone, 'my-leave', '已批准');
  });

  it('ST-7 the year-end assessment shows one teacher unqualified, with the three absences listed', async () => {
    const page = await e2e.newPage();
    await login(page, 'school.office');
    await page.goto('/training/assessment');
    await page.getByTestId('assessment-compute').click();
    await expectVisible(page, 'verdict');
    const row = page.locator('tr').filter({ has: page.locator('[data-testid="verdict"][data-teacher="唐老师"]') });
    await waitText(page, 'verdict', '不合格');
    expect(await row.getByTestId('verdict').textContent()).toBe('不合格');
    expect(await row.textContent()).toContain('依据 S1 管理制度 3');
    expect(await row.textContent()).toContain('无故不参加校本集中培训 3 次');
    expect(await row.locator('li').filter({ hasText: '无故缺席' }).count()).toBe(3);
    // Only 唐老师 missed centralised training three times.
    expect(await page.locator('tr').filter({ hasText: '无故不参加校本集中培训' }).count()).toBe(1);

    await page.goto('/training/dashboard');
    await expectVisible(page, 'chart-attendance');
    await waitText(page, 'at-risk', '唐老师');
  });

  it('ST-5 ST-6 the teacher’s phone pages read in English, with nothing wider than the screen', async () => {
    const phone = await e2e.newPage({ phone: true });
    await login(phone, 'school.t3');
    await switchLanguage(phone, 'en');
    await phone.goto('/training/my');
    await expectVisible(phone, 'my-credits');
    expect(await untranslatedChrome(phone, ['宋老师'])).toEqual([]);
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(1);
    await phone.goto('/training/my/work?tab=credits');
    await expectVisible(phone, 'credit-total');
    expect(await untranslatedChrome(phone, ['宋老师'])).toEqual([]);
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(1);
  });

  it('YL-1 YL-2 YL-3 the league secretary follows the term plan by month, registers members and records the week’s theme', async () => {
    const page = await e2e.newPage();
    await login(page, 'school.league');
    await page.goto('/league/plan');
    await waitText(page, 'league-month', '月');
    await page.goto('/league/members');
    await waitForText(page, '未注册');
    await page.locator('tr').filter({ hasText: '未注册' }).first().locator('input[type="checkbox"]').check();
    await page.getByRole('button', { name: /本学期注册（1）/ }).click();
    await waitForText(page, /未注册 5 人/);
    await page.goto('/league/weekly');
    await page
      .getByRole('button', { name: /^登\s*记$/ })
      .last()
      .click();
    await page.locator('#theme').fill('冬季安全教育');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await waitForText(page, '冬季安全教育');
  });
});

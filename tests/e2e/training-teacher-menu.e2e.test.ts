import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { apiAs, horizontalOverflow, waitText } from './journey-helpers';

// The school's calendar day N days ahead (the demo school runs on Beijing time).
const beijingDay = (daysAhead: number) => new Date(Date.now() + daysAhead * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

/** Opens a menu entry of the 校本培训 section by its label and waits for the page's heading. */
async function openMenu(page: Page, label: string, heading: string | RegExp): Promise<void> {
  await page.locator('.ant-menu a').filter({ hasText: label }).first().click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: heading }).waitFor();
}

/** Every element with this test id lies within the screen's width (nothing needs sideways scroll). */
async function withinScreen(page: Page, testId: string): Promise<boolean> {
  return page
    .getByTestId(testId)
    .evaluateAll(
      (els) => els.length > 0 && els.every((el) => el.getBoundingClientRect().right <= window.innerWidth + 1 && (el as HTMLElement).offsetParent !== null),
    );
}

describe('issue 13 item 11: teachers reach their archive, evaluations and guidance record from the menu; leave once; phone tables', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    // The year's verdicts, so a teacher's archive carries the verdict and its reasons.
    const office = await apiAs(e2e, 'school.office');
    await office.post('/training/assessments/compute', {});
    await office.close();
  });
  afterAll(() => e2e?.close());

  it('issue 13 item 11: a teacher opens 我的培训档案 and 我的多元评价 from the menu; a mentor opens the guidance record and records guidance', async () => {
    const page = await e2e.newPage();
    await login(page, 'school.t1');
    await page.goto('/training/my');
    await openMenu(page, '我的培训档案', '我的培训档案');
    await page.getByTestId('archive-attended').waitFor();
    expect(await page.getByTestId('archive-teacher').count()).toBe(0);
    await openMenu(page, '我的多元评价', '多元评价');
    await openMenu(page, '师徒结对记录', '师徒结对记录');
    await page.getByText('你目前没有师徒结对').waitFor();

    const mentor = await e2e.newPage();
    await login(mentor, 'school.chinese');
    await mentor.goto('/training/my');
    await openMenu(mentor, '师徒结对记录', '师徒结对记录');
    await waitText(mentor, 'mentor-pair', '→');
    await waitText(mentor, 'mentor-record', '共同修改单元教学设计');
    await mentor.getByTestId('mentor-record-add').first().click();
    await mentor.getByTestId('mentor-record-content').fill('指导徒弟设计作文讲评课的评价量表');
    await mentor.locator('.ant-modal:visible .ant-btn-primary').click();
    await waitText(mentor, 'mentor-record', '指导徒弟设计作文讲评课的评价量表');
    // The office-wide archive stays the office's entry; the teacher's own is a separate one.
    await openMenu(mentor, '我的培训档案', '我的培训档案');
    await mentor.getByTestId('archive-attended').waitFor();
  });

  it('issue 13 item 11: once the leave request is pending the 请假 button gives way to 请假待批', async () => {
    const office = await apiAs(e2e, 'school.office');
    const title = '请假按钮旅程专题培训';
    await office.post('/training/sessions', { title, category: 'theory', date: beijingDay(2), startTime: '16:30', durationMinutes: 60, audience: 'all' });
    await office.close();
    const page = await e2e.newPage();
    await login(page, 'school.t2');
    await page.goto('/training/my');
    const item = page.getByTestId('my-session').filter({ hasText: title }).first();
    await item.getByTestId('leave-ask').click();
    await page.getByTestId('leave-reason').fill('参加区语文教研活动');
    await page.getByTestId('leave-submit').click();
    await item.getByTestId('leave-asked').filter({ hasText: '请假待批' }).waitFor();
    expect(await item.getByTestId('leave-ask').count()).toBe(0);
    // After a reload too, and on the session's own page.
    await page.reload();
    await page.getByTestId('my-session').filter({ hasText: title }).first().getByTestId('leave-asked').waitFor();
    expect(await page.getByTestId('my-session').filter({ hasText: title }).first().getByTestId('leave-ask').count()).toBe(0);
    await page.getByTestId('my-session').filter({ hasText: title }).first().getByRole('link', { name: title }).click();
    // Wait until the session's page has replaced the list (the list's own 请假待批 would match too).
    await page.waitForURL(/\/training\/sessions\/[^/]+$/);
    await expect.poll(() => page.getByTestId('my-session').count()).toBe(0);
    await page.getByTestId('leave-asked').filter({ hasText: '请假待批' }).waitFor();
    expect(await page.getByTestId('leave-ask').count()).toBe(0);
  });

  it('issue 13 item 11 (390 px): leave reason, credits and their reasons, and the verdict reasons show without sideways scroll', async () => {
    const page = await e2e.newPage({ phone: true });
    // 唐老师 (school.t4): leave is hers to ask, her credits come with reasons, her verdict is 不合格 with its reasons.
    await login(page, 'school.t4');
    const office = await apiAs(e2e, 'school.office');
    await office.post('/training/sessions', {
      title: '手机请假理由展示',
      category: 'theory',
      date: beijingDay(3),
      startTime: '16:30',
      durationMinutes: 60,
      audience: 'all',
    });
    await office.close();
    await page.goto('/training/my');
    const item = page.getByTestId('my-session').filter({ hasText: '手机请假理由展示' }).first();
    await item.getByTestId('leave-ask').click();
    await page.getByTestId('leave-reason').fill('孩子生病需陪同就医');
    await page.getByTestId('leave-submit').click();
    await waitText(page, 'my-leave', '孩子生病需陪同就医');
    expect(await withinScreen(page, 'my-leave')).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);

    await page.goto('/training/my/work?tab=credits');
    await page.getByTestId('credit-line-why').first().waitFor();
    expect(await withinScreen(page, 'credit-line-credits')).toBe(true);
    expect(await withinScreen(page, 'credit-line-why')).toBe(true);
    expect(((await page.getByTestId('credit-line-why').first().textContent()) ?? '').length).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);

    await page.goto('/training/my/archive');
    await page.getByTestId('archive-attended').waitFor();
    await page.getByText('表彰与考核').click();
    await waitText(page, 'verdict-reason', /无故不参加校本集中培训/);
    expect(await withinScreen(page, 'verdict-reason')).toBe(true);
    expect(await withinScreen(page, 'archive-sessions')).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
  });
});

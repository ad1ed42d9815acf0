import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { apiAs, chooseOption, waitText } from './journey-helpers';

/** Confirms the open antd modal (its primary button). */
const confirmModal = (page: Page) => page.locator('.ant-modal:visible .ant-btn-primary').click();

describe('issue 13 item 12: pages for what the API had and the UI lacked', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('issue 13 item 12 (ST-12, ST-13): the office records backbone hours, a supervision note and closes a mentor pair', async () => {
    const page = await e2e.newPage();
    await login(page, 'school.office');
    await page.goto('/training/development');
    // ST-12: a teacher's tracking file takes new hours.
    await page.getByTestId('backbone-open').first().click();
    await page.getByTestId('backbone-hours-title').fill('区骨干教师送教下乡示范课（旅程）');
    await page.getByTestId('backbone-hours-hours').fill('6');
    await page.getByTestId('backbone-hours-save').click();
    await waitText(page, 'backbone-hours-entry', '区骨干教师送教下乡示范课（旅程）');
    await page.locator('.ant-drawer:visible .ant-drawer-close').click();

    // ST-13: the office supervises a pair, then closes it with a review.
    await page.getByRole('tab', { name: '师徒结对' }).click();
    const office = await apiAs(e2e, 'school.office');
    const pair = (await office.get<{ mentorName: string; menteeName: string; state: string }[]>('/training/mentors')).find((p) => p.state === 'active')!;
    await office.close();
    const who = `${pair.mentorName} → ${pair.menteeName}`;
    const row = page.getByTestId('mentor-pair-row').filter({ hasText: who });
    await row.getByTestId('mentor-pair-open').click();
    await waitText(page, 'mentor-pair-record', '共同修改单元教学设计');
    await page.getByTestId('mentor-supervision-content').fill('教导处督查：结对计划按期落实，听课记录完整。');
    await page.getByTestId('mentor-supervision-save').click();
    await waitText(page, 'mentor-pair-record', '教导处督查：结对计划按期落实');
    await page.getByTestId('mentor-close').click();
    await page.getByTestId('mentor-close-review').fill('徒弟已能独立完成单元教学设计，结对目标达成。');
    await confirmModal(page);
    await page.getByTestId('mentor-pair-row').filter({ hasText: who }).filter({ hasText: '已完成' }).waitFor();
    expect(await page.getByTestId('mentor-close').count()).toBe(0);
  });

  it('issue 13 item 12 (ST-15): the office accepts one handed-in assignment and returns another with a comment', async () => {
    const office = await apiAs(e2e, 'school.office');
    const assignments = await office.get<{ id: string; title: string }[]>('/training/assignments');
    const task = assignments.find((a) => a.title.startsWith('学习心得'))!;
    await office.close();
    const names: string[] = [];
    for (const user of ['school.t1', 'school.t2']) {
      const teacher = await apiAs(e2e, user);
      names.push((await teacher.get<{ name: string }>('/training/teachers/me')).name);
      await teacher.post(`/training/assignments/${task.id}/submit`, { content: `${user} 的学习心得：作业设计要分层、要少而精。` });
      await teacher.close();
    }

    const page = await e2e.newPage();
    await login(page, 'school.office');
    await page.goto('/training/development');
    await page.getByRole('tab', { name: '作业与活动' }).click();
    await page.getByTestId('assignment-row').filter({ hasText: '学习心得' }).getByTestId('assignment-open').click();
    const rowOf = (name: string) => page.getByTestId('submission-row').filter({ hasText: name });
    await rowOf(names[0]).getByTestId('submission-accept').click();
    await rowOf(names[0]).filter({ hasText: '已通过' }).waitFor();
    await rowOf(names[1]).getByTestId('submission-return').click();
    await page.getByTestId('submission-return-comment').fill('请补充本学科的作业设计实例。');
    await confirmModal(page);
    await rowOf(names[1]).filter({ hasText: '退回修改' }).waitFor();
    await rowOf(names[1]).filter({ hasText: '请补充本学科的作业设计实例。' }).waitFor();

    // The returned teacher sees it on their side, with the comment.
    const t2 = await apiAs(e2e, 'school.t2');
    const mine = await t2.get<{ id: string; mySubmission: { reviewState: string; reviewComment: string | null } | null }[]>('/training/assignments');
    await t2.close();
    expect(mine.find((a) => a.id === task.id)?.mySubmission).toMatchObject({ reviewState: 'returned', reviewComment: '请补充本学科的作业设计实例。' });
  });

  it('issue 13 item 12 (YL-2, YL-3): the League secretary adds a plan activity, schedules blackboard checks and scores a branch', async () => {
    const league = await apiAs(e2e, 'school.league');
    const [branch] = await league.get<{ id: string; name: string }[]>('/league/branches');
    await league.close();

    const page = await e2e.newPage();
    await login(page, 'school.league');
    await page.goto('/league/plan');
    await page.getByTestId('league-item-add').click();
    await page.getByTestId('league-item-month').fill('12');
    await page.getByTestId('league-item-theme').fill('法治教育月');
    await page.getByTestId('league-item-title').fill('宪法宣传周主题团日（旅程）');
    await confirmModal(page);
    await waitText(page, 'league-month', '宪法宣传周主题团日（旅程）');

    await page.goto('/league/weekly');
    await page.getByTestId('blackboard-schedule').click();
    await page.getByTestId('blackboard-themes').fill('冬季安全（旅程）\n迎新年（旅程）');
    await confirmModal(page);
    await waitText(page, 'blackboard-check', '冬季安全（旅程）');
    await page.getByTestId('blackboard-check').filter({ hasText: '冬季安全（旅程）' }).first().getByTestId('blackboard-score').click();
    await chooseOption(page, 'branchId', branch.name);
    const items = page.getByTestId('blackboard-score-item');
    for (let i = 0; i < (await items.count()); i++) await items.nth(i).fill('15');
    await confirmModal(page);
    await waitText(page, 'blackboard-check', new RegExp(`冬季安全（旅程）[\\s\\S]*${branch.name} 60`));
  });

  // Last: it changes the school's policy.
  it('issue 13 item 13: the plan page words the standing schedule as the policy has it, and follows a change of preset', async () => {
    const office = await apiAs(e2e, 'school.office');
    const plans = await office.get<{ id: string; kind: string; state: string }[]>('/training/plans');
    const plan = plans.find((p) => p.kind === 'semester' && (p.state === 'approved' || p.state === 'issued'))!;
    const policyNow = await office.get<{ version: number }>('/policy');
    await office.close();
    const page = await e2e.newPage();
    await login(page, 'school.office');
    await page.goto(`/training/plans/${plan.id}`);
    // The demo school runs S1: political study on Monday, Chinese on Wednesday, maths on Thursday, research on Friday.
    await waitText(
      page,
      'plan-standing-schedule',
      /每周一 .*政治学习；每周三 .*语文组业务学习（语文教研组）；每周四 .*数学组业务学习（数学教研组）；每周五 .*校本教研/,
    );

    // S4 holds one business study for everyone on Wednesday and none on Thursday: the page says so.
    const admin = await apiAs(e2e, 'school.admin');
    await admin.post('/policy/apply-preset', { baseVersion: policyNow.version, preset: 'S4', reason: '改用 S4 学习制度' });
    await admin.close();
    await page.reload();
    await waitText(page, 'plan-standing-schedule', /每周三 .*业务学习/);
    const text = (await page.getByTestId('plan-standing-schedule').textContent()) ?? '';
    expect(text).not.toContain('周四');
    expect(text).not.toContain('语文组');
  });
});

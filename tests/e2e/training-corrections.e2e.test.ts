import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { apiAs, chooseOption, waitText } from './journey-helpers';

// The school's calendar day N days ago (the demo school runs on Beijing time).
const beijingDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

/** A session typed with a wrong, past date: its list closed, every teacher absent and locked. */
async function backDatedSession(e2e: E2E, title: string, daysAgo: number): Promise<string> {
  const office = await apiAs(e2e, 'school.office');
  const s = await office.post<{ id: string }>('/training/sessions', {
    title,
    category: 'theory',
    date: beijingDay(daysAgo),
    startTime: '16:30',
    durationMinutes: 60,
    audience: 'all',
  });
  await office.post(`/training/sessions/${s.id}/close-roster`);
  await office.close();
  return s.id;
}

describe('training corrections in the browser (issue 13 items 1, 2, 4, 8)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  // First: the sessions the later journeys add would count as more absences.
  it('issue 13 item 4: a teacher with two unexcused absences sees them against the limit on the home page', async () => {
    const page = await e2e.newPage();
    await login(page, 'school.t3');
    await page.goto('/training/my');
    await waitText(page, 'my-absences', '2/3');
    await waitText(page, 'standing-warning', '再缺 1 次');
    await waitText(page, 'my-projected', '预计全年');
  });

  it('issue 13 item 1: the office voids a back-dated session after confirming, with a reason; the page says so', async () => {
    const id = await backDatedSession(e2e, '误建的培训（旅程）', 20);
    const page = await e2e.newPage();
    await login(page, 'school.office');
    await page.goto(`/training/sessions/${id}`);
    await page.getByTestId('void-session').click();
    await page.getByTestId('void-reason').fill('日期填错，应为下月');
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await waitText(page, 'void-banner', '日期填错，应为下月');
    expect(await page.getByTestId('void-session').count()).toBe(0);
  });

  it('issue 13 item 2: the principal corrects one locked record with a reason; the recorder sees no such button', async () => {
    const id = await backDatedSession(e2e, '锁定后更正（旅程）', 15);
    const recorder = await e2e.newPage();
    await login(recorder, 'school.recorder');
    await recorder.goto(`/training/sessions/${id}`);
    await recorder.getByTestId('roster-status').first().waitFor();
    expect(await recorder.getByTestId('override-record').count()).toBe(0);

    const page = await e2e.newPage();
    await login(page, 'school.principal');
    await page.goto(`/training/sessions/${id}`);
    const button = page.getByTestId('override-record').first();
    const name = await button.getAttribute('data-teacher');
    await button.click();
    await page.locator('.ant-modal:visible textarea').waitFor();
    await chooseOption(page, 'status', '按时');
    await page.locator('.ant-modal:visible textarea').fill('纸质签到表上有本人签名');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await page.locator(`[data-testid="roster-status"][data-teacher="${name}"]`).filter({ hasText: '按时' }).waitFor();
    await page.getByText(/考勤变更记录/).click();
    await waitText(page, 'attendance-changes', '锁定后更正：纸质签到表上有本人签名');
  });

  it('issue 13 item 8: the assessment list shows the unqualified first; all qualified are confirmed with one opinion', async () => {
    const page = await e2e.newPage();
    await login(page, 'school.office');
    await page.goto('/training/assessment');
    await page.getByTestId('assessment-compute').click();
    await waitText(page, 'verdict', '不合格');
    expect(await page.getByTestId('verdict').first().textContent()).toContain('不合格');
    await page.getByTestId('confirm-qualified').click();
    await page.getByTestId('bulk-opinion').fill('经审核，合格');
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await page.getByText(/已确认 \d+ 位合格教师/).waitFor();
    // The list refetches after the message: the button goes once the confirmed verdicts arrive.
    await page.getByTestId('confirm-qualified').waitFor({ state: 'detached' });
    expect(await page.getByTestId('confirm-qualified').count()).toBe(0);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { apiAs, horizontalOverflow, switchLanguage, untranslatedChrome, waitForText, waitText } from './journey-helpers';

// Clause citations name the Chinese regulation itself (“T4 第五十六条”), in either language.
const CLAUSES = /第.+条|七\.\d/;

/** The unread count on the bell in the header (antd shows no number at zero). */
async function bellCount(page: Page): Promise<number> {
  await page.getByTestId('notification-bell').waitFor();
  const count = page.getByTestId('notification-badge').locator('.ant-scroll-number');
  if ((await count.count()) === 0) return 0;
  return Number(await count.getAttribute('title'));
}

async function waitForBell(page: Page, expected: number): Promise<void> {
  await expect.poll(() => bellCount(page), { timeout: 10_000 }).toBe(expected);
}

const A_REAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// A Windows program renamed to .pdf: the extension is allowed, the content is not a PDF.
const A_DISGUISED_PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62, 0x90), Buffer.from('This program cannot be run in DOS mode.')]);

describe('everyday core journeys in the browser (CORE-7, CORE-8, CORE-9, notifications)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('CORE-7 a member asks leave before the dispatch meeting, the approver’s bell counts it and opens it, the chair approves → excused; at the meeting the chair records attendance and minutes on a phone', async () => {
    // The next monthly dispatch meeting of the demo plant that is still comfortably ahead.
    const vpApi = await apiAs(e2e, 'plant.vp');
    const upcoming = await vpApi.get<{ id: string; kind: string; startsAt: string }[]>(
      `/meetings?scope=all&from=${encodeURIComponent(new Date().toISOString())}`,
    );
    await vpApi.close();
    const meeting = upcoming.find((m) => m.kind === 'dispatch' && new Date(m.startsAt).getTime() > Date.now() + 2 * 3600_000);
    expect(meeting, 'the demo plant has an upcoming dispatch meeting').toBeDefined();
    const url = `/meetings/${meeting!.id}`;

    const approver = await e2e.newPage();
    await login(approver, 'plant.head');
    const before = await bellCount(approver);

    const member = await e2e.newPage();
    await login(member, 'plant.market');
    await member.goto(url);
    await member.getByRole('tab', { name: /请假/ }).click();
    await member.getByTestId('leave-ask').click();
    await member.locator('.ant-modal #reason').fill('当日赴客户处参加订单汇审');
    await member.getByTestId('leave-ask-submit').click();
    await waitText(member, 'leave-request', '待审批');
    expect(await member.getByTestId('leave-ask').count()).toBe(0);

    // The leave approver's bell counts the new request; the list opens the meeting it links to.
    await approver.reload();
    await waitForBell(approver, before + 1);
    await approver.getByTestId('notification-bell').click();
    await approver.waitForURL(/\/notifications$/);
    await approver.getByText('请假申请：钱经理（生产调度例会）').click();
    await approver.waitForURL((u) => u.pathname === url);
    await approver.getByRole('heading', { name: '生产调度例会' }).waitFor();
    await waitForBell(approver, before);

    const chair = await e2e.newPage({ phone: true });
    await login(chair, 'plant.vp');
    await chair.goto(url);
    await chair.getByRole('tab', { name: '请假（待批 1）' }).click();
    const request = chair.getByTestId('leave-request').filter({ hasText: '钱经理' });
    await request.getByTestId('leave-approve').tap();
    await waitText(chair, 'leave-request', '已批准');
    await chair.getByRole('tab', { name: /考勤/ }).click();
    const market = chair.getByTestId('attendee').filter({ hasText: '钱经理' });
    await market.locator('.ant-radio-button-wrapper-checked', { hasText: '请假' }).waitFor();

    // The meeting day comes: the meeting has started.
    await e2e.database.query(`update meetings set starts_at = now() - interval '10 minutes', ends_at = now() + interval '110 minutes' where id = $1`, [
      meeting!.id,
    ]);
    await chair.reload();
    await chair.getByRole('tab', { name: /考勤/ }).click();
    await chair.getByTestId('attendance-all-present').tap();
    await chair.getByTestId('attendance-save').tap();
    await waitForText(chair, '考勤已保存');
    await waitText(chair, 'attendance-count-present', '出席 3');
    await waitText(chair, 'attendance-count-excused', '请假 1');
    expect(await horizontalOverflow(chair)).toBeLessThanOrEqual(1);

    await chair.getByRole('tab', { name: '议程与纪要' }).click();
    const minutes = '1. 十一月产量完成 98%。\n2. 十二月计划增产礼盒装 2 万瓶，灌装车间增开夜班。';
    await chair.getByLabel('会议纪要').fill(minutes);
    await chair.getByTestId('minutes-save').tap();
    await waitForText(chair, /^已保存$/);
    await chair.getByTestId('meeting-held').tap();
    await waitText(chair, 'meeting-state', '已召开');

    // What the member sees afterwards: excused, and the minutes.
    await member.reload();
    await member.getByRole('tab', { name: /考勤/ }).click();
    await waitText(member, 'attendee', /钱经理\s*请假/);
    await member.getByRole('tab', { name: '议程与纪要' }).click();
    await waitForText(member, '灌装车间增开夜班');
  });

  it('CORE-8 the findings list cites the clause; the subject department disputes a finding and a manager confirms it', async () => {
    const subject = await e2e.newPage();
    await login(subject, 'plant.head');
    await subject.goto('/assessment');
    const row = (page: Page) => page.locator('tr', { hasText: '二月月度生产计划' });
    await row(subject).waitFor();
    expect(await row(subject).innerText()).toContain('T2 七.1');
    expect(await row(subject).innerText()).toContain('生产部');
    await row(subject).click();
    await waitForText(subject, '依据 T2 七.1');
    await waitText(subject, 'finding-state', '待确认');
    expect(await subject.getByTestId('finding-confirm').count()).toBe(0);
    await subject.getByTestId('finding-dispute').click();
    await subject.getByTestId('finding-reason').fill('二月计划因春节放假顺延，已提前报总经理同意');
    await subject.getByTestId('finding-command-ok').click();
    await waitText(subject, 'finding-state', '申诉中');
    await waitText(subject, 'finding-history', '春节放假顺延');

    const manager = await e2e.newPage();
    await login(manager, 'plant.gm');
    await manager.goto('/assessment');
    await row(manager).click();
    await waitText(manager, 'finding-state', '申诉中');
    await manager.getByTestId('finding-confirm').click();
    await manager.getByTestId('finding-reason').fill('春节顺延未履行书面变更手续，维持考核');
    await manager.getByTestId('finding-command-ok').click();
    await waitText(manager, 'finding-state', '已确认');
    await waitText(manager, 'finding-history', '维持考核');
    await manager.keyboard.press('Escape');
    await expect.poll(async () => row(manager).innerText()).toContain('已确认');
  });

  it('CORE-9 an allowed file goes into the archive; a program disguised as a PDF is refused with the reason, in either language', async () => {
    const page = await e2e.newPage();
    await login(page, 'plant.head');
    await page.goto('/archive');
    const upload = page.getByTestId('archive-upload');
    await upload.setInputFiles({ name: '二月设备检修记录.pdf', mimeType: 'application/pdf', buffer: A_REAL_PDF });
    await waitForText(page, '已上传');
    const stored = page.locator('tr', { hasText: '二月设备检修记录' });
    await stored.waitFor();
    expect(await stored.innerText()).toContain('张部长');

    await upload.setInputFiles({ name: '检修报价单.pdf', mimeType: 'application/pdf', buffer: A_DISGUISED_PROGRAM });
    await waitForText(page, '文件被拒绝：文件内容与扩展名 .pdf 不符');
    expect(await page.locator('tr', { hasText: '检修报价单' }).count()).toBe(0);

    await switchLanguage(page, 'en');
    await upload.setInputFiles({ name: 'quote.pdf', mimeType: 'application/pdf', buffer: A_DISGUISED_PROGRAM });
    await waitForText(page, 'File rejected: the content is not a real .pdf file');
    expect(await page.locator('tr', { hasText: 'quote' }).count()).toBe(0);
    await stored.waitFor();
  });

  it('in English every core work page is labelled in English (only data and clause citations stay Chinese)', async () => {
    const page = await e2e.newPage();
    await login(page, 'plant.head');
    await switchLanguage(page, 'en');
    const headApi = await apiAs(e2e, 'plant.head');
    const [meeting] = await headApi.get<{ id: string }[]>(`/meetings?scope=all&from=${encodeURIComponent(new Date().toISOString())}`);
    await headApi.close();
    // Per page, the data that sits in a button or heading: a stored file's title is its download link.
    const pages: [string, string, RegExp[]][] = [
      ['/', 'Home', []],
      ['/inbox', 'My inbox', []],
      ['/documents', 'Documents', []],
      ['/notifications', 'Notifications', []],
      ['/deadlines', 'Deadlines', []],
      ['/meetings', 'Meetings', []],
      ['/assessment', 'Findings', []],
      ['/archive', 'Archives', [/^二月设备检修记录$/]],
    ];
    for (const [path, heading, data] of pages) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await untranslatedChrome(page, [CLAUSES, ...data]), path).toEqual([]);
    }

    await page.goto(`/meetings/${meeting.id}`);
    await page.getByRole('tab', { name: 'Agenda and minutes' }).waitFor();
    for (const tab of [/^Attendance/, /^Leave/, 'Decisions and actions', 'Agenda and minutes']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
      await page.waitForLoadState('networkidle');
      expect(await untranslatedChrome(page, [CLAUSES, /生产调度例会/]), `meeting tab ${String(tab)}`).toEqual([]);
    }

    await page.goto('/assessment');
    await page.locator('tr', { hasText: 'February plan issued' }).click();
    await waitForText(page, 'Under T2 七.1');
    expect(await untranslatedChrome(page, [CLAUSES, /^(生产部|灌装车间)$/])).toEqual([]);
  });
});

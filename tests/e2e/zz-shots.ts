import { login, startE2E } from './harness';
const shots: [string, string, string][] = [
  ['operator', '/platform/organisations', 'platform'],
  ['district.officer', '/district', 'district'],
  ['district.officer', '/district/teachers', 'district-teachers'],
  ['district.admin', '/district/links', 'district-links'],
  ['school.admin', '/admin/district', 'school-district'],
  ['school.admin', '/assessment', 'school-findings'],
];
const e2e = await startE2E();
try {
  for (const phone of [false, true]) {
    for (const [user, path, name] of shots) {
      const page = await e2e.newPage({ phone });
      if (!phone) await page.setViewportSize({ width: 1440, height: 900 });
      await login(page, user);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/shots/${name}-${phone ? 390 : 1440}.png`, fullPage: !phone });
      await page.close();
    }
  }
} finally {
  await e2e.close();
}

// `npm run screenshots`: each role's home page, in Chinese, at desktop (1440 × 900) and phone
// (390 × 844) size, into screenshots/ (not committed) for reviewers (issue 15). It starts the
// same in-process server over a fresh demo database as the browser tests, and Debian Chromium.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { login, startE2E } from '../tests/e2e/harness';

const ROLES = [
  'plant.admin',
  'plant.gm',
  'plant.vp',
  'plant.head',
  'plant.planner',
  'plant.fill',
  'plant.lead',
  'plant.warehouse',
  'plant.maint',
  'school.admin',
  'school.principal',
  'school.office',
  'school.chinese',
  'school.t1',
  'school.league',
];
const SIZES = [
  { name: 'desktop', viewport: { width: 1440, height: 900 }, phone: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, phone: true },
] as const;

async function main() {
  const out = join(process.cwd(), 'screenshots');
  mkdirSync(out, { recursive: true });
  console.log('正在启动演示服务器与浏览器 / starting the demo server and Chromium…');
  const e2e = await startE2E();
  try {
    let n = 0;
    for (const username of ROLES) {
      for (const size of SIZES) {
        const page = await e2e.newPage({ phone: size.phone });
        await page.setViewportSize(size.viewport);
        await login(page, username);
        await page.getByTestId('home-tasks').or(page.locator('.ant-empty')).first().waitFor();
        await page.waitForLoadState('networkidle');
        const file = join(out, `home-${username}-${size.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await page.context().close();
        n += 1;
        console.log(`[${n}/${ROLES.length * SIZES.length}] ${file}`);
      }
    }
  } finally {
    await e2e.close();
  }
}

main().catch((err) => {
  console.error(`截图未完成 / screenshots failed: ${(err as Error).message}`);
  process.exit(1);
});

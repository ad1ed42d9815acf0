import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { ZodApp } from '#core/http';
import { buildApp, DEMO_PASSWORD, ensureWebBuilt, makeContext, seedAfterListening, seedDemo } from '#server';
import { createTestDatabase, type TestDatabase } from '#test-support';

// Debian's chromium (installed by .ci/run), never a downloaded browser.
export const CHROMIUM_PATH = '/usr/bin/chromium';
// Without outside network, Chromium's background connections otherwise fail by the hundred.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const PHONE = { width: 390, height: 844 } as const;

export interface E2E {
  baseUrl: string;
  browser: Browser;
  database: TestDatabase;
  /** A fresh browser context (its own cookies and storage) with one page. */
  newPage(options?: { phone?: boolean; timezoneId?: string }): Promise<Page>;
  close(): Promise<void>;
}

function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Debian Chromium at ${CHROMIUM_PATH}, which is missing. Install it (apt-get install chromium) and run again; the suite never skips.`,
    );
  }
}

/**
 * Starts the real server in-process on a free port over a seeded in-memory database, and Chromium.
 * With `firstStart`, the demo is written after the server listens, as `npm start` does on an
 * empty data directory (issue 11).
 */
export async function startE2E(options: { firstStart?: boolean } = {}): Promise<E2E> {
  requireChromium();
  const root = process.cwd();
  // WEB_DIR (as for the server) serves a web build made elsewhere, as it is.
  const webDir = process.env.WEB_DIR ? resolve(process.env.WEB_DIR) : join(root, 'web/dist');
  if (!process.env.WEB_DIR) await ensureWebBuilt(root, (line) => console.log(line));
  if (!existsSync(join(webDir, 'index.html'))) throw new Error(`The web app was not built: ${webDir}/index.html is missing`);
  const database = await createTestDatabase();
  const filesDir = mkdtempSync(join(tmpdir(), 'zhidu-e2e-files-'));
  // The real clock: sessions and the login rate window behave as in production.
  const ctx = makeContext(database, filesDir);
  const later = options.firstStart ? seedAfterListening(database, ctx.registry, ctx.clock()) : undefined;
  if (later) ctx.startup = later.work;
  else await seedDemo(ctx.db, ctx.registry, ctx.clock());
  const app: ZodApp = await buildApp(ctx, { webDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const seeding = later?.begin();
  const { port } = app.server.address() as AddressInfo;
  // launch() gives every run a fresh temporary profile (user-data-dir) that it removes on close.
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  } catch (err) {
    await app.close();
    await database.drop();
    throw new Error(`Chromium at ${CHROMIUM_PATH} did not start: ${(err as Error).message}`);
  }
  const contexts: BrowserContext[] = [];
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    database,
    newPage: async ({ phone = false, timezoneId }: { phone?: boolean; timezoneId?: string } = {}) => {
      const context = await browser.newContext({
        baseURL: `http://127.0.0.1:${port}`,
        locale: 'zh-CN',
        ...(timezoneId ? { timezoneId } : {}),
        ...(phone ? { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1280, height: 900 } }),
      });
      context.setDefaultTimeout(20_000);
      contexts.push(context);
      const page = await context.newPage();
      // Kept so a failed step can say what the browser saw.
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      pageErrors.set(page, errors);
      openPages.add(page);
      page.on('close', () => openPages.delete(page));
      return page;
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await seeding?.catch(() => undefined);
      await app.close();
      await database.drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

const pageErrors = new WeakMap<Page, string[]>();
/** The pages still open, so a failed journey can print what each of them showed (tests/e2e/setup.ts). */
export const openPages = new Set<Page>();

/** What the page shows and logged, to explain a failed wait. */
export async function describePage(page: Page): Promise<string> {
  const text = (
    await page
      .locator('body')
      .innerText()
      .catch(() => '')
  ).slice(0, 1500);
  return `url ${page.url()}\n--- page text ---\n${text}\n--- browser errors ---\n${(pageErrors.get(page) ?? []).join('\n')}`;
}

async function waitOrExplain(page: Page, step: string, wait: Promise<unknown>): Promise<void> {
  try {
    await wait;
  } catch (err) {
    throw new Error(`${step} failed: ${(err as Error).message.split('\n')[0]}\n${await describePage(page)}`);
  }
}

/** Signs in through the login form and waits for the app shell. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST');
  await page.locator('button[type="submit"]').click();
  const status = (await answer).status();
  const step = status === 200 ? `the app shell after signing in as ${username} (the server accepted the sign-in)` : `sign-in as ${username} (HTTP ${status})`;
  await waitOrExplain(page, step, page.getByTestId('user-menu').waitFor({ state: 'visible' }));
}

/** Signs out through the user menu and waits for the login form. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').hover();
  await page.getByRole('menuitem', { name: /退出登录|Sign out/ }).click();
  await page.locator('#username').waitFor({ state: 'visible' });
}

/** Switches the UI language with the switch on the login page. */
export async function chooseLanguageOnLogin(page: Page, locale: 'zh-CN' | 'en'): Promise<void> {
  await page.goto('/login');
  await page.getByText(locale === 'en' ? 'English' : '中文', { exact: true }).click();
}

import { type APIRequestContext, type Locator, type Page, request } from 'playwright-core';
import { DEMO_PASSWORD } from '#server';
import { describePage, type E2E } from './harness';

/** Waits for an element with a test id and the given text, and says what the page showed when it never came. */
export async function waitText(page: Page, testId: string, text: string | RegExp): Promise<void> {
  try {
    await page.getByTestId(testId).filter({ hasText: text }).first().waitFor();
  } catch (err) {
    throw new Error(`waiting for [${testId}] with ${String(text)}: ${(err as Error).message.split('\n')[0]}\n${await describePage(page)}`);
  }
}

/**
 * Opens an item from 我的待办 the way a person with a long inbox does: types a word of it into the
 * inbox search first, so the item is found even when it sits beyond the first page (the inbox lists the
 * oldest first and pages at 20).
 */
export async function openFromInbox(page: Page, text: string | RegExp, search?: string): Promise<void> {
  await page.goto('/inbox');
  const words = search ?? (typeof text === 'string' ? text : undefined);
  if (words) await page.locator('input[data-testid="inbox-search"], [data-testid="inbox-search"] input').first().fill(words);
  await waitText(page, 'inbox-item', text);
  await page.getByTestId('inbox-item').filter({ hasText: text }).first().click();
}

/** Waits for a visible text anywhere on the page, explaining a failure with what the page showed. */
export async function waitForText(page: Page, text: string | RegExp): Promise<void> {
  try {
    await page.getByText(text).first().waitFor();
  } catch (err) {
    throw new Error(`waiting for ${String(text)}: ${(err as Error).message.split('\n')[0]}\n${await describePage(page)}`);
  }
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * A signed-in HTTP client beside the browser, for setting the scene a journey starts from
 * (finding an id, an event by someone else). What the journey proves happens in the browser.
 */
export async function apiAs(e2e: E2E, username: string): Promise<ApiClient> {
  const ctx: APIRequestContext = await request.newContext({ baseURL: e2e.baseUrl });
  const login = await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  if (!login.ok()) throw new Error(`API sign-in as ${username}: HTTP ${login.status()} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const check = async <T>(method: string, path: string, res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> => {
    if (!res.ok()) throw new Error(`${method} ${path} as ${username}: HTTP ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    get: async (path) => check('GET', path, await ctx.get(`/api${path}`)),
    post: async (path, body = {}) => check('POST', path, await ctx.post(`/api${path}`, { data: body, headers: { 'x-csrf-token': csrfToken } })),
    close: () => ctx.dispose(),
  };
}

/** Switches the language with the switch in the app header (中 / EN). */
export async function switchLanguage(page: Page, locale: 'zh-CN' | 'en'): Promise<void> {
  await page
    .locator('.zd-header .ant-segmented-item')
    .filter({ hasText: locale === 'en' ? 'EN' : '中' })
    .click();
  await page.getByTestId('user-menu').waitFor();
}

/**
 * Picks an option of an antd Select, found by its input's id or given as the `.ant-select` itself; the
 * first option when no label is given. A searchable select is filtered by the label first (a long list
 * is virtual: options below the fold are not rendered).
 *
 * The list is opened with a click on the select's box, which waits until the box stops moving (a
 * dialog still zooming in) and works when the select already shows a value; a list that is open is
 * never clicked again (that would close it). A click that lands while the list is still opening can be
 * lost under load: a single select shows the chosen label once it took, so the pick is tried again, at
 * most three times, and the list must have closed before the journey goes on (an open list covers
 * what is below it, such as a dialog's OK button). A multiple select is never re-clicked, since a
 * second click would take the choice back.
 */
export async function chooseOption(page: Page, from: string | Locator, label?: string, opts: { search?: boolean } = {}): Promise<void> {
  const select =
    typeof from === 'string'
      ? page
          .locator('.ant-select')
          .filter({ has: page.locator(`#${from}`) })
          .first()
      : from;
  const input = typeof from === 'string' ? page.locator(`#${from}`) : select.locator('input').first();
  const openLists = page.locator('.ant-select-dropdown:visible');
  const options = openLists.locator('.ant-select-item-option');
  const option = (label === undefined ? options : options.filter({ hasText: label })).first();
  const multiple = await select.evaluate((el) => el.classList.contains('ant-select-multiple'));
  const within = (wait: Promise<unknown>) =>
    wait.then(
      () => true,
      () => false,
    );
  for (let attempt = 1; ; attempt++) {
    if (!(await option.isVisible())) {
      if ((await openLists.count()) === 0) await select.locator('.ant-select-selector').click();
      if (opts.search && label !== undefined) await input.fill(label);
    }
    if (await within(option.click({ timeout: 5_000 }))) {
      if (multiple) return;
      const items = select.locator('.ant-select-selection-item');
      const shown = (label === undefined ? items : items.filter({ hasText: label })).first();
      if (await within(shown.waitFor({ timeout: 3_000 }))) {
        const listsClosed = () => [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown')].every((el) => el.offsetParent === null);
        await within(page.waitForFunction(listsClosed, undefined, { timeout: 3_000 }));
        return;
      }
    }
    if (attempt >= 3) throw new Error(`choosing ${label ?? 'the first option'} in ${String(from)}: the option never took\n${await describePage(page)}`);
  }
}

const CJK = /[\u3400-\u9fff]/;

/**
 * The interface's own words (headings, column heads, labels, tabs, menu entries, buttons) that are still
 * Chinese in English mode. Data such as names and titles is Chinese in the demo, so only chrome is checked;
 * `allow` lists data that sits in such places on purpose (a person's name on the user menu).
 */
export async function untranslatedChrome(page: Page, allow: (string | RegExp)[] = []): Promise<string[]> {
  const texts = await page
    .locator(
      [
        // A list entry's title is the record itself (a notification, an inbox item), so it is data.
        'h1, h2, h3, h4:not(.ant-list-item-meta-title), h5',
        'th',
        'label',
        '.ant-tabs-tab',
        '.ant-menu-title-content',
        // A ListTable phone card's title is the row itself (a session, a claim), so it is data.
        '.ant-card:not(.list-card) > .ant-card-head .ant-card-head-title',
        '.ant-descriptions-item-label',
        '.ant-statistic-title',
        '.ant-select-selection-placeholder',
        'button:not([data-testid="user-menu"])',
        '.ant-segmented-item-label',
        '.ant-empty-description',
      ].join(', '),
    )
    .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => (el as HTMLElement).innerText.trim()));
  const isAllowed = (s: string) => allow.some((a) => (typeof a === 'string' ? s.includes(a) : a.test(s)));
  return [...new Set(texts.filter((s) => CJK.test(s) && s !== '中' && !isAllowed(s)))];
}

/** The document is never wider than the screen: wide tables scroll inside themselves. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

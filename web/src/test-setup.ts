// Setup of the web component tests (vitest.web.config.ts, issue 16): happy-dom gives the DOM,
// matchMedia and ResizeObserver; this file adds what antd still reads, cleans up after each
// test, and exports the helpers the tests share: a fake server at the fetch boundary
// (web/src/ui/api.ts calls fetch('/api…')), a viewport width, and the app's providers.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { createElement, type ReactNode } from 'react';
import { afterEach, vi } from 'vitest';
import { setApiLocale, setCsrfToken, setUnauthorizedHandler } from './ui/api';
import { noteQueryResult } from './ui/connection';
import { I18nProvider, useI18n } from './ui/i18n';
import { setOrgUtcOffset } from './ui/time';

type HappyWindow = { happyDOM: { setViewport: (v: { width?: number; height?: number }) => void } };
const happy = (globalThis.window as unknown as HappyWindow).happyDOM;

// antd measures scroll bars and text through getComputedStyle(el, '::pseudo'); happy-dom warns on pseudo elements.
const computed = window.getComputedStyle.bind(window);
window.getComputedStyle = (el: Element, _pseudo?: string | null) => computed(el);
if (!('scrollTo' in window)) Object.assign(window, { scrollTo: () => undefined });

/** Width of the window, px: 390 is the phone the app is designed for, 1280 a laptop. */
export function setViewportWidth(width: number) {
  happy.setViewport({ width, height: 844 });
}

// The files share one module graph (isolate: false in vitest.web.config.ts, five times faster
// than loading antd for each file), so every test starts from the app's defaults again.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
  localStorage.clear();
  document.documentElement.lang = '';
  setViewportWidth(1280);
  setApiLocale('zh-CN');
  setCsrfToken('');
  setUnauthorizedHandler(() => undefined);
  setOrgUtcOffset(480);
  noteQueryResult(null);
});
setViewportWidth(1280);

export interface FakeCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}
type Answer = { status?: number; body?: unknown } | ((call: FakeCall) => { status?: number; body?: unknown });

/**
 * A fake server at the fetch boundary: `routes['GET /org/modules']` answers that request (200
 * and JSON unless a status is given); anything else answers 404. `calls` records every request.
 */
export function fakeServer(routes: Record<string, Answer>) {
  const calls: FakeCall[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const path = url.replace(/^\/api/, '');
    const method = init?.method ?? 'GET';
    const headers = { ...(init?.headers as Record<string, string> | undefined) };
    const raw = init?.body;
    const body = typeof raw === 'string' ? JSON.parse(raw) : raw;
    const call = { method, path, headers, body };
    calls.push(call);
    const route = routes[`${method} ${path.split('?')[0]}`] ?? routes[`${method} ${path}`];
    const answer = typeof route === 'function' ? route(call) : route;
    if (!answer) return new Response(JSON.stringify({ code: 'NOT_FOUND', message: `no fake for ${method} ${path}` }), { status: 404 });
    const status = answer.status ?? 200;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, fetch };
}

/** antd in the chosen language, as main.tsx sets it (form messages, empty states). */
function Localised({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return createElement(ConfigProvider, { locale: locale === 'en' ? enUS : zhCN }, createElement(AntApp, null, children));
}

/** The providers main.tsx puts around every page: queries (no retries in tests), languages, antd. */
export function withProviders(children: ReactNode, client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })) {
  return createElement(QueryClientProvider, { client }, createElement(I18nProvider, null, createElement(Localised, null, children)));
}

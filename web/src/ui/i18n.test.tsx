import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../test-setup';
import { get } from './api';
import { I18nProvider, tx, useI18n } from './i18n';

function Probe() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div>
      <span data-testid="locale">{locale}</span>
      <span data-testid="save">{t(tx('保存', 'Save'))}</span>
      <span data-testid="plain">{t('张三')}</span>
      <button type="button" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
        switch
      </button>
    </div>
  );
}

// Issue 16: the language switch carries logic (zh-CN first, English on request, remembered).
describe('languages (web/src/ui/i18n.tsx)', () => {
  it('issue 16: shows Chinese first when nothing was chosen, and marks the page zh-CN', () => {
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByTestId('locale').textContent).toBe('zh-CN');
    expect(screen.getByTestId('save').textContent).toBe('保存');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('issue 16: switching to English changes the texts, the page language, the saved choice and the x-locale the server gets', async () => {
    const server = fakeServer({ 'GET /ping': { body: { ok: true } } });
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    act(() => screen.getByRole('button', { name: 'switch' }).click());
    expect(screen.getByTestId('save').textContent).toBe('Save');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('zhidu.locale')).toBe('en');
    await get('/ping');
    expect(server.calls[0].headers['x-locale']).toBe('en');
  });

  it('issue 16: a saved English choice is used on the next visit; an unknown saved value falls back to Chinese', () => {
    localStorage.setItem('zhidu.locale', 'en');
    const first = render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByTestId('save').textContent).toBe('Save');
    first.unmount();
    localStorage.setItem('zhidu.locale', 'fr');
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByTestId('save').textContent).toBe('保存');
  });

  it('issue 16: a plain string (a name, not a bilingual text) is shown as it is in both languages', () => {
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByTestId('plain').textContent).toBe('张三');
    act(() => screen.getByRole('button', { name: 'switch' }).click());
    expect(screen.getByTestId('plain').textContent).toBe('张三');
  });

  it('issue 16: without a provider, texts fall back to Chinese', () => {
    render(<Probe />);
    expect(screen.getByTestId('save').textContent).toBe('保存');
  });
});

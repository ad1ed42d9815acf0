import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { setApiLocale } from './api';

export type Locale = 'zh-CN' | 'en';
/** A text in both languages; zh-CN first. */
export type Text = { zh: string; en: string };

interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
  /** Picks the text for the current language. */
  t: (text: Text | string) => string;
}

const I18nContext = createContext<I18n>({ locale: 'zh-CN', setLocale: () => undefined, t: (x) => (typeof x === 'string' ? x : x.zh) });

const initial = (): Locale => {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('zhidu.locale') : null;
  return saved === 'en' ? 'en' : 'zh-CN';
};

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initial();
    setApiLocale(l);
    if (typeof document !== 'undefined') document.documentElement.lang = l;
    return l;
  });
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale: (l) => {
        localStorage.setItem('zhidu.locale', l);
        setApiLocale(l);
        document.documentElement.lang = l;
        setLocaleState(l);
      },
      t: (x) => (typeof x === 'string' ? x : locale === 'en' ? x.en : x.zh),
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);

/** Shorthand for a bilingual literal: tx('保存', 'Save'). */
export const tx = (zh: string, en: string): Text => ({ zh, en });

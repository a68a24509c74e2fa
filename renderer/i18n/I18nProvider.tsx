import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { translate, type Language, type MessageKey } from '../../shared/i18n/index.ts';
import type { AppErrorData } from '../../shared/errors.ts';

export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  lang: Language;
  setLang(l: Language): void;
  t: T;
  /** An error from the main process in the user's language. */
  tError(e: AppErrorData): string;
  formatDate(iso: string | null | undefined): string;
  formatDateTime(iso: string | null | undefined): string;
  formatNumber(n: number | null | undefined, opts?: Intl.NumberFormatOptions): string;
  countryName(code: string): string;
}

const LANG_KEY = 'centinela.lang';
const Ctx = createContext<I18n | null>(null);

/** Spanish unless the system says otherwise and the user has not chosen. */
function initialLanguage(): Language {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === 'es' || saved === 'en') return saved;
  const sys = navigator.language?.toLowerCase() ?? 'es';
  return sys.startsWith('en') ? 'en' : 'es';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Language) => {
    localStorage.setItem(LANG_KEY, l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'es' ? 'es-419' : 'en-GB';
    const dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: '2-digit', timeZone: 'UTC' });
    const dtFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    const t: T = (key, params) => translate(lang, key, params);
    return {
      lang,
      setLang,
      t,
      tError: (e) => translate(lang, e.messageKey, e.params),
      formatDate: (iso) => (iso ? dateFmt.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)) : t('common.none')),
      formatDateTime: (iso) => (iso ? dtFmt.format(new Date(iso)) : t('common.none')),
      formatNumber: (n, opts) => (n === null || n === undefined ? t('common.none') : new Intl.NumberFormat(locale, opts).format(n)),
      countryName: (code) => regions.of(code) ?? code,
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

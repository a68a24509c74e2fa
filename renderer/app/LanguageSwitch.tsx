import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Language } from '../../shared/i18n/index.ts';

const LANGS: Language[] = ['es', 'en'];

/** Two toggle buttons; the choice is remembered on this computer. */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('shell.language')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)} title={t(`lang.${l}`)}>
          <span aria-hidden="true">{l.toUpperCase()}</span>
          <span className="visually-hidden">{t(`lang.${l}`)}</span>
        </button>
      ))}
    </div>
  );
}

import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Icon } from './icons.tsx';

/** Frame of the screens shown before sign-in: brand bar, language switch, one centred card. */
export function AuthLayout({ children, wide }: { children: ReactNode; wide?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="auth-screen">
      <header className="auth-top">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true"><Icon name="shield" size={18} /></span>
          <span>
            <span className="brand-name">{t('app.name')}</span>
            <br />
            <span className="tagline">{t('app.tagline')}</span>
          </span>
        </div>
        <LanguageSwitch />
      </header>
      <main className={`auth-card${wide ? ' wide' : ''}`} id="main">
        {children}
      </main>
    </div>
  );
}

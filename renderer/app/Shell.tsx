import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../shared/i18n/index.ts';
import { href } from './router.ts';
import { useSession } from './session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Icon } from './icons.tsx';

interface NavItem {
  area: string;
  label: MessageKey;
  permission: string | null;
  group: 'register' | 'admin' | 'personal';
}

/** The areas in the sidebar; each shows only when the role has its permission. */
export const NAV: readonly NavItem[] = [
  { area: 'home', label: 'home.title', permission: null, group: 'register' },
  { area: 'companies', label: 'shell.area.companies', permission: 'companies.read', group: 'register' },
  { area: 'personnel', label: 'shell.area.personnel', permission: 'personnel.read', group: 'register' },
  { area: 'licensing', label: 'licensing.title', permission: 'licensing.read', group: 'register' },
  { area: 'sanctions', label: 'sanctions.title', permission: 'sanctions.read', group: 'register' },
  { area: 'due', label: 'due.title', permission: 'due.read', group: 'register' },
  { area: 'firearms', label: 'shell.area.firearms', permission: 'firearms.read', group: 'register' },
  { area: 'inspections', label: 'audits.nav', permission: 'inspections.read', group: 'register' },
  { area: 'checklists', label: 'audits.tpl.nav', permission: 'inspections.read', group: 'register' },
  { area: 'certifications', label: 'audits.cert.nav', permission: 'certifications.read', group: 'register' },
  { area: 'documents', label: 'documents.nav', permission: 'documents.read', group: 'register' },
  { area: 'returns', label: 'nav.returns', permission: 'returns.read', group: 'register' },
  { area: 'field', label: 'shell.area.field', permission: 'field.return', group: 'register' },
  { area: 'incidents', label: 'nav.incidents', permission: 'incidents.read', group: 'register' },
  { area: 'grievances', label: 'nav.grievances', permission: 'grievances.read', group: 'register' },
  { area: 'statistics', label: 'nav.statistics', permission: 'statistics.read', group: 'register' },
  { area: 'journal', label: 'shell.area.journal', permission: 'journal.read', group: 'admin' },
  { area: 'users', label: 'shell.area.users', permission: 'users.manage', group: 'admin' },
  { area: 'settings', label: 'shell.area.settings', permission: 'settings.manage', group: 'admin' },
  { area: 'backups', label: 'shell.area.backups', permission: 'backups.manage', group: 'admin' },
  { area: 'account', label: 'shell.area.account', permission: null, group: 'personal' },
];

const GROUPS: { id: NavItem['group']; label: MessageKey }[] = [
  { id: 'register', label: 'shell.navRegister' },
  { id: 'admin', label: 'shell.navAdmin' },
  { id: 'personal', label: 'shell.navPersonal' },
];

/** Header, sidebar and the main landmark. Alt+L locks from anywhere. */
export function Shell({ area, children }: { area: string; children: ReactNode }) {
  const { t } = useI18n();
  const { status, can, lock } = useSession();
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'l' || e.key === 'L')) {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);

  const items = NAV.filter((n) => n.permission === null || can(n.permission));
  const user = status.user!;
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true"><Icon name="shield" size={18} /></span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <div className="header-workspace">
          <span className="agency" title={status.agency?.name}>{status.agency?.name ?? status.workspace?.label}</span>
          <span className="sub">
            {status.workspace?.demo ? <span className="badge badge-demo">{t('shell.demoWorkspace')}</span> : null}
            {status.workspace && status.workspace.label !== status.agency?.name ? <> {t('shell.workspace')}: {status.workspace.label}</> : null}
            {!status.workspace?.demo && status.workspace?.label === status.agency?.name ? t('app.tagline') : null}
          </span>
        </div>
        <div className="header-user">
          <span className="name">{user.displayName}</span>
          <span className="role">{t(`role.${user.role}` as MessageKey)} · {user.username}</span>
        </div>
        <div className="header-actions">
          <LanguageSwitch />
          <button type="button" className="btn btn-secondary btn-sm btn-lock" onClick={() => void lock()} title={t('shell.lockHint')} aria-keyshortcuts="Alt+L">
            <Icon name="lock" size={15} /> {t('shell.lock')}
          </button>
        </div>
      </header>
      <nav className="sidebar" aria-label={t('shell.navLabel')}>
        {GROUPS.map((g) => {
          const list = items.filter((i) => i.group === g.id);
          if (!list.length) return null;
          return (
            <div key={g.id}>
              <h2>{t(g.label)}</h2>
              <ul>
                {list.map((i) => (
                  <li key={i.area}>
                    <a href={href(i.area)} aria-current={area === i.area ? 'page' : undefined}>
                      <span className="nav-icon"><Icon name={i.area} /></span>
                      {t(i.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
      <main className="main" id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

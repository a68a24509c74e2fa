import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FirearmListPage } from './FirearmListPage.tsx';
import { FirearmFormPage } from './FirearmFormPage.tsx';
import { FirearmDetailPage } from './FirearmDetailPage.tsx';
import { AmmunitionPage } from './AmmunitionPage.tsx';
import { ArmoriesPage } from './ArmoriesPage.tsx';
import { CalibresPage } from './CalibresPage.tsx';
import { CustodyPage } from './CustodyPage.tsx';
import { AlertsPage } from './AlertsPage.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import './firearms.css';

export interface FirearmsAreaProps {
  /** Hash path: ['firearms'], ['firearms','new'], ['firearms',id], ['firearms','alerts'|'ammunition'|'armories'|'calibres'|'custody']. */
  route: string[];
  can: (permission: string) => boolean;
}

const TABS: { id: string; label: MessageKey; permission: string }[] = [
  { id: '', label: 'firearms.trace', permission: 'firearms.read' },
  { id: 'alerts', label: 'firearms.alerts', permission: 'firearms.read' },
  { id: 'ammunition', label: 'ammo.title', permission: 'firearms.read' },
  { id: 'armories', label: 'armories.title', permission: 'firearms.read' },
  { id: 'custody', label: 'custody.title', permission: 'firearms.read' },
  { id: 'calibres', label: 'calibres.title', permission: 'firearms.read' },
];

/** Firearms, ammunition, armories, custody lists and the calibre list, under one sidebar entry. */
export function FirearmsArea({ route, can }: FirearmsAreaProps) {
  const { t } = useI18n();
  const [, second] = route;
  const sub = second && TABS.some((x) => x.id === second) ? second : second ? 'detail' : '';
  const forbidden = <div className="page"><div className="alert alert-error" role="alert">{t('errors.forbidden')}</div></div>;
  let page;
  if (second === 'new') page = can('firearms.write') ? <FirearmFormPage /> : forbidden;
  else if (sub === 'detail' && route[2] === 'edit') page = can('firearms.write') ? <FirearmFormPage key={second} id={second} /> : forbidden;
  else if (sub === 'ammunition') page = <AmmunitionPage can={can} />;
  else if (sub === 'armories') page = <ArmoriesPage can={can} />;
  else if (sub === 'custody') page = <CustodyPage can={can} />;
  else if (sub === 'alerts') page = <AlertsPage />;
  else if (sub === 'calibres') page = <CalibresPage can={can} />;
  else if (sub === 'detail') page = <FirearmDetailPage key={second} id={second} can={can} />;
  else page = <FirearmListPage can={can} />;
  return (
    <>
      <nav className="fa-tabs" aria-label={t('firearms.title')}>
        {TABS.filter((x) => can(x.permission)).map((x) => (
          <a key={x.id} href={`#/firearms${x.id ? `/${x.id}` : ''}`} aria-current={(sub === x.id || (x.id === '' && (sub === 'detail' || second === 'new'))) ? 'page' : undefined}>{t(x.label)}</a>
        ))}
      </nav>
      {page}
    </>
  );
}

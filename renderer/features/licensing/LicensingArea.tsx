import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LicenceListPage } from './LicenceListPage.tsx';
import { LicenceDetailPage } from './LicenceDetailPage.tsx';
import { NewApplicationPage } from './NewApplicationPage.tsx';
import { LicenceTypesPage } from './LicenceTypesPage.tsx';
import './licensing.css';

/**
 * `#/licensing` (list; `#/licensing/queue/<overdue|dueSoon>` opens a queue), `#/licensing/new[/<companyId>]`,
 * `#/licensing/types` (administrator) and `#/licensing/<id>`.
 */
export function LicensingArea({ route, can }: { route: string[]; can: (p: string) => boolean }) {
  const { t } = useI18n();
  const [, second, third] = route;
  const forbidden = <div className="page"><div className="alert alert-error" role="alert">{t('errors.forbidden')}</div></div>;
  if (!second) return <LicenceListPage can={can} />;
  if (second === 'queue') return <LicenceListPage key={third} can={can} initialQueue={third} />;
  if (second === 'new') return can('licensing.write') ? <NewApplicationPage companyId={third} /> : forbidden;
  if (second === 'types') return can('licensing.configure') ? <LicenceTypesPage /> : forbidden;
  return <LicenceDetailPage key={second} id={second} can={can} />;
}

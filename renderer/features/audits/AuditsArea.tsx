import { useI18n } from '../../i18n/I18nProvider.tsx';
import { InspectionListPage } from './InspectionListPage.tsx';
import { InspectionPage } from './InspectionPage.tsx';
import { PlanInspectionPage } from './PlanInspectionPage.tsx';
import './audits.css';

/** Inspections: list and schedule (`#/inspections`), planning (`/new`), one inspection (`/<id>`). */
export function AuditsArea({ route, can }: { route: string[]; can: (p: string) => boolean }) {
  const { t } = useI18n();
  const [, second] = route;
  if (!second) return <InspectionListPage can={can} />;
  if (second === 'new') return can('inspections.write') ? <PlanInspectionPage can={can} /> : <div className="page"><div className="alert alert-error" role="alert">{t('errors.forbidden')}</div></div>;
  return <InspectionPage key={second} id={second} can={can} />;
}

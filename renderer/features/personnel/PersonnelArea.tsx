import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Country } from '../../../shared/model/taxId.ts';
import { PersonnelListPage } from './PersonnelListPage.tsx';
import { PersonDetailPage } from './PersonDetailPage.tsx';
import { PersonFormPage } from './PersonFormPage.tsx';
import './personnel.css';

export interface PersonnelAreaProps {
  /** ['personnel'], ['personnel','new'], ['personnel','company',companyId], ['personnel',id], ['personnel',id,'edit']. */
  route: string[];
  can: (permission: string) => boolean;
  /** The agency's country: the default document country for a new person. */
  country: Country;
}

/** The personnel register area: list (optionally one company's staff), detail, create and edit. */
export function PersonnelArea({ route, can, country }: PersonnelAreaProps) {
  const { t } = useI18n();
  const [, second, third] = route;
  const forbidden = <div className="page"><div className="alert alert-error" role="alert">{t('errors.forbidden')}</div></div>;
  if (!second) return <PersonnelListPage can={can} companyId={null} />;
  if (second === 'company' && third) return <PersonnelListPage key={third} can={can} companyId={third} />;
  if (second === 'new') return can('personnel.write') ? <PersonFormPage defaultCountry={country} /> : forbidden;
  if (third === 'edit') return can('personnel.write') ? <PersonFormPage key={second} id={second} defaultCountry={country} /> : forbidden;
  return <PersonDetailPage key={second} id={second} can={can} />;
}

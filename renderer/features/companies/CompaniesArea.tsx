import { useI18n } from '../../i18n/I18nProvider.tsx';
import { CompanyListPage } from './CompanyListPage.tsx';
import { CompanyDetailPage } from './CompanyDetailPage.tsx';
import { CompanyFormPage } from './CompanyFormPage.tsx';
import './companies.css';

export interface CompaniesAreaProps {
  /** The hash path in segments: ['companies'], ['companies','new'], ['companies',id], ['companies',id,'edit']. */
  route: string[];
  can: (permission: string) => boolean;
}

/** The company register area: list, detail, create and edit. */
export function CompaniesArea({ route, can }: CompaniesAreaProps) {
  const { t } = useI18n();
  const [, second, third] = route;
  if (!second) return <CompanyListPage can={can} />;
  const forbidden = <div className="page"><div className="alert alert-error" role="alert">{t('errors.forbidden')}</div></div>;
  if (second === 'new') return can('companies.write') ? <CompanyFormPage /> : forbidden;
  if (third === 'edit') return can('companies.write') ? <CompanyFormPage key={second} id={second} /> : forbidden;
  return <CompanyDetailPage key={second} id={second} can={can} />;
}

import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../app/session.tsx';
import { HOME_CARDS } from './cards.tsx';
import './home.css';

/** The landing page after sign-in: the card groups this role may see. */
export function HomePage() {
  const { t } = useI18n();
  const { status, can } = useSession();
  return (
    <div className="page">
      <div className="page-header"><div><h1>{t('home.title')}</h1><p className="lead">{status.user?.displayName}</p></div></div>
      {HOME_CARDS.filter((c) => c.permission === null || can(c.permission)).map(({ id, Component }) => <Component key={id} />)}
    </div>
  );
}

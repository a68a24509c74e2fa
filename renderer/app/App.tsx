import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { SessionState } from '../../shared/commands/session.ts';
import { CompaniesArea } from '../features/companies/index.ts';
import { PersonnelArea } from '../features/personnel/index.ts';
import { FirearmsArea } from '../features/firearms/index.ts';
import { SetupScreen, RecoveryKeyScreen } from '../features/setup/index.ts';
import { UnlockScreen } from '../features/unlock/index.ts';
import { AccountPage, ForcedPasswordChange } from '../features/account/index.ts';
import { UsersPage } from '../features/users/index.ts';
import { JournalPage } from '../features/journal/index.ts';
import { SettingsPage } from '../features/settings/index.ts';
import { HomePage } from '../features/home/index.ts';
import { LicensingArea } from '../features/licensing/index.ts';
import { SanctionsArea } from '../features/sanctions/index.ts';
import { DuePage } from '../features/due/index.ts';
import { BackupsPage } from '../features/backups/index.ts';
import { DocumentsPage } from '../features/documents/index.ts';
import { ReturnsPage } from '../features/returns/index.ts';
import { FieldPage, OpenPackageScreen } from '../features/field/index.ts';
import { GrievancesArea, IncidentsArea, StatisticsPage } from '../features/accountability/index.ts';
import { AuditsArea, CertificationsPage, ChecklistsPage } from '../features/audits/index.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { Shell } from './Shell.tsx';
import { href, navigate, useRoute } from './router.ts';

/** Root: decides between first-run set-up, unlock, forced password change and the shell. */
export function App() {
  const { t, tError } = useI18n();
  return (
    <SessionProvider
      loading={<div className="center-screen" role="status">{t('common.loading')}</div>}
      failed={(error, retry) => (
        <AuthLayout>
          <h1>{t('shell.startFailed')}</h1>
          <div className="alert alert-error" role="alert">{tError(error)}</div>
          <button type="button" className="btn btn-primary" onClick={retry}>{t('common.retry')}</button>
        </AuthLayout>
      )}
    >
      <Gate />
    </SessionProvider>
  );
}

function Gate() {
  const { status, setStatus } = useSession();
  // Shown once after set-up, before the new session is used; never stored.
  const [pending, setPending] = useState<{ recoveryKey: string; session: SessionState } | null>(null);
  const [addingWorkspace, setAddingWorkspace] = useState(false);
  const route = useRoute();

  if (pending) {
    return <RecoveryKeyScreen recoveryKey={pending.recoveryKey} onDone={() => { setStatus(pending.session); setPending(null); setAddingWorkspace(false); }} />;
  }
  if (route[0] === 'open-field' && status.state !== 'unlocked') {
    return <OpenPackageScreen onOpened={(s) => { setStatus(s); navigate('/field'); }} onCancel={() => navigate('/')} />;
  }
  if (status.state === 'setup' || (addingWorkspace && status.state === 'locked')) {
    return <SetupScreen onCreated={setPending} onCancel={status.state === 'locked' ? () => setAddingWorkspace(false) : undefined} />;
  }
  if (status.state === 'locked') return <UnlockScreen onAddWorkspace={() => setAddingWorkspace(true)} />;
  if (status.user?.mustChangePassword) return <ForcedPasswordChange />;
  return <Routes />;
}

function Routes() {
  const { t } = useI18n();
  const { can, status } = useSession();
  const route = useRoute();
  const area = route[0] ?? 'home';
  const path = route.length ? route : ['home'];

  const forbidden = (
    <div className="page page-narrow">
      <h1>{t('shell.forbidden')}</h1>
      <p>{t('shell.forbiddenText')}</p>
      <a className="btn btn-secondary" href={href('home')}>{t('shell.goHome')}</a>
    </div>
  );
  let page;
  switch (area) {
    case 'companies':
      page = can('companies.read') ? <CompaniesArea route={path} can={can} /> : forbidden;
      break;
    case 'personnel':
      page = can('personnel.read') ? <PersonnelArea route={path} can={can} country={status.agency?.country ?? 'GT'} /> : forbidden;
      break;
    case 'home':
      page = <HomePage />;
      break;
    case 'licensing':
      page = can('licensing.read') ? <LicensingArea route={path} can={can} /> : forbidden;
      break;
    case 'sanctions':
      page = can('sanctions.read') ? <SanctionsArea route={path} /> : forbidden;
      break;
    case 'due':
      page = can('due.read') ? <DuePage route={path} /> : forbidden;
      break;
    case 'firearms':
      page = can('firearms.read') ? <FirearmsArea route={path} can={can} /> : forbidden;
      break;
    case 'inspections':
      page = can('inspections.read') ? <AuditsArea route={path} can={can} /> : forbidden;
      break;
    case 'checklists':
      page = can('inspections.read') ? <ChecklistsPage can={can} /> : forbidden;
      break;
    case 'certifications':
      page = can('certifications.read') ? <CertificationsPage can={can} /> : forbidden;
      break;
    case 'documents':
      page = can('documents.read') ? <DocumentsPage can={can} agencyName={status.agency?.name ?? ''} /> : forbidden;
      break;
    case 'returns':
      page = can('returns.read') ? <ReturnsPage /> : forbidden;
      break;
    case 'journal':
      page = can('journal.read') ? <JournalPage /> : forbidden;
      break;
    case 'users':
      page = can('users.manage') ? <UsersPage /> : forbidden;
      break;
    case 'settings':
      page = can('settings.manage') ? <SettingsPage /> : forbidden;
      break;
    case 'field':
      page = can('field.export') || can('field.import') || can('field.return') ? <FieldPage /> : forbidden;
      break;
    case 'backups':
      page = can('backups.manage') ? <BackupsPage /> : forbidden;
      break;
    case 'incidents':
      page = can('incidents.read') ? <IncidentsArea route={path} can={can} /> : forbidden;
      break;
    case 'grievances':
      page = can('grievances.read') ? <GrievancesArea route={path} can={can} /> : forbidden;
      break;
    case 'statistics':
      page = can('statistics.read') ? <StatisticsPage can={can} /> : forbidden;
      break;
    case 'account':
      page = <AccountPage />;
      break;
    default:
      page = (
        <div className="page page-narrow">
          <h1>{t('shell.notFound')}</h1>
          <p>{t('shell.notFoundText')}</p>
          <a className="btn btn-secondary" href={href('home')}>{t('shell.goHome')}</a>
        </div>
      );
  }
  return <Shell area={area}>{page}</Shell>;
}

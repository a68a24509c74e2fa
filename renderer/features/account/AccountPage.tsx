import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AuthLayout } from '../../app/AuthLayout.tsx';
import { useSession } from '../../app/session.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** "My account": who I am, and change my password. */
export function AccountPage() {
  const { t } = useI18n();
  const { status } = useSession();
  const [done, setDone] = useState(false);
  const user = status.user!;
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <div>
          <h1>{t('account.title')}</h1>
          <p className="lead">{t('account.lead')}</p>
        </div>
      </div>
      <section className="card" aria-labelledby="account-details">
        <h2 id="account-details" className="visually-hidden">{t('account.title')}</h2>
        <dl className="facts">
          <dt>{t('account.username')}</dt><dd><code>{user.username}</code></dd>
          <dt>{t('account.displayName')}</dt><dd>{user.displayName}</dd>
          <dt>{t('account.role')}</dt><dd>{t(`role.${user.role}` as MessageKey)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="account-password">
        <h2 id="account-password">{t('account.changePassword')}</h2>
        {done ? <div className="alert alert-success" role="status">{t('account.changed')}</div> : null}
        <ChangePasswordForm submitLabel={t('account.submit')} onChanged={() => setDone(true)} />
      </section>
    </div>
  );
}

/** Shown instead of the app while the user still has a temporary password. */
export function ForcedPasswordChange() {
  const { t } = useI18n();
  const { refresh, lock } = useSession();
  return (
    <AuthLayout>
      <h1>{t('account.mustChangeTitle')}</h1>
      <p className="lead">{t('account.mustChangeLead')}</p>
      <ChangePasswordForm submitLabel={t('account.mustChangeSubmit')} onChanged={() => void refresh()} />
      <div className="auth-footer">
        <button type="button" className="btn-link" onClick={() => void lock()}>{t('shell.lock')}</button>
      </div>
    </AuthLayout>
  );
}

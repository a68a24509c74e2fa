import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../app/session.tsx';
import { ConfirmDialog, FormError } from '../../components/Form/index.ts';
import type { User } from '../../../shared/commands/users.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { useUsers } from './useUsers.ts';
import { CreateUserDialog, EditUserDialog, TemporaryPasswordDialog } from './UserDialogs.tsx';

type Open =
  | { kind: 'create' }
  | { kind: 'edit' | 'disable' | 'enable' | 'reset'; user: User }
  | null;

/** Staff accounts: create, edit role and name, disable/enable, reset password. */
export function UsersPage() {
  const { t } = useI18n();
  const { status } = useSession();
  const { users, error: loadError, reload } = useUsers();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const done = (message: string) => {
    setOpen(null);
    setActionError(null);
    setNotice(message);
    void reload();
  };
  const start = (o: Open) => {
    setNotice(null);
    setActionError(null);
    setOpen(o);
  };

  const disable = async (user: User) => {
    setBusy(true);
    const r = await call('users.setActive', { id: user.id, active: false });
    setBusy(false);
    if (r.ok) done(t('users.disabledDone', { username: user.username }));
    else {
      setOpen(null);
      setActionError(r.error);
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('users.title')}</h1>
          <p className="lead">{t('users.lead')}</p>
        </div>
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => start({ kind: 'create' })}>+ {t('users.new')}</button>
        </div>
      </div>
      {notice ? <div className="alert alert-success" role="status">{notice}</div> : null}
      <FormError error={actionError} />
      <FormError error={loadError} />
      {!users ? (
        loadError ? null : <p role="status">{t('common.loading')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('users.count', { count: users.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col" className="actions-cell">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.length === 0 ? (
                <tr><td colSpan={5} className="table-empty">{t('users.empty')}</td></tr>
              ) : users.map((u) => {
                const self = u.id === status.user?.id;
                return (
                  <tr key={u.id}>
                    <td className="badges"><code>{u.username}</code>{self ? <span className="badge badge-info">{t('users.you')}</span> : null}</td>
                    <td>{u.displayName}</td>
                    <td>{t(`role.${u.role}` as MessageKey)}</td>
                    <td className="badges">
                      {u.active ? <span className="badge badge-success">{t('users.active')}</span> : <span className="badge">{t('users.disabled')}</span>}
                      {u.active && u.mustChangePassword ? <span className="badge badge-warning">{t('users.mustChange')}</span> : null}
                    </td>
                    <td className="actions-cell">
                      <button type="button" className="btn btn-secondary btn-sm" onClick={() => start({ kind: 'edit', user: u })} aria-label={`${t('common.edit')}: ${u.username}`}>{t('common.edit')}</button>
                      {u.active ? (
                        <>
                          <button type="button" className="btn btn-secondary btn-sm" onClick={() => start({ kind: 'reset', user: u })} aria-label={`${t('users.resetPassword')}: ${u.username}`}>{t('users.resetPassword')}</button>
                          {self ? null : (
                            <button type="button" className="btn btn-secondary btn-sm" onClick={() => start({ kind: 'disable', user: u })} aria-label={`${t('users.disable')}: ${u.username}`}>{t('users.disable')}</button>
                          )}
                        </>
                      ) : (
                        <button type="button" className="btn btn-secondary btn-sm" onClick={() => start({ kind: 'enable', user: u })} aria-label={`${t('users.enable')}: ${u.username}`}>{t('users.enable')}</button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {open?.kind === 'create' ? (
        <CreateUserDialog onCancel={() => setOpen(null)} onDone={(u) => done(t('users.created', { username: u.username }))} />
      ) : null}
      {open?.kind === 'edit' ? (
        <EditUserDialog user={open.user} onCancel={() => setOpen(null)} onDone={(u) => done(t('users.updated', { username: u.username }))} />
      ) : null}
      {open?.kind === 'enable' || open?.kind === 'reset' ? (
        <TemporaryPasswordDialog
          user={open.user}
          mode={open.kind}
          onCancel={() => setOpen(null)}
          onDone={(u) => done(open.kind === 'enable' ? t('users.enabledDone', { username: u.username }) : t('users.resetDone', { username: u.username }))}
        />
      ) : null}
      {open?.kind === 'disable' ? (
        <ConfirmDialog
          title={t('users.confirmDisableTitle', { username: open.user.username })}
          text={t('users.confirmDisableText')}
          confirmLabel={t('users.disable')}
          danger
          busy={busy}
          onConfirm={() => void disable(open.user)}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}

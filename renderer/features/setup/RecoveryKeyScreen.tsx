import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AuthLayout } from '../../app/AuthLayout.tsx';
import { TextInput } from '../../components/Form/index.ts';

/** The groups (1-based) a person must retype to prove the key was written down. */
const CHECK_GROUPS = [2, 5] as const;

/** Same leniency as the main process: case, spaces, O for 0 and I/L for 1 do not matter. */
function normalize(s: string): string {
  return s.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Shows the recovery key once and will not continue until two of its groups are retyped. */
export function RecoveryKeyScreen({ recoveryKey, onDone }: { recoveryKey: string; onDone(): void }) {
  const { t } = useI18n();
  const groups = recoveryKey.split('-');
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [tried, setTried] = useState(false);
  const matches = (n: number) => normalize(typed[n] ?? '') === normalize(groups[n - 1] ?? '');
  const allOk = CHECK_GROUPS.every(matches);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (allOk) onDone();
  };

  return (
    <AuthLayout wide>
      <h1>{t('recovery.title')}</h1>
      <p className="lead">{t('recovery.lead')}</p>
      <div className="recovery-key" data-testid="recovery-key" aria-label={t('recovery.title')}>{recoveryKey}</div>
      <div className="alert alert-warning">{t('recovery.instructions')}</div>
      <div className="row no-print">
        <button type="button" className="btn btn-secondary" onClick={() => window.print()}>{t('recovery.print')}</button>
      </div>
      <form onSubmit={submit} noValidate className="no-print">
        <h2 className="recovery-confirm-title">{t('recovery.confirmTitle')}</h2>
        <p className="muted">{t('recovery.confirmLead')}</p>
        <div className="grid-4">
          {CHECK_GROUPS.map((n) => (
            <TextInput
              key={n}
              id={`recovery-group-${n}`}
              label={t('recovery.group', { n })}
              value={typed[n] ?? ''}
              onChange={(v) => setTyped((s) => ({ ...s, [n]: v }))}
              maxLength={6}
              autoComplete="off"
              spellCheck={false}
              className="mono"
              required
              error={tried && !matches(n) ? t('recovery.groupWrong', { n }) : undefined}
            />
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">{t('recovery.continue')}</button>
        </div>
      </form>
    </AuthLayout>
  );
}

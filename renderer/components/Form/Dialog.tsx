import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * A modal built on the native `<dialog>`: focus is trapped and Escape closes it, for free.
 * `onSubmit` runs on the primary button; the dialog stays open until the caller unmounts it.
 */
export function Dialog({ title, children, submitLabel, danger, busy, onSubmit, onCancel }: {
  title: string;
  children?: ReactNode;
  submitLabel: string;
  danger?: boolean;
  busy?: boolean;
  onSubmit(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <form onSubmit={submit} noValidate>
        <div className="dialog-body">
          <h2 id={titleId}>{title}</h2>
          {children}
        </div>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>{t('common.cancel')}</button>
          <button type="submit" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} disabled={busy}>
            {busy ? t('common.saving') : submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Asks before an action that is hard to undo. */
export function ConfirmDialog(props: { title: string; text: string; confirmLabel: string; danger?: boolean; busy?: boolean; onConfirm(): void; onCancel(): void; children?: ReactNode }) {
  return (
    <Dialog title={props.title} submitLabel={props.confirmLabel} danger={props.danger} busy={props.busy} onSubmit={props.onConfirm} onCancel={props.onCancel}>
      <p>{props.text}</p>
      {props.children}
    </Dialog>
  );
}

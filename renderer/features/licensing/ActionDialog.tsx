import { useState, type ReactNode } from 'react';
import { Dialog, FormError, Select, TextArea, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { RECOMMENDATIONS, type Recommendation } from '../../../shared/model/licenceLifecycle.ts';

export type DialogKind = 'decision' | 'note' | 'confirm' | 'recommend' | 'condition';

export interface DialogValues {
  legalBasis: string;
  reason: string;
  note: string;
  recommendation: Recommendation;
  text: string;
  dueOn: string;
}

/**
 * One dialog for every step on a licence: a decision asks for legal basis and reasons, an
 * information request for what is requested, a recommendation for both plus grant/refuse,
 * a condition for its text and due date; the rest just confirm. Errors from the main process
 * (four eyes, stale version) are shown inside the dialog, next to the field when they name one.
 */
export function ActionDialog({ kind, title, submitLabel, danger, busy, error, context, onSubmit, onCancel }: {
  kind: DialogKind;
  /** What the step should be taken with in view (the pre-licence inspection, for a decision). */
  context?: ReactNode;
  title: string;
  submitLabel: string;
  danger?: boolean;
  busy: boolean;
  error: AppErrorData | null;
  onSubmit(v: DialogValues): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [v, setV] = useState<DialogValues>({ legalBasis: '', reason: '', note: '', recommendation: 'grant', text: '', dueOn: '' });
  const set = (patch: Partial<DialogValues>) => setV((x) => ({ ...x, ...patch }));
  const fieldError = useFieldErrors(error);
  const fields = ['legalBasis', 'reason', 'note', 'text', 'dueOn'];
  return (
    <Dialog title={title} submitLabel={submitLabel} danger={danger} busy={busy} onSubmit={() => onSubmit(v)} onCancel={onCancel}>
      {kind === 'decision' || kind === 'recommend' ? <p className="muted">{t('licensing.decision.hint')}</p> : null}
      {context}
      <FormError error={error} fields={fields} />
      {kind === 'recommend' ? (
        <Select label={t('licensing.field.recommendation')} value={v.recommendation} required
          options={RECOMMENDATIONS.map((r) => ({ value: r, label: t(`licensing.recommendation.${r}` as MessageKey) }))}
          onChange={(x) => set({ recommendation: x as Recommendation })} />
      ) : null}
      {kind === 'decision' || kind === 'recommend' ? (
        <>
          <TextInput label={t('licensing.field.legalBasis')} value={v.legalBasis} onChange={(x) => set({ legalBasis: x })} required maxLength={500} error={fieldError('legalBasis')} autoFocus />
          <TextArea label={t('licensing.field.reason')} value={v.reason} onChange={(x) => set({ reason: x })} error={fieldError('reason')} />
        </>
      ) : null}
      {kind === 'note' ? <TextArea label={t('licensing.field.note')} value={v.note} onChange={(x) => set({ note: x })} error={fieldError('note')} autoFocus /> : null}
      {kind === 'condition' ? (
        <>
          <TextArea label={t('licensing.field.conditionText')} value={v.text} onChange={(x) => set({ text: x })} error={fieldError('text')} autoFocus />
          <TextInput label={t('licensing.field.dueOn')} type="date" value={v.dueOn} onChange={(x) => set({ dueOn: x })} error={fieldError('dueOn')} />
        </>
      ) : null}
    </Dialog>
  );
}

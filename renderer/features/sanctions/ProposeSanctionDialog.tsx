import { useState } from 'react';
import { call } from '../../api/client.ts';
import { Dialog, FormError, Select, TextArea, TextInput, useFieldErrors } from '../../components/Form/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { SanctionDetail } from '../../../shared/commands/sanctions.ts';
import { DEFAULT_APPEAL_DAYS, SANCTION_KINDS, type SanctionKind, type SanctionTarget } from '../../../shared/model/sanctionLifecycle.ts';

/** Proposes a sanction against one licence (or credential); the fields follow the kind. */
export function ProposeSanctionDialog({ targetType, targetId, targetLabel, onDone, onCancel }: {
  targetType: SanctionTarget; targetId: string; targetLabel: string; onDone(s: SanctionDetail): void; onCancel(): void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<SanctionKind>('warning');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('GTQ');
  const [conditionText, setConditionText] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [reason, setReason] = useState('');
  const [appealDays, setAppealDays] = useState(String(DEFAULT_APPEAL_DAYS));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const fe = useFieldErrors(error);
  const submit = async () => {
    setBusy(true);
    const r = await call('sanctions.propose', {
      kind, targetType, targetId, legalBasis, reason,
      amount: kind === 'fine' && amount.trim() ? Number(amount.replace(',', '.')) : null,
      currency: kind === 'fine' ? currency.trim().toUpperCase() : null,
      conditionText: kind === 'extra_condition' ? conditionText : null,
      appealDays: Number.parseInt(appealDays, 10),
    });
    setBusy(false);
    if (r.ok) onDone(r.value); else setError(r.error);
  };
  return (
    <Dialog title={`${t('sanctions.propose')}: ${targetLabel}`} submitLabel={t('sanctions.propose')} busy={busy} onSubmit={() => void submit()} onCancel={onCancel}>
      <FormError error={error} fields={['kind', 'amount', 'currency', 'conditionText', 'legalBasis', 'reason', 'appealDays']} />
      <Select label={t('sanctions.field.kind')} value={kind} required options={SANCTION_KINDS.map((k) => ({ value: k, label: t(`sanctions.kind.${k}`) }))} onChange={(v) => setKind(v as SanctionKind)} error={fe('kind')} />
      {kind === 'fine' ? (
        <div className="grid-2">
          <TextInput label={t('sanctions.field.amount')} inputMode="decimal" value={amount} onChange={setAmount} required error={fe('amount')} />
          <TextInput label={t('sanctions.field.currency')} value={currency} onChange={setCurrency} required maxLength={3} error={fe('currency')} />
        </div>
      ) : null}
      {kind === 'extra_condition' ? <TextArea label={t('sanctions.field.conditionText')} value={conditionText} onChange={setConditionText} error={fe('conditionText')} /> : null}
      <TextInput label={t('sanctions.field.legalBasis')} value={legalBasis} onChange={setLegalBasis} required maxLength={500} error={fe('legalBasis')} />
      <TextArea label={t('sanctions.field.reason')} value={reason} onChange={setReason} error={fe('reason')} />
      <TextInput label={t('sanctions.field.appealDays')} type="number" min={0} max={365} value={appealDays} onChange={setAppealDays} required error={fe('appealDays')} />
    </Dialog>
  );
}

import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import type { ReturnQuestion } from '../../../shared/commands/returns.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Answers } from './useReturnImport.ts';

/**
 * What the importer would not guess: an unknown column (which template field is it?) and an
 * ambiguous day/month order. The answers go with the next check, and may be saved as a profile.
 */
export function QuestionsForm(props: {
  questions: ReturnQuestion[];
  answers: Answers;
  onAnswer(sheet: ReturnQuestion & { kind: 'column' }, field: string): void;
  dateOrder: Record<string, 'dmy' | 'mdy'>;
  onDateOrder(file: string, order: 'dmy' | 'mdy'): void;
  onApply(saveAs: string | null): void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const [save, setSave] = useState(false);
  const [name, setName] = useState('');
  if (!props.questions.length) return null;
  return (
    <section className="card returns-questions" aria-labelledby="returns-questions-title">
      <h2 id="returns-questions-title" className="card-title">{t('returns.question.apply')}</h2>
      {props.questions.map((q, i) => q.kind === 'column' ? (
        <div className="field" key={i}>
          <label className="field-label" htmlFor={`q-${i}`}>{t('returns.question.column', { column: q.column, file: q.file })}</label>
          <select id={`q-${i}`} className="input select" value={props.answers[q.returnSheet]?.[q.key] ?? '-'} onChange={(e) => props.onAnswer(q, e.target.value)}>
            <option value="-" disabled>—</option>
            <option value="">{t('returns.question.ignore')}</option>
            {q.options.map((o) => <option key={o} value={o}>{t(`returns.field.${o}` as MessageKey)} ({o})</option>)}
          </select>
        </div>
      ) : (
        <fieldset className="field" key={i}>
          <legend className="field-label">{t('returns.question.dateOrder', { file: q.file, samples: q.samples.join(', ') })}</legend>
          <div className="row">
            {(['dmy', 'mdy'] as const).map((o) => (
              <label key={o} className="checkbox">
                <input type="radio" name={`date-${i}`} checked={props.dateOrder[q.file] === o} onChange={() => props.onDateOrder(q.file, o)} /> {t(`returns.dateOrder.${o}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="row">
        <label className="checkbox"><input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} /> {t('returns.profile.save')}</label>
        {save ? <input className="input" aria-label={t('returns.profile.name')} placeholder={t('returns.profile.name')} value={name} onChange={(e) => setName(e.target.value)} /> : null}
        <button type="button" className="btn btn-primary" disabled={props.busy || (save && !name.trim())} onClick={() => props.onApply(save && name.trim() ? name.trim() : null)}>{t('returns.question.apply')}</button>
      </div>
    </section>
  );
}

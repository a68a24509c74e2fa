import { useI18n } from '../../i18n/I18nProvider.tsx';
import { MANDATORY_CAP, type ScoreResult } from '../../../shared/model/checklist.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';

/** The live weighted score, its rating and the cap notice. */
export function ScoreCard({ score, live }: { score: ScoreResult; live: boolean }) {
  const { t } = useI18n();
  const tone = score.rating === 'satisfactory' ? 'ok' : score.rating === 'needs_improvement' ? 'warn' : score.rating === 'unsatisfactory' ? 'bad' : 'muted';
  return (
    <section className="card au-score" aria-labelledby="au-score-h" aria-live="polite">
      <h2 id="au-score-h" className="small muted">{live ? t('audits.liveScore') : t('audits.field.score')}</h2>
      <div className={`au-score-num tone-${tone}`} data-testid="live-score">{score.score === null ? '—' : score.score.toFixed(1)}</div>
      <div className={`au-score-rating tone-${tone}`}>{t(`audits.rating.${score.rating}` as MessageKey)}</div>
      <div className="small muted">{t('audits.answeredOf', { answered: score.answered, total: score.total })}</div>
      <div className="au-progress" aria-hidden="true"><span style={{ width: `${score.total ? (100 * score.answered) / score.total : 0}%` }} /></div>
      {score.capped ? <div className="alert alert-error small au-cap" role="note">{t('audits.cappedNote', { cap: MANDATORY_CAP })}</div> : null}
    </section>
  );
}

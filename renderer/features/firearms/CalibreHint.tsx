import { useI18n } from '../../i18n/I18nProvider.tsx';
import { calibreLabel, isKnownCalibre, normaliseCalibre, type CalibreList } from '../../../shared/model/calibres.ts';

/** Live answer of the calibre list to what the officer types: the canonical name, or why it is not accepted. */
export function CalibreHint({ text, list }: { text: string; list: CalibreList | null }) {
  const { t } = useI18n();
  if (!list || !text.trim()) return null;
  const m = normaliseCalibre(text, list);
  if (isKnownCalibre(m)) return <span className="fa-resolved">✓ {t('firearms.calibreResolved', { canonical: m.canonical })}</span>;
  if (m.reason === 'ambiguous') return <span className="fa-unresolved">{t('calibres.ambiguous', { candidates: m.candidates.map((c) => calibreLabel(c, list)).join(', ') })}</span>;
  return <span className="fa-unresolved">{t('firearms.calibreUnknownHint')}</span>;
}

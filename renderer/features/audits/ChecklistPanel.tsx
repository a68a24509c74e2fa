import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ANSWER_KEYS, ANSWERS, type Answer } from '../../../shared/model/checklist.ts';
import type { ChecklistItem } from '../../../shared/commands/inspections.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';

const KEY_TO_ANSWER = new Map<string, Answer>(ANSWERS.flatMap((a) => ANSWER_KEYS[a].map((k) => [k, a] as const)));

/**
 * The checklist, answered from the keyboard: one item is current; ↑/↓ (or J/K) move, 1–4
 * (or C/P/N/A) answer it and go to the next, Enter opens its note (Enter saves, Esc returns).
 * Buttons do the same for the mouse. Read-only outside fieldwork.
 */
export function ChecklistPanel({ items, answers, notes, editable, onAnswer }: {
  items: ChecklistItem[];
  answers: Record<string, Answer | undefined>;
  notes: Record<string, string | null | undefined>;
  editable: boolean;
  onAnswer(itemId: string, answer: Answer, note: string | null): void;
}) {
  const { t, lang } = useI18n();
  const [current, setCurrent] = useState(() => Math.max(0, items.findIndex((i) => !answers[i.id])));
  const [noteFor, setNoteFor] = useState<string | null>(null);
  const [noteText, setNoteText] = useState('');
  const rows = useRef<(HTMLLIElement | null)[]>([]);
  const noteRef = useRef<HTMLInputElement>(null);

  const focusRow = (i: number) => {
    const k = Math.min(items.length - 1, Math.max(0, i));
    setCurrent(k);
    rows.current[k]?.focus();
    rows.current[k]?.scrollIntoView({ block: 'nearest' });
  };
  useEffect(() => { if (noteFor) noteRef.current?.focus(); }, [noteFor]);

  const onKey = (e: KeyboardEvent<HTMLLIElement>, i: number) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const k = e.key.toLowerCase();
    if (k === 'arrowdown' || k === 'j') { e.preventDefault(); focusRow(i + 1); return; }
    if (k === 'arrowup' || k === 'k') { e.preventDefault(); focusRow(i - 1); return; }
    if (!editable) return;
    const a = KEY_TO_ANSWER.get(k);
    if (a) {
      e.preventDefault();
      onAnswer(items[i].id, a, notes[items[i].id] ?? null);
      focusRow(i + 1);
      return;
    }
    if (k === 'enter') {
      e.preventDefault();
      setNoteFor(items[i].id);
      setNoteText(notes[items[i].id] ?? '');
    }
  };
  const saveNote = (i: number) => {
    const it = items[i];
    const a = answers[it.id];
    if (a) onAnswer(it.id, a, noteText.trim() || null);
    setNoteFor(null);
    focusRow(i);
  };

  let section = -1;
  return (
    <div className="card au-checklist">
      <div className="card-header">
        <h2>{t('audits.checklist')}</h2>
      </div>
      {editable ? <p className="small muted" id="au-keys">{t('audits.keys')}</p> : null}
      <ol className="au-items" aria-describedby={editable ? 'au-keys' : undefined}>
        {items.map((it, i) => {
          const head = it.sectionNo !== section ? (section = it.sectionNo, <li key={`s${it.sectionNo}`} className="au-section" aria-hidden="true">{it.section[lang]}</li>) : null;
          const a = answers[it.id];
          return [head, (
            <li
              key={it.id}
              ref={(el) => { rows.current[i] = el; }}
              tabIndex={i === current ? 0 : -1}
              className={`au-item${i === current ? ' is-current' : ''}${a ? ` ans-${a}` : ''}`}
              aria-label={`${it.position}. ${it.text[lang]} — ${a ? t(`audits.answer.${a}` as MessageKey) : t('audits.rating.incomplete')}`}
              data-testid={`item-${it.position}`}
              onFocus={() => setCurrent(i)}
              onKeyDown={(e) => { if (noteFor !== it.id) onKey(e, i); }}
            >
              <div className="au-item-main">
                <span className="au-pos">{it.position}</span>
                <div className="au-text">
                  <div>{it.text[lang]} <span className={`badge ${it.level === 1 ? 'badge-danger' : 'badge-info'}`}>{t('audits.field.level')} {it.level}</span></div>
                  <div className="small muted">{it.ref}</div>
                  {i === current && it.guidance[lang] ? <div className="small au-guidance"><strong>{t('audits.guidance')}:</strong> {it.guidance[lang]}</div> : null}
                  {noteFor === it.id ? (
                    <input
                      ref={noteRef}
                      className="input au-note"
                      aria-label={t('audits.field.note')}
                      placeholder={t('audits.notePlaceholder')}
                      value={noteText}
                      onChange={(e) => setNoteText(e.target.value)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') { e.preventDefault(); saveNote(i); }
                        if (e.key === 'Escape') { e.preventDefault(); setNoteFor(null); focusRow(i); }
                        e.stopPropagation();
                      }}
                    />
                  ) : notes[it.id] ? <div className="small au-note-text">{t('audits.field.note')}: {notes[it.id]}</div> : null}
                </div>
                <div className="au-answers" role="group" aria-label={t('audits.pdf.answer')}>
                  {ANSWERS.map((x, n) => (
                    <button
                      key={x}
                      type="button"
                      tabIndex={-1}
                      className={`au-ans au-ans-${x}${a === x ? ' is-on' : ''}`}
                      aria-pressed={a === x}
                      disabled={!editable}
                      onClick={() => { onAnswer(it.id, x, notes[it.id] ?? null); setCurrent(i); }}
                    >
                      <span aria-hidden="true" className="au-key">{n + 1}</span> {t(`audits.answer.${x}` as MessageKey)}
                    </button>
                  ))}
                </div>
              </div>
            </li>
          )];
        })}
      </ol>
    </div>
  );
}

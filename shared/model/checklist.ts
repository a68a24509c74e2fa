/**
 * Checklists and their score. Pure arithmetic shared by the service (stored score, report)
 * and the screen (live score while answering), so both always show the same number.
 */
export const ANSWERS = ['compliant', 'partial', 'non_compliant', 'not_applicable'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Keyboard keys for each answer: digits and the initials of both languages. */
export const ANSWER_KEYS: Record<Answer, readonly string[]> = {
  compliant: ['1', 'c'],
  partial: ['2', 'p'],
  non_compliant: ['3', 'n'],
  not_applicable: ['4', 'a'],
};

export const ITEM_LEVELS = [1, 2, 3] as const;
export type ItemLevel = (typeof ITEM_LEVELS)[number];

/** Weight of an item by level (ISACS/IATG-style: level 1 items are mandatory and weigh most). */
export const LEVEL_WEIGHT: Record<ItemLevel, number> = { 1: 3, 2: 2, 3: 1 };

/** Credit an answer earns; not applicable leaves the item out of both sums. */
export const ANSWER_CREDIT: Record<Exclude<Answer, 'not_applicable'>, number> = { compliant: 1, partial: 0.5, non_compliant: 0 };

/** A non-compliant mandatory (level 1) item caps the result here: the inspection cannot pass. */
export const MANDATORY_CAP = 49;
/** At or above: satisfactory; at or above NEEDS: needs improvement; below: unsatisfactory. */
export const PASS_SCORE = 80;
export const NEEDS_IMPROVEMENT_SCORE = 50;

export const SCORE_RATINGS = ['satisfactory', 'needs_improvement', 'unsatisfactory', 'incomplete'] as const;
export type ScoreRating = (typeof SCORE_RATINGS)[number];

export interface ScoreResult {
  /** 0–100, one decimal, after the cap; null until at least one applicable item is answered. */
  score: number | null;
  /** Before the cap. */
  rawScore: number | null;
  capped: boolean;
  answered: number;
  total: number;
  /** Level 1 items answered non-compliant (their item ids). */
  mandatoryFailures: string[];
  rating: ScoreRating;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Weighted score: Σ weight × credit / Σ weight over answered applicable items, × 100.
 * Any non-compliant level 1 item caps the score at {@link MANDATORY_CAP}. The rating is
 * `incomplete` while items remain unanswered.
 */
export function scoreChecklist(items: readonly { id: string; level: number }[], answers: ReadonlyMap<string, Answer> | Record<string, Answer | undefined>): ScoreResult {
  const get = (id: string): Answer | undefined => (answers instanceof Map ? answers.get(id) : (answers as Record<string, Answer | undefined>)[id]);
  let num = 0;
  let den = 0;
  let answered = 0;
  const mandatoryFailures: string[] = [];
  for (const it of items) {
    const a = get(it.id);
    if (!a) continue;
    answered++;
    if (a === 'not_applicable') continue;
    const w = LEVEL_WEIGHT[it.level as ItemLevel] ?? 1;
    num += w * ANSWER_CREDIT[a];
    den += w;
    if (a === 'non_compliant' && it.level === 1) mandatoryFailures.push(it.id);
  }
  const rawScore = den > 0 ? round1((num / den) * 100) : null;
  const capped = rawScore !== null && mandatoryFailures.length > 0 && rawScore > MANDATORY_CAP;
  const score = rawScore === null ? null : capped ? MANDATORY_CAP : rawScore;
  const total = items.length;
  let rating: ScoreRating = 'incomplete';
  if (answered === total && total > 0) {
    rating = score === null ? 'satisfactory' : score >= PASS_SCORE && mandatoryFailures.length === 0 ? 'satisfactory' : score >= NEEDS_IMPROVEMENT_SCORE ? 'needs_improvement' : 'unsatisfactory';
  }
  return { score, rawScore, capped, answered, total, mandatoryFailures, rating };
}

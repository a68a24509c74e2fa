import { describe, expect, it } from 'vitest';
import { MANDATORY_CAP, scoreChecklist, type Answer } from '../../shared/model/checklist.ts';
import { severityFor } from '../../shared/model/findingLifecycle.ts';

const items = [
  { id: 'a', level: 1 }, { id: 'b', level: 2 }, { id: 'c', level: 3 }, { id: 'd', level: 1 },
];
const s = (answers: Record<string, Answer>) => scoreChecklist(items, answers);

describe('checklist score', () => {
  it('weights by level: level 1 = 3, level 2 = 2, level 3 = 1; partial earns half', () => {
    expect(s({ a: 'compliant', b: 'compliant', c: 'compliant', d: 'compliant' })).toMatchObject({ score: 100, rawScore: 100, capped: false, rating: 'satisfactory' });
    // (3 + 0.5*2 + 0 + 3) / 9 = 7/9 = 77.8
    expect(s({ a: 'compliant', b: 'partial', c: 'non_compliant', d: 'compliant' })).toMatchObject({ score: 77.8, capped: false, rating: 'needs_improvement' });
  });

  it('leaves not-applicable items out of both sums', () => {
    // (3 + 2 + 3) / 8 = 100; c n/a
    expect(s({ a: 'compliant', b: 'compliant', c: 'not_applicable', d: 'compliant' }).score).toBe(100);
    expect(s({ a: 'not_applicable', b: 'not_applicable', c: 'not_applicable', d: 'not_applicable' })).toMatchObject({ score: null, answered: 4 });
  });

  it('caps the result when a mandatory (level 1) item is non-compliant', () => {
    // raw (0 + 2 + 1 + 3) / 9 = 66.7 → capped at 49
    const r = s({ a: 'non_compliant', b: 'compliant', c: 'compliant', d: 'compliant' });
    expect(r).toMatchObject({ rawScore: 66.7, score: MANDATORY_CAP, capped: true, mandatoryFailures: ['a'], rating: 'unsatisfactory' });
    // a raw score already below the cap is not raised to it
    const low = s({ a: 'non_compliant', b: 'non_compliant', c: 'non_compliant', d: 'partial' });
    expect(low).toMatchObject({ rawScore: 16.7, score: 16.7, capped: false, mandatoryFailures: ['a'] });
    // a level 2 non-compliant item does not cap
    expect(s({ a: 'compliant', b: 'non_compliant', c: 'compliant', d: 'compliant' })).toMatchObject({ score: 77.8, capped: false });
  });

  it('is incomplete until every item is answered, and counts what is answered', () => {
    expect(s({ a: 'compliant' })).toMatchObject({ score: 100, answered: 1, total: 4, rating: 'incomplete' });
    expect(s({})).toMatchObject({ score: null, answered: 0, rating: 'incomplete' });
  });

  it('gives findings their severity from the answer and the item level', () => {
    expect(severityFor('non_compliant', 1)).toBe('major');
    expect(severityFor('non_compliant', 2)).toBe('minor');
    expect(severityFor('partial', 1)).toBe('minor');
    expect(severityFor('partial', 3)).toBe('observation');
  });
});

import { describe, expect, it } from 'vitest';
import { checkNumberPattern, formatNumber, sequenceScope } from '../../shared/model/numberPattern.ts';

describe('number patterns', () => {
  it('formats year, month and zero-padded sequence', () => {
    expect(formatNumber('CRED-{year}-{seq:6}', '2026-11-23', 42)).toBe('CRED-2026-000042');
    expect(formatNumber('DIGESSP-EPS-{yy}{month}-{seq:4}', '2026-03-01', 7)).toBe('DIGESSP-EPS-2603-0007');
    expect(formatNumber('N{seq}', '2026-03-01', 1234567)).toBe('N1234567');
  });
  it('counts per the period the pattern names', () => {
    expect(sequenceScope('CRED-{year}-{seq:6}', '2026-11-23')).toBe('2026');
    expect(sequenceScope('X-{yy}{month}-{seq}', '2026-11-23')).toBe('2026-11');
    expect(sequenceScope('X-{seq:5}', '2026-11-23')).toBe('all');
  });
  it('refuses patterns that cannot make unique numbers or are malformed', () => {
    expect(checkNumberPattern('CRED-{year}-{seq:6}')).toBeNull();
    expect(checkNumberPattern('CRED-{year}')).toBe('noSeq');
    expect(checkNumberPattern('{seq}-{seq}')).toBe('twoSeq');
    expect(checkNumberPattern('{year:2}-{seq}')).toBe('badToken');
    expect(checkNumberPattern('{day}-{seq}')).toBe('badToken');
    expect(checkNumberPattern('=HYPERLINK()-{seq}')).toBe('badChars');
  });
});

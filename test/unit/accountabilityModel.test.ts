import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeReferenceCode, normalizeReferenceCode } from '../../shared/model/referenceCode.ts';
import { DEFAULT_DEADLINES, reportingDelay, stageClock } from '../../shared/model/accountabilityDeadlines.ts';
import { GRIEVANCE_TRANSITIONS } from '../../shared/model/grievanceLifecycle.ts';
import { GRIEVANCE_STATUSES } from '../../shared/model/grievance.ts';

describe('grievance reference codes', () => {
  it('are 12 symbols in three groups, distinct, and read back whatever the case or O/0 I/1 slips', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const c = makeReferenceCode(randomBytes(7));
      expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      seen.add(c);
      expect(normalizeReferenceCode(c.toLowerCase().replace(/-/g, ' '))).toBe(c);
      expect(normalizeReferenceCode(c.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(c);
    }
    expect(seen.size).toBe(2000);
  });

  it('a changed symbol is caught by the check symbol in almost every case', () => {
    let caught = 0;
    const n = 2000;
    for (let i = 0; i < n; i++) {
      const c = makeReferenceCode(randomBytes(7)).replace(/-/g, '');
      const pos = i % 11;
      const other = c[pos] === '7' ? '8' : '7';
      if (normalizeReferenceCode(c.slice(0, pos) + other + c.slice(pos + 1)) === null) caught++;
    }
    expect(caught / n).toBeGreaterThan(0.9);
  });

  it('rejects what cannot be a code', () => {
    expect(normalizeReferenceCode('ABC')).toBeNull();
    expect(normalizeReferenceCode('UUUU-UUUU-UUUU')).toBeNull();
  });
});

describe('deadlines', () => {
  it('stage clock counts calendar days from entering the stage', () => {
    expect(stageClock('2026-11-01T10:00:00.000Z', 5, '2026-11-03T09:00:00.000Z')).toEqual({ dueAt: '2026-11-06T10:00:00.000Z', daysLeft: 3, overdue: false });
    expect(stageClock('2026-11-01T10:00:00.000Z', 5, '2026-11-06T10:00:00.000Z').overdue).toBe(false);
    expect(stageClock('2026-11-01T10:00:00.000Z', 5, '2026-11-06T10:00:01.000Z')).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(stageClock('2026-11-01T10:00:00.000Z', 5, '2026-11-09T12:00:00.000Z')).toMatchObject({ overdue: true, daysLeft: -4 });
  });

  it('reporting delay is measured against 72 h, or the shorter firearm-loss limit', () => {
    expect(reportingDelay('2026-11-20T08:00', '2026-11-23T08:00', ['use_of_force'], DEFAULT_DEADLINES)).toEqual({ hours: 72, limitHours: 72, late: false });
    expect(reportingDelay('2026-11-20T08:00', '2026-11-23T08:30', ['use_of_force'], DEFAULT_DEADLINES)).toEqual({ hours: 72.5, limitHours: 72, late: true });
    const d = { ...DEFAULT_DEADLINES, incidentReportHours: 240, firearmLossReportDays: 8 };
    expect(reportingDelay('2026-11-01', '2026-11-09T00:00', ['firearm_theft'], d)).toEqual({ hours: 192, limitHours: 192, late: false });
    expect(reportingDelay('2026-11-01', '2026-11-10', ['firearm_loss', 'injury'], d)).toMatchObject({ limitHours: 192, late: true });
  });
});

describe('grievance lifecycle table', () => {
  it('every open stage leads somewhere and final states lead nowhere', () => {
    for (const s of GRIEVANCE_STATUSES) {
      const out = GRIEVANCE_TRANSITIONS.filter((t) => t.from === s);
      if (s === 'closed' || s === 'referred') expect(out, s).toEqual([]);
      else expect(out.length, s).toBeGreaterThan(0);
    }
    for (const t of GRIEVANCE_TRANSITIONS) if (t.to === 'referred') expect(t.needs).toContain('referralTarget');
  });
});

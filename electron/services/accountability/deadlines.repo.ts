import type { Db } from '../../store/db.ts';
import { DEFAULT_DEADLINES, type AccountabilityDeadlines } from '../../../shared/model/accountabilityDeadlines.ts';

const KEY = 'accountability_deadlines';

/** The agency's deadlines (settings row), defaults for anything not set. */
export function readDeadlines(db: Db): AccountabilityDeadlines {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return structuredClone(DEFAULT_DEADLINES);
  const v = JSON.parse(row.value) as Partial<AccountabilityDeadlines>;
  return {
    grievanceDays: { ...DEFAULT_DEADLINES.grievanceDays, ...(v.grievanceDays ?? {}) },
    incidentReportHours: v.incidentReportHours ?? DEFAULT_DEADLINES.incidentReportHours,
    firearmLossReportDays: v.firearmLossReportDays ?? DEFAULT_DEADLINES.firearmLossReportDays,
  };
}

export function writeDeadlines(db: Db, d: AccountabilityDeadlines): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(d));
}

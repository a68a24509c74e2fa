import type { Db } from '../../store/db.ts';
import { DEFAULT_DEADLINES, type AccountabilityDeadlines } from '../../../shared/model/accountabilityDeadlines.ts';
import { lossReportDeadlineDays, setLossReportDeadlineDays } from '../firearms/settings.ts';

const KEY = 'accountability_deadlines';

/** The agency's deadlines (settings rows), defaults for anything not set; firearm-loss days are the firearms register's. */
export function readDeadlines(db: Db): AccountabilityDeadlines {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  const v = (row ? JSON.parse(row.value) : {}) as Partial<AccountabilityDeadlines>;
  return {
    grievanceDays: { ...DEFAULT_DEADLINES.grievanceDays, ...(v.grievanceDays ?? {}) },
    incidentReportHours: v.incidentReportHours ?? DEFAULT_DEADLINES.incidentReportHours,
    // One legal deadline for a lost or stolen firearm: the firearms register's setting.
    firearmLossReportDays: lossReportDeadlineDays(db),
  };
}

export function writeDeadlines(db: Db, d: AccountabilityDeadlines): void {
  setLossReportDeadlineDays(db, d.firearmLossReportDays);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(d));
}

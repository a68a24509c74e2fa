import type { Db } from '../../store/db.ts';
import { DEFAULT_LOSS_REPORT_DEADLINE_DAYS } from '../../../shared/model/firearms.ts';

const KEY = 'firearms.lossReportDeadlineDays';

/** Legal deadline (days after the event) to report a loss or theft; configurable per agency, default 8. */
export function lossReportDeadlineDays(db: Db): number {
  const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  const n = r ? Number(r.value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_LOSS_REPORT_DEADLINE_DAYS;
}

export function setLossReportDeadlineDays(db: Db, days: number): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, String(days));
}

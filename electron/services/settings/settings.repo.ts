import type { Db } from '../../store/db.ts';
import type { AgencySettings } from '../../../shared/commands/settings.ts';

/** Agency settings live as key/value rows inside the encrypted database. */
export function readSettings(db: Db): AgencySettings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const m = new Map(rows.map((r) => [r.key, r.value]));
  return {
    name: m.get('agency_name') ?? '',
    country: (m.get('country') ?? 'GT') as AgencySettings['country'],
    language: (m.get('language') ?? 'es') as AgencySettings['language'],
    idleMinutes: Number(m.get('idle_minutes') ?? 10),
  };
}

export function writeSettings(db: Db, s: AgencySettings): void {
  const up = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  up.run('agency_name', s.name);
  up.run('country', s.country);
  up.run('language', s.language);
  up.run('idle_minutes', String(s.idleMinutes));
}

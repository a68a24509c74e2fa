import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCentinela } from '../../electron/core/app.ts';
import { fixedClock } from '../../electron/core/clock.ts';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/commands/index.ts';
import { FAST_SCRYPT } from './workspace.ts';

export const PASSPHRASE = 'Campo Petén Norte, 7 días de visita';
export const FIELD_PASSWORD = 'Laptop-Campo#2026';

/** A second installation (the inspector's laptop) with no workspace yet. */
export function laptop() {
  const root = mkdtempSync(join(tmpdir(), 'centinela-field-'));
  const clock = fixedClock('2026-11-24T08:00:00Z');
  const app = createCentinela({ root, clock, scrypt: FAST_SCRYPT, idleCheckMs: 0 });
  async function ok<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
    const r = await app.call(name, input);
    if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
    return r.value as CommandOutput<N>;
  }
  return { root, app, clock, ok, cleanup() { app.close(); rmSync(root, { recursive: true, force: true }); } };
}

/** Every table's rows (full-text shadow tables left out), for "nothing was written" checks. */
export function dumpAll(db: { prepare(sql: string): { all(...a: unknown[]): unknown[] } }, opts: { exceptSignIns?: boolean } = {}): string {
  const tables = (db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`).all() as { name: string; sql: string }[]);
  return JSON.stringify(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"${t.name === 'journal' && opts.exceptSignIns ? ` WHERE command <> 'session.unlock'` : ''} ORDER BY 1`).all()]), (_k, v) => (v && typeof v === 'object' && v.type === 'Buffer' ? `blob:${Buffer.from(v.data).toString('base64')}` : v));
}

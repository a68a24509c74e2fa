import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Language } from '../../shared/i18n/index.ts';
import { roleCan } from '../../shared/model/roles.ts';
import type { WorkspaceManager } from '../core/workspaces.ts';
import { runImport } from '../services/returns/importer.ts';

/**
 * `centinela import <file...> --year YYYY [--dry-run] [--json]`: the same importer as the app
 * (read, map, validate, reconcile, commit as one batch), run in this process. Exit code 0 when
 * committed or a clean dry run, 1 when the return has errors (nothing written), 3 when the
 * files were read but nothing was importable.
 */
export async function importCommand(ws: WorkspaceManager, opts: { files: string[]; year: number; dryRun: boolean; json: boolean; lang: Language }): Promise<number> {
  const me = ws.user!;
  if (!roleCan(me.role, 'returns.import')) {
    process.stderr.write(`${JSON.stringify({ code: 'FORBIDDEN', messageKey: 'errors.forbidden', params: { command: 'import' } })}\n`);
    return 1;
  }
  const files = opts.files.map((f) => {
    const st = statSync(f);
    if (!st.isFile()) throw new Error(`not a file: ${f}`);
    const b = readFileSync(f);
    return { name: basename(f), bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength) };
  });
  let lastLine = 0;
  const report = await runImport(ws.db, {
    files, year: opts.year, dryRun: opts.dryRun, answers: {}, dateOrder: {}, language: opts.lang,
    user: { id: me.id, username: me.username }, now: new Date().toISOString(), releaseFiles: true,
  }, {
    progress: (phase, done, total) => {
      if (opts.json || !process.stderr.isTTY) return;
      const now = Date.now();
      if (now - lastLine < 500) return;
      lastLine = now;
      process.stderr.write(`\r${phase} ${done}/${total || '?'}   `);
    },
  });
  const ok = report.errors.length === 0 && (report.committed || report.dryRun);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const [sheet, c] of Object.entries(report.counts)) {
      if (c.read) process.stdout.write(`${sheet}: read ${c.read}, new ${c.new}, changed ${c.changed}, unchanged ${c.unchanged}, missing ${c.missing}\n`);
    }
    for (const e of report.errors.slice(0, 50)) process.stdout.write(`ERROR ${e.file}${e.sheet ? ` [${e.sheet}]` : ''}${e.row ? ` row ${e.row}` : ''}${e.column ? ` (${e.column})` : ''} ${e.code}: ${e.message}\n`);
    if (report.errors.length > 50) process.stdout.write(`... ${report.errors.length - 50} more errors\n`);
    process.stdout.write(`${report.warnings.length} warnings, ${report.flags.length} flags.\n`);
    process.stdout.write(report.committed ? `Committed as batch ${report.batchId}.\n` : ok ? 'Dry run: no errors, nothing written.\n' : 'Not imported: nothing was written.\n');
  }
  return ok ? 0 : 1;
}

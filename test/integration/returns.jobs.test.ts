import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../electron/services/returns/importer.ts';
import { openEncrypted } from '../../electron/store/db.ts';
import { DB_FILE } from '../../electron/core/workspaces.ts';
import { freshWorkspace, sampleCompany } from '../helpers/workspace.ts';
import { b64, csv, firearm, FIREARMS_HEADER, grantLicence, LICENCE } from '../helpers/returnsFiles.ts';

/** Long jobs: progress, cancel and crashes leave the encrypted database exactly as it was. */
type W = Awaited<ReturnType<typeof freshWorkspace>>;
let w: W;
beforeEach(async () => {
  w = await freshWorkspace();
  grantLicence(w.app.workspaces.db, (await w.ok('companies.create', sampleCompany())).id, LICENCE);
});
afterEach(() => w.cleanup());

const big = (n: number, prefix = 'S') => csv([FIREARMS_HEADER, ...Array.from({ length: n }, (_, i) => firearm({ serial: `${prefix}-${i}`, acq: '' }))]);
const state = (db = w.app.workspaces.db) => {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])[0].integrity_check;
  // Journal entries of returns only: signing in (as the killed process does) is journaled too.
  const rows = ['return_batches', 'return_filings', 'return_firearms', 'return_flags', "journal WHERE command LIKE 'returns.%'"]
    .map((t) => `${t}:${(db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n}`).join(' ');
  return { integrity, rows };
};

async function waitFor(jobId: string, until: (s: Awaited<ReturnType<W['ok']>>) => boolean = (s) => (s as { state: string }).state !== 'running') {
  for (let i = 0; i < 4000; i++) {
    const s = await w.ok('returns.jobStatus', { jobId });
    if (until(s)) return s;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('job did not reach the state');
}

describe('import jobs', () => {
  it('runs in a worker with its own connection, reports phases and progress, and commits', async () => {
    const { jobId } = await w.ok('returns.startImport', { files: [{ name: 'armas.csv', base64: b64(big(3000)) }], year: 2026, dryRun: false });
    const s = await waitFor(jobId);
    expect(s).toMatchObject({ state: 'done', phase: 'finished', done: 3000, total: 3000, error: null });
    expect(s.report!.committed).toBe(true);
    expect(s.report!.counts.FIREARMS).toMatchObject({ read: 3000, new: 3000 });
    expect(state().rows).toMatch(/return_firearms:3000/);
    const again = await w.ok('returns.startImport', { files: [{ name: 'armas.csv', base64: b64(big(10)) }], year: 2026, dryRun: true });
    const dry = await waitFor(again.jobId);
    expect(dry.report!.counts.FIREARMS).toMatchObject({ read: 10, unchanged: 10, missing: 2990 });
    expect(dry.report!.flags.filter((f) => f.kind === 'possible_diversion')).toHaveLength(2990);
  });

  it('a cancel during the commit rolls back the whole batch', async () => {
    const before = state();
    let cancelAt = 0;
    const r = runImport(w.app.workspaces.db, {
      files: [{ name: 'armas.csv', bytes: big(12_000) }], year: 2026, dryRun: false, answers: {}, dateOrder: {}, language: 'es',
      user: { id: null, username: 'admin' }, now: '2026-11-23T12:00:00.000Z',
    }, {
      progress: (phase, done) => { if (phase === 'committing' && done >= 6000 && !cancelAt) cancelAt = done; },
      cancelled: () => cancelAt > 0,
    });
    await expect(r).rejects.toThrow('cancelled');
    expect(cancelAt).toBeGreaterThanOrEqual(6000);
    expect(state()).toEqual({ ...before, integrity: 'ok' });
  });

  it('cancel from the screen stops the worker; nothing is written', async () => {
    const before = state();
    const { jobId } = await w.ok('returns.startImport', { files: [{ name: 'armas.csv', base64: b64(big(40_000)) }], year: 2026, dryRun: false });
    await waitFor(jobId, (s) => (s as { done: number }).done > 0);
    await w.ok('returns.cancelJob', { jobId });
    const s = await waitFor(jobId);
    expect(s.state).toBe('cancelled');
    expect(state()).toEqual({ ...before, integrity: 'ok' });
  });

  it('a worker killed during the commit leaves the database unchanged and intact', async () => {
    const { returnJobs } = await import('../../electron/services/returns/jobs.ts');
    const before = state();
    const { jobId } = await w.ok('returns.startImport', { files: [{ name: 'armas.csv', base64: b64(big(40_000)) }], year: 2026, dryRun: false });
    await waitFor(jobId, (s) => (s as { phase: string; state: string }).phase === 'committing' || (s as { state: string }).state !== 'running');
    await returnJobs.kill(jobId);
    const s = await waitFor(jobId);
    // On a fast machine the commit may finish first; then the batch is whole. Either way, never half.
    const after = state();
    expect(after.integrity).toBe('ok');
    if (s.state === 'done') expect(after.rows).toMatch(/return_firearms:40000/);
    else expect(after).toEqual({ ...before, integrity: 'ok' });
  });

  it('a process killed (SIGKILL) in the middle of the commit leaves the database exactly as it was', async () => {
    const before = state();
    w.app.close();
    const file = join(w.root, 'armas.csv');
    writeFileSync(file, big(12_000));
    const script = fileURLToPath(new URL('../helpers/killDuringCommit.ts', import.meta.url));
    const child = spawnSync(process.execPath, [script, w.dir, file], { encoding: 'utf8', timeout: 120_000 });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    expect(child.stdout).not.toMatch(/NOT KILLED/);
    // Reopen with the same key: the WAL's uncommitted frames are discarded.
    const { Keyring } = await import('../../electron/store/keyring.ts');
    const key = await Keyring.load(join(w.dir, 'keyring.json')).unwrapForUser('admin', 'Vigilancia-2026!');
    const db = openEncrypted(join(w.dir, DB_FILE), key!);
    try {
      expect(state(db)).toEqual({ ...before, integrity: 'ok' });
    } finally {
      db.close();
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, freshWorkspace, nextGtNit, sampleCompany } from '../helpers/workspace.ts';
import { openEncrypted, type Db } from '../../electron/store/db.ts';
import { verifyJournal } from '../../electron/store/journal.ts';
import { seedCompanies } from '../../electron/services/seed/seed.ts';
import { runScheduledBackup } from '../../electron/services/backups/backups.service.ts';
import { DB_FILE } from '../../electron/core/workspaces.ts';

type W = Awaited<ReturnType<typeof freshWorkspace>>;
const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

async function workspace(): Promise<W & { out: string }> {
  const w = await freshWorkspace();
  const out = mkdtempSync(join(tmpdir(), 'centinela-backups-'));
  cleanups.push(() => { w.cleanup(); rmSync(out, { recursive: true, force: true }); });
  return { ...w, out };
}

/** Every table (full-text shadow tables included), every row with its rowid, in rowid order. */
function dump(db: Db, only?: string[]): Record<string, unknown[]> {
  const tables = (db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string; sql: string }[])
    .filter((t) => !t.sql.startsWith('CREATE VIRTUAL') && (!only || only.includes(t.name)));
  return Object.fromEntries(tables.map((t) => {
    const withoutRowid = /WITHOUT ROWID/i.test(t.sql);
    return [t.name, db.prepare(withoutRowid ? `SELECT * FROM "${t.name}" ORDER BY 1` : `SELECT rowid AS _rowid_, * FROM "${t.name}" ORDER BY rowid`).all()];
  }));
}

const MARKER = 'Centinela Zorzal Quimérico';
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('FOTO-DE-ARMERIA-SECRETA-42')]).toString('base64');

function allBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => readFileSync(join(d.parentPath, d.name))));
}

describe('backups', { timeout: 300_000 }, () => {
  it('makes a consistent backup while writes run, and a restore gives identical tables and a valid journal', async () => {
    const w = await workspace();
    const me = w.app.workspaces.user!;
    seedCompanies(w.app.workspaces.db, 1500, { now: w.clock.now(), userId: me.id, username: me.username });
    const c = await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: MARKER }));
    await w.ok('attachments.add', { ownerType: 'company', ownerId: c.id, kind: 'photo', filename: 'armeria.png', base64: PNG });
    const baseline = (w.app.workspaces.db.prepare('SELECT count(*) AS n FROM companies').get() as { n: number }).n;

    // Writer: companies keep arriving through the gate while the backup is taken.
    let stop = false;
    let during = 0;
    let backupDone = false;
    const writer = (async () => {
      while (!stop) {
        await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: `Concurrente ${during}` }));
        if (!backupDone) during++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const live = await w.ok('backups.create', { folder: w.out });
    backupDone = true;
    stop = true;
    await writer;
    expect(during, 'writes committed while the snapshot was taken').toBeGreaterThan(0);

    // The live backup is one consistent moment: its journal is a prefix of ours, and every
    // company it holds came with its journal entry (no half of a write).
    const liveTarget = join(w.out, 'restored-live');
    const r1 = await w.ok('backups.restore', { path: live.path, target: liveTarget, credential: { method: 'recoveryKey', recoveryKey: w.recoveryKey } });
    expect(r1.integrity).toBe('ok');
    expect(r1.journal.ok).toBe(true);
    const key = w.app.workspaces.dataKey;
    const restoredLive = openEncrypted(join(liveTarget, DB_FILE), key);
    try {
      const src = w.app.workspaces.db;
      const rj = restoredLive.prepare('SELECT seq, hash FROM journal ORDER BY seq').all() as { seq: number; hash: string }[];
      const sj = src.prepare('SELECT seq, hash FROM journal WHERE seq <= ? ORDER BY seq').all(rj.length) as { seq: number; hash: string }[];
      expect(rj).toEqual(sj);
      expect(rj.length).toBe(live.journalSeq);
      const creates = (restoredLive.prepare(`SELECT count(*) AS n FROM journal WHERE command = 'companies.create'`).get() as { n: number }).n;
      const companies = (restoredLive.prepare('SELECT count(*) AS n FROM companies').get() as { n: number }).n;
      expect(companies - baseline).toBe(creates - 1); // minus the marker company made before the writer
      const restoredRows = dump(restoredLive, ['companies']).companies as { id: string }[];
      const srcRows = new Map((dump(src, ['companies']).companies as { id: string }[]).map((r) => [r.id, r]));
      for (const row of restoredRows) expect(row).toEqual(srcRows.get(row.id));
    } finally {
      restoredLive.close();
    }

    // Quiet now: a second backup restored with a user's password equals the source table by table.
    const quiet = await w.ok('backups.create', { folder: w.out });
    const target = join(w.out, 'restored');
    const r2 = await w.ok('backups.restore', { path: quiet.path, target, credential: { method: 'password', username: 'admin', password: ADMIN_PASSWORD } });
    expect(r2.restoredTo).toBe(target);
    const srcCompanies = (w.app.workspaces.db.prepare('SELECT count(*) AS n FROM companies').get() as { n: number }).n;
    expect(r2.counts.find((x) => x.table === 'companies')!.rows).toBe(srcCompanies);
    expect(r2.counts.find((x) => x.table === 'attachments')!.rows).toBe(1);
    const restored = openEncrypted(join(target, DB_FILE), key);
    try {
      const before = dump(w.app.workspaces.db);
      const srcJournal = before.journal as { seq: number }[];
      // The source has since journaled the backup itself; the copy ends just before that entry.
      before.journal = srcJournal.filter((j) => j.seq <= quiet.journalSeq);
      before.backups = (before.backups as { id: string }[]).filter((b) => b.id !== quiet.id);
      expect(dump(restored)).toEqual(before);
      expect(verifyJournal(restored).ok).toBe(true);
      expect(r2.lastJournal!.seq).toBe(quiet.journalSeq);
      // Full-text search still finds the marker in the restored copy (rowids kept by the snapshot).
      const hit = restored.prepare(`SELECT c.legal_name FROM companies_fts f JOIN companies c ON c.rowid = f.rowid WHERE companies_fts MATCH 'quimerico'`).all();
      expect(hit).toEqual([{ legal_name: MARKER }]);
    } finally {
      restored.close();
    }

    // No plaintext: neither the record's name nor the photo's bytes appear in any backup file.
    for (const b of [live.path, quiet.path]) {
      const bytes = allBytes(b);
      expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
      expect(bytes.includes(Buffer.from('FOTO-DE-ARMERIA-SECRETA-42'))).toBe(false);
      expect(bytes.includes(Buffer.from('Concurrente'))).toBe(false);
      expect(readdirSync(b).sort()).toEqual(['centinela.db', 'keyring.json', 'manifest.json']);
    }
  });

  it('refuses a corrupted, tampered or wrongly opened backup and restores nothing', async () => {
    const w = await workspace();
    await w.ok('companies.create', sampleCompany({ taxId: nextGtNit(), legalName: MARKER }));
    const b = await w.ok('backups.create', { folder: w.out });
    const rk = { method: 'recoveryKey' as const, recoveryKey: w.recoveryKey };
    const copy = (name: string) => {
      const d = join(w.out, name);
      mkdirSync(d);
      for (const f of readdirSync(b.path)) writeFileSync(join(d, f), readFileSync(join(b.path, f)));
      return d;
    };
    const attempt = async (path: string, credential: object = rk) => {
      const target = join(w.out, `target-${Math.random().toString(36).slice(2)}`);
      const r = await w.app.call('backups.restore', { path, target, credential });
      expect(readdirSync(w.out).some((n) => n.includes(target.split('/').pop()!))).toBe(false);
      return r.ok ? 'ok' : `${r.error.code} ${r.error.messageKey} ${JSON.stringify(r.error.params)}`;
    };

    const flipped = copy('flipped');
    const db = readFileSync(join(flipped, 'centinela.db'));
    db[db.length - 100] ^= 0xff;
    writeFileSync(join(flipped, 'centinela.db'), db);
    expect(await attempt(flipped)).toBe('INTEGRITY errors.backupCorrupt {"file":"centinela.db"}');

    const truncated = copy('truncated');
    writeFileSync(join(truncated, 'centinela.db'), db.subarray(0, 4096));
    expect(await attempt(truncated)).toMatch(/^INTEGRITY errors.backupCorrupt/);

    // Someone rebuilds the checksums around an altered database: the HMAC catches it.
    const forged = copy('forged');
    writeFileSync(join(forged, 'centinela.db'), db);
    const m = JSON.parse(readFileSync(join(forged, 'manifest.json'), 'utf8'));
    const { createHash } = await import('node:crypto');
    m.files.find((f: { name: string }) => f.name === 'centinela.db').sha256 = createHash('sha256').update(db).digest('hex');
    writeFileSync(join(forged, 'manifest.json'), JSON.stringify(m));
    expect(await attempt(forged)).toBe('INTEGRITY errors.backupTampered {}');

    const noManifest = copy('nomanifest');
    rmSync(join(noManifest, 'manifest.json'));
    expect(await attempt(noManifest)).toBe('INTEGRITY errors.backupNoManifest {}');

    expect(await attempt(b.path, { method: 'recoveryKey', recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' })).toBe('UNAUTHENTICATED errors.backupWrongRecoveryKey {}');
    expect(await attempt(b.path, { method: 'password', username: 'admin', password: 'no-es-la-clave' })).toBe('UNAUTHENTICATED errors.backupWrongPassword {}');

    // A target that holds something is never written over.
    const busy = join(w.out, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'x.txt'), 'x');
    const r = await w.app.call('backups.restore', { path: b.path, target: busy, credential: rk });
    expect(r.ok ? 'ok' : r.error.messageKey).toBe('errors.restoreTargetNotEmpty');
    expect(readdirSync(busy)).toEqual(['x.txt']);

    // Next to the live workspace (same root) it would be a second folder with the same identity.
    const beside = await w.app.call('backups.restore', { path: b.path, target: join(w.root, 'copia'), credential: rk });
    expect(beside.ok ? 'ok' : beside.error.messageKey).toBe('errors.restoreSameWorkspace');

    // The intact backup still verifies.
    const v = await w.ok('backups.verify', { path: b.path, credential: rk });
    expect(v.restoredTo).toBeNull();
    expect(v.counts.find((c) => c.table === 'companies')!.rows).toBe(1);
  });

  it('makes scheduled backups when due and keeps only the configured number', async () => {
    const w = await workspace();
    const folder = join(w.out, 'usb');
    const bad = await w.app.call('backups.updateSettings', { folder: 'relativo/copias', enabled: true, intervalHours: 6, keep: 2 });
    expect(bad.ok ? 'ok' : `${bad.error.field} ${bad.error.messageKey}`).toBe('folder validation.absolutePath');
    await w.ok('backups.updateSettings', { folder, enabled: true, intervalHours: 6, keep: 2 });
    const made = [];
    for (let i = 0; i < 4; i++) {
      made.push(await runScheduledBackup(w.app.workspaces, w.clock));
      expect(await runScheduledBackup(w.app.workspaces, w.clock), 'not due again right away').toBeNull();
      w.clock.advance(6 * 3_600_000);
    }
    expect(made.every((m) => m !== null)).toBe(true);
    const left = readdirSync(folder).sort();
    expect(left.length).toBe(2);
    expect(left.map((n) => join(folder, n))).toEqual(made.slice(2).map((m) => m!.path).sort());
    const list = await w.ok('backups.list', {});
    expect(list.map((b) => b.present)).toEqual([true, true, false, false]);
    const j = await w.ok('journal.list', { limit: 50 } as never);
    expect(JSON.stringify(j)).toContain('backups.scheduled');
    const s = await w.ok('backups.getSettings', {});
    expect(s.lastBackupAt).toBe(made[3]!.createdAt);
    expect(s.lastError).toBeNull();

    // Locked: no key in memory, so nothing is attempted.
    await w.ok('session.lock', {});
    w.clock.advance(7 * 3_600_000);
    expect(await runScheduledBackup(w.app.workspaces, w.clock)).toBeNull();
  });
});

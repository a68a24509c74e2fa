import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { freshWorkspace, sampleCompany } from '../helpers/workspace.ts';

const pdf = Buffer.from('%PDF-1.4\n% Centinela prueba adjunto-distintivo-7731\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('attachments', () => {
  it('stores a PDF encrypted, lists it with its checksum, returns the same bytes', async () => {
    const w = await freshWorkspace();
    try {
      const c = await w.ok('companies.create', sampleCompany());
      const meta = await w.ok('attachments.add', { ownerType: 'company', ownerId: c.id, kind: 'escritura', filename: 'C:\\docs\\escritura.pdf', base64: pdf.toString('base64'), documentDate: '2026-01-10' });
      expect(meta.mime).toBe('application/pdf');
      expect(meta.filename).toBe('escritura.pdf');
      expect(meta.size).toBe(pdf.length);
      const list = await w.ok('attachments.list', { ownerType: 'company', ownerId: c.id });
      expect(list.map((a) => a.sha256)).toEqual([meta.sha256]);
      const got = await w.ok('attachments.get', { id: meta.id });
      expect(Buffer.from(got.base64, 'base64').equals(pdf)).toBe(true);
      w.app.workspaces.db.pragma('wal_checkpoint(TRUNCATE)');
      for (const f of readdirSync(w.dir)) {
        expect(readFileSync(join(w.dir, f)).includes('adjunto-distintivo-7731'), `${f} holds plaintext`).toBe(false);
      }
    } finally { w.cleanup(); }
  });

  it('refuses a file whose bytes are not a PDF or image, whatever its name, and writes nothing', async () => {
    const w = await freshWorkspace();
    try {
      const c = await w.ok('companies.create', sampleCompany());
      const exe = Buffer.from('MZ\x90\x00 this is not a pdf').toString('base64');
      const r = await w.app.call('attachments.add', { ownerType: 'company', ownerId: c.id, kind: 'x', filename: 'contrato.pdf', base64: exe });
      expect(r.ok ? null : [r.error.code, r.error.messageKey, r.error.params.file]).toEqual(['VALIDATION', 'validation.fileType', 'contrato.pdf']);
      const missing = await w.app.call('attachments.add', { ownerType: 'company', ownerId: '0190a0a0-0000-7000-8000-000000000000', kind: 'x', filename: 'a.pdf', base64: pdf.toString('base64') });
      expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
      expect((w.app.workspaces.db.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n).toBe(0);
    } finally { w.cleanup(); }
  });

  it('reports a stored file whose bytes changed underneath as corrupt', async () => {
    const w = await freshWorkspace();
    try {
      const c = await w.ok('companies.create', sampleCompany());
      const meta = await w.ok('attachments.add', { ownerType: 'company', ownerId: c.id, kind: 'x', filename: 'a.pdf', base64: pdf.toString('base64') });
      w.app.workspaces.db.prepare('UPDATE attachments SET content = ? WHERE id = ?').run(Buffer.concat([pdf, Buffer.from('x')]), meta.id);
      const r = await w.app.call('attachments.get', { id: meta.id });
      expect(r.ok ? null : r.error.code).toBe('INTEGRITY');
    } finally { w.cleanup(); }
  });
});

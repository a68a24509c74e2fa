import { AppError } from '../../../shared/errors.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { Ctx, Handlers } from '../../core/context.ts';
import { journalHead } from '../../store/journal.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { readDeadlines, writeDeadlines } from './deadlines.repo.ts';
import { signDetachedCms } from '../documents/cmsSigner.ts';
import { manifest, publicFiles, sha256, zip } from './publicRegister.ts';
import { buildAnnualReport } from './annualReport.ts';
import { loadAgencyIdentity, type AgencyIdentity } from '../documents/identity.ts';
import { registerPrepared, documentFilename, type PreparedDocument } from '../documents/issue.ts';

type AccountabilityCommand = 'accountability.getDeadlines' | 'accountability.setDeadlines' | 'accountability.exportPublicRegister' | 'accountability.annualReport';

/** The agency's active signing identity (signed-documents service); refused until one is set up. */
function agencyIdentity(ctx: Ctx): AgencyIdentity {
  const id = loadAgencyIdentity(ctx.db);
  if (!id) throw new AppError('CONFLICT', 'errors.noSigningIdentity');
  return id;
}

/** Deadlines, the signed public register and the signed annual report. */
export const accountabilityHandlers: Handlers<AccountabilityCommand> = {
  'accountability.getDeadlines': (ctx) => readDeadlines(ctx.db),

  'accountability.setDeadlines': (ctx, input) => {
    const before = readDeadlines(ctx.db);
    writeDeadlines(ctx.db, input);
    ctx.audit({ entityType: 'settings', entityId: 'accountability_deadlines', payload: { before, after: input } });
    return input;
  },

  /** Files and signature are made before the transaction (slow); the issue is journaled inside it. */
  'accountability.exportPublicRegister': {
    prepare: async (ctx, input) => {
      const identity = agencyIdentity(ctx);
      const issuedAt = ctx.nowIso();
      const { files, count } = publicFiles(ctx.db, input.language, issuedAt);
      const agency = readSettings(ctx.db).name;
      const m = manifest(files, { agency, issuedAt, journalHead: journalHead(ctx.db), certificateSha256: identity.fingerprint });
      const all = [...files, { name: 'manifest.json', bytes: m }, { name: 'manifest.json.p7s', bytes: signDetachedCms(identity.p12, identity.p12Secret, m, ctx.clock.now()) },
        { name: 'agency-certificate.pem', bytes: Buffer.from(identity.certPem, 'utf8') }];
      const z = zip(all);
      const filename = `${translate(input.language, 'public.fileBase')}-${issuedAt.slice(0, 10)}.zip`;
      return { count, z, filename, fingerprint: identity.fingerprint, list: all.map((f) => ({ name: f.name, sha256: sha256(f.bytes), bytes: f.bytes.length })) };
    },
    run: (ctx, _input, p: { count: number; z: Buffer; filename: string; fingerprint: string; list: { name: string; sha256: string; bytes: number }[] }) => {
      const digest = sha256(p.z);
      ctx.audit({ entityType: 'publication', entityId: digest, payload: { kind: 'public_register', files: p.list, companies: p.count, signer: p.fingerprint } });
      return { filename: p.filename, mime: 'application/zip', base64: p.z.toString('base64'), sha256: digest, files: p.list, companies: p.count };
    },
  },

  /** Drawn and signed by the signed-documents service in `prepare`; registered (serial, SHA-256, journal head) in the transaction. */
  'accountability.annualReport': {
    prepare: async (ctx, input) => {
      agencyIdentity(ctx);
      return buildAnnualReport(ctx.db, { year: input.year, language: input.language, issuedAt: ctx.clock.now() });
    },
    run: (ctx, input, p: { prepared: PreparedDocument; totals: Record<string, number> }) => {
      const doc = registerPrepared(ctx.db, p.prepared, { type: 'annual_report', id: String(input.year), label: translate(input.language, 'report.title', { year: input.year }), companyId: null }, ctx.user!.id);
      ctx.audit({ entityType: 'report', entityId: doc.id, payload: { kind: 'annual_sector_report', serial: doc.serial, year: input.year, language: input.language, totals: p.totals, sha256: sha256(p.prepared.pdf) } });
      return {
        filename: documentFilename(doc), mime: 'application/pdf', base64: p.prepared.pdf.toString('base64'), sha256: sha256(p.prepared.pdf), totals: p.totals,
        serial: doc.serial,
      };
    },
  },
};

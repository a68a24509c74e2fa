import { AppError } from '../../../shared/errors.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { Ctx, Handlers } from '../../core/context.ts';
import { journalHead } from '../../store/journal.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { readDeadlines, writeDeadlines } from './deadlines.repo.ts';
import { makeAgencyIdentity, readAgencyIdentity, signDetached, storeAgencyIdentity, type AgencyIdentity } from './agencyIdentity.ts';
import { manifest, publicFiles, sha256, zip } from './publicRegister.ts';
import { buildAnnualReport } from './annualReport.ts';

type AccountabilityCommand = 'accountability.getDeadlines' | 'accountability.setDeadlines' | 'accountability.exportPublicRegister' | 'accountability.annualReport';

/** The stored identity, or a new one (stored by `keepIdentity` inside the write's transaction). */
function identityFor(ctx: Ctx): { identity: AgencyIdentity; isNew: boolean } {
  const stored = readAgencyIdentity(ctx.db);
  return stored ? { identity: stored, isNew: false } : { identity: makeAgencyIdentity(ctx.db, ctx.clock.now()), isNew: true };
}

function keepIdentity(ctx: Ctx, p: { identity: AgencyIdentity; isNew: boolean }): void {
  if (!p.isNew) return;
  storeAgencyIdentity(ctx.db, p.identity);
  // Another window stored one meanwhile: what we signed would not match the agency's certificate.
  if (readAgencyIdentity(ctx.db)!.fingerprint !== p.identity.fingerprint) throw new AppError('CONFLICT', 'errors.busy');
}

interface Issued { base64: string; sha256: string; filename: string; identity: { identity: AgencyIdentity; isNew: boolean } }

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
      const id = identityFor(ctx);
      const issuedAt = ctx.nowIso();
      const { files, count } = publicFiles(ctx.db, input.language, issuedAt);
      const agency = readSettings(ctx.db).name;
      const m = manifest(files, { agency, issuedAt, journalHead: journalHead(ctx.db), certificateSha256: id.identity.fingerprint });
      const all = [...files, { name: 'manifest.json', bytes: m }, { name: 'manifest.json.p7s', bytes: signDetached(id.identity, m, ctx.clock.now()) },
        { name: 'agency-certificate.pem', bytes: Buffer.from(id.identity.certPem, 'utf8') }];
      const z = zip(all);
      const filename = `${translate(input.language, 'public.fileBase')}-${issuedAt.slice(0, 10)}.zip`;
      return { identity: id, count, z, filename, list: all.map((f) => ({ name: f.name, sha256: sha256(f.bytes), bytes: f.bytes.length })) };
    },
    run: (ctx, _input, p: { identity: Issued['identity']; count: number; z: Buffer; filename: string; list: { name: string; sha256: string; bytes: number }[] }) => {
      keepIdentity(ctx, p.identity);
      const digest = sha256(p.z);
      ctx.audit({ entityType: 'publication', entityId: digest, payload: { kind: 'public_register', files: p.list, companies: p.count } });
      return { filename: p.filename, mime: 'application/zip', base64: p.z.toString('base64'), sha256: digest, files: p.list, companies: p.count };
    },
  },

  'accountability.annualReport': {
    prepare: async (ctx, input) => {
      const id = identityFor(ctx);
      const { pdf, totals } = await buildAnnualReport(ctx.db, {
        year: input.year, language: input.language, issuedAt: ctx.clock.now(), journalHead: journalHead(ctx.db), identity: id.identity,
      });
      return { identity: id, pdf, totals };
    },
    run: (ctx, input, p: { identity: Issued['identity']; pdf: Buffer; totals: Record<string, number> }) => {
      keepIdentity(ctx, p.identity);
      const digest = sha256(p.pdf);
      ctx.audit({ entityType: 'report', entityId: digest, payload: { kind: 'annual_sector_report', year: input.year, language: input.language, totals: p.totals } });
      return {
        filename: `${translate(input.language, 'report.fileBase')}-${input.year}.pdf`, mime: 'application/pdf',
        base64: p.pdf.toString('base64'), sha256: digest, totals: p.totals,
      };
    },
  },
};

import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { fold } from '../../../shared/model/returnsSynonyms.ts';
import type { ReturnSheet } from '../../../shared/model/returns.ts';
import type { Handlers } from '../../core/context.ts';
import { batchFlags, getBatch, getProfile, listBatches, listProfiles, upsertProfile } from './batches.repo.ts';
import { undoBatch } from './commit.ts';
import type { ImportRequest } from './importer.ts';
import { returnJobs } from './jobs.ts';
import { problemsXlsx } from './problemsExport.ts';
import { buildTemplate } from './template.ts';

type Answers = Partial<Record<ReturnSheet, Record<string, string>>>;

/** A profile's answers under the officer's own: what was asked now wins over what was saved. */
function mergeAnswers(base: Answers, over: Answers): Answers {
  const out: Answers = {};
  for (const s of ['PERSONNEL', 'FIREARMS', 'AMMUNITION'] as const) {
    const m = { ...(base[s] ?? {}) };
    for (const [k, v] of Object.entries(over[s] ?? {})) m[fold(k)] = v;
    if (Object.keys(m).length) out[s] = m;
  }
  return out;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const returnsHandlers: Pick<Handlers<
  'returns.startImport' | 'returns.jobStatus' | 'returns.cancelJob' | 'returns.exportProblems' | 'returns.template' | 'returns.listBatches' |
  'returns.getBatch' | 'returns.undoBatch' | 'returns.listProfiles' | 'returns.saveProfile'
>, 'returns.startImport' | 'returns.jobStatus' | 'returns.cancelJob' | 'returns.exportProblems' | 'returns.template' | 'returns.listBatches' |
  'returns.getBatch' | 'returns.undoBatch' | 'returns.listProfiles' | 'returns.saveProfile'> = {
  'returns.startImport': (ctx, input) => {
    const profile = input.profileId ? getProfile(ctx.db, input.profileId) : null;
    if (input.profileId && !profile) throw new AppError('NOT_FOUND', 'errors.returnProfileNotFound', {}, 'profileId');
    const req: ImportRequest = {
      // A copy with its own ArrayBuffer (never Node's shared pool), so it can be handed to the worker without copying again.
      files: input.files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) })),
      year: input.year,
      dryRun: input.dryRun,
      answers: mergeAnswers(profile?.answers ?? {}, input.answers),
      dateOrder: { ...(profile?.dateOrder ? { '*': profile.dateOrder } : {}), ...input.dateOrder },
      language: input.language,
      user: { id: ctx.user?.id ?? null, username: ctx.user?.username ?? null },
      now: ctx.nowIso(),
    };
    return { jobId: returnJobs.start(ctx, req) };
  },
  'returns.jobStatus': (_ctx, { jobId }) => returnJobs.status(jobId),
  'returns.cancelJob': (_ctx, { jobId }) => returnJobs.cancel(jobId),
  'returns.exportProblems': async (_ctx, { jobId, language }) => {
    const report = returnJobs.report(jobId);
    const buf = await problemsXlsx(report, language);
    return { filename: `problemas-declaracion-${report.year}.xlsx`, mime: XLSX, base64: buf.toString('base64') };
  },
  'returns.template': async (_ctx, { language }) => {
    const buf = await buildTemplate(language);
    return { filename: language === 'es' ? 'plantilla-declaracion-anual.xlsx' : 'yearly-return-template.xlsx', mime: XLSX, base64: buf.toString('base64') };
  },
  'returns.listBatches': (ctx, { offset, limit }) => listBatches(ctx.db, offset, limit),
  'returns.getBatch': (ctx, { id }) => {
    const b = getBatch(ctx.db, id);
    if (!b) throw new AppError('NOT_FOUND', 'errors.returnBatchNotFound');
    return { ...b, flags: batchFlags(ctx.db, id) };
  },
  'returns.undoBatch': (ctx, { id }) => {
    const r = undoBatch(ctx.db, id, ctx.user?.id ?? null, ctx.nowIso());
    if (!r) throw new AppError('NOT_FOUND', 'errors.returnBatchNotFound');
    if (r.rows < 0) throw new AppError('INVALID_TRANSITION', 'errors.returnBatchAlreadyUndone');
    ctx.audit({ entityType: 'return_batch', entityId: id, payload: { status: { from: 'committed', to: 'undone' }, year: r.year, rows: r.rows } });
    return getBatch(ctx.db, id)!;
  },
  'returns.listProfiles': (ctx) => listProfiles(ctx.db),
  'returns.saveProfile': (ctx, input) => {
    const answers = mergeAnswers({}, input.answers);
    const p = upsertProfile(ctx.db, { id: uuidv7(), name: input.name, companyLicenceNo: input.companyLicenceNo, answers, dateOrder: input.dateOrder }, ctx.nowIso(), ctx.user?.id ?? null);
    ctx.audit({ entityType: 'return_mapping_profile', entityId: p.id, payload: p });
    return p;
  },
};

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { uuidv7 } from '../../../shared/ids.ts';
import { AppError } from '../../../shared/errors.ts';
import type { JobStatus } from '../../../shared/commands/returns.ts';
import type { Ctx } from '../../core/context.ts';
import { DB_FILE } from '../../core/workspaces.ts';
import type { ImportReport, ImportRequest, Phase } from './importer.ts';
import { reportFromBatch } from './batches.repo.ts';
import { IMPORT_YOUNG_GENERATION_MB } from './batchWriter.ts';

interface Job {
  id: string;
  ownerId: string | null;
  state: JobStatus['state'];
  phase: Phase;
  done: number;
  total: number;
  phaseStartedAt: number;
  report: ImportReport | null;
  error: string | null;
  worker: Worker | null;
  cancel: Int32Array;
  finishedAt: number | null;
}

/** The worker's file: the bundled one beside the packaged main process, or the source in development and tests. */
function workerFile(): URL | string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const bundled = join(here, 'returns-worker.cjs');
  if (existsSync(bundled)) return bundled;
  return new URL('./import.worker.ts', import.meta.url);
}

const KEEP_MS = 60 * 60_000;

/**
 * Import jobs of this process. One runs at a time (SQLite has one writer; two imports of the
 * same return would race). Finished jobs are kept an hour so the screen can fetch the report
 * and export its problems.
 */
export class ReturnJobs {
  private readonly jobs = new Map<string, Job>();

  /** Starts the worker on its own connection; answers at once with the job id. */
  start(ctx: Ctx, request: ImportRequest): string {
    this.sweep();
    if ([...this.jobs.values()].some((j) => j.state === 'running')) throw new AppError('CONFLICT', 'errors.returnJobRunning');
    const dir = ctx.workspaces.dir;
    if (!dir) throw new AppError('LOCKED', 'errors.locked');
    const cancel = new SharedArrayBuffer(4);
    request = { ...request, batchId: request.batchId ?? uuidv7() };
    const job: Job = {
      id: uuidv7(), ownerId: ctx.user?.id ?? null, state: 'running', phase: 'reading', done: 0, total: 0, phaseStartedAt: Date.now(),
      report: null, error: null, worker: null, cancel: new Int32Array(cancel), finishedAt: null,
    };
    const worker = new Worker(workerFile(), {
      workerData: { dbFile: join(dir, DB_FILE), keyHex: ctx.workspaces.dataKey.toString('hex'), request, cancel },
      // Files that own their whole buffer move to the worker instead of being copied.
      transferList: request.files.filter((f) => f.bytes.byteOffset === 0 && f.bytes.byteLength === f.bytes.buffer.byteLength).map((f) => f.bytes.buffer as ArrayBuffer),
      // A small young generation: an import makes millions of short-lived row objects, and with
      // V8's default the heap grew to hold ~200 MB of garbage between collections (peak RSS of a
      // 600,000-row import 540 MB against 375 MB, at the same speed). The bench runs with the same.
      resourceLimits: { maxOldGenerationSizeMb: 1536, maxYoungGenerationSizeMb: IMPORT_YOUNG_GENERATION_MB },
    });
    job.worker = worker;
    const finish = (state: Job['state'], patch: Partial<Job> = {}) => {
      if (job.state !== 'running') return;
      Object.assign(job, patch, { state, finishedAt: Date.now(), worker: null });
      if (state === 'done') job.phase = 'finished';
    };
    worker.on('message', (m: { type: string; phase?: Phase; done?: number; total?: number; report?: ImportReport; error?: string }) => {
      if (m.type === 'progress') {
        if (m.phase !== job.phase) job.phaseStartedAt = Date.now();
        job.phase = m.phase!;
        job.done = m.done!;
        job.total = m.total!;
      } else if (m.type === 'done') finish('done', { report: m.report! });
      else if (m.type === 'cancelled') finish('cancelled');
      else if (m.type === 'failed') ended('failed', m.error ?? 'failed');
    });
    // A worker that dies without its last word (killed, crashed) may have died just after the
    // commit: the batch then stands whole, and the job says so rather than "nothing was saved".
    const committed = () => { try { return reportFromBatch(ctx.workspaces.db, request.batchId!); } catch { return null; } }; // locked meanwhile: unknown
    const ended = (state: 'cancelled' | 'failed', error: string) => {
      const report = committed();
      if (report) finish('done', { report }); else finish(state, { error });
    };
    worker.on('error', (e) => ended('failed', e.message));
    worker.on('exit', (code) => { if (job.state === 'running') ended(Atomics.load(job.cancel, 0) ? 'cancelled' : 'failed', `worker exited (${code})`); });
    this.jobs.set(job.id, job);
    return job.id;
  }

  status(jobId: string): JobStatus {
    const j = this.jobs.get(jobId);
    if (!j) throw new AppError('NOT_FOUND', 'errors.returnJobNotFound');
    const elapsed = Math.max(0.001, (Date.now() - j.phaseStartedAt) / 1000);
    const rate = j.state === 'running' && j.done > 0 ? j.done / elapsed : 0;
    return {
      jobId: j.id, state: j.state, phase: j.phase, done: j.done, total: j.total,
      rowsPerSecond: Math.round(rate), etaSeconds: rate > 0 && j.total > j.done ? Math.round((j.total - j.done) / rate) : null,
      report: j.report as JobStatus['report'], error: j.error,
    };
  }

  report(jobId: string): ImportReport {
    const j = this.jobs.get(jobId);
    if (!j || !j.report) throw new AppError('NOT_FOUND', 'errors.returnJobNotFound');
    return j.report;
  }

  /** Asks the worker to stop between rows (its transaction rolls back); a stuck worker is terminated. */
  cancel(jobId: string): JobStatus {
    const j = this.jobs.get(jobId);
    if (!j) throw new AppError('NOT_FOUND', 'errors.returnJobNotFound');
    if (j.state === 'running') {
      Atomics.store(j.cancel, 0, 1);
      const w = j.worker;
      setTimeout(() => { if (j.state === 'running') void w?.terminate(); }, 5000).unref();
    }
    return this.status(jobId);
  }

  /** Test hook: kills the worker thread outright, as a crash would. */
  kill(jobId: string): Promise<number> | undefined {
    return this.jobs.get(jobId)?.worker?.terminate();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, j] of this.jobs) if (j.finishedAt && now - j.finishedAt > KEEP_MS) this.jobs.delete(id);
  }
}

export const returnJobs = new ReturnJobs();

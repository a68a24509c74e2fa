import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api/client.ts';
import type { JobStatus, MappingProfile, ReturnBatch } from '../../../shared/commands/returns.ts';
import type { AppErrorData } from '../../../shared/errors.ts';
import type { ReturnSheet } from '../../../shared/model/returns.ts';

export type Answers = Partial<Record<ReturnSheet, Record<string, string>>>;
export interface PickedFile { name: string; base64: string; size: number }

/** Reads a chosen file as base64 (the contract carries files as base64 strings). */
export function readAsBase64(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(r.error);
    r.onload = () => {
      const s = String(r.result);
      resolve({ name: file.name, size: file.size, base64: s.slice(s.indexOf(',') + 1) });
    };
    r.readAsDataURL(file);
  });
}

/**
 * One import at a time: start the job, poll its status every 300 ms for the progress bar,
 * cancel, and keep the last report with the officer's answers to unknown columns and dates.
 */
export function useReturnImport(lang: 'es' | 'en') {
  const [job, setJob] = useState<JobStatus | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [dateOrder, setDateOrder] = useState<Record<string, 'dmy' | 'mdy'>>({});
  const timer = useRef<number | null>(null);

  const stop = () => { if (timer.current !== null) { window.clearTimeout(timer.current); timer.current = null; } };
  useEffect(() => stop, []);

  const poll = useCallback((jobId: string, onDone: (s: JobStatus) => void) => {
    const tick = async () => {
      const r = await call('returns.jobStatus', { jobId });
      if (!r.ok) { setError(r.error); return; }
      setJob(r.value);
      if (r.value.state === 'running') timer.current = window.setTimeout(() => void tick(), 300);
      else onDone(r.value);
    };
    void tick();
  }, []);

  const start = useCallback(async (opts: { files: PickedFile[]; year: number; dryRun: boolean; profileId: string | null }, onDone: (s: JobStatus) => void) => {
    stop();
    setError(null);
    const r = await call('returns.startImport', {
      files: opts.files.map((f) => ({ name: f.name, base64: f.base64 })), year: opts.year, dryRun: opts.dryRun,
      answers, dateOrder, profileId: opts.profileId, language: lang,
    });
    if (!r.ok) { setError(r.error); return; }
    setJob({ jobId: r.value.jobId, state: 'running', phase: 'reading', done: 0, total: 0, rowsPerSecond: 0, etaSeconds: null, report: null, error: null });
    poll(r.value.jobId, onDone);
  }, [answers, dateOrder, lang, poll]);

  const cancel = useCallback(async () => {
    if (!job) return;
    const r = await call('returns.cancelJob', { jobId: job.jobId });
    if (!r.ok) setError(r.error);
  }, [job]);

  const answer = (sheet: ReturnSheet, key: string, field: string) => setAnswers((a) => ({ ...a, [sheet]: { ...(a[sheet] ?? {}), [key]: field } }));
  /** A new file keeps the answers already given (the corrected file has the same columns). */
  const reset = () => { stop(); setJob(null); setError(null); };

  return { job, error, setError, answers, setAnswers, answer, dateOrder, setDateOrder, start, cancel, reset };
}

/** Batches and mapping profiles, reloaded after each commit or undo. */
export function useReturnBatches(canImport: boolean) {
  const [batches, setBatches] = useState<ReturnBatch[] | null>(null);
  const [profiles, setProfiles] = useState<MappingProfile[]>([]);
  const [error, setError] = useState<AppErrorData | null>(null);
  const reload = useCallback(async () => {
    const [b, p] = await Promise.all([call('returns.listBatches', { limit: 50 }), canImport ? call('returns.listProfiles', {}) : Promise.resolve(null)]);
    if (b.ok) setBatches(b.value.rows); else setError(b.error);
    if (p?.ok) setProfiles(p.value);
  }, [canImport]);
  useEffect(() => { void reload(); }, [reload]);
  return { batches, profiles, error, setError, reload };
}

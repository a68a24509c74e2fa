import { existsSync, readFileSync } from 'node:fs';
import type { AppErrorData } from '../../shared/errors.ts';
import { translate, type Language } from '../../shared/i18n/index.ts';
import type { VerifyResult } from '../../shared/commands/documents.ts';

type App = { call(name: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: AppErrorData }> };

/**
 * `centinela verify <file.pdf> --dir D --user USER`: the same check as the in-app verify
 * (signature, signer, register). Prints one line a person reads and the JSON result;
 * exit 0 only for a valid document, 1 for anything else, 2 for bad usage.
 */
export async function verifyCli(
  v: Record<string, unknown>, rest: string[],
  h: { withSignedIn: (v: Record<string, unknown>, fn: (app: App) => Promise<number>) => Promise<number>; fail: (e: AppErrorData) => number; lang: Language; UsageError: new (m: string) => Error },
): Promise<number> {
  const [file, ...extra] = rest;
  if (!file) throw new h.UsageError('missing the PDF file to verify');
  if (extra.length) throw new h.UsageError(`unexpected argument: ${extra[0]}`);
  if (!existsSync(file)) throw new h.UsageError(`file not found: ${file}`);
  const base64 = readFileSync(file).toString('base64');
  return h.withSignedIn(v, async (app) => {
    const r = await app.call('documents.verify', { base64 });
    if (!r.ok) return h.fail(r.error);
    const res = r.value as VerifyResult;
    const t = (k: string, p?: Record<string, string | number>) => translate(h.lang, k, p);
    const lines = [`${res.status.toUpperCase()}: ${t(`documents.verify.status.${res.status}`)} — ${t(res.reasonKey)}`];
    if (res.entry) {
      lines.push(res.status === 'valid'
        ? t('documents.verify.entry', { serial: res.entry.serial, kind: t(`documents.kind.${res.entry.kind}`), date: res.entry.issuedAt.slice(0, 10) })
        : t('documents.verify.claimed', { serial: res.entry.serial }));
    }
    if (res.signerSubject) lines.push(`${res.signerSubject} (${res.signerFingerprint})`);
    lines.push(`SHA-256 ${res.sha256}`);
    process.stdout.write(`${lines.join('\n')}\n${JSON.stringify(res)}\n`);
    return res.status === 'valid' ? 0 : 1;
  });
}

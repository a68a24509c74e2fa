import { performance } from 'node:perf_hooks';
import type { createCentinela } from '../../electron/core/app.ts';

/** What every bench module gets: one encrypted national-scale workspace, shared in one run. */
export interface BenchContext {
  app: ReturnType<typeof createCentinela>;
  workspaceId: string;
  password: string;
  now: Date;
  /** A scratch folder for files a bench writes (returns, PDFs); removed at the end. */
  tmp: string;
}
export type Bench = (ctx: BenchContext) => Promise<void>;

export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
export const fmt = (n: number) => n.toFixed(2);

/** Runs `fn` `runs` times and returns each duration in ms. */
export async function time(fn: () => unknown | Promise<unknown>, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** A call that throws on an error result (a bench that silently times failures lies). */
export async function must(ctx: BenchContext, name: string, input: unknown): Promise<unknown> {
  const r = await ctx.app.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

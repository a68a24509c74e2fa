/**
 * Hybrid logical clocks for field changes: wall-clock milliseconds, a counter for changes in the
 * same millisecond (or when a laptop's clock is behind), and the node (field workspace) that made
 * the change. Encoded as a fixed-width string so plain string comparison orders them:
 * `000001763900000000:000000:<node>`. A later stamp wins between two field copies; the node
 * breaks exact ties the same way on every computer.
 */
export interface Hlc { wall: number; counter: number; node: string }

export const HLC_ZERO: Hlc = { wall: 0, counter: 0, node: '' };

export function encodeHlc(h: Hlc): string {
  return `${String(h.wall).padStart(15, '0')}:${String(h.counter).padStart(6, '0')}:${h.node}`;
}

export function decodeHlc(s: string): Hlc {
  const m = /^(\d{15}):(\d{6}):(.*)$/.exec(s);
  if (!m) throw new Error(`not a hybrid logical clock: ${s}`);
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3] };
}

/** The next stamp for a local event at wall time `now`: never earlier than the last one seen. */
export function tickHlc(last: Hlc, now: number, node: string): Hlc {
  if (now > last.wall) return { wall: now, counter: 0, node };
  return { wall: last.wall, counter: last.counter + 1, node };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
